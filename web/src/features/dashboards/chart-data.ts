import type { ChartType, MetricUnit, Report } from '../../../../core/api/index';

/**
 * A widget's figures shaped for drawing, for its table and for its CSV: one category per
 * breakdown value (or per metric, for a pie or funnel of several totals) and one series per
 * metric. Suppressed cells stay null and say so; they are never drawn as a number.
 */
export interface ChartSeries {
  readonly metric: string;
  readonly unit: MetricUnit;
  readonly values: readonly (number | null)[];
  readonly suppressed: readonly boolean[];
}

export interface ChartData {
  /** the breakdown's values ("2026-03", a counselor id, a channel), null for unattributed; or metric ids */
  readonly categories: readonly (string | null)[];
  /** true when the categories are metrics: a pie or funnel of several totals */
  readonly categoriesAreMetrics: boolean;
  readonly series: readonly ChartSeries[];
}

/**
 * What a month with no rows is worth: nothing happened, so a count, hours or fees are 0 — but a
 * rate, an average or a score of nothing has no value.
 */
const emptyValue = (unit: MetricUnit) =>
  unit === 'count' || unit === 'hours' || unit === 'cents' ? 0 : null;

function categoriesOf(reports: readonly Report[], months: readonly string[] | null): (string | null)[] {
  if (months) return [...months];
  // The server orders each report's rows (periods by time, funnel stages by stage); a union of
  // several keeps the first report's order, then adds what only later ones have, unattributed last.
  const seen: (string | null)[] = [];
  for (const report of reports)
    for (const row of report.rows) if (!seen.includes(row.key)) seen.push(row.key);
  return [...seen.filter((key) => key !== null), ...seen.filter((key) => key === null)];
}

/**
 * `reports` holds one report per metric of the widget, in its order; `months` the months of the
 * period when the breakdown is by month, so that a month without activity shows as one.
 */
export function shapeChartData(
  chart: ChartType,
  reports: readonly Report[],
  months: readonly string[] | null,
): ChartData {
  const [first] = reports;
  if (first && first.dimension === 'none' && reports.length > 1 && (chart === 'pie' || chart === 'funnel')) {
    return {
      categories: reports.map((report) => report.metric),
      categoriesAreMetrics: true,
      series: [
        {
          metric: first.metric,
          unit: first.unit,
          values: reports.map((report) => report.rows[0]?.value ?? null),
          suppressed: reports.map((report) => report.rows[0]?.suppressed ?? false),
        },
      ],
    };
  }
  const categories = categoriesOf(reports, first?.dimension === 'month' ? months : null);
  return {
    categories,
    categoriesAreMetrics: false,
    series: reports.map((report) => {
      const rows = new Map(report.rows.map((row) => [row.key, row]));
      return {
        metric: report.metric,
        unit: report.unit,
        values: categories.map((key) => {
          const row = rows.get(key);
          return row ? row.value : emptyValue(report.unit);
        }),
        suppressed: categories.map((key) => rows.get(key)?.suppressed ?? false),
      };
    }),
  };
}

export interface FunnelStage {
  readonly category: string | null;
  readonly value: number | null;
  readonly suppressed: boolean;
  /** this stage as a share of the first, null when either is unknown or the first is 0 */
  readonly ofFirst: number | null;
}

/** A funnel's stages in order, each with the share of the first stage that reached it. */
export function funnelStages(data: ChartData): FunnelStage[] {
  const [series] = data.series;
  if (!series) return [];
  const top = series.values[0] ?? null;
  return data.categories.map((category, index) => {
    const value = series.values[index] ?? null;
    return {
      category,
      value,
      suppressed: series.suppressed[index] ?? false,
      ofFirst: value !== null && top !== null && top > 0 ? value / top : null,
    };
  });
}

/** How a figure reads in a cell: the formatter's text, the suppression mark, or the no-value mark. */
export interface CellText {
  figure(unit: MetricUnit, value: number): string;
  readonly suppressed: string;
  readonly noValue: string;
}

export function cellText(series: ChartSeries, index: number, text: CellText): string {
  if (series.suppressed[index]) return text.suppressed;
  const value = series.values[index] ?? null;
  return value === null ? text.noValue : text.figure(series.unit, value);
}

/** The widget's table: a row per category, a column per series (a single column when transposed). */
export function tableRows(
  data: ChartData,
  categoryLabel: (category: string | null) => string,
  text: CellText,
): string[][] {
  return data.categories.map((category, index) => [
    categoryLabel(category),
    ...data.series.map((series) => cellText(series, index, text)),
  ]);
}
