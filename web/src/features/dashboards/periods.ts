import type { Period } from '../../../../core/api/index';

export interface Span {
  readonly from: number;
  readonly to: number;
}

/** Local midnight of the 1st of the month `offset` months from `year`/`month` (0-based). */
const monthStart = (year: number, month: number, offset = 0) => new Date(year, month + offset, 1).getTime();

/**
 * A widget's relative period as instants in this browser's zone, as of `now`: a saved dashboard
 * shows this month when opened next month too. Each span ends at a month's start and reaches
 * back at most a year, well inside the three years a report may span.
 */
export function resolvePeriod(period: Period, now: Date): Span {
  const year = now.getFullYear();
  const month = now.getMonth();
  switch (period) {
    case 'this_month':
      return { from: monthStart(year, month), to: monthStart(year, month, 1) };
    case 'last_month':
      return { from: monthStart(year, month, -1), to: monthStart(year, month) };
    case 'last_3_months':
      return { from: monthStart(year, month, -2), to: monthStart(year, month, 1) };
    case 'last_12_months':
      return { from: monthStart(year, month, -11), to: monthStart(year, month, 1) };
    case 'this_year':
      return { from: monthStart(year, 0), to: monthStart(year + 1, 0) };
    case 'last_year':
      return { from: monthStart(year - 1, 0), to: monthStart(year, 0) };
  }
}

/** The "2026-03" labels of the months a span touches, as the server names month buckets. */
export function monthLabels(span: Span): string[] {
  const labels: string[] = [];
  const start = new Date(span.from);
  for (let cursor = new Date(start.getFullYear(), start.getMonth(), 1); cursor.getTime() < span.to; ) {
    labels.push(`${cursor.getFullYear()}-${String(cursor.getMonth() + 1).padStart(2, '0')}`);
    cursor = new Date(cursor.getFullYear(), cursor.getMonth() + 1, 1);
  }
  return labels;
}
