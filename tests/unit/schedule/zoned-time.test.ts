import { describe, expect, it } from 'vitest';
import { availableIntervals, covers } from '../../../core/schedule/availability.js';
import {
  addDays,
  isTimeZone,
  offsetMinutes,
  parseLocalDate,
  startOfLocalDay,
  weekdayOf,
  zonedInstant,
  zonedParts,
} from '../../../core/schedule/zoned-time.js';

const NY = 'America/New_York';
const SH = 'Asia/Shanghai';
const HOUR = 3_600_000;

describe('wall-clock time in a zone', () => {
  it('reads New York as UTC-5 in winter and UTC-4 in summer, Shanghai as UTC+8 all year', () => {
    expect(offsetMinutes(Date.UTC(2027, 0, 15, 12), NY)).toBe(-300);
    expect(offsetMinutes(Date.UTC(2027, 6, 15, 12), NY)).toBe(-240);
    expect(offsetMinutes(Date.UTC(2027, 0, 15, 12), SH)).toBe(480);
    expect(offsetMinutes(Date.UTC(2027, 6, 15, 12), SH)).toBe(480);
  });

  it('finds the instant of a local time on either side of the spring change in New York', () => {
    const before = zonedInstant({ year: 2027, month: 3, day: 13 }, 600, NY);
    const after = zonedInstant({ year: 2027, month: 3, day: 15 }, 600, NY);
    expect(new Date(before).toISOString()).toBe('2027-03-13T15:00:00.000Z');
    expect(new Date(after).toISOString()).toBe('2027-03-15T14:00:00.000Z');
  });

  it('moves a time skipped by spring-forward later by the gap, and takes the first of a repeated time', () => {
    const skipped = zonedInstant({ year: 2027, month: 3, day: 14 }, 150, NY);
    expect(new Date(skipped).toISOString()).toBe('2027-03-14T07:30:00.000Z');
    expect(zonedParts(skipped, NY).minute).toBe(210);
    const repeated = zonedInstant({ year: 2027, month: 11, day: 7 }, 90, NY);
    expect(new Date(repeated).toISOString()).toBe('2027-11-07T05:30:00.000Z');
  });

  it('knows the spring-forward day has 23 hours and the fall-back day 25', () => {
    const day = (date: { year: number; month: number; day: number }) =>
      zonedInstant(addDays(date, 1), 0, NY) - zonedInstant(date, 0, NY);
    expect(day({ year: 2027, month: 3, day: 14 })).toBe(23 * HOUR);
    expect(day({ year: 2027, month: 11, day: 7 })).toBe(25 * HOUR);
    expect(day({ year: 2027, month: 3, day: 14 })).not.toBe(day({ year: 2027, month: 3, day: 15 }));
    expect(startOfLocalDay(Date.UTC(2027, 2, 15, 3), NY)).toBe(
      zonedInstant({ year: 2027, month: 3, day: 14 }, 0, NY),
    );
  });

  it('validates zone names and dates', () => {
    expect(isTimeZone(NY)).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(parseLocalDate('2027-02-29')).toBeNull();
    expect(parseLocalDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(weekdayOf({ year: 2027, month: 3, day: 1 })).toBe(1);
  });
});

describe('available intervals', () => {
  it('keeps a 09:00 shift at 09:00 local across the change, so its UTC instant moves', () => {
    const shifts = [{ weekday: 1, startMinute: 540, endMinute: 1020 }];
    const intervals = availableIntervals(Date.UTC(2027, 2, 8), Date.UTC(2027, 2, 16), NY, shifts, []);
    expect(intervals.map((interval) => new Date(interval.startAt).toISOString())).toEqual([
      '2027-03-08T14:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
    ]);
  });

  it('removes blocked hours and adds extra hours of one date', () => {
    const shifts = [{ weekday: 1, startMinute: 540, endMinute: 1020 }];
    const exceptions = [
      { date: '2027-03-01', kind: 'blocked' as const, startMinute: 720, endMinute: 780 },
      { date: '2027-03-02', kind: 'extra' as const, startMinute: 600, endMinute: 660 },
    ];
    const intervals = availableIntervals(Date.UTC(2027, 1, 28), Date.UTC(2027, 2, 3), SH, shifts, exceptions);
    expect(
      intervals.map(({ startAt, endAt }) => [zonedParts(startAt, SH).minute, zonedParts(endAt, SH).minute]),
    ).toEqual([
      [540, 720],
      [780, 1020],
      [600, 660],
    ]);
  });

  it('lets a session that starts at 23:30 cross midnight when both days are worked to and from midnight', () => {
    const allDay = [1, 2].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));
    const start = zonedInstant({ year: 2027, month: 3, day: 1 }, 23 * 60 + 30, SH);
    const end = start + HOUR;
    const intervals = availableIntervals(start, end, SH, allDay, []);
    expect(intervals).toHaveLength(1);
    expect(covers(intervals, start, end)).toBe(true);
    const mondayOnly = availableIntervals(start, end, SH, allDay.slice(0, 1), []);
    expect(covers(mondayOnly, start, end)).toBe(false);
  });
});
