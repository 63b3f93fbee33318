import { localDateOf, offsetMinutes, startOfLocalDay } from '../../core/schedule/zoned-time.js';

/**
 * The report rollups of migrations 0026 and 0029: appointments and payments summed per local day
 * and per local month of the institution's zone, kept by triggers in the statement that writes a row. This module holds what
 * the triggers cannot: the zone's offsets, the recomputation after a change of zone, and the
 * split of a report's period into whole local days (read from the rollups) and the hours at its
 * edges (read from the base tables).
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** The first row of report_zone_offsets holds from the beginning of time (as SQLite counts it). */
const BEGINNING = -9_007_199_254_740_991;
/** Offsets are looked up from 2000 to 2100: no appointment of this platform lies outside. */
const FIRST_YEAR = Date.UTC(2000, 0, 1);
const LAST_YEAR = Date.UTC(2100, 0, 1);

/** The local day number of an instant: days since 1970-01-01 on the zone's calendar. */
export function localDayOf(instant: number, timeZone: string): number {
  const { year, month, day } = localDateOf(instant, timeZone);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** [from_at, offset_ms] rows: the zone's offset from each transition on (one row without DST). */
export function zoneOffsets(timeZone: string): [number, number][] {
  const offsetAt = (instant: number) => offsetMinutes(instant, timeZone) * MINUTE_MS;
  const rows: [number, number][] = [[BEGINNING, offsetAt(FIRST_YEAR)]];
  let previous = FIRST_YEAR;
  for (let at = FIRST_YEAR + 7 * DAY_MS; at <= LAST_YEAR; at += 7 * DAY_MS) {
    if (offsetAt(at) !== offsetAt(previous)) {
      // The transition lies in (previous, at]: halve the week down to the minute.
      let low = previous;
      let high = at;
      while (high - low > MINUTE_MS) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
        if (offsetAt(middle) === offsetAt(low)) low = middle;
        else high = middle;
      }
      rows.push([high, offsetAt(high)]);
    }
    previous = at;
  }
  return rows;
}

const OFFSET_OF = (instant: string) =>
  `(SELECT offset_ms FROM report_zone_offsets WHERE from_at <= ${instant} ORDER BY from_at DESC LIMIT 1)`;
const LOCAL_DAY_OF = (instant: string) => `(${instant} + ${OFFSET_OF(instant)}) / ${DAY_MS}`;

const APPOINTMENT_DAYS = `SELECT ${LOCAL_DAY_OF('start_at')} AS local_day, counselor_id, service_type,
    COUNT(*) AS appointments, TOTAL(status = 'completed') AS completed, TOTAL(status = 'no_show') AS no_shows,
    TOTAL(status = 'cancelled') AS cancelled,
    TOTAL(CASE WHEN status IN ('confirmed', 'completed', 'no_show') THEN end_at - start_at ELSE 0 END) AS booked_ms,
    TOTAL(CASE WHEN status = 'completed' THEN end_at - start_at ELSE 0 END) AS completed_ms,
    TOTAL(CASE WHEN status = 'completed' THEN fee_cents ELSE 0 END) AS completed_fee_cents
    FROM appointments GROUP BY 1, 2, 3`;
const PAYMENT_DAYS = `SELECT ${LOCAL_DAY_OF('paid_at')} AS local_day, COALESCE(counselor_id, '') AS counselor_id,
    COALESCE(service_id, '') AS service_id, COUNT(*) AS payments, TOTAL(amount - refunded_amount) AS net_cents
    FROM payments GROUP BY 1, 2, 3`;
/** The local day number of the first day of the month of a local day number. */
const MONTH_OF = (day: string) => `${day} - CAST(strftime('%d', ${day} * 86400, 'unixepoch') AS INTEGER) + 1`;

/** The rollups as the base tables make them now, in the zone of report_zone_offsets. */
export const RECOMPUTED = {
  appointment_rollups: APPOINTMENT_DAYS,
  payment_rollups: PAYMENT_DAYS,
  case_facts: `SELECT case_id, TOTAL(status = 'completed') AS completed_sessions,
    TOTAL(CASE WHEN status = 'completed' THEN fee_cents ELSE 0 END) AS completed_fee_cents,
    MIN(CASE WHEN status = 'completed' THEN start_at END) AS first_completed_at,
    MAX(CASE WHEN status = 'completed' THEN start_at END) AS last_completed_at,
    MAX(CASE WHEN status IN ('requested', 'confirmed', 'completed') THEN start_at END) AS last_visit_at
    FROM appointments WHERE case_id IS NOT NULL GROUP BY case_id`,
  appointment_month_rollups: `SELECT ${MONTH_OF('local_day')} AS month_day, counselor_id, service_type,
    TOTAL(appointments) AS appointments, TOTAL(completed) AS completed, TOTAL(no_shows) AS no_shows,
    TOTAL(cancelled) AS cancelled, TOTAL(booked_ms) AS booked_ms, TOTAL(completed_ms) AS completed_ms,
    TOTAL(completed_fee_cents) AS completed_fee_cents
    FROM (${APPOINTMENT_DAYS}) GROUP BY 1, 2, 3`,
  payment_month_rollups: `SELECT ${MONTH_OF('local_day')} AS month_day, counselor_id, service_id,
    TOTAL(payments) AS payments, TOTAL(net_cents) AS net_cents FROM (${PAYMENT_DAYS}) GROUP BY 1, 2, 3`,
} as const;

export interface RollupStatement {
  sql: string;
  params: (string | number)[];
}

/**
 * Lays the rollups out in another zone: its offsets, then every day-keyed rollup recomputed under
 * them. Run in the batch that changes the zone (with the org's reportZone set to it), so reports
 * never read rollups of one zone as another's. A case's facts know no zone.
 */
export function relayoutStatements(timeZone: string): RollupStatement[] {
  return [
    { sql: 'DELETE FROM report_zone_offsets', params: [] },
    {
      // Numbers this module computed, written as a literal (drizzle's batch binds no raw params).
      sql:
        'INSERT INTO report_zone_offsets (from_at, offset_ms) ' +
        `SELECT value ->> '$[0]', value ->> '$[1]' FROM json_each('${JSON.stringify(zoneOffsets(timeZone))}')`,
      params: [],
    },
    { sql: 'DELETE FROM appointment_rollups', params: [] },
    { sql: `INSERT INTO appointment_rollups ${RECOMPUTED.appointment_rollups}`, params: [] },
    { sql: 'DELETE FROM payment_rollups', params: [] },
    { sql: `INSERT INTO payment_rollups ${RECOMPUTED.payment_rollups}`, params: [] },
  ];
}

/**
 * A report's period: whole local months [from, to) (local day numbers of their first days) from
 * the month rollups (0029), the other whole local days from the day rollups, the rest from base rows.
 */
export interface PeriodSplit {
  months: { from: number; to: number } | null;
  days: { from: number; to: number }[];
  edges: { from: number; to: number }[];
}

/** The local day number of the first day of the month that local day `day` lies in. */
const monthStartOf = (day: number) => day - new Date(day * DAY_MS).getUTCDate() + 1;
/** The first day of the next month. */
function nextMonthStart(day: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
}

/** Whole days [from, to) as whole months and the days before and after them. */
function splitDays(from: number, to: number, months: boolean): Omit<PeriodSplit, 'edges'> {
  const firstMonth = monthStartOf(from) === from ? from : nextMonthStart(from);
  const lastMonth = monthStartOf(to);
  if (!months || firstMonth >= lastMonth) return { months: null, days: [{ from, to }] };
  return {
    months: { from: firstMonth, to: lastMonth },
    days: [
      { from, to: firstMonth },
      { from: lastMonth, to },
    ].filter((range) => range.to > range.from),
  };
}

/**
 * `months`: whether whole months may be read as one row each — not for a breakdown by week or day,
 * whose buckets a month row would straddle.
 */
export function splitPeriod(
  from: number,
  to: number,
  timeZone: string,
  rollups: boolean,
  months = true,
): PeriodSplit {
  if (!rollups) return { months: null, days: [], edges: [{ from, to }] };
  const fromMidnight = startOfLocalDay(from, timeZone);
  const firstWhole = fromMidnight === from ? from : startOfLocalDay(fromMidnight + 36 * 3_600_000, timeZone);
  const lastMidnight = startOfLocalDay(to, timeZone);
  if (firstWhole >= lastMidnight) return { months: null, days: [], edges: [{ from, to }] };
  const edges = [
    { from, to: firstWhole },
    { from: lastMidnight, to },
  ].filter((edge) => edge.to > edge.from);
  return {
    ...splitDays(localDayOf(firstWhole, timeZone), localDayOf(lastMidnight, timeZone), months),
    edges,
  };
}
