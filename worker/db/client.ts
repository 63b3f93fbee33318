import { drizzle } from 'drizzle-orm/d1';

/**
 * Without the schema: nothing uses drizzle's relational queries (`db.query`), and handing it the
 * schema made every request rebuild their config from every table (~0.2–0.4 ms of CPU, issue 12).
 */
export function openDb(d1: D1Database) {
  return drizzle(d1);
}
export type Db = ReturnType<typeof openDb>;

/** True when `error` (or what it wraps) is SQLite refusing a duplicate in `target` (`table.column`). */
export function isUniqueViolation(error: unknown, target?: string): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause.message.includes('UNIQUE constraint failed') && (!target || cause.message.includes(target))) {
      return true;
    }
  }
  return false;
}

/** Runs a write; a UNIQUE violation on `target` becomes the caller's own 409 instead of a 500. */
export async function refuseDuplicate<T>(
  target: string,
  conflict: () => Error,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, target)) throw conflict();
    throw error;
  }
}
