import {
  addDays,
  formatLocalDate,
  type LocalDate,
  localDateOf,
  weekdayOf,
  zonedInstant,
  zonedParts,
} from '../../../../core/schedule/zoned-time';

/** Calendar arithmetic in the institution's zone, for the pages (the worker uses the same core). */

export type CalendarMode = 'day' | 'week';

export function visibleDays(anchor: LocalDate, mode: CalendarMode): LocalDate[] {
  if (mode === 'day') return [anchor];
  const monday = addDays(anchor, 1 - weekdayOf(anchor));
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

export function rangeOf(days: readonly LocalDate[], timeZone: string): { from: number; to: number } {
  const first = days[0] as LocalDate;
  const last = days[days.length - 1] as LocalDate;
  return { from: zonedInstant(first, 0, timeZone), to: zonedInstant(addDays(last, 1), 0, timeZone) };
}

export const today = (timeZone: string) => localDateOf(Date.now(), timeZone);

/** Column index of the day holding `instant`, or -1. */
export function dayIndexOf(days: readonly LocalDate[], instant: number, timeZone: string): number {
  const key = formatLocalDate(localDateOf(instant, timeZone));
  return days.findIndex((day) => formatLocalDate(day) === key);
}

export const minuteOfDay = (instant: number, timeZone: string) => zonedParts(instant, timeZone).minute;

export function formatTime(instant: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

export function formatDay(day: LocalDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'numeric',
    day: 'numeric',
  }).format(new Date(Date.UTC(day.year, day.month - 1, day.day)));
}

export function formatDateTime(instant: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(instant),
  );
}

/** "HH:MM" ↔ minutes after midnight, for <input type="time">. */
export const toClock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
export function fromClock(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return minute <= 1440 ? minute : null;
}
