import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { PaymentView } from '../core/api/payments.js';
import type { WebhookData } from '../core/api/webhooks.js';
import { commitAudited } from './audit.js';
import { isNotNull } from './booking-guard.js';
import { type Db, isUniqueViolation } from './db/client.js';
import { type PaymentRow, paymentEvents, paymentRefunds, payments } from './db/integrations-schema.js';
import { ApiError } from './errors.js';

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
  /** the outbound webhook this change announces */
  event?: { type: 'payment.succeeded' | 'payment.refunded'; data: WebhookData };
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

const paymentData = (row: PaymentRow): WebhookData => ({
  paymentId: row.id,
  provider: row.provider,
  providerRef: row.providerRef,
  amount: row.amount,
  currency: row.currency,
  refundedAmount: row.refundedAmount,
  status: row.status,
  serviceId: row.serviceId,
  counselorId: row.counselorId,
  appointmentId: row.appointmentId,
});

async function findPayment(db: Db, provider: string, ref: string): Promise<PaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, provider), eq(payments.providerRef, ref)))
    .limit(1);
  return row;
}

interface Planned {
  change: PaymentChange;
  writes: BatchItem<'sqlite'>[];
}

async function planPaid(db: Db, provider: string, action: PaidAction, now: number): Promise<Planned> {
  const existing = await findPayment(db, provider, action.ref);
  if (existing) return { change: { outcome: 'already_recorded', payment: existing }, writes: [] };
  const row: PaymentRow = {
    id: crypto.randomUUID(),
    provider,
    providerRef: action.ref,
    amount: action.amount,
    currency: action.currency,
    refundedAmount: 0,
    status: 'paid',
    serviceId: action.serviceId ?? null,
    counselorId: action.counselorId ?? null,
    appointmentId: action.appointmentId ?? null,
    paidAt: action.paidAt,
    createdAt: now,
  };
  return {
    change: {
      outcome: 'recorded',
      payment: row,
      event: { type: 'payment.succeeded', data: paymentData(row) },
    },
    writes: [db.insert(payments).values(row)],
  };
}

export async function planRefund(
  db: Db,
  payment: PaymentRow | undefined,
  action: RefundedAction,
): Promise<Planned> {
  if (!payment) throw new ApiError(404, 'not_found', 'no payment with this reference (yet)');
  const [seen] = await db
    .select()
    .from(paymentRefunds)
    .where(and(eq(paymentRefunds.paymentId, payment.id), eq(paymentRefunds.providerRef, action.refundRef)))
    .limit(1);
  if (seen) return { change: { outcome: 'already_recorded', payment }, writes: [] };
  const refundedAmount = payment.refundedAmount + action.amount;
  if (refundedAmount > payment.amount) {
    throw new ApiError(409, 'refund_exceeds_payment', 'the refunds would exceed the amount paid');
  }
  const updated: PaymentRow = {
    ...payment,
    refundedAmount,
    status: refundedAmount === payment.amount ? 'refunded' : 'partially_refunded',
  };
  return {
    change: {
      outcome: 'refunded',
      payment: updated,
      event: { type: 'payment.refunded', data: { ...paymentData(updated), refundAmount: action.amount } },
    },
    writes: [
      db.insert(paymentRefunds).values({
        id: crypto.randomUUID(),
        paymentId: payment.id,
        providerRef: action.refundRef,
        amount: action.amount,
        refundedAt: action.at,
      }),
      // The total is added to in SQL, and is NULL (the batch, refund row and audit included,
      // aborts) when it would pass the amount paid: of racing refunds, each one that fits
      // commits, and the one that would overdraw writes nothing.
      db
        .update(payments)
        .set({
          refundedAmount: sql`(CASE WHEN ${payments.refundedAmount} + ${action.amount} <= ${payments.amount}
            THEN ${payments.refundedAmount} + ${action.amount} END)`,
          status: sql`(CASE WHEN ${payments.refundedAmount} + ${action.amount} = ${payments.amount}
            THEN 'refunded' ELSE 'partially_refunded' END)`,
        })
        .where(eq(payments.id, payment.id)),
    ],
  };
}

async function plan(db: Db, provider: string, action: PaymentAction, now: number): Promise<Planned> {
  switch (action.kind) {
    case 'paid':
      return planPaid(db, provider, action, now);
    case 'refunded':
      return planRefund(db, await findPayment(db, provider, action.paymentRef), action);
    case 'ignored':
      return { change: { outcome: 'ignored' }, writes: [] };
  }
}

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

/** A refund's payment as committed: a concurrent refund may have added to the total meanwhile. */
async function settled(db: Db, change: PaymentChange): Promise<PaymentChange> {
  if (change.outcome !== 'refunded' || !change.payment || !change.event) return change;
  const payment = await requirePayment(db, change.payment.id);
  const refundAmount = change.event.data.refundAmount ?? null;
  return {
    ...change,
    payment,
    event: { type: change.event.type, data: { ...paymentData(payment), refundAmount } },
  };
}

/** A provider callback: applied once per event id; a replay returns `duplicate` and writes nothing. */
export async function applyProviderEvent(
  db: Db,
  orgId: string,
  provider: string,
  event: { id: string; type: string },
  action: PaymentAction,
): Promise<{ duplicate: boolean; change: PaymentChange }> {
  const [seen] = await db
    .select()
    .from(paymentEvents)
    .where(and(eq(paymentEvents.provider, provider), eq(paymentEvents.eventId, event.id)))
    .limit(1);
  if (seen) return { duplicate: true, change: { outcome: seen.outcome as PaymentChange['outcome'] } };
  const now = Date.now();
  const { change, writes } = await plan(db, provider, action, now);
  const eventRow = db.insert(paymentEvents).values({
    provider,
    eventId: event.id,
    type: event.type,
    outcome: change.outcome,
    paymentId: change.payment?.id ?? null,
    receivedAt: now,
  });
  try {
    await commitAudited(db, orgId, auditOf(change, provider, `event:${event.id}`), () => [
      eventRow,
      ...writes,
    ]);
  } catch (error) {
    if (isUniqueViolation(error, 'payment_events'))
      return { duplicate: true, change: { outcome: change.outcome } };
    if (isUniqueViolation(error)) return { duplicate: true, change: { outcome: 'already_recorded' } };
    throw overdrawnOr(error);
  }
  return { duplicate: false, change: await settled(db, change) };
}

/** An integration's own call (payments:write): idempotent by its reference. */
export async function applyApiPayment(
  db: Db,
  orgId: string,
  source: string,
  action: PaidAction | RefundedAction,
  payment?: PaymentRow,
): Promise<PaymentChange> {
  const now = Date.now();
  const { change, writes } =
    action.kind === 'paid' ? await planPaid(db, 'api', action, now) : await planRefund(db, payment, action);
  try {
    await commitAudited(db, orgId, auditOf(change, 'api', source), () => writes);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError(409, 'conflict', 'a concurrent call recorded this reference');
    throw overdrawnOr(error);
  }
  return settled(db, change);
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

export async function requirePayment(db: Db, id: string): Promise<PaymentRow> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id)).limit(1);
  if (!row) throw new ApiError(404, 'not_found', 'no such payment');
  return row;
}
