import type { Placeholder, SQL } from 'drizzle-orm';
import type { BatchResponse } from 'drizzle-orm/batch';
import type { Context } from 'hono';
import type { Role } from '../core/api/roles.js';
import { hashToken, isWellFormedToken } from './credentials.js';
import type { Db } from './db/client.js';
import {
  type PlaceholderValues,
  type Preparable,
  type PreparedBatch,
  preparedBatch,
  slot,
} from './db/prepared.js';
import type { ActiveSession, AppEnv } from './env.js';
import { admitSession, noSession } from './middleware/session.js';
import {
  defaultIdleMinutes,
  liveSessionUserId,
  readSessionCookie,
  sessionQuery,
  settleSession,
} from './sessions.js';

/**
 * The session read folded into a hot read route's own batch (issue 12): one D1 round trip instead
 * of requireSession's plus the route's. Only the case list and opening a case use it; every other
 * route keeps the middleware.
 *
 * Why it is as safe as the middleware:
 * - The verdict is the middleware's: the first statement reads the same session row (by the
 *   SHA-256 of the cookie token, with its user and the org), and `judgeSession` and `admitSession`
 *   — the code requireRoles runs — answer 401 no_session / session_expired or 403 before any row
 *   of the route is looked at. An expired session is deleted, its last-seen touched after the
 *   response, exactly as there; a malformed cookie is refused without touching D1.
 * - No data for anyone else is even computed: the route's statements name the user only through
 *   `userId`, SQL that yields the user id of the *live* session behind this token hash (active
 *   user, both deadlines at the same `now`) or NULL, so for a missing, logged-out, expired or
 *   disabled session they match nothing. A batch is one transaction, so the session row the JS
 *   judges and the one the statements were restricted by are the same row.
 * - Nothing is written before the verdict except what the route guards the same way (the case
 *   read's audit event, worker/case-reads.ts), which exists only when the read is served.
 *
 * The statements are prepared once per isolate (worker/db/prepared.ts): the token hash, `now` and
 * the deployment's idle minutes are bound per request, with the route's own values.
 */

export interface SessionScope {
  db: Db;
  /** The instant both the SQL restriction and the JS verdict use. */
  now: Placeholder<string, number>;
  /** The live session's user id, or NULL: restrict every statement of the batch through it. */
  userId: SQL<string | null>;
}

type Reads = readonly [Preparable, ...Preparable[]];

/** A route's statements behind the session's, prepared once per isolate (worker/db/prepared.ts). */
export type SessionRead<T extends Reads> = PreparedBatch<readonly [ReturnType<typeof sessionQuery>, ...T]>;

export function sessionRead<T extends Reads>(reads: (scope: SessionScope) => T): SessionRead<T> {
  return preparedBatch((db) => {
    const now = slot<number>('now');
    const userId = liveSessionUserId(slot('tokenHash'), now, slot('defaultIdleMinutes'));
    return [sessionQuery(db, slot('tokenHash')), ...reads({ db, now, userId })] as const;
  });
}

/** Runs a session read; `values` are the route's own placeholders. */
export async function readWithSession<T extends Reads>(
  c: Context<AppEnv>,
  read: SessionRead<T>,
  values: PlaceholderValues = {},
  allowed: readonly Role[] = [],
): Promise<{ session: ActiveSession; now: number; rows: BatchResponse<T> }> {
  const { db } = c.var;
  const token = readSessionCookie(c);
  if (!isWellFormedToken(token)) throw noSession();
  const tokenHash = hashToken(token);
  const now = Date.now();
  const [[found], ...rows] = await read.run(db, {
    ...values,
    tokenHash,
    now,
    defaultIdleMinutes: defaultIdleMinutes(c.env),
  });
  await admitSession(c, await settleSession(db, c.env, tokenHash, found, now), allowed);
  return { session: c.var.session, now, rows: rows as unknown as BatchResponse<T> };
}
