import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { apiKeys, rateLimits } from './db/integrations-schema.js';
import { ApiError } from './errors.js';

/**
 * A fixed one-minute window per key (`api:<key id>`, `widget-ip:<ip>`), counted in one atomic
 * upsert so two racing requests cannot both see the last free slot.
 */
const WINDOW_MS = 60_000;

const windowOf = (now: number) => now - (now % WINDOW_MS);

const countedWindow = (windowStart: number) => ({
  target: rateLimits.key,
  set: {
    count: sql`CASE WHEN ${rateLimits.windowStart} = ${windowStart} THEN ${rateLimits.count} + 1 ELSE 1 END`,
    windowStart,
  },
});

function refuseOver(limit: number, count: number | undefined, now: number): void {
  if ((count ?? 0) <= limit) return;
  const windowStart = windowOf(now);
  const seconds = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
  throw new ApiError(429, 'rate_limited', `more than ${limit} requests a minute; try again in ${seconds} s`, {
    'Retry-After': String(seconds),
  });
}

/**
 * countRequest for the API key with this secret hash (`api:<key id>`), as one statement for the
 * caller's read batch: it counts only a key that is known and live at `now`, and returns nothing
 * otherwise. Judge its rows with refuseOverApiLimit.
 */
export function countApiKeyQuery(db: Db, secretHash: string, now: number) {
  const windowStart = windowOf(now);
  return db
    .insert(rateLimits)
    .select(
      db
        .select({
          key: sql<string>`'api:' || ${apiKeys.id}`.as('key'),
          windowStart: sql<number>`${windowStart}`.as('window_start'),
          count: sql<number>`1`.as('count'),
        })
        .from(apiKeys)
        .where(
          and(
            eq(apiKeys.secretHash, secretHash),
            isNull(apiKeys.revokedAt),
            or(eq(apiKeys.expiresAt, 0), gt(apiKeys.expiresAt, now)),
          ),
        ),
    )
    .onConflictDoUpdate(countedWindow(windowStart))
    .returning({ count: rateLimits.count });
}

export function refuseOverApiLimit(rows: readonly { count: number }[], limit: number, now: number): void {
  refuseOver(limit, rows[0]?.count, now);
}

export async function countRequest(db: Db, key: string, limit: number, now = Date.now()): Promise<void> {
  const windowStart = windowOf(now);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate(countedWindow(windowStart))
    .returning({ count: rateLimits.count });
  refuseOver(limit, row?.count, now);
}

/** The Cron Trigger's sweep: a row whose window has passed counts nothing any more. */
export async function pruneRateLimits(db: Db, now: number): Promise<number> {
  const current = now - (now % WINDOW_MS);
  const gone = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, current))
    .returning({ key: rateLimits.key });
  return gone.length;
}
