import { Hono } from 'hono';
import {
  paymentIdParamSchema,
  paymentListQuerySchema,
  refundRequestSchema,
  revenueQuerySchema,
} from '../../core/api/payments.js';
import type { AppEnv } from '../env.js';
import { requireRoles } from '../middleware/session.js';
import { applyApiPayment, listPayments, toPaymentView } from '../payments.js';
import { revenueReport } from '../revenue.js';
import { jsonBody, pathParams, queryParams } from '../validation.js';
import { deliverAfterResponse } from '../webhooks/outbound.js';

/** Finance: the payment records callbacks and integrations created, revenue, manual refunds. */
export const paymentRoutes = new Hono<AppEnv>();

paymentRoutes.use('*', requireRoles('finance'));

paymentRoutes.get('/', queryParams(paymentListQuerySchema), async (c) => {
  const rows = await listPayments(c.var.db, c.req.valid('query'));
  return c.json({ payments: rows.map(toPaymentView) });
});

paymentRoutes.get('/revenue', queryParams(revenueQuerySchema), async (c) => {
  return c.json(await revenueReport(c.var.db, c.req.valid('query')));
});

/** A refund made outside a provider (cash, bank transfer), recorded by finance. */
paymentRoutes.post(
  '/:id/refunds',
  pathParams(paymentIdParamSchema),
  jsonBody(refundRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const { reference, amount } = c.req.valid('json');
    const change = await applyApiPayment(db, session.org.id, `user:${session.user.id}`, {
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
