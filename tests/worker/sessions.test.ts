import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Browser } from './support/client.js';
import { HOUR, letTimePass, MINUTE } from './support/clock.js';
import { login, setUpOrganization } from './support/scenario.js';

async function lastSeen(): Promise<number[]> {
  const { results } = await env.DB.prepare('SELECT last_seen_at AS t FROM sessions').all<{ t: number }>();
  return results.map((row) => row.t);
}

describe('sessions', () => {
  it('answers 401 no_session without a cookie or with an unknown token', async () => {
    await setUpOrganization();
    const stranger = new Browser();
    expect((await stranger.get('/api/auth/session')).body.error.code).toBe('no_session');
    stranger.sessionToken = 'A'.repeat(43);
    expect((await stranger.get('/api/auth/session')).body.error.code).toBe('no_session');
  });

  it('stays alive while used: each request after a quiet minute moves the idle deadline', async () => {
    const center = await setUpOrganization();
    const browser = new Browser();
    await login(center.admin, browser);

    for (let i = 0; i < 3; i++) {
      await letTimePass(20 * MINUTE);
      expect((await browser.get('/api/auth/session')).status).toBe(200);
    }
    const seen = Math.max(...(await lastSeen()));
    expect(Date.now() - seen).toBeLessThan(MINUTE);
  });

  it('writes last-seen at most once a minute, and a use inside the minute keeps the session', async () => {
    const center = await setUpOrganization();
    const browser = new Browser();
    await login(center.admin, browser);

    await letTimePass(30 * 1000);
    const before = await lastSeen();
    expect((await browser.get('/api/auth/session')).status).toBe(200);
    expect(await lastSeen()).toEqual(before);

    await letTimePass(31 * 1000);
    expect((await browser.get('/api/auth/session')).status).toBe(200);
    expect(Date.now() - Math.max(...(await lastSeen()))).toBeLessThan(MINUTE);
    expect(await lastSeen()).not.toEqual(before);
  });

  it('expires after 30 idle minutes with 401 session_expired', async () => {
    const center = await setUpOrganization();
    const browser = new Browser();
    await login(center.admin, browser);

    await letTimePass(30 * MINUTE);
    const res = await browser.get('/api/auth/session');

    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
    expect((await browser.get('/api/auth/session')).body.error.code).toBe('no_session');
  });

  it('expires after 12 hours however busy the user is', async () => {
    const center = await setUpOrganization();
    const browser = new Browser();
    await login(center.admin, browser);

    for (let hour = 0; hour < 12; hour++) {
      await letTimePass(20 * MINUTE);
      await browser.get('/api/auth/session');
      await letTimePass(20 * MINUTE);
      await browser.get('/api/auth/session');
      await letTimePass(20 * MINUTE);
      const res = await browser.get('/api/auth/session');
      if (hour < 11) expect(res.status).toBe(200);
      else expect(res.body.error.code).toBe('session_expired');
    }
  });

  it('reports the idle and absolute deadlines the browser locks on', async () => {
    const center = await setUpOrganization();
    const browser = new Browser();
    await login(center.admin, browser);

    const { session } = (await browser.get('/api/auth/session')).body;

    expect(session.idleExpiresAt - Date.now()).toBeGreaterThan(29 * MINUTE);
    expect(session.absoluteExpiresAt - Date.now()).toBeGreaterThan(11 * HOUR);
  });
});
