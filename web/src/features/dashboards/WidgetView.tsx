import { createMemo, createResource, For, Match, Show, Switch } from 'solid-js';
import type {
  CatalogEntry,
  DashboardWidget,
  Dimension,
  MetricUnit,
  Report,
} from '../../../../core/api/index';
import type { Person } from '../../lib/cases/lists';
import { saveFile } from '../../lib/compliance';
import { useI18n } from '../../lib/i18n';
import { fetchReport } from '../../lib/reports';
import { AsyncContent } from '../../ui/AsyncContent';
import { formatFigure } from '../reports/report-format';
import { ChartView } from './ChartView';
import {
  type CellText,
  type ChartData,
  cellText,
  funnelStages,
  shapeChartData,
  tableRows,
} from './chart-data';
import { categoryName, dimensionName, metricName } from './names';
import { monthLabels, resolvePeriod } from './periods';
import { WidgetTable } from './WidgetTable';
import { SUPPRESSED_MARK, widgetCsv } from './widget-csv';
import { channelLabel, honoured, serviceTypeLabel, setFilters } from './widget-filters';

export interface WidgetContext {
  readonly catalog: readonly CatalogEntry[];
  readonly people: ReadonlyMap<string, Person>;
  readonly now: Date;
}

/** A metric of the widget this viewer cannot have, and why. */
interface Unavailable {
  readonly metric: string;
  readonly reason: 'unknown' | 'dimension' | 'filter';
}

/**
 * One widget of a dashboard: its figures fetched for the viewer (the server scopes them), drawn as
 * its chart, with the same figures as a table and a CSV download.
 */
export function WidgetView(props: { widget: DashboardWidget; context: WidgetContext }) {
  const { t, locale } = useI18n();

  const plan = createMemo(() => {
    const entries: CatalogEntry[] = [];
    const unavailable: Unavailable[] = [];
    for (const metric of props.widget.metrics) {
      const entry = props.context.catalog.find((candidate) => candidate.metric === metric);
      if (!entry) unavailable.push({ metric, reason: 'unknown' });
      else if (!(entry.dimensions as readonly string[]).includes(props.widget.dimension))
        unavailable.push({ metric, reason: 'dimension' });
      else if (!setFilters(props.widget).every((filter) => honoured(entry).includes(filter)))
        unavailable.push({ metric, reason: 'filter' });
      else entries.push(entry);
    }
    return { entries, unavailable, span: resolvePeriod(props.widget.period, props.context.now) };
  });

  const [reports, { refetch }] = createResource(
    () => (plan().entries.length > 0 ? plan() : null),
    ({ entries, span }) =>
      Promise.all(
        entries.map((entry) =>
          fetchReport({
            metric: entry.metric,
            dimension: props.widget.dimension as Dimension,
            ...span,
            filters: props.widget.filters,
          }),
        ),
      ),
  );

  const data = createMemo((): ChartData | null => {
    const current = reports.state === 'ready' || reports.state === 'refreshing' ? reports() : undefined;
    if (!current) return null;
    const months = props.widget.dimension === 'month' ? monthLabels(plan().span) : null;
    return shapeChartData(props.widget.chart, current, months);
  });

  const heading = () =>
    props.widget.title ||
    `${props.widget.metrics.map((metric) => metricName(t, metric)).join(' / ')} · ${dimensionName(t, props.widget.dimension)}`;
  const categoryLabel = (current: ChartData, category: string | null): string => {
    if (current.categoriesAreMetrics) return metricName(t, category ?? '');
    if (category === null)
      return props.widget.dimension === 'none' ? t('reports.dimension.none') : t('reports.unattributed');
    if (props.widget.dimension === 'counselor')
      return props.context.people.get(category)?.displayName ?? category;
    return categoryName(t, props.widget.dimension, category);
  };
  const text: CellText = {
    figure: (unit: MetricUnit, value: number) => formatFigure(locale(), unit, value) ?? '',
    get suppressed() {
      return SUPPRESSED_MARK;
    },
    get noValue() {
      return t('reports.noValue');
    },
  };
  const seriesLabel = (current: ChartData, index: number) => {
    const series = current.series[index];
    return current.categoriesAreMetrics ? heading() : metricName(t, series?.metric ?? '');
  };
  const summary = (current: ChartData) => {
    const rows = tableRows(current, (category) => categoryLabel(current, category), text);
    return `${heading()}: ${rows.map((row) => row.join(' ')).join('；')}`;
  };
  const download = (current: ChartData) =>
    saveFile({
      name: `${props.widget.id}-${props.widget.period}.csv`,
      type: 'text/csv',
      content: widgetCsv(current, props.widget.dimension, (category) => categoryLabel(current, category)),
      events: 0,
    });
  /** The widget's filters as a reader sees them: "Filtered: Channel Website · Service type Couple". */
  const filterSummary = () => {
    const filters = props.widget.filters ?? {};
    const parts = setFilters(props.widget).map((filter) => {
      const value = filters[filter] ?? '';
      const shown =
        filter === 'counselorId'
          ? (props.context.people.get(value)?.displayName ?? value)
          : filter === 'channel'
            ? channelLabel(t, value)
            : serviceTypeLabel(t, value);
      return `${t(`dashboards.filter.${filter}`)} ${shown}`;
    });
    return parts.length > 0 ? t('dashboards.filteredBy', { filters: parts.join(' · ') }) : null;
  };
  const scoped = () =>
    reports.state === 'ready' ? reports().some((report: Report) => report.scopedTo) : false;
  const suppressedAny = (current: ChartData) =>
    current.series.some((series) => series.suppressed.includes(true));

  return (
    <section
      class="card widget"
      classList={{ 'widget--wide': ['line', 'stacked_bar', 'table'].includes(props.widget.chart) }}
      aria-label={heading()}
      data-widget={props.widget.id}
    >
      <div class="widget__header">
        <div>
          <h2 class="widget__title">{heading()}</h2>
          <p class="widget__period muted">{t(`dashboards.period.${props.widget.period}`)}</p>
        </div>
        <Show when={data()}>
          {(current) => (
            <button type="button" class="button button--quiet" onClick={() => download(current())}>
              {t('dashboards.downloadCsv')}
            </button>
          )}
        </Show>
      </div>
      <Show when={filterSummary()}>{(summary) => <p class="widget__filters muted">{summary()}</p>}</Show>
      <For each={plan().unavailable}>
        {(missing) => (
          <p class="widget__note" role="note">
            {missing.reason === 'unknown'
              ? t('dashboards.metricUnavailable', { metric: metricName(t, missing.metric) })
              : missing.reason === 'filter'
                ? t('dashboards.filterUnavailable', { metric: metricName(t, missing.metric) })
                : t('dashboards.dimensionUnavailable', {
                    metric: metricName(t, missing.metric),
                    dimension: dimensionName(t, props.widget.dimension),
                  })}
          </p>
        )}
      </For>
      <Show when={plan().entries.length > 0}>
        <AsyncContent resource={reports} onRetry={() => void refetch()}>
          {() => (
            <Show when={data()}>
              {(current) => (
                <>
                  <Show when={scoped()}>
                    <p class="muted">{t('reports.ownOnly')}</p>
                  </Show>
                  <Switch>
                    <Match when={current().categories.length === 0}>
                      <p class="empty">{t('reports.empty')}</p>
                    </Match>
                    <Match when={props.widget.chart === 'kpi'}>
                      <div class="kpis">
                        <For each={current().series}>
                          {(series) => (
                            <div class="kpi" data-testid="widget-kpi">
                              <span class="kpi__label">{metricName(t, series.metric)}</span>
                              <span class="kpi__value">{cellText(series, 0, text)}</span>
                            </div>
                          )}
                        </For>
                      </div>
                    </Match>
                    <Match when={props.widget.chart === 'table'}>
                      <WidgetTable
                        caption={heading()}
                        corner={
                          current().categoriesAreMetrics
                            ? t('dashboards.column.metric')
                            : dimensionName(t, props.widget.dimension)
                        }
                        columns={current().series.map((_, index) => seriesLabel(current(), index))}
                        rows={tableRows(current(), (category) => categoryLabel(current(), category), text)}
                      />
                    </Match>
                    <Match when={true}>
                      <ChartView
                        label={summary(current())}
                        spec={{
                          kind: props.widget.chart as 'line' | 'bar' | 'stacked_bar' | 'pie' | 'funnel',
                          labels: current().categories.map((category) => categoryLabel(current(), category)),
                          series: current().series.map((series, index) => ({
                            label: seriesLabel(current(), index),
                            values: series.values,
                          })),
                          wholeTicks: current().series.every((series) => series.unit === 'count'),
                          format: (index, value) =>
                            formatFigure(locale(), current().series[index]?.unit ?? 'count', value) ?? '',
                        }}
                      />
                      <Show when={props.widget.chart === 'funnel'}>
                        <ol class="funnel-steps">
                          <For each={funnelStages(current())}>
                            {(stage) => (
                              <li>
                                {categoryLabel(current(), stage.category)}:{' '}
                                {stage.suppressed
                                  ? SUPPRESSED_MARK
                                  : stage.ofFirst === null
                                    ? t('reports.noValue')
                                    : formatFigure(locale(), 'ratio', stage.ofFirst)}
                              </li>
                            )}
                          </For>
                        </ol>
                      </Show>
                      <details class="widget__data">
                        <summary>{t('dashboards.showTable')}</summary>
                        <WidgetTable
                          caption={heading()}
                          corner={
                            current().categoriesAreMetrics
                              ? t('dashboards.column.metric')
                              : dimensionName(t, props.widget.dimension)
                          }
                          columns={current().series.map((_, index) => seriesLabel(current(), index))}
                          rows={tableRows(current(), (category) => categoryLabel(current(), category), text)}
                        />
                      </details>
                    </Match>
                  </Switch>
                  <Show when={suppressedAny(current())}>
                    <p class="widget__footnote muted">{t('dashboards.suppressedNote')}</p>
                  </Show>
                </>
              )}
            </Show>
          )}
        </AsyncContent>
      </Show>
    </section>
  );
}
