import { describe, expect, it } from 'vitest';
import { Browser } from './support/client.js';
import { countRows, snapshotCounts } from './support/database.js';
import { account, orgKeys, setupRequest, tamper } from './support/factories.js';

describe('first-run setup', () => {
  it('reports an uninitialized instance, then creates the organization and signs the admin in', async () => {
    const browser = new Browser();
    expect((await browser.get('/api/setup/status')).body).toEqual({ initialized: false });

    const org = orgKeys();
    const admin = account({ email: 'wang@clinic.test' });
    const request = setupRequest(org, admin);
    request.admin.email = ' Wang@Clinic.TEST ';
    const res = await browser.post('/api/setup', request);

    expect(res.status).toBe(201);
    expect(res.headers.get('Set-Cookie')).toMatch(
      /tacit_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Strict/,
    );
    expect(res.body.user).toMatchObject({ id: admin.id, email: 'wang@clinic.test', roles: ['admin'] });
    expect(res.body.user.cert).not.toBeNull();
    expect(res.body.org).toMatchObject({ id: org.id, rootPk: org.rootPk, recoveryThreshold: 2 });
    expect(res.body.org.settings).toEqual({
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });
    expect(res.body.rootWrap).toMatchObject({ byUserId: admin.id });
    expect(res.body.keyBundle).toBe(admin.payload.keyBundle);
    expect((await browser.get('/api/setup/status')).body).toEqual({ initialized: true });
    expect((await browser.get('/api/auth/session')).status).toBe(200);
  });

  it('refuses a second setup with 409 already_initialized and changes nothing', async () => {
    await new Browser().post('/api/setup', setupRequest());
    const before = await snapshotCounts();

    const res = await new Browser().post('/api/setup', setupRequest());

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already_initialized');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('lets exactly one of two simultaneous setups win', async () => {
    const results = await Promise.all([
      new Browser().post('/api/setup', setupRequest()),
      new Browser().post('/api/setup', setupRequest()),
    ]);

    expect(results.map((res) => res.status).sort()).toEqual([201, 409]);
    expect(await countRows('org')).toBe(1);
    expect(await countRows('users')).toBe(1);
    expect(await countRows('audit_events')).toBe(1);
  });

  it('refuses an admin certificate the root key did not sign', async () => {
    const request = setupRequest();
    request.admin.cert.sig = tamper(request.admin.cert.sig);

    const res = await new Browser().post('/api/setup', request);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_certificate');
    expect((await new Browser().get('/api/setup/status')).body.initialized).toBe(false);
  });

  it('refuses passphrase parameters below the floor (PROTOCOL §4)', async () => {
    const request = setupRequest();
    request.admin.kdf.m = 8192;

    const res = await new Browser().post('/api/setup', request);

    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'invalid_request',
      message: expect.stringContaining('admin.kdf.m'),
    });
  });

  it('audits the creation as the first event of the chain', async () => {
    const org = orgKeys();
    const admin = account();
    const browser = new Browser();
    await browser.post('/api/setup', setupRequest(org, admin));

    const res = await browser.get('/api/audit');

    expect(res.body.events).toEqual([
      expect.objectContaining({ seq: 1, type: 'org.created', actor: admin.id, subject: org.id }),
    ]);
  });
});
