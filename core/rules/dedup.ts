const DAY_MS = 24 * 60 * 60 * 1000;

/** Not the same rule for the same subject twice within `dedupDays` (0 = always fire again). */
export function isDuplicate(lastFiredAt: number | null, dedupDays: number, now: number): boolean {
  return lastFiredAt !== null && dedupDays > 0 && now - lastFiredAt < dedupDays * DAY_MS;
}

/** The next attempt after `attempts` failures: 1, 2, 4, 8 … minutes, at most an hour apart. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

export const MAX_ATTEMPTS = 6;
