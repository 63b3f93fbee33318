import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index.js';
import { Browser, ORIGIN } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { setupRequest } from './support/factories.js';
import { setUpOrganization } from './support/scenario.js';

function expectErrorShape(body: unknown, code: string) {
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
}

describe('bad input is a 4xx JSON error with a clear message, and nothing is written', () => {
  it('malformed JSON → 400 malformed_json', async () => {
    const center = await setUpOrganization();
    const before = await snapshotCounts();

    const res = await center.adminBrowser.request('POST', '/api/invitations', {
      body: '{"email": "li@clinic.test", "roles": [',
      headers: { 'Content-Type': 'application/json' },
    });

    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'malformed_json');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('wrong types → 400 invalid_request naming the field', async () => {
    const center = await setUpOrganization();
    const before = await snapshotCounts();

    const res = await center.adminBrowser.post('/api/invitations', { email: 42, roles: 'counselor' });

    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'invalid_request');
    expect(res.body.error.message).toContain('email');
    expect(res.body.error.message).toContain('roles');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('unknown roles, bad base64url and wrong key lengths are refused at the edge', async () => {
    const request = setupRequest();
    const cases = [
      { ...request, admin: { ...request.admin, x25519Pk: 'not base64url!' } },
      { ...request, admin: { ...request.admin, authKey: 'AAAA' } },
      { ...request, org: { ...request.org, recoveryThreshold: 4 } },
    ];
    for (const body of cases) {
      const res = await new Browser().post('/api/setup', body);
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 'invalid_request');
    }
    const center = await setUpOrganization();
    const res = await center.adminBrowser.post('/api/invitations', {
      email: 'li@clinic.test',
      roles: ['wizard'],
    });
    expect(res.body.error.message).toContain('roles.0');
  });

  it('an oversized body → 413 payload_too_large', async () => {
    const center = await setUpOrganization();
    const before = await snapshotCounts();

    const res = await center.adminBrowser.request('POST', '/api/invitations', {
      body: JSON.stringify({
        email: 'li@clinic.test',
        roles: ['counselor'],
        padding: 'x'.repeat(1024 * 1024),
      }),
      headers: { 'Content-Type': 'application/json' },
    });

    expect(res.status).toBe(413);
    expectErrorShape(res.body, 'payload_too_large');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('a body that is not JSON → 415', async () => {
    const center = await setUpOrganization();
    const res = await center.adminBrowser.request('POST', '/api/invitations', {
      body: 'email=li@clinic.test',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expectErrorShape(res.body, 'unsupported_media_type');
  });

  it('a bad path or query parameter → 400', async () => {
    const center = await setUpOrganization();
    expectErrorShape(
      (await center.adminBrowser.patch('/api/users/not-a-uuid', { status: 'disabled' })).body,
      'invalid_request',
    );
    expectErrorShape((await center.adminBrowser.get('/api/audit?limit=100000')).body, 'invalid_request');
  });

  it('an unknown route → 404 JSON', async () => {
    const res = await new Browser().get('/api/nothing-here');
    expect(res.status).toBe(404);
    expectErrorShape(res.body, 'not_found');
  });

  it('before setup, account routes answer 409 not_initialized', async () => {
    const res = await new Browser().post('/api/auth/params', { email: 'li@clinic.test' });
    expect(res.status).toBe(409);
    expectErrorShape(res.body, 'not_initialized');
  });
});

describe('deployment checks', () => {
  it('answers 503 not_configured without the AUTH_PEPPER secret, but health still works', async () => {
    const unconfigured = { ...env, AUTH_PEPPER: undefined };
    const ask = (path: string) =>
      worker.fetch(new Request(`${ORIGIN}${path}`), unconfigured, createExecutionContext());

    const status = await ask('/api/setup/status');
    const health = await ask('/api/health');

    expect(status.status).toBe(503);
    expectErrorShape(await status.json(), 'not_configured');
    expect(await health.json()).toEqual({ ok: true, db: true });
  });

  it('puts the security headers on every response, errors included', async () => {
    for (const res of [await new Browser().get('/api/health'), await new Browser().get('/api/nowhere')]) {
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=63072000; includeSubDomains');
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Cache-Control')).toBe('no-store');
    }
  });

  it('hides the dev outbox when DEV_OUTBOX is off, and from any host but this machine', async () => {
    const outbox = (origin: string, devOutbox: string) =>
      worker.fetch(
        new Request(`${origin}/api/dev/outbox`),
        { ...env, DEV_OUTBOX: devOutbox },
        createExecutionContext(),
      );

    expect((await outbox(ORIGIN, '0')).status).toBe(404);
    expect((await outbox('https://tacit.example.org', '1')).status).toBe(404);
    expect((await outbox(ORIGIN, '1')).status).toBe(200);
  });
});
