import { describe, expect, it } from 'vitest';
import { randomBytes, toBase64Url } from '../../crypto/bytes.js';
import { Browser } from './support/client.js';
import { HOUR, letTimePass, MINUTE } from './support/clock.js';
import { account } from './support/factories.js';
import { addMember, login, setUpOrganization } from './support/scenario.js';

const wrongKey = () => toBase64Url(randomBytes(32));

async function auditTypes(admin: Browser): Promise<string[]> {
  const res = await admin.get('/api/audit?limit=200');
  return res.body.events.map((event: { type: string }) => event.type);
}

describe('passphrase parameters (PROTOCOL §4)', () => {
  it('returns the account’s own salt and parameters', async () => {
    const center = await setUpOrganization();
    const res = await new Browser().post('/api/auth/params', { email: center.admin.email });
    expect(res.body).toEqual(center.admin.payload.kdf);
  });

  it('answers an unknown email with a stable, well-formed fake that confirms nothing', async () => {
    const center = await setUpOrganization();
    const first = await new Browser().post('/api/auth/params', { email: 'nobody@clinic.test' });
    const second = await new Browser().post('/api/auth/params', { email: 'NOBODY@clinic.test' });
    const other = await new Browser().post('/api/auth/params', { email: 'someone@clinic.test' });

    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(other.body.salt).not.toBe(first.body.salt);
    expect(first.body.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const { m, t, p } = center.admin.payload.kdf;
    expect(first.body).toEqual({ salt: first.body.salt, m, t, p });
  });
});

describe('login', () => {
  it('returns the key bundle, the org and, to an admin, the root-key wrap', async () => {
    const center = await setUpOrganization();
    const browser = new Browser();

    const res = await login(center.admin, browser);

    expect(res.status).toBe(200);
    expect(res.headers.get('Set-Cookie')).toContain('HttpOnly; Secure; SameSite=Strict');
    expect(res.body.keyBundle).toBe(center.admin.payload.keyBundle);
    expect(res.body.kdf).toEqual(center.admin.payload.kdf);
    expect(res.body.org.rootPk).toBe(center.org.rootPk);
    expect(res.body.rootWrap).toMatchObject({ byUserId: center.admin.id });
    expect(res.body.session.absoluteExpiresAt - Date.now()).toBeGreaterThan(12 * HOUR - MINUTE);
    expect(JSON.stringify(res.body)).not.toContain(browser.sessionToken);
  });

  it('does not hand the root-key wrap to a non-admin', async () => {
    const center = await setUpOrganization();
    const { account: counselor } = await addMember(center, ['counselor']);
    expect((await login(counselor)).body.rootWrap).toBeNull();
  });

  it('refuses a wrong passphrase with 401 and audits the failure', async () => {
    const center = await setUpOrganization();

    const res = await new Browser().post('/api/auth/login', {
      email: center.admin.email,
      authKey: wrongKey(),
    });

    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_credentials');
    expect(res.headers.get('Set-Cookie')).toBeNull();
    const events = (await center.adminBrowser.get('/api/audit')).body.events;
    expect(events[0]).toMatchObject({
      type: 'auth.login_failed',
      actor: null,
      subject: center.admin.id,
      details: { email: center.admin.email, ip: 'local' },
    });
  });

  it('answers an unknown email exactly like a wrong passphrase', async () => {
    await setUpOrganization();
    const res = await new Browser().post('/api/auth/login', {
      email: 'nobody@clinic.test',
      authKey: wrongKey(),
    });
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: 'invalid_credentials', message: expect.any(String) });
  });

  it('locks an account after 5 failures with 429 and Retry-After, even for the right passphrase', async () => {
    const center = await setUpOrganization();
    const attempt = (authKey: string) =>
      new Browser().post(
        '/api/auth/login',
        { email: center.admin.email, authKey },
        { ip: `10.0.0.${Math.random()}` },
      );

    for (let i = 0; i < 5; i++) expect((await attempt(wrongKey())).status).toBe(401);
    const locked = await attempt(center.admin.authKey);

    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('locked');
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(50);
    expect(Number(locked.headers.get('Retry-After'))).toBeLessThanOrEqual(60);
  });

  it('doubles the lock with every further failure and lifts it when the time has passed', async () => {
    const center = await setUpOrganization();
    const attempt = (authKey: string) =>
      new Browser().post('/api/auth/login', { email: center.admin.email, authKey });
    for (let i = 0; i < 5; i++) await attempt(wrongKey());

    await letTimePass(MINUTE);
    expect((await attempt(wrongKey())).status).toBe(401);
    const locked = await attempt(center.admin.authKey);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(110);

    await letTimePass(2 * MINUTE);
    expect((await attempt(center.admin.authKey)).status).toBe(200);
  });

  it('throttles an IP that tries many accounts', async () => {
    await setUpOrganization();
    const ip = '203.0.113.7';
    for (let i = 0; i < 20; i++) {
      await new Browser().post(
        '/api/auth/login',
        { email: `guess${i}@clinic.test`, authKey: wrongKey() },
        { ip },
      );
    }
    const res = await new Browser().post(
      '/api/auth/login',
      { email: 'another@clinic.test', authKey: wrongKey() },
      { ip },
    );
    expect(res.status).toBe(429);
  });

  it('signs in with the recovery code’s auth key and returns the recovery bundle', async () => {
    const center = await setUpOrganization();
    const res = await new Browser().post('/api/auth/recovery-login', {
      email: center.admin.email,
      recoveryAuthKey: center.admin.recoveryAuthKey,
    });
    expect(res.status).toBe(200);
    expect(res.body.recoveryBundle).toBe(center.admin.payload.recoveryBundle);
    expect(await auditTypes(center.adminBrowser)).toContain('auth.recovery_login');
  });

  it('refuses the passphrase auth key on the recovery route', async () => {
    const center = await setUpOrganization();
    const res = await new Browser().post('/api/auth/recovery-login', {
      email: center.admin.email,
      recoveryAuthKey: center.admin.authKey,
    });
    expect(res.status).toBe(401);
  });
});

describe('logout', () => {
  it('ends the session, clears the cookie and is audited', async () => {
    const center = await setUpOrganization();
    const browser = new Browser();
    await login(center.admin, browser);
    const token = browser.sessionToken;

    const res = await browser.post('/api/auth/logout');

    expect(res.body).toEqual({ ok: true });
    expect(res.headers.get('Set-Cookie')).toMatch(/tacit_session=;.*Max-Age=0/);
    browser.sessionToken = token;
    expect((await browser.get('/api/auth/session')).body.error.code).toBe('no_session');
    expect(await auditTypes(center.adminBrowser)).toContain('auth.logout');
  });
});

describe('passphrase change', () => {
  it('rotates the credentials and ends the user’s other sessions', async () => {
    const center = await setUpOrganization();
    const other = new Browser();
    await login(center.admin, other);
    const next = account();

    const res = await center.adminBrowser.post('/api/auth/passphrase', {
      currentAuthKey: center.admin.authKey,
      kdf: next.payload.kdf,
      authKey: next.authKey,
      keyBundle: next.payload.keyBundle,
    });

    expect(res.body).toEqual({ ok: true });
    expect((await other.get('/api/auth/session')).status).toBe(401);
    expect((await center.adminBrowser.get('/api/auth/session')).body.keyBundle).toBe(next.payload.keyBundle);
    expect((await login(center.admin)).status).toBe(401);
    const relogin = await new Browser().post('/api/auth/login', {
      email: center.admin.email,
      authKey: next.authKey,
    });
    expect(relogin.status).toBe(200);
    expect((await new Browser().post('/api/auth/params', { email: center.admin.email })).body).toEqual(
      next.payload.kdf,
    );
  });

  it('after a recovery login, accepts the recovery auth key and can replace the recovery bundle', async () => {
    const center = await setUpOrganization();
    const browser = new Browser();
    await browser.post('/api/auth/recovery-login', {
      email: center.admin.email,
      recoveryAuthKey: center.admin.recoveryAuthKey,
    });
    const next = account();

    const res = await browser.post('/api/auth/passphrase', {
      currentRecoveryAuthKey: center.admin.recoveryAuthKey,
      kdf: next.payload.kdf,
      authKey: next.authKey,
      keyBundle: next.payload.keyBundle,
      recovery: { recoveryBundle: next.payload.recoveryBundle, recoveryAuthKey: next.recoveryAuthKey },
    });

    expect(res.body).toEqual({ ok: true });
    const oldCode = await new Browser().post('/api/auth/recovery-login', {
      email: center.admin.email,
      recoveryAuthKey: center.admin.recoveryAuthKey,
    });
    expect(oldCode.status).toBe(401);
  });

  it('refuses a wrong current key and counts it as a failed sign-in', async () => {
    const center = await setUpOrganization();
    const next = account();
    const res = await center.adminBrowser.post('/api/auth/passphrase', {
      currentAuthKey: wrongKey(),
      kdf: next.payload.kdf,
      authKey: next.authKey,
      keyBundle: next.payload.keyBundle,
    });
    expect(res.status).toBe(401);
    expect((await login(center.admin)).status).toBe(200);
    expect(await auditTypes(center.adminBrowser)).toContain('auth.login_failed');
  });
});
