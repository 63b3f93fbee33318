import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from './db/client.js';
import {
  type PaymentRow,
  paymentRefunds,
  payments,
  type WebhookEndpointRow,
} from './db/integrations-schema.js';
import { ApiError } from './errors.js';
import { paymentDeliveries } from './payment-deliveries.js';
import type { PaidAction, PaymentAction, PaymentChange, RefundedAction } from './payments.js';
import { enabledEndpointsQuery } from './webhooks/outbound.js';

/** Planning a payment change (worker/payments.ts commits it): its reads, then its writes. */

export interface PaymentReads {
  payment: PaymentRow | undefined;
  refundSeen: boolean;
  endpoints: WebhookEndpointRow[];
}

export const byRef = (provider: string, ref: string) =>
  and(eq(payments.provider, provider), eq(payments.providerRef, ref));

/** The payment `where` picks, whether it already has the refund `refundRef`, and the endpoints. */
export function readQueries(db: Db, where: SQL | undefined, refundRef: string | null) {
  return [
    db.select().from(payments).where(where).limit(1),
    db
      .select({ id: paymentRefunds.id })
      .from(paymentRefunds)
      .innerJoin(payments, eq(payments.id, paymentRefunds.paymentId))
      .where(refundRef === null ? sql`0` : and(where, eq(paymentRefunds.providerRef, refundRef)))
      .limit(1),
    enabledEndpointsQuery(db),
  ] as const;
}

export function actionWhere(
  provider: string,
  action: PaymentAction,
): { where: SQL | undefined; refundRef: string | null } {
  switch (action.kind) {
    case 'paid':
      return { where: byRef(provider, action.ref), refundRef: null };
    case 'refunded':
      return { where: byRef(provider, action.paymentRef), refundRef: action.refundRef };
    case 'ignored':
      return { where: sql`0`, refundRef: null };
  }
}

export interface Planned {
  change: PaymentChange;
  writes: BatchItem<'sqlite'>[];
  /** The payment as committed is read at the end of the writes (a concurrent refund may have added). */
  rereads: boolean;
}

export function planPaid(
  db: Db,
  provider: string,
  action: PaidAction,
  now: number,
  reads: PaymentReads,
): Planned {
  const existing = reads.payment;
  if (existing)
    return {
      change: { outcome: 'already_recorded', payment: existing, queued: 0 },
      writes: [],
      rereads: false,
    };
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
  const deliveries = paymentDeliveries(db, reads.endpoints, 'payment.succeeded', row.id, undefined, now);
  return {
    change: { outcome: 'recorded', payment: row, queued: deliveries.length },
    writes: [db.insert(payments).values(row), ...deliveries],
    rereads: false,
  };
}

export function planRefund(db: Db, action: RefundedAction, now: number, reads: PaymentReads): Planned {
  const { payment } = reads;
  if (!payment) throw new ApiError(404, 'not_found', 'no payment with this reference (yet)');
  if (reads.refundSeen)
    return { change: { outcome: 'already_recorded', payment, queued: 0 }, writes: [], rereads: false };
  const refundedAmount = payment.refundedAmount + action.amount;
  if (refundedAmount > payment.amount) {
    throw new ApiError(409, 'refund_exceeds_payment', 'the refunds would exceed the amount paid');
  }
  const updated: PaymentRow = {
    ...payment,
    refundedAmount,
    status: refundedAmount === payment.amount ? 'refunded' : 'partially_refunded',
  };
  const deliveries = paymentDeliveries(
    db,
    reads.endpoints,
    'payment.refunded',
    payment.id,
    action.amount,
    now,
  );
  return {
    change: { outcome: 'refunded', payment: updated, queued: deliveries.length },
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
      // Deliveries after the update: their payload is the payment as this transaction leaves it.
      ...deliveries,
    ],
    rereads: true,
  };
}

export function plan(
  db: Db,
  provider: string,
  action: PaymentAction,
  now: number,
  reads: PaymentReads,
): Planned {
  switch (action.kind) {
    case 'paid':
      return planPaid(db, provider, action, now, reads);
    case 'refunded':
      return planRefund(db, action, now, reads);
    case 'ignored':
      return { change: { outcome: 'ignored', queued: 0 }, writes: [], rereads: false };
  }
}
