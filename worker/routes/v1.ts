import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import { Hono } from 'hono';
import { PUBLIC_OPERATIONS, routePath } from '../../core/api/public-api.js';
import { type ApiKeyEnv, requireApiKey } from '../api-keys.js';
import { toAppointmentView } from '../appointments.js';
import { acceptBookingRequest, toBookingSummary } from '../bookings.js';
import { bookingRequests } from '../db/integrations-schema.js';
import { appointments } from '../db/schedule-schema.js';
import { applyApiPayment, listPayments, toPaymentView } from '../payments.js';
import { revenueReport } from '../revenue.js';
import { jsonBody, pathParams, queryParams } from '../validation.js';
import { deliverAfterResponse } from '../webhooks/outbound.js';

/**
 * The versioned public API: API-key authenticated, one scope per operation, every operation and
 * schema taken from PUBLIC_OPERATIONS — the list the OpenAPI document is generated from.
 */
export const v1Routes = new Hono<ApiKeyEnv>();

const MOUNT = '/api/v1';
const APPOINTMENTS_PER_CALL = 2000;
const op = PUBLIC_OPERATIONS;
const path = (operation: (typeof op)[keyof typeof op]) => routePath(operation, MOUNT);

v1Routes.get(
  path(op.listBookingRequests),
  requireApiKey(op.listBookingRequests.auth.scope),
  queryParams(op.listBookingRequests.query),
  async (c) => {
    const { status, limit } = c.req.valid('query');
    const rows = await c.var.db
      .select()
      .from(bookingRequests)
      .where(status ? eq(bookingRequests.status, status) : undefined)
      .orderBy(desc(bookingRequests.createdAt))
      .limit(limit);
    return c.json({ requests: rows.map(toBookingSummary) });
  },
);

v1Routes.post(
  path(op.createBookingRequest),
  requireApiKey(op.createBookingRequest.auth.scope),
  jsonBody(op.createBookingRequest.body),
  async (c) => {
    const row = await acceptBookingRequest(c, c.req.valid('json'), c.var.apiKey.id);
    return c.json({ id: row.id, status: row.status }, 201);
  },
);

v1Routes.get(
  path(op.listAppointments),
  requireApiKey(op.listAppointments.auth.scope),
  queryParams(op.listAppointments.query),
  async (c) => {
    const query = c.req.valid('query');
    const rows = await c.var.db
      .select()
      .from(appointments)
      .where(
        and(
          gte(appointments.startAt, query.from),
          lt(appointments.startAt, query.to),
          ...(query.counselorId ? [eq(appointments.counselorId, query.counselorId)] : []),
          ...(query.roomId ? [eq(appointments.roomId, query.roomId)] : []),
        ),
      )
      .orderBy(asc(appointments.startAt))
      .limit(APPOINTMENTS_PER_CALL);
    return c.json({ appointments: rows.map(toAppointmentView) });
  },
);

v1Routes.get(
  path(op.listPayments),
  requireApiKey(op.listPayments.auth.scope),
  queryParams(op.listPayments.query),
  async (c) => {
    const rows = await listPayments(c.var.db, c.req.valid('query'));
    return c.json({ payments: rows.map(toPaymentView) });
  },
);

v1Routes.post(
  path(op.recordPayment),
  requireApiKey(op.recordPayment.auth.scope),
  jsonBody(op.recordPayment.body),
  async (c) => {
    const { reference, paidAt, ...rest } = c.req.valid('json');
    const change = await applyApiPayment(c.var.db, c.var.org.id, `api_key:${c.var.apiKey.id}`, {
      kind: 'paid',
      ref: reference,
      paidAt: paidAt ?? Date.now(),
      ...rest,
    });
    deliverAfterResponse(c, change.queued);
    const payment = change.payment;
    if (!payment) throw new Error('a recorded payment has a row');
    return c.json(toPaymentView(payment), change.outcome === 'recorded' ? 201 : 200);
  },
);

v1Routes.post(
  path(op.refundPayment),
  requireApiKey(op.refundPayment.auth.scope),
  pathParams(op.refundPayment.params),
  jsonBody(op.refundPayment.body),
  async (c) => {
    const { reference, amount } = c.req.valid('json');
    const change = await applyApiPayment(c.var.db, c.var.org.id, `api_key:${c.var.apiKey.id}`, {
      kind: 'refunded',
      paymentId: c.req.valid('param').id,
      refundRef: reference,
      amount,
      at: Date.now(),
    });
    deliverAfterResponse(c, change.queued);
    if (!change.payment) throw new Error('a refunded payment has a row');
    return c.json(toPaymentView(change.payment));
  },
);

v1Routes.get(
  path(op.revenueReport),
  requireApiKey(op.revenueReport.auth.scope),
  queryParams(op.revenueReport.query),
  async (c) => c.json(await revenueReport(c.var.db, c.req.valid('query'))),
);
