import { createEffect, createResource, onCleanup, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import type { DrawnHandle, DrawSpec } from './chart-canvas';

export type ChartSpec = Omit<DrawSpec, 'palette' | 'textColor' | 'gridColor' | 'fontFamily'>;

const PALETTE_SIZE = 6;

/** The chart colours and font come from the stylesheet (dashboards.css), not from code. */
function themeOf(element: HTMLElement) {
  const style = getComputedStyle(element);
  const palette = Array.from({ length: PALETTE_SIZE }, (_, index) =>
    style.getPropertyValue(`--chart-${index + 1}`).trim(),
  ).filter(Boolean);
  return {
    palette,
    textColor: style.getPropertyValue('--color-text-muted').trim() || style.color,
    gridColor: style.getPropertyValue('--color-border').trim(),
    fontFamily: style.fontFamily,
  };
}

/**
 * A chart drawn by Chart.js on a canvas, the library fetched on first use. The canvas is an image
 * whose label summarises the figures; the widget's table carries every one of them.
 */
export function ChartView(props: { spec: ChartSpec; label: string }) {
  const { t } = useI18n();
  let canvas: HTMLCanvasElement | undefined;
  let drawn: DrawnHandle | undefined;
  const [library] = createResource(() => import('./chart-canvas'));

  createEffect(() => {
    if (library.state !== 'ready' || !canvas) return;
    const lib = library();
    drawn?.destroy();
    drawn = lib.drawChart(canvas, { ...props.spec, ...themeOf(canvas) });
  });
  onCleanup(() => drawn?.destroy());

  return (
    <div class="chart">
      <Show when={library.error}>
        <p class="field__error">{t('dashboards.chartFailed')}</p>
      </Show>
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}
