import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { CatalogEntry, Dimension, MetricId, Report } from '../../../../core/api/index';
import { fetchPeople } from '../../lib/cases/lists';
import { saveFile } from '../../lib/compliance';
import { useI18n } from '../../lib/i18n';
import { fetchReport, fetchReportCatalog } from '../../lib/reports';
import { AsyncContent } from '../../ui/AsyncContent';
import { SelectField } from '../../ui/SelectField';
import { BarChart } from './BarChart';
import { formatFigure, reportCsv } from './report-format';
import './reports.css';

const DAY_MS = 86_400_000;
const MAX_SPAN_MS = 3 * 366 * DAY_MS;

/** "2026-03-01" → local midnight of that day in this browser. */
const dateToInstant = (date: string) => new Date(`${date}T00:00:00`).getTime();
const thisYear = new Date().getFullYear();

/** Directors and admins see the center; finance its fees; a counselor their own workload. */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const [catalog, { refetch: refetchCatalog }] = createResource(fetchReportCatalog);
  const [people] = createResource(fetchPeople);
  const [metric, setMetric] = createSignal<MetricId | null>(null);
  const [dimension, setDimension] = createSignal<Dimension>('none');
  const [from, setFrom] = createSignal(`${thisYear}-01-01`);
  const [to, setTo] = createSignal(`${thisYear + 1}-01-01`);

  const entry = createMemo((): CatalogEntry | undefined => {
    const list = catalog() ?? [];
    return list.find((candidate) => candidate.metric === metric()) ?? list[0];
  });
  const period = createMemo(() => {
    const start = dateToInstant(from());
    const end = dateToInstant(to());
    return Number.isFinite(start) && Number.isFinite(end) && end > start && end - start <= MAX_SPAN_MS
      ? { from: start, to: end }
      : null;
  });
  const request = createMemo(() => {
    const chosen = entry();
    const range = period();
    if (!chosen || !range) return null;
    const breakdown = chosen.dimensions.includes(dimension()) ? dimension() : 'none';
    return { metric: chosen.metric, dimension: breakdown, ...range };
  });
  const [report, { refetch }] = createResource(request, fetchReport);

  const keyLabel = (current: Report, key: string | null): string => {
    if (key === null)
      return current.dimension === 'none' ? t('reports.dimension.none') : t('reports.unattributed');
    if (current.dimension === 'counselor') return people()?.get(key)?.displayName ?? key;
    return key;
  };
  const figure = (current: Report, value: number | null, suppressed: boolean) =>
    suppressed
      ? t('reports.suppressed')
      : (formatFigure(locale(), current.unit, value) ?? t('reports.noValue'));

  const download = (current: Report) =>
    saveFile({
      name: `${current.metric}-${current.dimension}-${from()}-${to()}.csv`,
      type: 'text/csv',
      content: reportCsv(current, (key) => keyLabel(current, key)),
      events: 0,
    });

  return (
    <div class="admin-page">
      <div class="page-header">
        <h1>{t('reports.heading')}</h1>
      </div>
      <p class="muted">{t('reports.intro')}</p>
      <AsyncContent resource={catalog} onRetry={() => void refetchCatalog()}>
        {(metrics) => (
          <Show when={entry()} fallback={<p class="empty">{t('reports.noMetrics')}</p>}>
            {(chosen) => (
              <section class="card report" aria-labelledby="report-heading">
                <div class="report__controls">
                  <SelectField
                    label={t('reports.metric')}
                    value={chosen().metric}
                    options={metrics.map((candidate) => candidate.metric)}
                    optionLabel={(id) => t(`reports.metric.${id}`)}
                    onChange={setMetric}
                    disabled={false}
                  />
                  <SelectField
                    label={t('reports.dimension')}
                    value={chosen().dimensions.includes(dimension()) ? dimension() : 'none'}
                    options={chosen().dimensions}
                    optionLabel={(id) => t(`reports.dimension.${id}`)}
                    onChange={setDimension}
                    disabled={false}
                  />
                  <label class="field">
                    <span class="field__label">{t('reports.from')}</span>
                    <input
                      class="field__input"
                      type="date"
                      value={from()}
                      disabled={chosen().snapshot}
                      onChange={(event) => setFrom(event.currentTarget.value)}
                    />
                  </label>
                  <label class="field">
                    <span class="field__label">{t('reports.to')}</span>
                    <input
                      class="field__input"
                      type="date"
                      value={to()}
                      disabled={chosen().snapshot}
                      onChange={(event) => setTo(event.currentTarget.value)}
                    />
                  </label>
                </div>
                <Show when={chosen().snapshot}>
                  <p class="muted">{t('reports.snapshot')}</p>
                </Show>
                <Show when={period()} fallback={<p class="field__error">{t('reports.invalidPeriod')}</p>}>
                  <AsyncContent resource={report} onRetry={() => void refetch()}>
                    {(current) => (
                      <>
                        <div class="page-header">
                          <h2 class="card__title" id="report-heading">
                            {t(`reports.metric.${current.metric}`)} ·{' '}
                            {t(`reports.dimension.${current.dimension}`)}
                          </h2>
                          <button
                            type="button"
                            class="button button--quiet"
                            onClick={() => download(current)}
                          >
                            {t('reports.downloadCsv')}
                          </button>
                        </div>
                        <Show when={current.scopedTo}>
                          <p class="muted">{t('reports.ownOnly')}</p>
                        </Show>
                        <Show
                          when={current.dimension !== 'none'}
                          fallback={
                            <p class="report__kpi" data-testid="report-kpi">
                              {figure(
                                current,
                                current.rows[0]?.value ?? null,
                                current.rows[0]?.suppressed ?? false,
                              )}
                            </p>
                          }
                        >
                          <Show
                            when={current.rows.length > 0}
                            fallback={<p class="empty">{t('reports.empty')}</p>}
                          >
                            <BarChart
                              title={`${t(`reports.metric.${current.metric}`)} · ${t(`reports.dimension.${current.dimension}`)}`}
                              bars={current.rows.map((row) => ({
                                label: keyLabel(current, row.key),
                                value: row.value,
                                text: figure(current, row.value, row.suppressed),
                              }))}
                            />
                            <div class="table-wrap">
                              <table class="table">
                                <thead>
                                  <tr>
                                    <th scope="col">{t('reports.column.key')}</th>
                                    <th scope="col">{t('reports.column.value')}</th>
                                  </tr>
                                </thead>
                                <tbody>
                                  <For each={current.rows}>
                                    {(row) => (
                                      <tr>
                                        <td>{keyLabel(current, row.key)}</td>
                                        <td>{figure(current, row.value, row.suppressed)}</td>
                                      </tr>
                                    )}
                                  </For>
                                </tbody>
                              </table>
                            </div>
                          </Show>
                        </Show>
                      </>
                    )}
                  </AsyncContent>
                </Show>
              </section>
            )}
          </Show>
        )}
      </AsyncContent>
    </div>
  );
}
