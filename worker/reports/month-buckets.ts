import {
  formatLocalDate,
  type LocalDate,
  localDateOf,
  zonedInstant,
} from '../../core/schedule/zoned-time.js';

export interface MonthBucket {
  /** "2026-03" */
  label: string;
  /** local midnight of the 1st in the institution's zone */
  start: number;
}

function firstOfNextMonth(date: LocalDate): LocalDate {
  return date.month === 12
    ? { year: date.year + 1, month: 1, day: 1 }
    : { ...date, month: date.month + 1, day: 1 };
}

/**
 * The calendar months that [from, to) touches, in the institution's zone: a session at 23:30 on
 * 31 March in Shanghai is March's, although it is still 31 March in UTC only until 16:00.
 */
export function monthBuckets(from: number, to: number, timeZone: string): MonthBucket[] {
  const buckets: MonthBucket[] = [];
  let month: LocalDate = { ...localDateOf(from, timeZone), day: 1 };
  for (let start = zonedInstant(month, 0, timeZone); start < to; ) {
    buckets.push({ label: formatLocalDate(month).slice(0, 7), start });
    month = firstOfNextMonth(month);
    start = zonedInstant(month, 0, timeZone);
  }
  return buckets;
}

/** SQL that names the bucket of `column`; every value in it is one this module computed. */
export function monthCase(column: string, buckets: readonly MonthBucket[]): string {
  const later = buckets.slice(1).map((bucket, index) => {
    const previous = buckets[index] as MonthBucket;
    return `WHEN ${column} < ${bucket.start} THEN '${previous.label}'`;
  });
  const last = buckets[buckets.length - 1];
  return `CASE ${later.join(' ')} ELSE '${last?.label ?? ''}' END`;
}
