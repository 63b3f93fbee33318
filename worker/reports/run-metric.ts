import {
  type MetricUnit,
  type Report,
  type ReportQuery,
  type ReportRow,
  SUPPRESSION_THRESHOLD,
} from '../../core/api/reports.js';
import { METRICS, SUPPRESSED_DIMENSIONS } from './catalog.js';
import type { MetricContext, MetricPlan } from './metric.js';

export type { MetricStatement } from './metric.js';

/**
 * One reviewed, parameterised plan per report: the caller's period, counselor and filters are
 * bound; column names and period boundaries come from the catalog and period-buckets, never from
 * the request.
 */
export function metricPlan(
  query: ReportQuery,
  scopedTo: string | null,
  timeZone: string,
  rollups = true,
): MetricPlan {
  const context: MetricContext = { query, scopedTo, timeZone, rollups };
  return METRICS[query.metric].plan(context);
}

/** A report narrowed to a service type or channel, by breakdown or by filter, could single someone out. */
function suppresses(query: ReportQuery): boolean {
  return (
    METRICS[query.metric].alwaysSuppressed ||
    SUPPRESSED_DIMENSIONS.includes(query.dimension) ||
    query.channel !== undefined ||
    query.serviceType !== undefined
  );
}

/** What an empty cell shows: nothing counted is 0; a rate, an average or a score has no value. */
const emptyValue = (unit: MetricUnit): number | null =>
  unit === 'count' || unit === 'hours' || unit === 'cents' ? 0 : null;

/** A report's rows from its plan's results: suppression applied, empty cells filled. */
export function finishReport(
  query: ReportQuery,
  scopedTo: string | null,
  plan: MetricPlan,
  results: Record<string, unknown>[][],
): Report {
  const definition = METRICS[query.metric];
  const suppressing = suppresses(query);
  const keepsEmptyRows = query.dimension === 'none' || query.dimension === 'stage';
  const rows: ReportRow[] = plan
    .combine(results)
    .filter((row) => keepsEmptyRows || row.population === null || row.population > 0)
    .map((row) => {
      const population = row.population ?? 0;
      const suppressed =
        suppressing && row.population !== null && population > 0 && population < SUPPRESSION_THRESHOLD;
      return {
        key: row.key,
        value: suppressed ? null : (row.value ?? emptyValue(definition.unit)),
        suppressed,
      };
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
        : [{ key: null, value: emptyValue(definition.unit), suppressed: false }],
  };
}

/** Reports that may be asked, in one D1 batch: one round trip however many there are. */
export async function runMetrics(
  d1: D1Database,
  queries: readonly { query: ReportQuery; scopedTo: string | null }[],
  timeZone: string,
  rollups: boolean,
): Promise<Report[]> {
  const plans = queries.map(({ query, scopedTo }) => metricPlan(query, scopedTo, timeZone, rollups));
  const statements = plans.flatMap((plan) => plan.statements);
  const results =
    statements.length === 0
      ? []
      : await d1.batch(statements.map((statement) => d1.prepare(statement.sql).bind(...statement.params)));
  let next = 0;
  return queries.map(({ query, scopedTo }, index) => {
    const plan = plans[index] as MetricPlan;
    const own = results
      .slice(next, next + plan.statements.length)
      .map((result) => result.results as Record<string, unknown>[]);
    next += plan.statements.length;
    return finishReport(query, scopedTo, plan, own);
  });
}

export async function runMetric(
  d1: D1Database,
  query: ReportQuery,
  scopedTo: string | null,
  timeZone: string,
  rollups: boolean,
): Promise<Report> {
  const [report] = await runMetrics(d1, [{ query, scopedTo }], timeZone, rollups);
  return report as Report;
}
