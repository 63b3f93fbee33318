import { inArray } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { loginThrottle } from './db/schema.js';
import { ApiError } from './errors.js';

/**
 * Login backoff per account and per IP: after the free failures, each further failure locks the
 * key for 1 min, doubling up to 1 h. A clinic's staff often share one NAT address, so an IP gets
 * more free failures than an account. Quiet for a day, a key starts over.
 */
const FREE_FAILURES = { acct: 5, ip: 20 } as const;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;
const FORGET_AFTER_MS = 24 * 60 * 60_000;

export interface ThrottleKeys {
  account: string;
  ip: string;
}

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return { account: `acct:${email}`, ip: `ip:${ip}` };
}

export type ThrottleRow = typeof loginThrottle.$inferSelect;

/** Both throttle rows, as a query for a read batch. */
export function throttleQuery(db: Db, keys: ThrottleKeys) {
  return db
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, [keys.account, keys.ip]));
}

export const throttleMap = (rows: readonly ThrottleRow[]) => new Map(rows.map((row) => [row.key, row]));

export async function readThrottle(db: Db, keys: ThrottleKeys): Promise<Map<string, ThrottleRow>> {
  return throttleMap(await throttleQuery(db, keys));
}

/** Refuses with 429 and Retry-After while either key is locked. */
export function assertNotLocked(rows: Map<string, ThrottleRow>, now: number): void {
  const lockedUntil = Math.max(0, ...[...rows.values()].map((row) => row.lockedUntil ?? 0));
  if (lockedUntil > now) {
    const seconds = Math.ceil((lockedUntil - now) / 1000);
    throw new ApiError(429, 'locked', `too many failed sign-ins; try again in ${seconds} s`, {
      'Retry-After': String(seconds),
    });
  }
}

function lockFor(failures: number, freeFailures: number): number | undefined {
  const excess = failures - freeFailures;
  if (excess < 0) return undefined;
  return Math.min(FIRST_LOCK_MS * 2 ** Math.min(excess, 16), MAX_LOCK_MS);
}

/** The writes that count one failure against both keys; they join the audited batch. */
export function failureWrites(db: Db, rows: Map<string, ThrottleRow>, keys: ThrottleKeys, now: number) {
  const entries = [
    [keys.account, FREE_FAILURES.acct],
    [keys.ip, FREE_FAILURES.ip],
  ] as const;
  let lockedUntil: number | undefined;
  const writes = entries.map(([key, free]) => {
    const row = rows.get(key);
    const previous = row && now - row.lastFailureAt < FORGET_AFTER_MS ? row.failures : 0;
    const failures = previous + 1;
    const lock = lockFor(failures, free);
    const until = lock === undefined ? null : now + lock;
    if (until !== null) lockedUntil = Math.max(lockedUntil ?? 0, until);
    const values = { key, failures, lastFailureAt: now, lockedUntil: until };
    return db
      .insert(loginThrottle)
      .values(values)
      .onConflictDoUpdate({ target: loginThrottle.key, set: values });
  });
  return { writes, lockedUntil };
}

/** A successful sign-in clears the account's count; the IP's count only fades with time. */
export function clearAccountWrite(db: Db, keys: ThrottleKeys) {
  return db.delete(loginThrottle).where(inArray(loginThrottle.key, [keys.account]));
}
