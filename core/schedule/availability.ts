import {
  addDays,
  formatLocalDate,
  type LocalDate,
  localDateOf,
  weekdayOf,
  zonedInstant,
} from './zoned-time.js';

/**
 * A counselor's working time as instants: the weekly shifts of each local date, plus that date's
 * extra hours, minus its blocked hours, turned into UTC intervals in the institution's zone (so a
 * 09:00 shift stays at 09:00 local across a DST change).
 */

export interface Window {
  startMinute: number;
  endMinute: number;
}
export interface WeeklyShift extends Window {
  weekday: number;
}
export interface DateException extends Window {
  date: string;
  kind: 'blocked' | 'extra';
}
export interface Interval {
  startAt: number;
  endAt: number;
}

function mergeWindows(windows: readonly Window[]): Window[] {
  const sorted = [...windows].sort((a, b) => a.startMinute - b.startMinute);
  const merged: Window[] = [];
  for (const window of sorted) {
    const last = merged.at(-1);
    if (last && window.startMinute <= last.endMinute)
      last.endMinute = Math.max(last.endMinute, window.endMinute);
    else merged.push({ ...window });
  }
  return merged;
}

function subtractWindow(windows: readonly Window[], blocked: Window): Window[] {
  return windows.flatMap((window) => {
    if (blocked.endMinute <= window.startMinute || blocked.startMinute >= window.endMinute) return [window];
    const pieces: Window[] = [];
    if (blocked.startMinute > window.startMinute)
      pieces.push({ startMinute: window.startMinute, endMinute: blocked.startMinute });
    if (blocked.endMinute < window.endMinute)
      pieces.push({ startMinute: blocked.endMinute, endMinute: window.endMinute });
    return pieces;
  });
}

export function windowsOnDate(
  date: LocalDate,
  shifts: readonly WeeklyShift[],
  exceptions: readonly DateException[],
): Window[] {
  const key = formatLocalDate(date);
  const weekday = weekdayOf(date);
  const onDate = exceptions.filter((exception) => exception.date === key);
  let windows = mergeWindows([
    ...shifts.filter((shift) => shift.weekday === weekday),
    ...onDate.filter((exception) => exception.kind === 'extra'),
  ]);
  for (const blocked of onDate.filter((exception) => exception.kind === 'blocked'))
    windows = subtractWindow(windows, blocked);
  return windows;
}

/**
 * Available intervals that meet [from, to), in time order; a shift that runs to midnight and the
 * next day's shift from midnight join into one interval, so a session may cross midnight.
 */
export function availableIntervals(
  from: number,
  to: number,
  timeZone: string,
  shifts: readonly WeeklyShift[],
  exceptions: readonly DateException[],
): Interval[] {
  const intervals: Interval[] = [];
  const last = localDateOf(to, timeZone);
  for (
    let date = localDateOf(from, timeZone);
    formatLocalDate(date) <= formatLocalDate(last);
    date = addDays(date, 1)
  ) {
    for (const window of windowsOnDate(date, shifts, exceptions)) {
      const startAt = zonedInstant(date, window.startMinute, timeZone);
      const endAt = zonedInstant(date, window.endMinute, timeZone);
      if (endAt <= from || startAt >= to) continue;
      const last = intervals.at(-1);
      if (last && startAt <= last.endAt) last.endAt = Math.max(last.endAt, endAt);
      else intervals.push({ startAt, endAt });
    }
  }
  return intervals;
}

/** True when one interval holds all of [startAt, endAt). */
export function covers(intervals: readonly Interval[], startAt: number, endAt: number): boolean {
  return intervals.some((interval) => interval.startAt <= startAt && endAt <= interval.endAt);
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.startAt < b.endAt && b.startAt < a.endAt;
}
