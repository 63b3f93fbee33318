import {
  type Report,
  type ReportQuery,
  type ReportRow,
  SUPPRESSION_THRESHOLD,
} from '../../core/api/reports.js';
import { METRICS, SUPPRESSED_DIMENSIONS } from './catalog.js';
import { monthBuckets, monthCase } from './month-buckets.js';

export interface MetricStatement {
  sql: string;
  params: (string | number)[];
}

/**
 * One reviewed, parameterised query per report: the caller's period and counselor are bound;
 * column names and month boundaries come from the catalog and from month-buckets, never from
 * the request.
 */
export function metricStatement(
  query: ReportQuery,
  scopedTo: string | null,
  timeZone: string,
): MetricStatement {
  const definition = METRICS[query.metric];
  const { source } = definition;
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  if (source.time) {
    conditions.push(`${source.time} >= ? AND ${source.time} < ?`);
    params.push(query.from, query.to);
  }
  if (source.where) conditions.push(source.where);
  const counselor = scopedTo ?? query.counselorId;
  if (counselor) {
    conditions.push(`${source.counselor} = ?`);
    params.push(counselor);
  }
  const key =
    query.dimension === 'none'
      ? 'NULL'
      : query.dimension === 'month' && source.time
        ? monthCase(source.time, monthBuckets(query.from, query.to, timeZone))
        : (source.columns[query.dimension] ?? 'NULL');
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const sql =
    `SELECT ${key} AS key, ${definition.value} AS value, ${definition.population} AS population ` +
    `FROM ${source.table} ${where} GROUP BY 1 ORDER BY 1`;
  return { sql, params };
}

interface MetricRow {
  key: string | null;
  value: number | null;
  population: number | null;
}

export async function runMetric(
  d1: D1Database,
  query: ReportQuery,
  scopedTo: string | null,
  timeZone: string,
): Promise<Report> {
  const definition = METRICS[query.metric];
  const statement = metricStatement(query, scopedTo, timeZone);
  const { results } = await d1
    .prepare(statement.sql)
    .bind(...statement.params)
    .all<MetricRow>();
  const suppressing = SUPPRESSED_DIMENSIONS.includes(query.dimension);
  const rows: ReportRow[] = results
    .filter((row) => query.dimension === 'none' || (row.population ?? 0) > 0)
    .map((row) => {
      const population = row.population ?? 0;
      const suppressed = suppressing && population > 0 && population < SUPPRESSION_THRESHOLD;
      return { key: row.key, value: suppressed ? null : (row.value ?? 0), suppressed };
    });
  return {
    metric: query.metric,
    dimension: query.dimension,
    unit: definition.unit,
    from: query.from,
    to: query.to,
    scopedTo,
    rows:
      rows.length > 0 || query.dimension !== 'none'
        ? rows
        : // Nothing in the period: a count is 0, a rate has no value.
          [{ key: null, value: definition.unit === 'ratio' ? null : 0, suppressed: false }],
  };
}
