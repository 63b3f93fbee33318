import { Hono } from 'hono';
import {
  genericPaymentEventSchema,
  stripeEventSchema,
  stripePaymentIntentSchema,
  stripeRefundSchema,
} from '../../core/api/payments.js';
import type { z } from '../../core/api/zod.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { applyProviderEvent, type PaymentAction } from '../payments.js';
import { type SignatureCheck, verifyStandardWebhook, verifyStripe } from '../webhook-signatures.js';
import { deliverAfterResponse } from '../webhooks/outbound.js';

/**
 * Payment providers call these with a signature over the raw body and a timestamp; nothing else
 * authenticates them (no cookie, no API key). An event id is applied once: a replay inside the
 * tolerance window answers `duplicate: true` and changes nothing.
 */
export const paymentHookRoutes = new Hono<AppEnv>();

function requireSecret(secret: string | undefined, name: string): string {
  if (!secret) throw new ApiError(404, 'webhook_not_configured', `${name} is not set on this deployment`);
  return secret;
}

function assertSigned(check: SignatureCheck): void {
  if (check.ok) return;
  const why = {
    missing: 'the signature headers are missing',
    malformed: 'the signature headers are malformed',
    expired: 'the signature timestamp is outside the tolerance window',
    mismatch: 'the signature does not match the body',
  }[check.reason];
  throw new ApiError(401, 'bad_webhook_signature', why);
}

function parseEvent<S extends z.ZodType>(schema: S, body: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ApiError(400, 'malformed_json', 'the event is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new ApiError(400, 'invalid_request', 'the event does not have the expected shape');
  return parsed.data;
}

function stripeAction(event: z.output<typeof stripeEventSchema>): PaymentAction {
  if (event.type === 'payment_intent.succeeded') {
    const intent = parseEvent(stripePaymentIntentSchema, JSON.stringify(event.data.object));
    return {
      kind: 'paid',
      ref: intent.id,
      amount: intent.amount_received,
      currency: intent.currency,
      serviceId: intent.metadata.service_id,
      counselorId: intent.metadata.counselor_id,
      appointmentId: intent.metadata.appointment_id,
      paidAt: intent.created * 1000,
    };
  }
  if (event.type === 'refund.created') {
    const refund = parseEvent(stripeRefundSchema, JSON.stringify(event.data.object));
    if (refund.status === 'failed' || refund.status === 'canceled') return { kind: 'ignored' };
    return {
      kind: 'refunded',
      paymentRef: refund.payment_intent,
      refundRef: refund.id,
      amount: refund.amount,
      at: refund.created * 1000,
    };
  }
  return { kind: 'ignored' };
}

paymentHookRoutes.post('/stripe', async (c) => {
  const secret = requireSecret(c.env.STRIPE_WEBHOOK_SECRET, 'STRIPE_WEBHOOK_SECRET');
  const body = await c.req.text();
  assertSigned(verifyStripe(secret, c.req.header('Stripe-Signature'), body));
  const event = parseEvent(stripeEventSchema, body);
  const result = await applyProviderEvent(c.var.db, 'stripe', event, stripeAction(event));
  deliverAfterResponse(c, result.change.queued);
  return c.json({ received: true as const, duplicate: result.duplicate, outcome: result.change.outcome });
});

paymentHookRoutes.post('/standard', async (c) => {
  const secret = requireSecret(c.env.PAYMENT_WEBHOOK_SECRET, 'PAYMENT_WEBHOOK_SECRET');
  const body = await c.req.text();
  const headers = {
    id: c.req.header('webhook-id'),
    timestamp: c.req.header('webhook-timestamp'),
    signature: c.req.header('webhook-signature'),
  };
  assertSigned(verifyStandardWebhook(secret, headers, body));
  const event = parseEvent(genericPaymentEventSchema, body);
  const action: PaymentAction =
    event.type === 'payment.succeeded'
      ? {
          kind: 'paid',
          ref: event.data.paymentId,
          amount: event.data.amount,
          currency: event.data.currency,
          serviceId: event.data.serviceId,
          counselorId: event.data.counselorId,
          appointmentId: event.data.appointmentId,
          paidAt: event.data.paidAt ?? Date.now(),
        }
      : {
          kind: 'refunded',
          paymentRef: event.data.paymentId,
          refundRef: event.data.refundId,
          amount: event.data.amount,
          at: Date.now(),
        };
  const result = await applyProviderEvent(c.var.db, 'standard', event, action);
  deliverAfterResponse(c, result.change.queued);
  return c.json({ received: true as const, duplicate: result.duplicate, outcome: result.change.outcome });
});
