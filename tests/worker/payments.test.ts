import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { createApiKey, paymentIntentSucceeded, serverCall, stripeDelivery } from './support/integrations.js';
import { addMember, setUpOrganization } from './support/scenario.js';

const JAN = Date.UTC(2026, 0, 10);
const FEB = Date.UTC(2026, 1, 10);

describe('finance records through the API', () => {
  it('records a payment once per reference and refunds it once per refund reference', async () => {
    const center = await setUpOrganization();
    const key = await createApiKey(center, ['payments:write', 'payments:read']);
    const counselorId = crypto.randomUUID();
    const body = {
      reference: 'INV-1',
      amount: 60000,
      currency: 'CNY',
      serviceId: 'individual-50',
      counselorId,
      paidAt: JAN,
    };
    const created = await serverCall('POST', '/api/v1/payments', { key: key.secret, json: body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      provider: 'api',
      providerRef: 'INV-1',
      currency: 'cny',
      status: 'paid',
      counselorId,
    });
    const again = await serverCall('POST', '/api/v1/payments', {
      key: key.secret,
      json: { ...body, amount: 1 },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(created.body);

    const refund = { reference: 'RF-1', amount: 20000 };
    const refunded = await serverCall('POST', `/api/v1/payments/${created.body.id}/refunds`, {
      key: key.secret,
      json: refund,
    });
    expect(refunded.body).toMatchObject({ refundedAmount: 20000, status: 'partially_refunded' });
    const replayed = await serverCall('POST', `/api/v1/payments/${created.body.id}/refunds`, {
      key: key.secret,
      json: refund,
    });
    expect(replayed.body.refundedAmount).toBe(20000);
    const tooMuch = await serverCall('POST', `/api/v1/payments/${created.body.id}/refunds`, {
      key: key.secret,
      json: { reference: 'RF-2', amount: 40001 },
    });
    expect(tooMuch.body.error.code).toBe('refund_exceeds_payment');
    const list = await serverCall('GET', '/api/v1/payments', { key: key.secret });
    expect(list.body.payments).toHaveLength(1);
  });

  it('keeps the refund total honest under concurrent refunds: those that fit commit, the overdraw writes nothing', async () => {
    const center = await setUpOrganization();
    const finance = await addMember(center, ['finance']);
    await serverCall(
      'POST',
      '/api/hooks/payments/stripe',
      stripeDelivery(paymentIntentSucceeded({ amount: 10000 })),
    );
    const [payment] = (await finance.browser.get('/api/payments')).body.payments;
    // Six refunds of 3000 at once against 10000 paid: exactly three fit.
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        finance.browser.post(`/api/payments/${payment.id}/refunds`, {
          reference: `cash-race-${index}`,
          amount: 3000,
        }),
      ),
    );
    const statuses = results.map((res) => res.status).sort();
    expect(statuses).toEqual([200, 200, 200, 409, 409, 409]);
    for (const refused of results.filter((res) => res.status === 409)) {
      expect(refused.body.error.code).toBe('refund_exceeds_payment');
    }
    const [after] = (await finance.browser.get('/api/payments')).body.payments;
    expect(after).toMatchObject({ refundedAmount: 9000, status: 'partially_refunded' });
    const refunds = await env.DB.prepare(
      'SELECT SUM(amount) AS total, COUNT(*) AS n FROM payment_refunds',
    ).first();
    expect(refunds).toEqual({ total: 9000, n: 3 });
    const audited = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM audit_events WHERE type = 'payment.refunded'",
    ).first();
    expect(audited).toEqual({ n: 3 });
  });

  it('reports revenue by month, service and counselor, net of refunds', async () => {
    const center = await setUpOrganization();
    const key = await createApiKey(center, ['payments:write', 'reports:read']);
    const counselorId = crypto.randomUUID();
    const pay = (reference: string, amount: number, paidAt: number, serviceId: string) =>
      serverCall('POST', '/api/v1/payments', {
        key: key.secret,
        json: { reference, amount, currency: 'cny', paidAt, serviceId, counselorId },
      });
    const first = await pay('A', 50000, JAN, 'individual-50');
    await pay('B', 30000, JAN, 'group');
    await pay('C', 50000, FEB, 'individual-50');
    await serverCall('POST', `/api/v1/payments/${first.body.id}/refunds`, {
      key: key.secret,
      json: { reference: 'R', amount: 10000 },
    });

    const byMonth = await serverCall('GET', '/api/v1/reports/revenue?groupBy=month', { key: key.secret });
    expect(byMonth.body).toEqual({
      groupBy: 'month',
      rows: [
        { key: '2026-01', currency: 'cny', count: 2, gross: 80000, refunded: 10000, net: 70000 },
        { key: '2026-02', currency: 'cny', count: 1, gross: 50000, refunded: 0, net: 50000 },
      ],
    });
    const byService = await serverCall(
      'GET',
      `/api/v1/reports/revenue?groupBy=service&from=${JAN}&to=${FEB}`,
      { key: key.secret },
    );
    expect(byService.body.rows).toEqual([
      { key: 'group', currency: 'cny', count: 1, gross: 30000, refunded: 0, net: 30000 },
      { key: 'individual-50', currency: 'cny', count: 1, gross: 50000, refunded: 10000, net: 40000 },
    ]);
    const byCounselor = await serverCall('GET', '/api/v1/reports/revenue?groupBy=counselor', {
      key: key.secret,
    });
    expect(byCounselor.body.rows).toEqual([
      { key: counselorId, currency: 'cny', count: 3, gross: 130000, refunded: 10000, net: 120000 },
    ]);
    expect(
      (await serverCall('GET', '/api/v1/reports/revenue?groupBy=client', { key: key.secret })).status,
    ).toBe(400);
  });

  it('refuses malformed payments without writing', async () => {
    const center = await setUpOrganization();
    const key = await createApiKey(center, ['payments:write']);
    const before = await snapshotCounts();
    const call = (json: unknown) => serverCall('POST', '/api/v1/payments', { key: key.secret, json });
    expect((await call({ reference: 'X', amount: -5, currency: 'cny' })).status).toBe(400);
    expect((await call({ reference: 'X', amount: 5, currency: 'yuan' })).status).toBe(400);
    expect((await call({ reference: 'X', amount: 5.5, currency: 'cny' })).status).toBe(400);
    expect(
      (await serverCall('POST', '/api/v1/payments', { key: key.secret, body: '{' })).body.error.code,
    ).toBe('malformed_json');
    expect(
      (
        await serverCall('POST', `/api/v1/payments/${crypto.randomUUID()}/refunds`, {
          key: key.secret,
          json: { reference: 'R', amount: 1 },
        })
      ).status,
    ).toBe(404);
    const after = await snapshotCounts();
    // Each refused call with a live key is still an audited call.
    expect({ ...after, audit_events: before.audit_events, rate_limits: before.rate_limits }).toEqual(before);
  });
});

describe('the finance page’s API', () => {
  it('shows finance the records and revenue, lets it record a manual refund, and nobody else', async () => {
    const center = await setUpOrganization();
    const finance = await addMember(center, ['finance']);
    const desk = await addMember(center, ['frontdesk']);
    await serverCall(
      'POST',
      '/api/hooks/payments/stripe',
      stripeDelivery(paymentIntentSucceeded({ amount: 8000 })),
    );
    const [payment] = (await finance.browser.get('/api/payments')).body.payments;
    expect(payment).toMatchObject({ amount: 8000, provider: 'stripe' });
    const refund = await finance.browser.post(`/api/payments/${payment.id}/refunds`, {
      reference: 'cash-1',
      amount: 8000,
    });
    expect(refund.body).toMatchObject({ status: 'refunded', refundedAmount: 8000 });
    const revenue = await finance.browser.get('/api/payments/revenue?groupBy=service');
    expect(revenue.body.rows).toEqual([
      { key: 'individual-50', currency: 'cny', count: 1, gross: 8000, refunded: 8000, net: 0 },
    ]);

    const before = await snapshotCounts();
    expect((await new Browser().get('/api/payments')).status).toBe(401);
    expect((await desk.browser.get('/api/payments')).status).toBe(403);
    expect((await center.adminBrowser.get('/api/payments/revenue')).status).toBe(403);
    expect(
      (await desk.browser.post(`/api/payments/${payment.id}/refunds`, { reference: 'x', amount: 1 })).status,
    ).toBe(403);
    expect(
      (await finance.browser.post(`/api/payments/${payment.id}/refunds`, { reference: '', amount: 1 }))
        .status,
    ).toBe(400);
    expect(
      (await finance.browser.post('/api/payments/nope/refunds', { reference: 'x', amount: 1 })).status,
    ).toBe(400);
    expect((await finance.browser.get('/api/payments?limit=9999')).status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
  });
});
