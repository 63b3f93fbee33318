import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { PaymentView } from '../core/api/payments.js';
import { commitAudited } from './audit.js';
import { isNotNull } from './booking-guard.js';
import { type Db, isUniqueViolation } from './db/client.js';
import { type PaymentRow, paymentEvents, payments } from './db/integrations-schema.js';
import { ApiError } from './errors.js';
import { judgeOrg, orgQuery } from './org.js';
import {
  actionWhere,
  byRef,
  type Planned,
  plan,
  planPaid,
  planRefund,
  readQueries,
} from './payment-plans.js';

/**
 * Finance records from payment providers and integrations. Every change is applied at most once:
 * by the provider's event id for callbacks, by the payment or refund reference for API calls.
 */

export interface PaidAction {
  kind: 'paid';
  ref: string;
  amount: number;
  currency: string;
  serviceId?: string | undefined;
  counselorId?: string | undefined;
  appointmentId?: string | undefined;
  paidAt: number;
}
export interface RefundedAction {
  kind: 'refunded';
  paymentRef: string;
  refundRef: string;
  amount: number;
  at: number;
}
export type PaymentAction = PaidAction | RefundedAction | { kind: 'ignored' };

export interface PaymentChange {
  outcome: 'recorded' | 'refunded' | 'already_recorded' | 'ignored';
  payment?: PaymentRow;
  /** outbound webhook deliveries queued with the change, to attempt after the response */
  queued: number;
}

export const toPaymentView = (row: PaymentRow): PaymentView => ({
  id: row.id,
  provider: row.provider,
  providerRef: row.providerRef,
  amount: row.amount,
  currency: row.currency,
  refundedAmount: row.refundedAmount,
  status: row.status,
  serviceId: row.serviceId,
  counselorId: row.counselorId,
  appointmentId: row.appointmentId,
  paidAt: row.paidAt,
  createdAt: row.createdAt,
});

/** What a change is planned from: read in one batch (with the caller's own reads). */
function auditOf(change: PaymentChange, provider: string, source: string) {
  const payment = change.payment;
  if (!payment || (change.outcome !== 'recorded' && change.outcome !== 'refunded')) return [];
  return [
    {
      actor: null,
      type: change.outcome === 'recorded' ? ('payment.recorded' as const) : ('payment.refunded' as const),
      subject: payment.id,
      details: {
        provider,
        source,
        amount: payment.amount,
        refundedAmount: payment.refundedAmount,
        currency: payment.currency,
      },
    },
  ];
}

/** The database refused a refund total past the amount paid (planRefund's guard). */
function overdrawnOr(error: unknown): unknown {
  return isNotNull(error, 'payments.refunded_amount')
    ? new ApiError(409, 'refund_exceeds_payment', 'the refunds would exceed the amount paid')
    : error;
}

/**
 * Commits the planned writes (`before` first) with their audit event; a refund's payment is read
 * back at the end of the same batch, as committed.
 */
async function commitPlanned(
  db: Db,
  orgId: string,
  planned: Planned,
  provider: string,
  source: string,
  before: BatchItem<'sqlite'>[] = [],
): Promise<PaymentChange> {
  const { change } = planned;
  const payment = change.payment;
  const reread =
    planned.rereads && payment ? [db.select().from(payments).where(eq(payments.id, payment.id))] : [];
  const results = await commitAudited(db, orgId, auditOf(change, provider, source), () => [
    ...before,
    ...planned.writes,
    ...reread,
  ]);
  const committed =
    reread.length > 0 ? (results[before.length + planned.writes.length] as PaymentRow[])[0] : undefined;
  return committed ? { ...change, payment: committed } : change;
}

/** A provider callback: applied once per event id; a replay returns `duplicate` and writes nothing. */
export async function applyProviderEvent(
  db: Db,
  provider: string,
  event: { id: string; type: string },
  action: PaymentAction,
): Promise<{ duplicate: boolean; change: PaymentChange }> {
  const { where, refundRef } = actionWhere(provider, action);
  const [orgRows, seenRows, paymentRows, refundRows, endpoints] = await db.batch([
    orgQuery(db),
    db
      .select()
      .from(paymentEvents)
      .where(and(eq(paymentEvents.provider, provider), eq(paymentEvents.eventId, event.id)))
      .limit(1),
    ...readQueries(db, where, refundRef),
  ]);
  const orgRow = judgeOrg(orgRows);
  const [seen] = seenRows;
  if (seen)
    return { duplicate: true, change: { outcome: seen.outcome as PaymentChange['outcome'], queued: 0 } };
  const now = Date.now();
  const planned = plan(db, provider, action, now, {
    payment: paymentRows[0],
    refundSeen: refundRows.length > 0,
    endpoints,
  });
  const eventRow = db.insert(paymentEvents).values({
    provider,
    eventId: event.id,
    type: event.type,
    outcome: planned.change.outcome,
    paymentId: planned.change.payment?.id ?? null,
    receivedAt: now,
  });
  try {
    const change = await commitPlanned(db, orgRow.id, planned, provider, `event:${event.id}`, [eventRow]);
    return { duplicate: false, change };
  } catch (error) {
    if (isUniqueViolation(error, 'payment_events'))
      return { duplicate: true, change: { outcome: planned.change.outcome, queued: 0 } };
    if (isUniqueViolation(error))
      return { duplicate: true, change: { outcome: 'already_recorded', queued: 0 } };
    throw overdrawnOr(error);
  }
}

/**
 * An integration's own call (payments:write), or finance's refund: idempotent by its reference.
 * A refund names its payment by id (404 when there is none).
 */
export async function applyApiPayment(
  db: Db,
  orgId: string,
  source: string,
  action: PaidAction | (Omit<RefundedAction, 'paymentRef'> & { paymentId: string }),
): Promise<PaymentChange> {
  const now = Date.now();
  const [paymentRows, refundRows, endpoints] = await db.batch(
    action.kind === 'paid'
      ? readQueries(db, byRef('api', action.ref), null)
      : readQueries(db, eq(payments.id, action.paymentId), action.refundRef),
  );
  const reads = { payment: paymentRows[0], refundSeen: refundRows.length > 0, endpoints };
  if (action.kind === 'refunded' && !reads.payment) throw new ApiError(404, 'not_found', 'no such payment');
  const planned =
    action.kind === 'paid'
      ? planPaid(db, 'api', action, now, reads)
      : planRefund(db, { ...action, paymentRef: reads.payment?.providerRef ?? '' }, now, reads);
  try {
    return await commitPlanned(db, orgId, planned, 'api', source);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError(409, 'conflict', 'a concurrent call recorded this reference');
    throw overdrawnOr(error);
  }
}

export async function listPayments(
  db: Db,
  query: { from?: number | undefined; to?: number | undefined; limit: number },
) {
  const conditions = [
    ...(query.from !== undefined ? [gte(payments.paidAt, query.from)] : []),
    ...(query.to !== undefined ? [lt(payments.paidAt, query.to)] : []),
  ];
  return db
    .select()
    .from(payments)
    .where(and(...conditions))
    .orderBy(desc(payments.paidAt))
    .limit(query.limit);
}
