import { SUPPRESSION_THRESHOLD } from '../../../../core/api/index';
import { csvDocument } from '../../lib/csv';
import type { ChartData } from './chart-data';

/** The mark a suppressed cell carries, on screen and in the CSV: the figure is below the threshold. */
export const SUPPRESSED_MARK = `<${SUPPRESSION_THRESHOLD}`;

/**
 * A widget's figures as a CSV file: raw numbers (fees in minor units, rates as fractions),
 * suppressed cells as "<5", cells without a value empty.
 */
export function widgetCsv(
  data: ChartData,
  dimension: string,
  categoryLabel: (category: string | null) => string,
): string {
  const header = data.categoriesAreMetrics
    ? ['metric', ...data.series.map((series) => `value (${series.unit})`)]
    : [dimension, ...data.series.map((series) => `${series.metric} (${series.unit})`)];
  const rows = data.categories.map((category, index) => [
    categoryLabel(category),
    ...data.series.map((series) => {
      if (series.suppressed[index]) return SUPPRESSED_MARK;
      const value = series.values[index] ?? null;
      return value === null ? '' : String(value);
    }),
  ]);
  return csvDocument(header, rows);
}
