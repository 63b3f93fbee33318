import { lt, sql } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { rateLimits } from './db/integrations-schema.js';
import { ApiError } from './errors.js';

/**
 * A fixed one-minute window per key (`api:<key id>`, `widget-ip:<ip>`), counted in one atomic
 * upsert so two racing requests cannot both see the last free slot.
 */
const WINDOW_MS = 60_000;

export async function countRequest(db: Db, key: string, limit: number, now = Date.now()): Promise<void> {
  const windowStart = now - (now % WINDOW_MS);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = ${windowStart} THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart,
      },
    })
    .returning({ count: rateLimits.count });
  if ((row?.count ?? 0) > limit) {
    const seconds = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
    throw new ApiError(
      429,
      'rate_limited',
      `more than ${limit} requests a minute; try again in ${seconds} s`,
      {
        'Retry-After': String(seconds),
      },
    );
  }
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
