import { idSchema } from './encoding.js';
import { z } from './zod.js';

/**
 * Finance records (operational data): created by a payment provider's signed callback or by an
 * integration with the payments:write scope. Amounts are integers in the currency's minor unit.
 */

export const PAYMENT_STATUSES = ['paid', 'partially_refunded', 'refunded'] as const;
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

export const currencySchema = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, { error: 'must be a three-letter ISO 4217 code' })
  .transform((code) => code.toLowerCase());
const amountSchema = z.int().positive().max(1_000_000_000);
const referenceSchema = z.string().min(1).max(255);
const operationalRef = z.string().min(1).max(64);

/** What a payment is for: all optional, all operational. */
export const paymentAttributionSchema = z.object({
  serviceId: operationalRef.optional(),
  counselorId: idSchema.optional(),
  appointmentId: operationalRef.optional(),
});

export const paymentViewSchema = z.object({
  id: idSchema,
  provider: z.string(),
  providerRef: z.string(),
  amount: z.int(),
  currency: z.string(),
  refundedAmount: z.int(),
  status: paymentStatusSchema,
  serviceId: z.string().nullable(),
  counselorId: z.string().nullable(),
  appointmentId: z.string().nullable(),
  paidAt: z.int(),
  createdAt: z.int(),
});
export type PaymentView = z.infer<typeof paymentViewSchema>;

const paymentExample = {
  id: '7d1e2f30-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  provider: 'api',
  providerRef: 'INV-2026-0042',
  amount: 60000,
  currency: 'cny',
  refundedAmount: 0,
  status: 'paid',
  serviceId: 'individual-50',
  counselorId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  appointmentId: 'a1b2c3d4',
  paidAt: 1767225600000,
  createdAt: 1767225600000,
};

export const paymentListSchema = z
  .object({ payments: z.array(paymentViewSchema) })
  .meta({ example: { payments: [paymentExample] } });
export type PaymentList = z.infer<typeof paymentListSchema>;
export const paymentResultSchema = paymentViewSchema.meta({ example: paymentExample });

export const paymentListQuerySchema = z.object({
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** An integration (finance software, a till) records a payment; `reference` makes it idempotent. */
export const recordPaymentRequestSchema = paymentAttributionSchema
  .extend({
    reference: referenceSchema,
    amount: amountSchema,
    currency: currencySchema,
    paidAt: z.int().nonnegative().optional(),
  })
  .meta({
    example: {
      reference: 'INV-2026-0042',
      amount: 60000,
      currency: 'CNY',
      serviceId: 'individual-50',
      counselorId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
      appointmentId: 'a1b2c3d4',
    },
  });
export type RecordPaymentRequest = z.input<typeof recordPaymentRequestSchema>;

export const refundRequestSchema = z
  .object({ reference: referenceSchema, amount: amountSchema })
  .meta({ example: { reference: 'RF-2026-0007', amount: 20000 } });
export type RefundRequest = z.input<typeof refundRequestSchema>;

export const paymentIdParamSchema = z.object({ id: idSchema });

/**
 * Tacit's own payment callback, for providers or tills that sign with Standard Webhooks
 * (webhook-id, webhook-timestamp, webhook-signature).
 */
export const genericPaymentEventSchema = z
  .discriminatedUnion('type', [
    z.object({
      id: referenceSchema,
      type: z.literal('payment.succeeded'),
      data: paymentAttributionSchema.extend({
        paymentId: referenceSchema,
        amount: amountSchema,
        currency: currencySchema,
        paidAt: z.int().nonnegative().optional(),
      }),
    }),
    z.object({
      id: referenceSchema,
      type: z.literal('payment.refunded'),
      data: z.object({ paymentId: referenceSchema, refundId: referenceSchema, amount: amountSchema }),
    }),
  ])
  .meta({
    example: {
      id: 'evt_till_0042',
      type: 'payment.succeeded',
      data: { paymentId: 'till-0042', amount: 60000, currency: 'CNY', serviceId: 'individual-50' },
    },
  });
export type GenericPaymentEvent = z.input<typeof genericPaymentEventSchema>;

/** The part of a Stripe event this adapter reads; anything else in it is ignored. */
const stripeMetadataSchema = z
  .object({
    service_id: operationalRef.optional(),
    counselor_id: idSchema.optional(),
    appointment_id: operationalRef.optional(),
  })
  .catch({});
export const stripeEventSchema = z
  .object({
    id: referenceSchema,
    type: z.string().max(100),
    created: z.int().nonnegative(),
    data: z.object({ object: z.record(z.string(), z.unknown()) }),
  })
  .meta({
    example: {
      id: 'evt_1QabcDEFghiJKLmn',
      type: 'payment_intent.succeeded',
      created: 1767225600,
      data: {
        object: {
          id: 'pi_3QabcDEFghiJKLmn',
          object: 'payment_intent',
          amount_received: 60000,
          currency: 'cny',
          created: 1767225600,
          metadata: { service_id: 'individual-50', appointment_id: 'a1b2c3d4' },
        },
      },
    },
  });
export const stripePaymentIntentSchema = z.object({
  id: referenceSchema,
  amount_received: amountSchema,
  currency: currencySchema,
  created: z.int().nonnegative(),
  metadata: stripeMetadataSchema.default({}),
});
export const stripeRefundSchema = z.object({
  id: referenceSchema,
  amount: amountSchema,
  payment_intent: referenceSchema,
  status: z.string(),
  created: z.int().nonnegative(),
});

export const paymentEventOutcomeSchema = z
  .object({
    received: z.literal(true),
    /** true when this event id was seen before: nothing changed */
    duplicate: z.boolean(),
    outcome: z.enum(['recorded', 'refunded', 'already_recorded', 'ignored']),
  })
  .meta({ example: { received: true, duplicate: false, outcome: 'recorded' } });

export const REVENUE_GROUPINGS = ['month', 'service', 'counselor'] as const;
export const revenueQuerySchema = z.object({
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  groupBy: z.enum(REVENUE_GROUPINGS).default('month'),
});
export const revenueRowSchema = z.object({
  key: z.string().nullable(),
  currency: z.string(),
  count: z.int(),
  gross: z.int(),
  refunded: z.int(),
  net: z.int(),
});
export const revenueReportSchema = z
  .object({ groupBy: z.enum(REVENUE_GROUPINGS), rows: z.array(revenueRowSchema) })
  .meta({
    example: {
      groupBy: 'month',
      rows: [{ key: '2026-01', currency: 'cny', count: 42, gross: 2520000, refunded: 60000, net: 2460000 }],
    },
  });
export type RevenueReport = z.infer<typeof revenueReportSchema>;
