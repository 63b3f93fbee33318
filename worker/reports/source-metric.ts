import type { MetricUnit } from '../../core/api/reports.js';
import { type Dimension, PERIOD_DIMENSIONS, type ReportFilter } from '../../core/api/reports.js';
import type { Role } from '../../core/api/roles.js';
import type { MetricContext, MetricDefinition, MetricStatement } from './metric.js';
import { numberOrNull } from './metric.js';
import { bucketCase, type Period, periodBuckets } from './period-buckets.js';

type Category = 'counselor' | 'service_type' | 'channel';

/**
 * Where a metric's rows come from: one table (or a table with its lookups) read through an index
 * made for reports (migrations 0005, 0012, 0017), so no metric scans a table, whatever its size.
 */
export interface MetricSource {
  /** the FROM clause, with aliases when it joins */
  from: string;
  /** the instant the period filters on; null for a snapshot of now */
  time: string | null;
  counselor: string;
  /** always-true filters of the source (e.g. only active cases for a snapshot) */
  where: string | null;
  /** SQL for each category it can break down and filter by */
  columns: Partial<Record<Category, string>>;
  /**
   * Per-row figures computed once in an inner query (a case's session count): the outer query
   * aggregates them by name. Materialised, so each correlated lookup runs once per row.
   */
  perRow?: (context: MetricContext) => Record<string, string>;
}

export interface SourceMetricSpec {
  unit: MetricUnit;
  roles: readonly Role[];
  source: MetricSource;
  /** the figure, an aggregate over the source's rows (or their per-row figures) */
  value: string | ((context: MetricContext) => string);
  /** how many appointments or cases stand behind the figure: the number suppression judges */
  population: string;
  alwaysSuppressed?: boolean;
}

const FILTER_COLUMNS: Record<Exclude<ReportFilter, 'counselorId'>, Category> = {
  channel: 'channel',
  serviceType: 'service_type',
};

function isPeriod(dimension: Dimension): dimension is Period {
  return (PERIOD_DIMENSIONS as readonly Dimension[]).includes(dimension);
}

export function keyExpression(
  dimension: Dimension,
  time: string | null,
  columns: Partial<Record<Category, string>>,
  context: MetricContext,
): string {
  if (dimension === 'none') return 'NULL';
  if (isPeriod(dimension) && time) {
    const { from, to } = context.query;
    return bucketCase(time, periodBuckets(from, to, dimension, context.timeZone));
  }
  return columns[dimension as Category] ?? 'NULL';
}

/** The WHERE conditions every source shares: the period, the scope and the filters. */
export function sourceConditions(
  source: Pick<MetricSource, 'time' | 'where' | 'counselor' | 'columns'>,
  context: MetricContext,
  timeFrom: number = context.query.from,
): { conditions: string[]; params: (string | number)[] } {
  const { query, scopedTo } = context;
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  if (source.time) {
    conditions.push(`${source.time} >= ? AND ${source.time} < ?`);
    params.push(timeFrom, query.to);
  }
  if (source.where) conditions.push(source.where);
  const counselor = scopedTo ?? query.counselorId;
  if (counselor) {
    conditions.push(`${source.counselor} = ?`);
    params.push(counselor);
  }
  for (const [filter, category] of Object.entries(FILTER_COLUMNS)) {
    const value = query[filter as keyof typeof FILTER_COLUMNS];
    const column = source.columns[category];
    if (value !== undefined && column) {
      conditions.push(`${column} = ?`);
      params.push(value);
    }
  }
  return { conditions, params };
}

export const whereClause = (conditions: readonly string[]) =>
  conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';

export function sourceStatement(spec: SourceMetricSpec, context: MetricContext): MetricStatement {
  const { source } = spec;
  const { conditions, params } = sourceConditions(source, context);
  const key = keyExpression(context.query.dimension, source.time, source.columns, context);
  const value = typeof spec.value === 'function' ? spec.value(context) : spec.value;
  const where = whereClause(conditions);
  const perRow = source.perRow?.(context);
  if (!perRow) {
    return {
      sql:
        `SELECT ${key} AS key, ${value} AS value, ${spec.population} AS population ` +
        `FROM ${source.from} ${where} GROUP BY 1 ORDER BY 1`,
      params,
    };
  }
  const figures = Object.entries(perRow).map(([name, sql]) => `${sql} AS ${name}`);
  return {
    sql:
      `WITH per_row AS MATERIALIZED (SELECT ${key} AS key, ${figures.join(', ')} ` +
      `FROM ${source.from} ${where}) ` +
      `SELECT key, ${value} AS value, ${spec.population} AS population FROM per_row GROUP BY 1 ORDER BY 1`,
    params,
  };
}

export function sourceDimensions(source: MetricSource): Dimension[] {
  const dimensions: Dimension[] = ['none', ...(Object.keys(source.columns) as Dimension[])];
  if (source.time) dimensions.push(...PERIOD_DIMENSIONS);
  return dimensions;
}

export function sourceMetric(spec: SourceMetricSpec): MetricDefinition {
  const filters: ReportFilter[] = ['counselorId'];
  if (spec.source.columns.channel) filters.push('channel');
  if (spec.source.columns.service_type) filters.push('serviceType');
  return {
    unit: spec.unit,
    roles: spec.roles,
    dimensions: sourceDimensions(spec.source),
    filters,
    snapshot: spec.source.time === null,
    alwaysSuppressed: spec.alwaysSuppressed ?? false,
    plan: (context) => ({
      statements: [sourceStatement(spec, context)],
      combine: ([rows = []]) =>
        rows.map((row) => ({
          key: row.key === null || row.key === undefined ? null : String(row.key),
          value: numberOrNull(row.value),
          population: numberOrNull(row.population),
        })),
    }),
  };
}
