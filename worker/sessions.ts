import { eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../core/api/auth.js';
import type { OrgSettingsView } from '../core/api/views.js';
import { hashToken, isWellFormedToken, newToken } from './credentials.js';
import type { Db } from './db/client.js';
import { columnsAs } from './db/columns-as.js';
import { preparedBatch, slot } from './db/prepared.js';
import { type OrgRow, org, sessions, type UserRow, users } from './db/schema.js';

type SessionRecord = typeof sessions.$inferSelect;

import type { ActiveSession, Env } from './env.js';
import { institutionTimeZone } from './schedule-settings.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** last_seen_at is written at most this often: idle expiry stays minute-accurate with few writes. */
const TOUCH_INTERVAL_MS = MINUTE_MS;

function positiveIntOr(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** The deployment's idle minutes, which an org's own setting overrides. */
export function defaultIdleMinutes(env: Env): number {
  return positiveIntOr(env.SESSION_IDLE_MINUTES, 30);
}

/** Org settings win; the SESSION_* vars are the deployment's defaults (issue 3: 30 min, 12 h). */
export function effectiveSettings(env: Env, orgRow: OrgRow): OrgSettingsView {
  return {
    sessionIdleMinutes: orgRow.settings.sessionIdleMinutes ?? defaultIdleMinutes(env),
    sessionAbsoluteHours:
      orgRow.settings.sessionAbsoluteHours ?? positiveIntOr(env.SESSION_ABSOLUTE_HOURS, 12),
    locale: orgRow.settings.locale === 'en' ? 'en' : 'zh-CN',
    timeZone: institutionTimeZone(orgRow),
  };
}

export interface StartedSession {
  token: string;
  insert: ReturnType<typeof insertSession>;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
}

function insertSession(db: Db, tokenHash: string, userId: string, now: number, expiresAt: number) {
  return db.insert(sessions).values({ tokenHash, userId, createdAt: now, lastSeenAt: now, expiresAt });
}

/** The insert joins the caller's audited batch, so a login and its audit event commit together. */
export function startSession(db: Db, env: Env, orgRow: OrgRow, userId: string): StartedSession {
  const settings = effectiveSettings(env, orgRow);
  const now = Date.now();
  const { token, hash } = newToken();
  const absoluteExpiresAt = now + settings.sessionAbsoluteHours * HOUR_MS;
  return {
    token,
    insert: insertSession(db, hash, userId, now, absoluteExpiresAt),
    idleExpiresAt: Math.min(now + settings.sessionIdleMinutes * MINUTE_MS, absoluteExpiresAt),
    absoluteExpiresAt,
  };
}

export type SessionLookup =
  | { kind: 'none' }
  | { kind: 'expired' }
  | {
      kind: 'active';
      session: ActiveSession;
      /** The last-seen write, when one is due: the caller runs it after the response (idle expiry). */
      touch: (() => Promise<unknown>) | undefined;
    };

/**
 * The session behind a token hash, with its user and the org: one statement, the three tables'
 * columns under prefixed names (worker/db/columns-as.ts).
 */
export function sessionQuery(db: Db, tokenHash: string | Placeholder) {
  return db
    .select({ session: columnsAs(sessions, 's'), user: columnsAs(users, 'u'), org: columnsAs(org, 'o') })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(org, eq(org.singleton, 1))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
}

export interface SessionRow {
  session: SessionRecord;
  user: UserRow;
  org: OrgRow;
}

/**
 * The one rule for a session (every authenticated route, whether through requireRoles or a folded
 * read batch, worker/session-reads.ts): its user is active and neither deadline has passed at
 * `now`. An expired session is reported so the caller deletes it (`endSession`); see `touch`.
 */
export function judgeSession(
  db: Db,
  env: Env,
  tokenHash: string,
  found: SessionRow | undefined,
  now: number,
): SessionLookup {
  if (found?.user.status !== 'active') return { kind: 'none' };
  const settings = effectiveSettings(env, found.org);
  const idleDeadline = found.session.lastSeenAt + settings.sessionIdleMinutes * MINUTE_MS;
  if (now >= idleDeadline || now >= found.session.expiresAt) return { kind: 'expired' };
  let lastSeenAt = found.session.lastSeenAt;
  let touch: (() => Promise<unknown>) | undefined;
  if (now - lastSeenAt >= TOUCH_INTERVAL_MS) {
    const seenAt = now;
    lastSeenAt = seenAt;
    touch = () => db.update(sessions).set({ lastSeenAt: seenAt }).where(eq(sessions.tokenHash, tokenHash));
  }
  return {
    kind: 'active',
    touch,
    session: {
      tokenHash,
      user: found.user,
      org: found.org,
      idleExpiresAt: Math.min(lastSeenAt + settings.sessionIdleMinutes * MINUTE_MS, found.session.expiresAt),
      absoluteExpiresAt: found.session.expiresAt,
    },
  };
}

/**
 * SQL for the user id of the live session behind `tokenHash` at `now`, or NULL: `judgeSession`'s
 * rule (active user, idle and absolute deadlines, the org's idle minutes or the deployment's) in
 * the database, so a read batch computes nothing for a token that `judgeSession` would refuse.
 */
export function liveSessionUserId(
  tokenHash: string | Placeholder,
  now: number | Placeholder,
  defaultIdleMinutes: number | Placeholder,
): SQL<string | null> {
  return sql<string | null>`(SELECT live_session.user_id FROM sessions AS live_session
    INNER JOIN users AS live_user ON live_user.id = live_session.user_id
    INNER JOIN org AS live_org ON live_org.singleton = 1
    WHERE live_session.token_hash = ${tokenHash} AND live_user.status = 'active'
      AND ${now} < live_session.expires_at
      AND ${now} < live_session.last_seen_at + ${MINUTE_MS} * coalesce(json_extract(live_org.settings, '$.sessionIdleMinutes'), ${defaultIdleMinutes}))`;
}

function endSession(db: Db, tokenHash: string) {
  return db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

const sessionLookup = preparedBatch((db) => [sessionQuery(db, slot('tokenHash'))] as const);

/** Finds the session behind a cookie token and enforces idle and absolute expiry; see `touch`. */
export async function resumeSession(db: Db, env: Env, token: string | undefined): Promise<SessionLookup> {
  if (!isWellFormedToken(token)) return { kind: 'none' };
  const tokenHash = hashToken(token);
  const [[found]] = await sessionLookup.run(db, { tokenHash });
  return settleSession(db, env, tokenHash, found, Date.now());
}

/** `judgeSession`'s verdict, with an expired session deleted (the middleware and the read batches). */
export async function settleSession(
  db: Db,
  env: Env,
  tokenHash: string,
  found: SessionRow | undefined,
  now: number,
): Promise<SessionLookup> {
  const lookup = judgeSession(db, env, tokenHash, found, now);
  if (lookup.kind === 'expired') await endSession(db, tokenHash);
  return lookup;
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function setSessionCookie(c: Context, token: string, absoluteExpiresAt: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: Math.max(0, Math.floor((absoluteExpiresAt - Date.now()) / 1000)),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
}
