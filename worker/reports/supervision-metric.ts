import { PERIOD_DIMENSIONS } from '../../core/api/reports.js';
import { clinicians, type MetricContext, type MetricDefinition, type RawRow } from './metric.js';
import { keyExpression, whereClause } from './source-metric.js';

/** The center's rule (the shipped supervision process): one supervision report per this many sessions. */
export const SESSIONS_PER_SUPERVISION = 6;

/**
 * Supervision compliance: supervision reports filed in the period (first revisions of the
 * supervision-report form, case_records_for_reports, 0017) against the reports due, one per six
 * sessions completed in the period. 100% at most; no figure while nothing was due.
 */
function plan(context: MetricContext) {
  const { query, scopedTo } = context;
  const counselor = scopedTo ?? query.counselorId;
  const statement = (table: string, time: string, author: string, condition: string, figure: string) => {
    const key = keyExpression(query.dimension, time, { counselor: author }, context);
    return {
      sql:
        `SELECT ${key} AS key, ${figure} AS figure FROM ${table} ` +
        `${whereClause([`${time} >= ? AND ${time} < ?`, condition, ...(counselor ? [`${author} = ?`] : [])])} ` +
        'GROUP BY 1',
      params: [query.from, query.to, ...(counselor ? [counselor] : [])],
    };
  };
  return {
    statements: [
      statement(
        'case_records',
        'created_at',
        'author_id',
        "form = 'supervision-report' AND rev = 1",
        'COUNT(*)',
      ),
      statement('appointments', 'start_at', 'counselor_id', "status = 'completed'", 'COUNT(*)'),
    ],
    combine: ([reports = [], sessions = []]: Record<string, unknown>[][]): RawRow[] => {
      const filed = new Map(reports.map((row) => [String(row.key), Number(row.figure)]));
      const rows = sessions.map((row) => {
        const due = Math.floor(Number(row.figure) / SESSIONS_PER_SUPERVISION);
        const done = filed.get(String(row.key)) ?? 0;
        return {
          key: row.key === null || row.key === undefined ? null : String(row.key),
          value: due > 0 ? Math.min(1, done / due) : null,
          population: Number(row.figure),
        };
      });
      return rows.sort((a, b) => String(a.key).localeCompare(String(b.key)));
    },
  };
}

export const supervisionCompliance: MetricDefinition = {
  unit: 'ratio',
  roles: clinicians,
  dimensions: ['none', 'counselor', ...PERIOD_DIMENSIONS],
  filters: ['counselorId'],
  snapshot: false,
  alwaysSuppressed: false,
  plan,
};
