import { type Dimension, PERIOD_DIMENSIONS } from '../../core/api/reports.js';
import { type DateException, type WeeklyShift, windowsOnDate } from '../../core/schedule/availability.js';
import { addDays, formatLocalDate, localDateOf, weekdayOf } from '../../core/schedule/zoned-time.js';
import {
  clinicians,
  type MetricContext,
  type MetricDefinition,
  type MetricStatement,
  type RawRow,
} from './metric.js';
import { keyExpression, whereClause } from './source-metric.js';

/** Booked time: appointments that held the counselor's hour, whether or not the client came. */
const BOOKED = "status IN ('confirmed', 'completed', 'no_show')";

type Row = Record<string, unknown>;

function labelOf(date: string, dimension: Dimension): string | null {
  if (dimension === 'month') return date.slice(0, 7);
  if (dimension === 'day') return date;
  if (dimension === 'week') {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const local = { year, month, day };
    return formatLocalDate(addDays(local, 1 - weekdayOf(local)));
  }
  return null;
}

/**
 * Available minutes per counselor and bucket: each local day of the period whose midnight falls in
 * it, its weekly shifts plus extra hours minus blocked hours (core/schedule/availability), counted
 * by the wall clock.
 */
export function availableMinutes(
  shifts: readonly (WeeklyShift & { counselorId: string })[],
  exceptions: readonly (DateException & { counselorId: string })[],
  context: MetricContext,
): Map<string, number> {
  const { query, timeZone } = context;
  const shiftsOf = Map.groupBy(shifts, (shift) => shift.counselorId);
  const exceptionsOn = Map.groupBy(exceptions, (exception) => `${exception.counselorId} ${exception.date}`);
  const totals = new Map<string, number>();
  const first = localDateOf(query.from, timeZone);
  const last = formatLocalDate(localDateOf(query.to - 1, timeZone));
  for (let date = first; formatLocalDate(date) <= last; date = addDays(date, 1)) {
    const label = formatLocalDate(date);
    const bucket = labelOf(label, query.dimension);
    for (const [counselorId, own] of shiftsOf) {
      const windows = windowsOnDate(date, own, exceptionsOn.get(`${counselorId} ${label}`) ?? []);
      const minutes = windows.reduce((sum, window) => sum + window.endMinute - window.startMinute, 0);
      const key = query.dimension === 'counselor' ? counselorId : (bucket ?? '');
      totals.set(key, (totals.get(key) ?? 0) + minutes);
    }
  }
  return totals;
}

function plan(context: MetricContext) {
  const { query, scopedTo } = context;
  const counselor = scopedTo ?? query.counselorId;
  const scope = counselor ? ['counselor_id = ?'] : [];
  const scopeParams = counselor ? [counselor] : [];
  const localFrom = formatLocalDate(localDateOf(query.from, context.timeZone));
  const localTo = formatLocalDate(localDateOf(query.to - 1, context.timeZone));
  const key = keyExpression(query.dimension, 'start_at', { counselor: 'counselor_id' }, context);
  const statements: MetricStatement[] = [
    {
      sql:
        `SELECT ${key} AS key, TOTAL(end_at - start_at) / 60000.0 AS minutes FROM appointments ` +
        `${whereClause(['start_at >= ? AND start_at < ?', BOOKED, ...scope])} GROUP BY 1`,
      params: [query.from, query.to, ...scopeParams],
    },
    {
      sql:
        'SELECT counselor_id, weekday, start_minute, end_minute FROM availability_shifts ' +
        whereClause(scope),
      params: scopeParams,
    },
    {
      sql:
        'SELECT counselor_id, local_date, kind, start_minute, end_minute FROM availability_exceptions ' +
        whereClause(['local_date >= ? AND local_date <= ?', ...scope]),
      params: [localFrom, localTo, ...scopeParams],
    },
  ];
  const combine = ([booked = [], shiftRows = [], exceptionRows = []]: Row[][]): RawRow[] => {
    const available = availableMinutes(
      shiftRows.map((row) => ({
        counselorId: String(row.counselor_id),
        weekday: Number(row.weekday),
        startMinute: Number(row.start_minute),
        endMinute: Number(row.end_minute),
      })),
      exceptionRows.map((row) => ({
        counselorId: String(row.counselor_id),
        date: String(row.local_date),
        kind: row.kind === 'extra' ? 'extra' : 'blocked',
        startMinute: Number(row.start_minute),
        endMinute: Number(row.end_minute),
      })),
      context,
    );
    const bookedBy = new Map(booked.map((row) => [String(row.key ?? ''), Number(row.minutes)]));
    const keys = [...new Set([...available.keys(), ...bookedBy.keys()])].sort();
    return keys.map((key) => {
      const minutes = available.get(key) ?? 0;
      return {
        key: query.dimension === 'none' ? null : key,
        value: minutes > 0 ? (bookedBy.get(key) ?? 0) / minutes : null,
        population: null,
      };
    });
  };
  return { statements, combine };
}

/** Booked hours ÷ the hours counselors' shifts made available (a staff figure: never suppressed). */
export const utilization: MetricDefinition = {
  unit: 'ratio',
  roles: clinicians,
  dimensions: ['none', 'counselor', ...PERIOD_DIMENSIONS],
  filters: ['counselorId'],
  snapshot: false,
  alwaysSuppressed: false,
  plan,
};
