import type { MetricId } from '../../core/api/reports.js';
import { clinicians, days, financeReaders, type MetricDefinition } from './metric.js';
import { type MetricSource, sourceMetric } from './source-metric.js';

/**
 * Figures over cases, read through the indexes of migration 0012 (opened, closed, status), and
 * per case from case_facts (0026), which triggers keep as its appointments change: a case's
 * sessions, last visit and fees.
 */
const caseColumns = {
  counselor: 'c.primary_counselor_id',
  service_type: 'c.service_type',
  channel: 'c.channel',
};
/** Cases with their course; a case no appointment names has no facts row: nothing yet. */
export const CASES_WITH_FACTS = 'cases c LEFT JOIN case_facts f ON f.case_id = c.id';
const CASES_OPENED: MetricSource = {
  from: 'cases c',
  time: 'c.opened_at',
  counselor: 'c.primary_counselor_id',
  where: null,
  columns: caseColumns,
};
const CASES_CLOSED: MetricSource = { ...CASES_OPENED, time: 'c.closed_at' };
const CASES_ACTIVE: MetricSource = { ...CASES_OPENED, time: null, where: "c.status = 'active'" };

export const SESSIONS_OF_CASE = 'COALESCE(f.completed_sessions, 0)';
const FEES_OF_CASE = 'COALESCE(f.completed_fee_cents, 0)';
const LAST_VISIT_OF_CASE = 'f.last_visit_at';
const CLOSED = "c.status IN ('closed', 'archived')";

/** A case dropped out when it stopped after at most this many sessions. */
export const DROPOUT_MAX_SESSIONS = 3;
/** …either closed, or with nothing booked for this long before the period's end. */
export const DROPOUT_SILENCE_DAYS = 30;

export const CASE_METRICS = {
  new_cases: sourceMetric({
    unit: 'count',
    source: CASES_OPENED,
    value: 'COUNT(*)',
    population: 'COUNT(*)',
    roles: clinicians,
  }),
  closed_cases: sourceMetric({
    unit: 'count',
    source: CASES_CLOSED,
    value: 'COUNT(*)',
    population: 'COUNT(*)',
    roles: clinicians,
  }),
  active_cases: sourceMetric({
    unit: 'count',
    source: CASES_ACTIVE,
    value: 'COUNT(*)',
    population: 'COUNT(*)',
    roles: clinicians,
  }),
  /** how many sessions a course of counseling takes: cases closed in the period */
  sessions_per_case: sourceMetric({
    unit: 'average',
    source: { ...CASES_CLOSED, from: CASES_WITH_FACTS, perRow: () => ({ sessions: SESSIONS_OF_CASE }) },
    value: 'AVG(sessions)',
    population: 'COUNT(*)',
    roles: clinicians,
  }),
  /** what a whole course of counseling was billed: cases closed in the period */
  client_lifetime_value: sourceMetric({
    unit: 'cents',
    source: { ...CASES_CLOSED, from: CASES_WITH_FACTS, perRow: () => ({ fees: FEES_OF_CASE }) },
    value: 'AVG(fees)',
    population: 'COUNT(*)',
    roles: financeReaders,
  }),
  /**
   * Of the cases opened in the period that reached a first session, the share that stopped after at
   * most three: closed, or nothing booked in the 30 days before the period's end.
   */
  dropout_rate: sourceMetric({
    unit: 'ratio',
    source: {
      ...CASES_OPENED,
      from: CASES_WITH_FACTS,
      perRow: () => ({
        sessions: SESSIONS_OF_CASE,
        last_visit: LAST_VISIT_OF_CASE,
        closed: CLOSED,
      }),
    },
    value: ({ query }) =>
      `CAST(SUM(sessions BETWEEN 1 AND ${DROPOUT_MAX_SESSIONS} AND (closed OR last_visit < ${
        query.to - days(DROPOUT_SILENCE_DAYS)
      })) AS REAL) / NULLIF(SUM(sessions >= 1), 0)`,
    population: 'SUM(sessions >= 1)',
    roles: clinicians,
  }),
} satisfies Partial<Record<MetricId, MetricDefinition>>;
