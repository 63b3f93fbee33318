import { eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { payments, type WebhookEndpointRow, webhookDeliveries } from './db/integrations-schema.js';
import { newMessageId } from './webhooks/outbound.js';

/**
 * A payment's outbound webhook deliveries as statements for the write batch that changes it.
 * The payload's data is built in SQL from the payments row as that transaction leaves it, so a
 * refund announces the total committed with it even when a concurrent refund added to it first
 * (what reading the payment back after the commit gave, without the extra round trip).
 */
export function paymentDeliveries(
  db: Db,
  endpoints: readonly WebhookEndpointRow[],
  type: 'payment.succeeded' | 'payment.refunded',
  paymentId: string,
  refundAmount: number | undefined,
  now: number,
) {
  const refund: SQL = refundAmount === undefined ? sql`` : sql`, 'refundAmount', ${refundAmount}`;
  const payload = sql`json_object(
    'type', ${type},
    'timestamp', ${new Date(now).toISOString()},
    'data', json_object(
      'paymentId', ${payments.id}, 'provider', ${payments.provider}, 'providerRef', ${payments.providerRef},
      'amount', ${payments.amount}, 'currency', ${payments.currency},
      'refundedAmount', ${payments.refundedAmount}, 'status', ${payments.status},
      'serviceId', ${payments.serviceId}, 'counselorId', ${payments.counselorId},
      'appointmentId', ${payments.appointmentId}${refund}))`;
  return endpoints
    .filter((endpoint) => endpoint.eventTypes.includes(type))
    .map((endpoint) =>
      db.insert(webhookDeliveries).select(
        db
          .select({
            id: sql<string>`${newMessageId()}`.as('id'),
            endpointId: sql<string>`${endpoint.id}`.as('endpoint_id'),
            eventType: sql<string>`${type}`.as('event_type'),
            payload: sql<string>`${payload}`.as('payload'),
            status: sql<'pending'>`'pending'`.as('status'),
            attempts: sql<number>`0`.as('attempts'),
            nextAttemptAt: sql<number>`${now}`.as('next_attempt_at'),
            lastStatusCode: sql<null>`NULL`.as('last_status_code'),
            createdAt: sql<number>`${now}`.as('created_at'),
          })
          .from(payments)
          .where(eq(payments.id, paymentId)),
      ),
    );
}
