/**
 * Wall-clock time in the institution's time zone, with the platform's Intl time-zone data
 * instead of a bundled database. Instants are ms since epoch (UTC); a local date is
 * `{ year, month, day }`; a time of day is minutes after local midnight.
 */

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface ZonedParts extends LocalDate {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight, 0…1439. */
  minute: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for an IANA zone name this runtime knows (e.g. "America/New_York", "Asia/Shanghai"). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(name) && name !== 'UTC') return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

export function zonedParts(instant: number, timeZone: string): ZonedParts {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) fields[part.type] = part.value;
  return {
    year: Number(fields.year),
    month: Number(fields.month),
    day: Number(fields.day),
    weekday: WEEKDAYS[fields.weekday ?? ''] ?? 0,
    minute: Number(fields.hour) * 60 + Number(fields.minute),
  };
}

/** The zone's offset from UTC at `instant`, in minutes (New York in winter: -300). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const parts = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day) + parts.minute * MINUTE_MS;
  const truncated = instant - (((instant % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
  return Math.round((asUtc - truncated) / MINUTE_MS);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** ISO weekday of a calendar date (1 = Monday), independent of any zone. */
export function weekdayOf(date: LocalDate): number {
  const sunday0 = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return sunday0 === 0 ? 7 : sunday0;
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function parseLocalDate(text: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return formatLocalDate(addDays(date, 0)) === text ? date : null;
}

/**
 * The instant at which the wall clock in `timeZone` shows `minute` on `date` (minute 1440 is the
 * next midnight). Across a DST change it resolves like Temporal's "compatible": a time skipped by
 * spring-forward moves later by the gap (02:30 → 03:30), a time repeated by fall-back takes its
 * first occurrence.
 */
export function zonedInstant(date: LocalDate, minute: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minute * MINUTE_MS;
  const before = offsetMinutes(wall - DAY_MS, timeZone);
  const after = offsetMinutes(wall + DAY_MS, timeZone);
  const matches = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => offsetMinutes(instant, timeZone) * MINUTE_MS === wall - instant)
    .sort((a, b) => a - b);
  return matches[0] ?? wall - before * MINUTE_MS;
}

/** Local midnight of the date that contains `instant`. */
export function startOfLocalDay(instant: number, timeZone: string): number {
  return zonedInstant(zonedParts(instant, timeZone), 0, timeZone);
}

/** The local date of `instant` in `timeZone`. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = zonedParts(instant, timeZone);
  return { year, month, day };
}
