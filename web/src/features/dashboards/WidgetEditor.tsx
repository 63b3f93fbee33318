import { Index, Show } from 'solid-js';
import {
  type CatalogEntry,
  CHART_TYPES,
  type ChartType,
  type DashboardWidget,
  MAX_SERIES,
  PERIODS,
  widgetShapeProblem,
} from '../../../../core/api/index';
import { useI18n } from '../../lib/i18n';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { dimensionName, metricName } from './names';
import { WidgetFilterFields } from './WidgetFilterFields';
import { type WidgetContext, WidgetView } from './WidgetView';

const BROKEN_DOWN: readonly ChartType[] = ['line', 'bar', 'stacked_bar'];

/** The breakdowns every chosen metric offers; a breakdown the widget already has stays listed. */
function dimensionsFor(widget: DashboardWidget, catalog: readonly CatalogEntry[]): string[] {
  const offered = widget.metrics
    .map(
      (metric) =>
        catalog.find((entry) => entry.metric === metric)?.dimensions as readonly string[] | undefined,
    )
    .filter((dimensions) => dimensions !== undefined);
  const [first = ['none'], ...rest] = offered;
  const shared = first.filter((dimension) => rest.every((dimensions) => dimensions.includes(dimension)));
  return shared.includes(widget.dimension) ? shared : [widget.dimension, ...shared];
}

/** A chart type change keeps the widget drawable: a KPI totals, a line or bar breaks down. */
export function withChart(
  widget: DashboardWidget,
  chart: ChartType,
  dimensions: readonly string[],
): DashboardWidget {
  if (chart === 'kpi') return { ...widget, chart, dimension: 'none' };
  if (BROKEN_DOWN.includes(chart) && widget.dimension === 'none') {
    const dimension = dimensions.includes('month')
      ? 'month'
      : (dimensions.find((d) => d !== 'none') ?? 'none');
    return { ...widget, chart, dimension };
  }
  return { ...widget, chart };
}

/** One widget in the builder: what it shows, how, over which period, and its live preview. */
export function WidgetEditor(props: {
  widget: DashboardWidget;
  index: number;
  count: number;
  context: WidgetContext;
  onChange: (widget: DashboardWidget) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const metricOptions = () => {
    const offered = props.context.catalog.map((entry) => entry.metric as string);
    return [...offered, ...props.widget.metrics.filter((metric) => !offered.includes(metric))];
  };
  const dimensions = () => dimensionsFor(props.widget, props.context.catalog);
  const problem = () => widgetShapeProblem(props.widget);
  const setMetric = (at: number, metric: string) =>
    props.onChange({ ...props.widget, metrics: props.widget.metrics.map((m, i) => (i === at ? metric : m)) });
  const addMetric = () => {
    const next = metricOptions().find((metric) => !props.widget.metrics.includes(metric));
    if (next) props.onChange({ ...props.widget, metrics: [...props.widget.metrics, next] });
  };
  const position = () => t('dashboards.builder.widgetNumber', { n: props.index + 1 });

  return (
    <li class="widget-editor card">
      <fieldset class="widget-editor__fields">
        <legend class="widget-editor__legend">{position()}</legend>
        <div class="button-row widget-editor__order">
          <button
            type="button"
            class="button button--quiet"
            disabled={props.index === 0}
            aria-label={t('dashboards.builder.moveUp', { widget: position() })}
            onClick={() => props.onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="button button--quiet"
            disabled={props.index === props.count - 1}
            aria-label={t('dashboards.builder.moveDown', { widget: position() })}
            onClick={() => props.onMove(1)}
          >
            ↓
          </button>
          <button type="button" class="button button--quiet" onClick={() => props.onRemove()}>
            {t('dashboards.builder.removeWidget')}
          </button>
        </div>
        <TextField
          label={t('dashboards.builder.title')}
          hint={t('dashboards.builder.titleHint')}
          value={props.widget.title}
          onChange={(title) => props.onChange({ ...props.widget, title })}
        />
        <SelectField
          label={t('dashboards.builder.chart')}
          value={props.widget.chart}
          options={CHART_TYPES}
          optionLabel={(chart) => t(`dashboards.chart.${chart}`)}
          onChange={(chart) => props.onChange(withChart(props.widget, chart, dimensions()))}
          disabled={false}
        />
        <Index each={props.widget.metrics}>
          {(metric, at) => (
            <div class="widget-editor__metric">
              <SelectField
                label={t('dashboards.builder.metric', { n: at + 1 })}
                value={metric()}
                options={metricOptions()}
                optionLabel={(id) => metricName(t, id)}
                onChange={(id) => setMetric(at, id)}
                disabled={false}
              />
              <Show when={props.widget.metrics.length > 1}>
                <button
                  type="button"
                  class="button button--quiet"
                  aria-label={t('dashboards.builder.removeMetric', { metric: metricName(t, metric()) })}
                  onClick={() =>
                    props.onChange({
                      ...props.widget,
                      metrics: props.widget.metrics.filter((_, i) => i !== at),
                    })
                  }
                >
                  ×
                </button>
              </Show>
            </div>
          )}
        </Index>
        <Show when={props.widget.metrics.length < Math.min(MAX_SERIES, metricOptions().length)}>
          <button type="button" class="button button--quiet" onClick={addMetric}>
            {t('dashboards.builder.addMetric')}
          </button>
        </Show>
        <SelectField
          label={t('dashboards.builder.dimension')}
          value={props.widget.dimension}
          options={dimensions()}
          optionLabel={(id) => dimensionName(t, id)}
          onChange={(dimension) => props.onChange({ ...props.widget, dimension })}
          disabled={props.widget.chart === 'kpi'}
        />
        <SelectField
          label={t('dashboards.builder.period')}
          value={props.widget.period}
          options={PERIODS}
          optionLabel={(period) => t(`dashboards.period.${period}`)}
          onChange={(period) => props.onChange({ ...props.widget, period })}
          disabled={false}
        />
        <WidgetFilterFields widget={props.widget} context={props.context} onChange={props.onChange} />
      </fieldset>
      <div class="widget-editor__preview">
        <p class="widget-editor__preview-label muted">{t('dashboards.builder.preview')}</p>
        <Show when={problem()} fallback={<WidgetView widget={props.widget} context={props.context} />}>
          {(current) => (
            <p class="field__error" role="alert">
              {t(`dashboards.problem.${current()}`)}
            </p>
          )}
        </Show>
      </div>
    </li>
  );
}
