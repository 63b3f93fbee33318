import { idSchema } from './encoding.js';
import { WEBHOOK_URL_MESSAGES, webhookUrlProblem } from './webhook-url.js';
import { z } from './zod.js';

/**
 * Outbound webhooks, signed as the Standard Webhooks specification says. Payloads carry ids and
 * operational data only: never a sealed or encrypted field, never a name.
 */

export const WEBHOOK_EVENT_TYPES = [
  'booking_request.created',
  'booking_request.status_changed',
  'payment.succeeded',
  'payment.refunded',
  'rule.fired',
] as const;
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Standard Webhooks' retry schedule: the first attempt at once, then after each of these. */
export const RETRY_DELAYS_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3600_000,
  5 * 3600_000,
  10 * 3600_000,
  10 * 3600_000,
];

/** Operational values only: ids, codes, amounts, times. */
export type WebhookData = { [key: string]: string | number | boolean | null };

const webhookUrlSchema = z
  .string()
  .max(2048)
  .superRefine((text, context) => {
    const problem = webhookUrlProblem(text);
    if (problem) context.addIssue({ code: 'custom', message: WEBHOOK_URL_MESSAGES[problem] });
  });

export const createWebhookEndpointSchema = z.object({
  url: webhookUrlSchema,
  description: z.string().trim().max(200).default(''),
  eventTypes: z
    .array(webhookEventTypeSchema)
    .min(1, { error: 'subscribe to at least one event type' })
    .refine((types) => new Set(types).size === types.length, { error: 'event types must not repeat' }),
});
export type CreateWebhookEndpoint = z.input<typeof createWebhookEndpointSchema>;

export const updateWebhookEndpointSchema = z.object({
  enabled: z.boolean().optional(),
  eventTypes: createWebhookEndpointSchema.shape.eventTypes.optional(),
});

export const webhookEndpointViewSchema = z.object({
  id: idSchema,
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(webhookEventTypeSchema),
  enabled: z.boolean(),
  createdAt: z.int(),
});
export type WebhookEndpointView = z.infer<typeof webhookEndpointViewSchema>;
export const webhookEndpointListSchema = z.object({ endpoints: z.array(webhookEndpointViewSchema) });

/** The signing secret (whsec_…) is returned once, when the endpoint is created. */
export const createdWebhookEndpointSchema = z.object({
  endpoint: webhookEndpointViewSchema,
  secret: z.string(),
});
export type CreatedWebhookEndpoint = z.infer<typeof createdWebhookEndpointSchema>;

export const webhookAttemptViewSchema = z.object({
  attemptedAt: z.int(),
  statusCode: z.int().nullable(),
  error: z.string().nullable(),
  durationMs: z.int(),
});
export const webhookDeliveryViewSchema = z.object({
  id: z.string(),
  endpointId: idSchema,
  eventType: z.string(),
  payload: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.int(),
  nextAttemptAt: z.int().nullable(),
  lastStatusCode: z.int().nullable(),
  createdAt: z.int(),
  log: z.array(webhookAttemptViewSchema),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryViewSchema>;
export const webhookDeliveryListSchema = z.object({ deliveries: z.array(webhookDeliveryViewSchema) });
export type WebhookDeliveryList = z.infer<typeof webhookDeliveryListSchema>;

export const webhookEndpointIdParamSchema = z.object({ id: idSchema });
export const webhookDeliveryParamSchema = z.object({
  id: idSchema,
  delivery: z.string().regex(/^msg_[A-Za-z0-9]{10,40}$/, { error: 'not a message id' }),
});

/** The body of every outbound delivery (Standard Webhooks' recommended shape). */
export const webhookPayloadSchema = z
  .object({
    type: webhookEventTypeSchema,
    timestamp: z.iso.datetime(),
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .meta({
    example: {
      type: 'booking_request.created',
      timestamp: '2026-01-01T08:00:00.000Z',
      data: { id: '3f0c6a52-9d7e-4c41-8f0e-2b7f4d5e6a10', channel: 'website', utmSource: 'newsletter' },
    },
  });
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
