import type { SQL } from 'drizzle-orm';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { Context } from 'hono';
import type { Role } from '../core/api/roles.js';
import { hashToken, isWellFormedToken } from './credentials.js';
import type { Db } from './db/client.js';
import type { ActiveSession, AppEnv } from './env.js';
import { admitSession, noSession } from './middleware/session.js';
import {
  endSession,
  judgeSession,
  liveSessionUserId,
  readSessionCookie,
  sessionQueries,
  sessionRowOf,
} from './sessions.js';

/**
 * The session read folded into a hot read route's own batch (issue 12): one D1 round trip instead
 * of requireSession's plus the route's. Only the case list and opening a case use it; every other
 * route keeps the middleware.
 *
 * Why it is as safe as the middleware:
 * - The verdict is the middleware's: the first statements read the same session row (by the
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
 */

export interface SessionScope {
  db: Db;
  /** The instant both the SQL restriction and the JS verdict use. */
  now: number;
  /** The live session's user id, or NULL: restrict every statement of the batch through it. */
  userId: SQL<string | null>;
}

export async function readWithSession<T extends readonly [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]>(
  c: Context<AppEnv>,
  reads: (scope: SessionScope) => T,
  allowed: readonly Role[] = [],
): Promise<{ session: ActiveSession; now: number; rows: BatchResponse<T> }> {
  const { db } = c.var;
  const token = readSessionCookie(c);
  if (!isWellFormedToken(token)) throw noSession();
  const tokenHash = hashToken(token);
  const now = Date.now();
  const statements = reads({ db, now, userId: liveSessionUserId(c.env, tokenHash, now) });
  const [sessionRows, userRows, orgRows, ...rows] = await db.batch([
    ...sessionQueries(db, tokenHash),
    ...statements,
  ]);
  const found = sessionRowOf([sessionRows, userRows, orgRows]);
  const lookup = judgeSession(db, c.env, tokenHash, found, now);
  if (lookup.kind === 'expired') await endSession(db, tokenHash);
  await admitSession(c, lookup, allowed);
  return { session: c.var.session, now, rows: rows as BatchResponse<T> };
}
