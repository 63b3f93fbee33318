import {
  type Dimension,
  type MetricUnit,
  PERIOD_DIMENSIONS,
  type ReportFilter,
} from '../../core/api/reports.js';
import type { Role } from '../../core/api/roles.js';
import type { MetricContext, MetricDefinition, MetricStatement } from './metric.js';
import { numberOrNull } from './metric.js';
import { bucketCase, type Period, periodBuckets } from './period-buckets.js';
import { localDayOf, splitPeriod } from './rollups.js';
import { sourceConditions, whereClause } from './source-metric.js';

type Category = 'counselor' | 'service_type' | 'channel';

/** One side of a rollup metric: where its rows come from and what each row contributes. */
interface Branch {
  from: string;
  counselor: string;
  /** SQL for each category it can break down and filter by */
  columns: Partial<Record<Category, string>>;
  /** the per-row figures the metric's value and population aggregate, by name */
  fields: Record<string, string>;
}

/**
 * A metric summed per local day (migration 0026): the whole days of a period come from the rollup,
 * the hours before its first and after its last local midnight from the base table — so any
 * period, aligned or not, gives what the base table alone would.
 */
export interface RollupSource {
  rollup: Branch & { day: string };
  /** the same figures per local month, keyed by the local day number of its first day (0029) */
  months: Branch & { day: string };
  base: Branch & { time: string };
}

export interface RollupMetricSpec {
  unit: MetricUnit;
  roles: readonly Role[];
  source: RollupSource;
  /** aggregates over the branches' fields */
  value: string;
  population: string;
}

const isPeriod = (dimension: Dimension): dimension is Period =>
  (PERIOD_DIMENSIONS as readonly Dimension[]).includes(dimension);

function keyOf(
  branch: Branch,
  column: string,
  toPoint: (instant: number) => number,
  context: MetricContext,
): string {
  const { dimension, from, to } = context.query;
  if (dimension === 'none') return 'NULL';
  if (isPeriod(dimension)) {
    const buckets = periodBuckets(from, to, dimension, context.timeZone);
    return bucketCase(
      column,
      buckets.map((bucket) => ({ label: bucket.label, start: toPoint(bucket.start) })),
    );
  }
  return branch.columns[dimension as Category] ?? 'NULL';
}

function branchSelect(
  branch: Branch,
  key: string,
  range: { column: string; from: number; to: number },
  context: MetricContext,
): MetricStatement {
  const { conditions, params } = sourceConditions(
    { time: null, where: null, counselor: branch.counselor, columns: branch.columns },
    context,
  );
  const fields = Object.entries(branch.fields).map(([name, sql]) => `${sql} AS ${name}`);
  return {
    sql:
      `SELECT ${key} AS key, ${fields.join(', ')} FROM ${branch.from} ` +
      whereClause([`${range.column} >= ? AND ${range.column} < ?`, ...conditions]),
    params: [range.from, range.to, ...params],
  };
}

export function rollupStatement(spec: RollupMetricSpec, context: MetricContext): MetricStatement {
  const { rollup, base } = spec.source;
  const { from, to } = context.query;
  const { dimension } = context.query;
  const byMonths = dimension !== 'week' && dimension !== 'day';
  const split = splitPeriod(from, to, context.timeZone, context.rollups, byMonths);
  const parts: MetricStatement[] = [];
  const toDay = (start: number) => localDayOf(start, context.timeZone);
  if (split.months) {
    const { months } = spec.source;
    parts.push(
      branchSelect(
        months,
        keyOf(months, months.day, toDay, context),
        { column: months.day, ...split.months },
        context,
      ),
    );
  }
  for (const days of split.days) {
    parts.push(
      branchSelect(
        rollup,
        keyOf(rollup, rollup.day, toDay, context),
        { column: rollup.day, ...days },
        context,
      ),
    );
  }
  for (const edge of split.edges) {
    const key = keyOf(base, base.time, (start) => start, context);
    parts.push(branchSelect(base, key, { column: base.time, ...edge }, context));
  }
  return {
    sql:
      `WITH per_row AS MATERIALIZED (${parts.map((part) => part.sql).join(' UNION ALL ')}) ` +
      `SELECT key, ${spec.value} AS value, ${spec.population} AS population FROM per_row GROUP BY 1 ORDER BY 1`,
    params: parts.flatMap((part) => part.params),
  };
}

export function rollupMetric(spec: RollupMetricSpec): MetricDefinition {
  const { columns } = spec.source.rollup;
  const filters: ReportFilter[] = ['counselorId'];
  if (columns.channel) filters.push('channel');
  if (columns.service_type) filters.push('serviceType');
  return {
    unit: spec.unit,
    roles: spec.roles,
    dimensions: ['none', ...(Object.keys(columns) as Dimension[]), ...PERIOD_DIMENSIONS],
    filters,
    snapshot: false,
    alwaysSuppressed: false,
    plan: (context) => ({
      statements: [rollupStatement(spec, context)],
      combine: ([rows = []]) =>
        rows.map((row) => ({
          key: row.key === null || row.key === undefined ? null : String(row.key),
          value: numberOrNull(row.value),
          population: numberOrNull(row.population),
        })),
    }),
  };
}
