import { describe, expect, it } from 'vitest';
import type { Report, ReportRow } from '../../../core/api/index';
import { funnelStages, shapeChartData, tableRows } from '../../../web/src/features/dashboards/chart-data';
import { monthLabels, resolvePeriod } from '../../../web/src/features/dashboards/periods';
import { widgetCsv } from '../../../web/src/features/dashboards/widget-csv';

const row = (key: string | null, value: number | null, suppressed = false): ReportRow => ({
  key,
  value,
  suppressed,
});

const report = (metric: string, dimension: string, unit: Report['unit'], rows: ReportRow[]): Report =>
  ({ metric, dimension, unit, from: 0, to: 1, scopedTo: null, rows }) as Report;

const text = {
  figure: (_unit: string, value: number) => `#${value}`,
  suppressed: '<5',
  noValue: '—',
};

describe('shaping a widget’s figures', () => {
  it('gives every month of the period a point: a quiet month counts 0, its rate has no value', () => {
    const months = ['2026-01', '2026-02', '2026-03'];
    const data = shapeChartData(
      'line',
      [
        report('sessions', 'month', 'count', [row('2026-01', 12), row('2026-03', 7)]),
        report('no_show_rate', 'month', 'ratio', [row('2026-03', 0.25)]),
      ],
      months,
    );
    expect(data.categories).toEqual(months);
    expect(data.series.map((series) => series.values)).toEqual([
      [12, 0, 7],
      [null, null, 0.25],
    ]);
  });

  it('joins the breakdowns of several metrics in the server’s order, the unattributed last', () => {
    const data = shapeChartData(
      'stacked_bar',
      [
        report('new_cases', 'channel', 'count', [row(null, 6), row('website', 9)]),
        report('closed_cases', 'channel', 'count', [row('referral', 5), row('website', 8)]),
      ],
      null,
    );
    expect(data.categories).toEqual(['website', 'referral', null]);
    expect(data.series.map((series) => series.values)).toEqual([
      [9, 0, 6],
      [8, 5, 0],
    ]);
  });

  it('keeps a suppressed cell empty and marked, in the table and in the CSV', () => {
    const data = shapeChartData(
      'bar',
      [report('new_cases', 'channel', 'count', [row('referral', null, true), row('website', 9)])],
      null,
    );
    expect(data.series[0]?.values).toEqual([null, 9]);
    expect(tableRows(data, (key) => key ?? 'none', text)).toEqual([
      ['referral', '<5'],
      ['website', '#9'],
    ]);
    expect(widgetCsv(data, 'channel', (key) => key ?? '')).toBe(
      'channel,new_cases (count)\r\nreferral,<5\r\nwebsite,9\r\n',
    );
  });

  it('turns several totals into the parts of a pie or the stages of a funnel', () => {
    const data = shapeChartData(
      'funnel',
      [
        report('booking_requests', 'none', 'count', [row(null, 40)]),
        report('first_sessions', 'none', 'count', [row(null, 30)]),
        report('third_sessions', 'none', 'count', [row(null, 12)]),
      ],
      null,
    );
    expect(data.categoriesAreMetrics).toBe(true);
    expect(data.categories).toEqual(['booking_requests', 'first_sessions', 'third_sessions']);
    expect(funnelStages(data).map((stage) => [stage.value, stage.ofFirst])).toEqual([
      [40, 1],
      [30, 0.75],
      [12, 0.3],
    ]);
    expect(widgetCsv(data, 'none', (key) => key ?? '')).toBe(
      'metric,value (count)\r\nbooking_requests,40\r\nfirst_sessions,30\r\nthird_sessions,12\r\n',
    );
  });

  it('keeps a funnel’s stages in the order the server gives them', () => {
    const stages = [row('requested', 40), row('screened', 31), row('first_session', 22), row('completed', 7)];
    const data = shapeChartData('funnel', [report('channel_funnel', 'stage', 'count', stages)], null);
    expect(data.categories).toEqual(['requested', 'screened', 'first_session', 'completed']);
    expect(funnelStages(data).map((stage) => stage.ofFirst)).toEqual([1, 0.775, 0.55, 0.175]);
  });

  it('gives a funnel stage no share when its first stage is empty', () => {
    const data = shapeChartData(
      'funnel',
      [report('new_cases', 'channel', 'count', [row('a', 0), row('b', 3)])],
      null,
    );
    expect(funnelStages(data).map((stage) => stage.ofFirst)).toEqual([null, null]);
  });

  it('shows KPI totals one column per metric', () => {
    const data = shapeChartData(
      'kpi',
      [
        report('sessions', 'none', 'count', [row(null, 31)]),
        report('no_show_rate', 'none', 'ratio', [row(null, null)]),
      ],
      null,
    );
    expect(tableRows(data, () => 'total', text)).toEqual([['total', '#31', '—']]);
  });
});

describe('relative periods', () => {
  const now = new Date(2026, 10, 26, 9, 30);

  it('resolves each period to whole months in the browser’s zone', () => {
    const at = (year: number, month: number) => new Date(year, month - 1, 1).getTime();
    expect(resolvePeriod('this_month', now)).toEqual({ from: at(2026, 11), to: at(2026, 12) });
    expect(resolvePeriod('last_month', now)).toEqual({ from: at(2026, 10), to: at(2026, 11) });
    expect(resolvePeriod('last_3_months', now)).toEqual({ from: at(2026, 9), to: at(2026, 12) });
    expect(resolvePeriod('last_12_months', now)).toEqual({ from: at(2025, 12), to: at(2026, 12) });
    expect(resolvePeriod('this_year', now)).toEqual({ from: at(2026, 1), to: at(2027, 1) });
    expect(resolvePeriod('last_year', now)).toEqual({ from: at(2025, 1), to: at(2026, 1) });
  });

  it('names the months of a period across a year end', () => {
    expect(monthLabels(resolvePeriod('last_3_months', new Date(2027, 0, 15)))).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
    expect(monthLabels(resolvePeriod('last_12_months', now))).toHaveLength(12);
  });
});
