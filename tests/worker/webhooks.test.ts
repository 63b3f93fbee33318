import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RETRY_DELAYS_MS } from '../../core/api/webhooks.js';
import { openDb } from '../../worker/db/client.js';
import worker from '../../worker/index.js';
import { verifyStandardWebhook } from '../../worker/webhook-signatures.js';
import { deliverDueWebhooks, enqueueWebhookEvent } from '../../worker/webhooks/outbound.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { paymentIntentSucceeded, serverCall, stripeDelivery } from './support/integrations.js';
import { addMember, setUpOrganization } from './support/scenario.js';

interface Received {
  url: string;
  headers: Headers;
  body: string;
}

/** The partner's server: records what it receives and answers with the next queued status. */
function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    received.push({ url: request.url, headers: request.headers, body: await request.text() });
    const status = statuses.shift() ?? 200;
    return new Response(status === 204 ? null : 'ok', { status });
  });
  return received;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

async function subscribe(center: Awaited<ReturnType<typeof setUpOrganization>>, eventTypes: string[]) {
  const res = await center.adminBrowser.post('/api/webhooks', {
    url: 'https://crm.example/hooks/tacit',
    description: 'CRM',
    eventTypes,
  });
  expect(res.status).toBe(201);
  return { id: res.body.endpoint.id as string, secret: res.body.secret as string };
}

describe('outbound webhooks', () => {
  it('delivers a subscribed event signed per Standard Webhooks, with ids and operational data only', async () => {
    const center = await setUpOrganization();
    const endpoint = await subscribe(center, ['payment.succeeded']);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const received = receiver();
    await serverCall(
      'POST',
      '/api/hooks/payments/stripe',
      stripeDelivery(paymentIntentSucceeded({ intent: 'pi_hook' })),
    );

    expect(received).toHaveLength(1);
    const [delivery] = received as [Received];
    expect(delivery.url).toBe('https://crm.example/hooks/tacit');
    const check = verifyStandardWebhook(
      endpoint.secret,
      {
        id: delivery.headers.get('webhook-id') ?? undefined,
        timestamp: delivery.headers.get('webhook-timestamp') ?? undefined,
        signature: delivery.headers.get('webhook-signature') ?? undefined,
      },
      delivery.body,
    );
    expect(check.ok).toBe(true);
    const payload = JSON.parse(delivery.body);
    expect(payload).toMatchObject({
      type: 'payment.succeeded',
      data: { providerRef: 'pi_hook', amount: 60000 },
    });
    expect(Object.values(payload.data).every((value) => value === null || typeof value !== 'object')).toBe(
      true,
    );

    const log = await center.adminBrowser.get(`/api/webhooks/${endpoint.id}/deliveries`);
    expect(log.body.deliveries).toEqual([
      expect.objectContaining({
        status: 'succeeded',
        attempts: 1,
        lastStatusCode: 200,
        log: [expect.objectContaining({ statusCode: 200 })],
      }),
    ]);
  });

  it('sends nothing to an endpoint not subscribed to the event or disabled', async () => {
    const center = await setUpOrganization();
    const other = await subscribe(center, ['booking_request.created']);
    const disabled = await subscribe(center, ['payment.succeeded']);
    expect(
      (await center.adminBrowser.patch(`/api/webhooks/${disabled.id}`, { enabled: false })).body.enabled,
    ).toBe(false);
    const received = receiver();
    await serverCall('POST', '/api/hooks/payments/stripe', stripeDelivery(paymentIntentSucceeded()));
    expect(received).toHaveLength(0);
    void other;
  });

  it('retries a failed delivery on the backoff schedule, logs each response code, then gives up', async () => {
    const center = await setUpOrganization();
    const endpoint = await subscribe(center, ['rule.fired']);
    const db = openDb(env.DB);
    const received = receiver(Array(RETRY_DELAYS_MS.length + 1).fill(503));
    const [id] = await enqueueWebhookEvent(db, 'rule.fired', { rule: 'r1' });
    const now = Date.now();
    await deliverDueWebhooks(db, now);
    // Not due again before its delay has passed.
    await deliverDueWebhooks(db, now + 1_000);
    expect(received).toHaveLength(1);
    for (const delay of RETRY_DELAYS_MS) {
      await env.DB.prepare('UPDATE webhook_deliveries SET next_attempt_at = next_attempt_at - ?1')
        .bind(delay)
        .run();
      await deliverDueWebhooks(db);
    }
    expect(received).toHaveLength(RETRY_DELAYS_MS.length + 1);
    expect(new Set(received.map((r) => r.headers.get('webhook-id')))).toEqual(new Set([id]));
    const [logged] = (await center.adminBrowser.get(`/api/webhooks/${endpoint.id}/deliveries`)).body
      .deliveries;
    expect(logged).toMatchObject({
      status: 'failed',
      attempts: RETRY_DELAYS_MS.length + 1,
      lastStatusCode: 503,
    });
    expect(logged.log.map((attempt: { statusCode: number }) => attempt.statusCode)).toEqual(
      Array(RETRY_DELAYS_MS.length + 1).fill(503),
    );
  });

  it('redelivers by hand on request, with the same message id', async () => {
    const center = await setUpOrganization();
    const endpoint = await subscribe(center, ['rule.fired']);
    const db = openDb(env.DB);
    const received = receiver([500, 204]);
    const [id] = await enqueueWebhookEvent(db, 'rule.fired', { rule: 'r2' });
    await deliverDueWebhooks(db);
    const again = await center.adminBrowser.post(`/api/webhooks/${endpoint.id}/deliveries/${id}/redeliver`);
    expect(again.status).toBe(202);
    expect(received.map((r) => r.headers.get('webhook-id'))).toEqual([id, id]);
    const [logged] = (await center.adminBrowser.get(`/api/webhooks/${endpoint.id}/deliveries`)).body
      .deliveries;
    expect(logged).toMatchObject({ status: 'succeeded', lastStatusCode: 204 });
    expect(logged.log.map((a: { statusCode: number }) => a.statusCode)).toEqual([204, 500]);
  });

  it('retries due deliveries from the every-minute cron trigger', async () => {
    const center = await setUpOrganization();
    await subscribe(center, ['rule.fired']);
    const db = openDb(env.DB);
    const received = receiver([503, 200]);
    const [id] = await enqueueWebhookEvent(db, 'rule.fired', { rule: 'r4' });
    await deliverDueWebhooks(db);
    await env.DB.prepare('UPDATE webhook_deliveries SET next_attempt_at = ?1')
      .bind(Date.now() - 1)
      .run();
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }),
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(received.map((r) => r.headers.get('webhook-id'))).toEqual([id, id]);
    const row = await env.DB.prepare('SELECT status, attempts FROM webhook_deliveries').first();
    expect(row).toEqual({ status: 'succeeded', attempts: 2 });
  });

  it('records a network failure as an attempt without a status code', async () => {
    const center = await setUpOrganization();
    const endpoint = await subscribe(center, ['rule.fired']);
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('connection refused');
    });
    const db = openDb(env.DB);
    await enqueueWebhookEvent(db, 'rule.fired', { rule: 'r3' });
    await deliverDueWebhooks(db);
    const [logged] = (await center.adminBrowser.get(`/api/webhooks/${endpoint.id}/deliveries`)).body
      .deliveries;
    expect(logged).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(logged.log[0].error).toContain('connection refused');
  });

  it('refuses endpoints that are not public https addresses, and never calls one stored anyway', async () => {
    const center = await setUpOrganization();
    const before = await snapshotCounts();
    for (const url of [
      'http://crm.example/h',
      'https://admin:pw@crm.example/h',
      'https://localhost:8787/api/dev/outbox',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/h',
      'https://10.1.2.3/h',
    ]) {
      const res = await center.adminBrowser.post('/api/webhooks', { url, eventTypes: ['payment.succeeded'] });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect(await snapshotCounts()).toEqual(before);

    const endpoint = await subscribe(center, ['payment.succeeded']);
    await env.DB.prepare('UPDATE webhook_endpoints SET url = ? WHERE id = ?')
      .bind('https://127.0.0.1/h', endpoint.id)
      .run();
    const received = receiver();
    await serverCall(
      'POST',
      '/api/hooks/payments/stripe',
      stripeDelivery(paymentIntentSucceeded({ intent: 'pi_ssrf' })),
    );
    expect(received).toEqual([]);
    const logged = await center.adminBrowser.get(`/api/webhooks/${endpoint.id}/deliveries`);
    expect(logged.body.deliveries[0].log[0].error).toContain('refused');
  });

  it('lets only admins manage endpoints, and refuses malformed requests without writing', async () => {
    const center = await setUpOrganization();
    const desk = await addMember(center, ['frontdesk']);
    const endpoint = await subscribe(center, ['payment.refunded']);
    const before = await snapshotCounts();
    const body = { url: 'https://x.example/h', eventTypes: ['payment.refunded'] };
    expect((await new Browser().post('/api/webhooks', body)).status).toBe(401);
    expect((await desk.browser.post('/api/webhooks', body)).status).toBe(403);
    expect((await desk.browser.get(`/api/webhooks/${endpoint.id}/deliveries`)).status).toBe(403);
    expect(
      (await center.adminBrowser.post('/api/webhooks', { ...body, url: 'ftp://x.example' })).status,
    ).toBe(400);
    expect(
      (await center.adminBrowser.post('/api/webhooks', { ...body, eventTypes: ['case.read'] })).status,
    ).toBe(400);
    expect((await center.adminBrowser.post('/api/webhooks', { ...body, eventTypes: [] })).status).toBe(400);
    expect(
      (await center.adminBrowser.patch(`/api/webhooks/${crypto.randomUUID()}`, { enabled: false })).status,
    ).toBe(404);
    expect(
      (
        await center.adminBrowser.post(
          `/api/webhooks/${endpoint.id}/deliveries/msg_nosuchmessage00/redeliver`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await center.adminBrowser.post(`/api/webhooks/${endpoint.id}/deliveries/bad/redeliver`)).status,
    ).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
    expect(JSON.stringify((await center.adminBrowser.get('/api/webhooks')).body)).not.toContain('whsec_');
  });
});
