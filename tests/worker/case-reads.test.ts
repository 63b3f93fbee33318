import { env } from 'cloudflare:workers';
import { sql as drizzleSql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { myCaseListSchema } from '../../core/api/cases.js';
import { verifyAuditChain } from '../../crypto/audit-log.js';
import { toHex } from '../../crypto/bytes.js';
import { hashToken } from '../../worker/credentials.js';
import { openDb } from '../../worker/db/client.js';
import { defaultIdleMinutes, judgeSession, liveSessionUserId, sessionQuery } from '../../worker/sessions.js';
import { allEvents, hashedPart } from './support/audit-events.js';
import { openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { letTimePass, MINUTE } from './support/clock.js';
import { snapshotCounts } from './support/database.js';
import { addMember, login, setUpOrganization } from './support/scenario.js';
import { roundTripsSeen } from './support/worker-fetch.js';

/**
 * Issue 12: the case list and the case file read the session in their own read batch
 * (worker/session-reads.ts) and append the case read's audit event in it (worker/case-reads.ts).
 * They must refuse exactly the sessions requireSession refuses, with the same answers, and record
 * exactly the reads they serve.
 */

async function counselorWithCase() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const file = await openCase(center, counselor);
  return { center, counselor, file, paths: ['/api/cases', `/api/cases/${file.caseId}`] };
}

async function caseReadEvents(): Promise<{ actor: string; subject: string; details: string }[]> {
  const { results } = await env.DB.prepare(
    "SELECT actor_user_id AS actor, subject, details FROM audit_events WHERE type = 'case.read' ORDER BY seq",
  ).all<{ actor: string; subject: string; details: string }>();
  return results;
}

async function expectRefused(browser: Browser, paths: string[], code: string) {
  for (const path of paths) {
    const res = await browser.get(path);
    expect(res.status, path).toBe(401);
    expect(res.body.error.code, path).toBe(code);
  }
}

describe('the case list and the case file with the session in their read batch', () => {
  it('answer in one D1 round trip', async () => {
    const { counselor, paths } = await counselorWithCase();
    for (const route of ['GET /api/cases', 'GET /api/cases/:id']) roundTripsSeen.delete(route);
    for (const path of paths) expect((await counselor.browser.get(path)).status).toBe(200);
    expect(roundTripsSeen.get('GET /api/cases')).toBe(1);
    expect(roundTripsSeen.get('GET /api/cases/:id')).toBe(1);
  });

  it('list each case exactly as its file summarises it, newest first, in myCaseListSchema', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const second = await openCase(center, counselor);
    await env.DB.prepare('UPDATE cases SET needs_rotation = 1 WHERE id = ?1').bind(second.caseId).run();

    const res = await counselor.browser.get('/api/cases');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const { cases } = myCaseListSchema.parse(res.body);
    const summaries = [];
    for (const id of [second.caseId, file.caseId]) {
      summaries.push((await counselor.browser.get(`/api/cases/${id}`)).body.case);
    }
    expect(cases).toEqual(summaries);
    expect(cases.map((item) => item.needsRotation)).toEqual([true, false]);

    const newcomer = await addMember(center, ['counselor']);
    expect((await newcomer.browser.get('/api/cases')).body).toEqual({ cases: [] });
  });

  it('refuse no cookie, an unknown token and a malformed one with 401 no_session, writing nothing', async () => {
    const { paths } = await counselorWithCase();
    const before = await snapshotCounts();
    for (const token of [undefined, 'A'.repeat(43), 'not a token']) {
      const stranger = new Browser();
      stranger.sessionToken = token;
      await expectRefused(stranger, paths, 'no_session');
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuse a logged-out session', async () => {
    const { counselor, paths } = await counselorWithCase();
    const token = counselor.browser.sessionToken;
    expect((await counselor.browser.post('/api/auth/logout')).status).toBe(200);
    counselor.browser.sessionToken = token;
    await expectRefused(counselor.browser, paths, 'no_session');
    expect(await caseReadEvents()).toEqual([]);
  });

  it('expire a session after 30 idle minutes with session_expired, then know it no more', async () => {
    const { counselor, paths } = await counselorWithCase();
    for (const path of paths) {
      expect((await login(counselor.account, counselor.browser)).status).toBe(200);
      const tokenHash = hashToken(counselor.browser.sessionToken as string);
      await letTimePass(30 * MINUTE);
      await expectRefused(counselor.browser, [path], 'session_expired');
      const left = await env.DB.prepare('SELECT 1 FROM sessions WHERE token_hash = ?1').bind(tokenHash).all();
      expect(left.results).toEqual([]);
      await expectRefused(counselor.browser, paths, 'no_session');
    }
    expect(await caseReadEvents()).toEqual([]);
  });

  it('keep the org’s own idle minutes, in the database’s restriction as in the verdict', async () => {
    const { counselor, file, paths } = await counselorWithCase();
    await env.DB.prepare("UPDATE org SET settings = json_set(settings, '$.sessionIdleMinutes', 60)").run();

    // Past the deployment's 30 minutes, within the org's 60: the statements must still match.
    await letTimePass(45 * MINUTE);
    expect(
      (await counselor.browser.get('/api/cases')).body.cases.map((item: { id: string }) => item.id),
    ).toEqual([file.caseId]);
    await letTimePass(45 * MINUTE);
    expect((await counselor.browser.get(`/api/cases/${file.caseId}`)).body.case.id).toBe(file.caseId);

    await letTimePass(60 * MINUTE);
    await expectRefused(counselor.browser, [paths[0] as string], 'session_expired');
  });

  it('refuse a session past its absolute deadline', async () => {
    const { counselor, paths } = await counselorWithCase();
    // The clock fake: the session's 12 hours end now.
    await env.DB.prepare('UPDATE sessions SET expires_at = ?1').bind(Date.now()).run();
    await expectRefused(counselor.browser, [paths[1] as string], 'session_expired');
    await expectRefused(counselor.browser, paths, 'no_session');
    expect(await caseReadEvents()).toEqual([]);
  });

  it('refuse a disabled user’s session', async () => {
    const { center, counselor, paths } = await counselorWithCase();
    const disabled = await center.adminBrowser.patch(`/api/users/${counselor.account.id}`, {
      status: 'disabled',
    });
    expect(disabled.status).toBe(200);
    await expectRefused(counselor.browser, paths, 'no_session');
    expect(await caseReadEvents()).toEqual([]);
  });

  it('show another counselor and a director nothing of the case, and record no read', async () => {
    const { center, file } = await counselorWithCase();
    for (const roles of [['counselor'], ['director']] as const) {
      const other = await addMember(center, [...roles]);
      expect((await other.browser.get('/api/cases')).body).toEqual({ cases: [] });
      const res = await other.browser.get(`/api/cases/${file.caseId}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: 'no such case' } });
    }
    expect(await caseReadEvents()).toEqual([]);
  });

  it('refuse a malformed case id or history id with 400, writing nothing', async () => {
    const { counselor, file } = await counselorWithCase();
    const before = await snapshotCounts();
    for (const path of ['/api/cases/not-a-case', `/api/cases/${file.caseId}?history=not-a-record`]) {
      const res = await counselor.browser.get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBe('invalid_request');
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('record each served read once, with what was served, in a chain that verifies', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const record = crypto.randomUUID();
    const first = (await counselor.browser.get(`/api/cases/${file.caseId}`)).body;
    await counselor.browser.get(`/api/cases/${file.caseId}?history=${record}`);

    const reads = await caseReadEvents();
    expect(reads.map(({ actor, subject }) => ({ actor, subject }))).toEqual([
      { actor: counselor.account.id, subject: file.caseId },
      { actor: counselor.account.id, subject: file.caseId },
    ]);
    const wraps = first.myWraps.map((wrap: { id: string }) => wrap.id);
    expect(reads.map((read) => JSON.parse(read.details))).toEqual([
      { epoch: 0, seq: 0, wraps },
      { epoch: 0, seq: 0, wraps, history: record },
    ]);
    const events = await allEvents(center.adminBrowser);
    const head = (await center.adminBrowser.get('/api/audit/head')).body;
    expect(head).toEqual({
      n: events.length,
      head: toHex(verifyAuditChain(center.org.id, events.map(hashedPart), [])),
    });
  });

  it('restrict their statements by the same rule the verdict applies, to the millisecond', async () => {
    const { center, counselor } = await counselorWithCase();
    const db = openDb(env.DB);
    const tokenHash = hashToken(counselor.browser.sessionToken as string);
    const [row] = await sessionQuery(db, tokenHash);
    if (!row) throw new Error('no session row');
    const idleEnd = row.session.lastSeenAt + 30 * MINUTE;
    const verdicts = async (now: number, hash = tokenHash) => {
      const [sql] = await db.all<{ user: string | null }>(
        drizzleSql`SELECT ${liveSessionUserId(hash, now, defaultIdleMinutes(env))} AS user`,
      );
      const [found] = await sessionQuery(db, hash);
      return { sql: sql?.user ?? null, js: judgeSession(db, env, hash, found, now).kind };
    };
    const live = { sql: counselor.account.id, js: 'active' };
    expect(await verdicts(idleEnd - 1)).toEqual(live);
    expect(await verdicts(idleEnd)).toEqual({ sql: null, js: 'expired' });
    expect(await verdicts(Date.now(), 'f'.repeat(64))).toEqual({ sql: null, js: 'none' });

    await env.DB.prepare('UPDATE sessions SET expires_at = ?1 WHERE token_hash = ?2')
      .bind(row.session.lastSeenAt + 10 * MINUTE, tokenHash)
      .run();
    expect(await verdicts(row.session.lastSeenAt + 10 * MINUTE - 1)).toEqual(live);
    expect(await verdicts(row.session.lastSeenAt + 10 * MINUTE)).toEqual({ sql: null, js: 'expired' });

    await center.adminBrowser.patch(`/api/users/${counselor.account.id}`, { status: 'disabled' });
    expect(await verdicts(row.session.lastSeenAt + 1)).toEqual({ sql: null, js: 'none' });
  });
});
