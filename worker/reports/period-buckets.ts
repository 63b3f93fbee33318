import {
  addDays,
  formatLocalDate,
  type LocalDate,
  localDateOf,
  weekdayOf,
  zonedInstant,
} from '../../core/schedule/zoned-time.js';

export type Period = 'month' | 'week' | 'day';

export interface PeriodBucket {
  /** "2026-03" for a month; the local date of its first day for a week (a Monday) or a day */
  label: string;
  /** local midnight of its first day in the institution's zone */
  start: number;
}

function firstDayOf(date: LocalDate, period: Period): LocalDate {
  if (period === 'month') return { ...date, day: 1 };
  if (period === 'week') return addDays(date, 1 - weekdayOf(date));
  return date;
}

function nextFirstDay(date: LocalDate, period: Period): LocalDate {
  if (period === 'day') return addDays(date, 1);
  if (period === 'week') return addDays(date, 7);
  return date.month === 12
    ? { year: date.year + 1, month: 1, day: 1 }
    : { ...date, month: date.month + 1, day: 1 };
}

/**
 * The calendar months, weeks or days that [from, to) touches, in the institution's zone: a session
 * at 23:30 on 31 March in Shanghai is March's, although in UTC it is still 31 March only until 16:00.
 */
export function periodBuckets(from: number, to: number, period: Period, timeZone: string): PeriodBucket[] {
  const buckets: PeriodBucket[] = [];
  let first = firstDayOf(localDateOf(from, timeZone), period);
  for (let start = zonedInstant(first, 0, timeZone); start < to; ) {
    const label = formatLocalDate(first);
    buckets.push({ label: period === 'month' ? label.slice(0, 7) : label, start });
    first = nextFirstDay(first, period);
    start = zonedInstant(first, 0, timeZone);
  }
  return buckets;
}

/**
 * SQL that names the bucket of `column`: a balanced tree of comparisons, so a row costs log₂ of the
 * buckets (a year of days, 9), not one comparison per bucket. Every value in it is one this module
 * computed; nothing comes from the request.
 */
export function bucketCase(column: string, buckets: readonly PeriodBucket[]): string {
  const tree = (low: number, high: number): string => {
    if (high - low === 1) return `'${buckets[low]?.label ?? ''}'`;
    const middle = Math.floor((low + high) / 2);
    const split = buckets[middle] as PeriodBucket;
    return `CASE WHEN ${column} < ${split.start} THEN ${tree(low, middle)} ELSE ${tree(middle, high)} END`;
  };
  return buckets.length === 0 ? "''" : tree(0, buckets.length);
}
