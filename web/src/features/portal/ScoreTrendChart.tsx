import { createUniqueId, For, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { localized } from '../forms/localized';
import type { Measure, MeasurePoint } from './measures';

/**
 * One scale's totals over time as a small hand-built SVG line chart: severity thresholds as
 * dashed lines, one dot per completion. The SVG is a labelled image; the table under it carries
 * the same numbers for screen readers and for reading exact values.
 */

const WIDTH = 560;
const HEIGHT = 200;
const PAD = { left: 32, right: 12, top: 10, bottom: 26 };
const DAY_MS = 86_400_000;

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

export function ScoreTrendChart(props: { measure: Measure; points: readonly MeasurePoint[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const titleId = createUniqueId();
  const title = () => localized(i18n, props.measure.score.label);
  const first = () => props.points[0];
  const last = () => props.points.at(-1);
  const span = () => {
    const start = first();
    const end = last();
    return start && end ? Math.max(dayOf(end.date) - dayOf(start.date), 0) : 0;
  };
  const x = (point: MeasurePoint) => {
    const start = first();
    const inner = WIDTH - PAD.left - PAD.right;
    if (!start || span() === 0) return PAD.left + inner / 2;
    return PAD.left + ((dayOf(point.date) - dayOf(start.date)) / span()) * inner;
  };
  const y = (value: number) => PAD.top + (1 - value / props.measure.max) * (HEIGHT - PAD.top - PAD.bottom);
  const thresholds = () => props.measure.score.bands.slice(1).map((band) => band.min);
  const path = () =>
    props.points.map((point) => `${x(point).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  const bandText = (point: MeasurePoint) => (point.band ? localized(i18n, point.band) : '');
  const summary = () => {
    const latest = last();
    const start = first();
    if (!latest || !start) return '';
    return t('measures.chartSummary', {
      scale: title(),
      count: props.points.length,
      from: start.date,
      to: latest.date,
      latest: latest.value,
      band: bandText(latest),
    });
  };

  return (
    <figure class="score-trend">
      <figcaption class="score-trend__title" id={titleId}>
        {title()}
        <Show when={last()}>
          {(latest) => (
            <span class="muted">
              {' '}
              · {t('measures.latest', { value: latest().value, band: bandText(latest()) })}
            </span>
          )}
        </Show>
      </figcaption>
      <svg
        class="score-trend__chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={`${titleId}-summary`}
      >
        <title>{title()}</title>
        <desc id={`${titleId}-summary`}>{summary()}</desc>
        <line class="score-trend__axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        <text class="score-trend__tick" x={PAD.left - 6} y={y(0) + 4} text-anchor="end">
          0
        </text>
        <text class="score-trend__tick" x={PAD.left - 6} y={y(props.measure.max) + 4} text-anchor="end">
          {props.measure.max}
        </text>
        <For each={thresholds()}>
          {(value) => (
            <>
              <line
                class="score-trend__threshold"
                x1={PAD.left}
                x2={WIDTH - PAD.right}
                y1={y(value)}
                y2={y(value)}
              />
              <text class="score-trend__tick" x={PAD.left - 6} y={y(value) + 4} text-anchor="end">
                {value}
              </text>
            </>
          )}
        </For>
        <Show when={props.points.length > 1}>
          <polyline class="score-trend__line" points={path()} />
        </Show>
        <For each={props.points}>
          {(point) => (
            <circle class="score-trend__dot" cx={x(point)} cy={y(point.value)} r="4.5">
              <title>{`${point.date}: ${point.value} ${bandText(point)}`}</title>
            </circle>
          )}
        </For>
        <Show when={first()}>
          {(start) => (
            <text
              class="score-trend__tick"
              x={x(start())}
              y={HEIGHT - 6}
              text-anchor={props.points.length > 1 ? 'start' : 'middle'}
            >
              {start().date}
            </text>
          )}
        </Show>
        <Show when={props.points.length > 1 && last()}>
          {(end) => (
            <text class="score-trend__tick" x={x(end())} y={HEIGHT - 6} text-anchor="end">
              {end().date}
            </text>
          )}
        </Show>
      </svg>
      <div class="table-wrap">
        <table class="table score-trend__table">
          <caption class="visually-hidden">{title()}</caption>
          <thead>
            <tr>
              <th scope="col">{t('measures.col.date')}</th>
              <th scope="col">{t('measures.col.total')}</th>
              <th scope="col">{t('measures.col.severity')}</th>
              <th scope="col">{t('measures.col.risk')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={[...props.points].reverse()}>
              {(point) => (
                <tr>
                  <td>{point.date}</td>
                  <td>{point.value}</td>
                  <td>{bandText(point)}</td>
                  <td>
                    <For each={point.risks}>
                      {(risk) => <span class="badge badge--warning">{localized(i18n, risk)}</span>}
                    </For>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </figure>
  );
}
