import { PERIOD_DIMENSIONS } from '../../core/api/reports.js';
import { clinicians, days, type MetricContext, type MetricDefinition, numberOrNull } from './metric.js';
import { keyExpression, sourceConditions, whereClause } from './source-metric.js';

/** A case is retained when it still has a completed session this long after its first. */
export const RETENTION_DAYS = 28;
/**
 * Cohorts are found among cases opened up to this long before the period: a case whose first
 * session comes later than that after opening is in no cohort (it keeps the search indexed).
 */
export const COHORT_LOOKBACK_DAYS = 180;

const columns = { counselor: 'c.primary_counselor_id', service_type: 'c.service_type', channel: 'c.channel' };

/**
 * Retention by cohort: the cases whose first completed session falls in the period (a month
 * breakdown gives one cohort per month of first session), and the share of them still coming
 * four weeks after that first session: its last completed session (case_facts, 0026) is at least
 * that long after its first.
 */
function plan(context: MetricContext) {
  const { query } = context;
  const { conditions, params } = sourceConditions(
    { time: 'c.opened_at', where: null, counselor: 'c.primary_counselor_id', columns },
    context,
    Math.max(0, query.from - days(COHORT_LOOKBACK_DAYS)),
  );
  const category = keyExpression(query.dimension, null, columns, context);
  const key = keyExpression(query.dimension, 'first_session', { [query.dimension]: 'category' }, context);
  const sql =
    `WITH cohort AS MATERIALIZED (SELECT ${category} AS category, f.first_completed_at AS first_session, ` +
    `f.last_completed_at >= f.first_completed_at + ${days(RETENTION_DAYS)} AS retained ` +
    `FROM cases c JOIN case_facts f ON f.case_id = c.id ${whereClause(conditions)}) ` +
    `SELECT ${key} AS key, AVG(retained) AS value, COUNT(*) AS population FROM cohort ` +
    'WHERE first_session >= ? AND first_session < ? GROUP BY 1 ORDER BY 1';
  return {
    statements: [{ sql, params: [...params, query.from, query.to] }],
    combine: ([rows = []]: Record<string, unknown>[][]) =>
      rows.map((row) => ({
        key: row.key === null || row.key === undefined ? null : String(row.key),
        value: numberOrNull(row.value),
        population: numberOrNull(row.population),
      })),
  };
}

export const retentionRate: MetricDefinition = {
  unit: 'ratio',
  roles: clinicians,
  dimensions: ['none', 'counselor', 'service_type', 'channel', ...PERIOD_DIMENSIONS],
  filters: ['counselorId', 'channel', 'serviceType'],
  snapshot: false,
  alwaysSuppressed: false,
  plan,
};
