import type { MetricUnit, Report } from '../../../../core/api/index';
import { csvDocument } from '../../lib/csv';

/** A figure as people read it: counts whole, hours, averages and scores to one decimal, fees in yuan, rates in %. */
export function formatFigure(locale: string, unit: MetricUnit, value: number | null): string | null {
  if (value === null) return null;
  switch (unit) {
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'hours':
    case 'average':
    case 'score':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
    case 'cents':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        value / 100,
      );
    case 'ratio':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  }
}

/** The report as a CSV file: raw figures (fees in minor units), suppressed cells left empty. */
export function reportCsv(report: Report, keyLabel: (key: string | null) => string): string {
  const rows = report.rows.map((row) => [
    keyLabel(row.key),
    row.value === null ? '' : String(row.value),
    row.suppressed ? 'suppressed' : '',
  ]);
  return csvDocument([report.dimension, `${report.metric} (${report.unit})`, 'note'], rows);
}
