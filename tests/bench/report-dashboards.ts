import type { Dimension, MetricId } from '../../core/api/reports.js';

/**
 * The metric queries each shipped dashboard of issue 9 makes when it opens: every widget asks for
 * each of its metrics by its dimension over its period. Mirrors the shipped dashboards' widgets
 * (运营驾驶舱, counselor workload, revenue, channel funnel; dropout and retention).
 */
export type PeriodPreset = 'this_month' | 'last_3_months' | 'last_12_months' | 'this_year';

export interface DashboardQuery {
  metric: MetricId;
  dimension: Dimension;
  period: PeriodPreset;
}

const widget = (metrics: MetricId[], dimension: Dimension, period: PeriodPreset): DashboardQuery[] =>
  metrics.map((metric) => ({ metric, dimension, period }));

export const BENCH_DASHBOARDS: Record<string, DashboardQuery[]> = {
  'operations-cockpit': [
    ...widget(['active_cases', 'sessions', 'billed_fees', 'no_show_rate'], 'none', 'this_month'),
    ...widget(['sessions'], 'month', 'last_12_months'),
    ...widget(['new_cases', 'closed_cases'], 'month', 'last_12_months'),
    ...widget(['new_cases'], 'channel', 'this_year'),
    ...widget(['utilization'], 'counselor', 'this_month'),
    ...widget(['no_show_rate', 'cancellation_rate'], 'month', 'last_12_months'),
  ],
  'counselor-workload': [
    ...widget(['active_cases', 'sessions', 'hours'], 'none', 'this_month'),
    ...widget(['hours'], 'month', 'last_12_months'),
    ...widget(['sessions'], 'counselor', 'last_3_months'),
    ...widget(['sessions', 'hours', 'no_show_rate', 'cancellation_rate'], 'counselor', 'this_month'),
  ],
  revenue: [
    ...widget(['revenue', 'billed_fees', 'outstanding_fees'], 'none', 'this_month'),
    ...widget(['revenue'], 'month', 'last_12_months'),
    ...widget(['revenue'], 'service_type', 'this_year'),
    ...widget(['billed_fees'], 'counselor', 'this_year'),
  ],
  'channel-funnel': [
    ...widget(['channel_funnel'], 'stage', 'last_12_months'),
    ...widget(['new_cases'], 'channel', 'last_12_months'),
    ...widget(['new_cases', 'closed_cases'], 'channel', 'last_12_months'),
  ],
  'dropout-retention': [
    ...widget(['dropout_rate', 'retention_rate'], 'none', 'last_12_months'),
    ...widget(['dropout_rate'], 'month', 'last_12_months'),
    ...widget(['closed_cases'], 'month', 'last_12_months'),
    ...widget(['sessions_per_case'], 'counselor', 'last_12_months'),
  ],
};

/** A preset as [from, to) in ms: calendar months of the institution's zone, given as a UTC offset. */
export function presetRange(preset: PeriodPreset, now: number, offsetMinutes: number): [number, number] {
  const local = new Date(now + offsetMinutes * 60_000);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const at = (y: number, m: number) => Date.UTC(y, m, 1) - offsetMinutes * 60_000;
  const nextMonth = at(year, month + 1);
  switch (preset) {
    case 'this_month':
      return [at(year, month), nextMonth];
    case 'last_3_months':
      return [at(year, month - 2), nextMonth];
    case 'last_12_months':
      return [at(year, month - 11), nextMonth];
    case 'this_year':
      return [at(year, 0), at(year + 1, 0)];
  }
}
