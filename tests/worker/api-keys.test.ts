import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { API_KEY_CALLS_PER_MINUTE } from '../../core/api/api-keys.js';
import worker from '../../worker/index.js';
import { Browser } from './support/client.js';
import { DAY, letTimePass } from './support/clock.js';
import { countRows, snapshotCounts } from './support/database.js';
import { createApiKey, serverCall } from './support/integrations.js';
import { addMember, setUpOrganization } from './support/scenario.js';

async function auditTypes(): Promise<{ type: string; subject: string | null; details: string }[]> {
  const { results } = await env.DB.prepare(
    'SELECT type, subject, details FROM audit_events ORDER BY seq',
  ).all<{
    type: string;
    subject: string | null;
    details: string;
  }>();
  return results;
}

describe('API keys', () => {
  it('shows a new key once, stores only its hash, and lists it without the secret', async () => {
    const center = await setUpOrganization();
    const { id, secret } = await createApiKey(center, ['payments:read']);
    expect(secret).toMatch(/^tk_[A-Za-z0-9_-]{43}$/);

    const stored = await env.DB.prepare('SELECT * FROM api_keys').first<Record<string, unknown>>();
    expect(JSON.stringify(stored)).not.toContain(secret.slice(3));
    const list = await center.adminBrowser.get('/api/api-keys');
    expect(list.status).toBe(200);
    expect(list.body.keys).toEqual([
      expect.objectContaining({ id, prefix: secret.slice(0, 10), scopes: ['payments:read'] }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(secret);
  });

  it('lets a key call what its scopes allow, stamps its last use and audits the call', async () => {
    const center = await setUpOrganization();
    const key = await createApiKey(center, ['payments:read']);
    const res = await serverCall('GET', '/api/v1/payments', { key: key.secret });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ payments: [] });

    const [listed] = (await center.adminBrowser.get('/api/api-keys')).body.keys;
    expect(listed.lastUsedAt).toBeGreaterThan(0);
    const call = (await auditTypes()).find((event) => event.type === 'api.call');
    expect(call?.subject).toBe(key.id);
    expect(JSON.parse(call?.details ?? '{}')).toMatchObject({
      method: 'GET',
      path: '/api/v1/payments',
      status: 200,
    });
  });

  it('refuses a call outside the key’s scopes with 403, and audits the refusal', async () => {
    const center = await setUpOrganization();
    const key = await createApiKey(center, ['payments:read']);
    const before = await countRows('payments');
    const res = await serverCall('POST', '/api/v1/payments', {
      key: key.secret,
      json: { reference: 'INV-1', amount: 100, currency: 'CNY' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('insufficient_scope');
    expect(await countRows('payments')).toBe(before);
    const refused = (await auditTypes()).filter((event) => event.type === 'api.call');
    expect(JSON.parse(refused.at(-1)?.details ?? '{}')).toMatchObject({
      status: 403,
      scope: 'payments:write',
    });
  });

  it('refuses a missing, malformed, unknown, revoked or expired key with 401', async () => {
    const center = await setUpOrganization();
    expect((await serverCall('GET', '/api/v1/payments')).body.error.code).toBe('invalid_api_key');
    expect((await serverCall('GET', '/api/v1/payments', { key: 'not-a-key' })).status).toBe(401);
    const unknown = `tk_${'A'.repeat(43)}`;
    expect((await serverCall('GET', '/api/v1/payments', { key: unknown })).body.error.code).toBe(
      'invalid_api_key',
    );

    const revoked = await createApiKey(center, ['payments:read']);
    const revoke = await center.adminBrowser.delete(`/api/api-keys/${revoked.id}`);
    expect(revoke.status).toBe(200);
    expect(revoke.body.revokedAt).toBeGreaterThan(0);
    const afterRevoke = await serverCall('GET', '/api/v1/payments', { key: revoked.secret });
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.body.error.code).toBe('api_key_revoked');
    expect((await center.adminBrowser.delete(`/api/api-keys/${revoked.id}`)).status).toBe(409);

    const expiring = await createApiKey(center, ['payments:read'], Date.now() + DAY);
    expect((await serverCall('GET', '/api/v1/payments', { key: expiring.secret })).status).toBe(200);
    await letTimePass(DAY + 1000);
    const expired = await serverCall('GET', '/api/v1/payments', { key: expiring.secret });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('api_key_expired');
  });

  it('limits calls per key per minute with 429 and Retry-After, other keys unaffected', async () => {
    const center = await setUpOrganization();
    const busy = await createApiKey(center, ['payments:read']);
    const quiet = await createApiKey(center, ['payments:read']);
    await env.DB.prepare('INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, ?3)')
      .bind(`api:${busy.id}`, Date.now() - (Date.now() % 60_000), API_KEY_CALLS_PER_MINUTE)
      .run();
    const limited = await serverCall('GET', '/api/v1/payments', { key: busy.secret });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await serverCall('GET', '/api/v1/payments', { key: quiet.secret })).status).toBe(200);
  });

  it('sweeps spent rate-limit windows on the quarter-hour cron, keeping the current one', async () => {
    const now = Date.now();
    const current = now - (now % 60_000);
    await env.DB.prepare(
      'INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1), (?3, ?4, 3), (?5, ?6, 9)',
    )
      .bind(
        'api:current',
        current,
        'widget-ip:203.0.113.7',
        current - 60_000,
        'widget-ip:203.0.113.8',
        current - 3_600_000,
      )
      .run();
    expect(await countRows('rate_limits')).toBe(3);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: '*/15 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);

    const left = await env.DB.prepare('SELECT key FROM rate_limits').all<{ key: string }>();
    expect(left.results.map((row) => row.key)).toEqual(['api:current']);
  });

  it('lets only admins manage keys, and refuses malformed requests without writing', async () => {
    const center = await setUpOrganization();
    const finance = await addMember(center, ['finance']);
    const before = await snapshotCounts();
    const body = { name: 'CRM', scopes: ['bookings:read'] };
    expect((await new Browser().post('/api/api-keys', body)).status).toBe(401);
    expect((await finance.browser.post('/api/api-keys', body)).status).toBe(403);
    expect((await finance.browser.get('/api/api-keys')).status).toBe(403);
    expect(
      (await center.adminBrowser.post('/api/api-keys', { name: 'CRM', scopes: ['cases:read'] })).status,
    ).toBe(400);
    expect(
      (await center.adminBrowser.post('/api/api-keys', { name: '', scopes: ['bookings:read'] })).status,
    ).toBe(400);
    expect(
      (await center.adminBrowser.post('/api/api-keys', { ...body, expiresAt: Date.now() - 1 })).status,
    ).toBe(400);
    expect((await center.adminBrowser.post('/api/api-keys', body, { csrf: false })).status).toBe(403);
    expect((await center.adminBrowser.delete('/api/api-keys/not-an-id')).status).toBe(400);
    expect((await center.adminBrowser.delete(`/api/api-keys/${crypto.randomUUID()}`)).status).toBe(404);
    expect(await snapshotCounts()).toEqual(before);
  });
});
