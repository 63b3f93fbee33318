import { createUniqueId, For } from 'solid-js';

export interface Bar {
  readonly label: string;
  /** null: a suppressed cell, drawn as an empty bar */
  readonly value: number | null;
  readonly text: string;
}

const ROW = 28;
const LABEL_WIDTH = 160;
const WIDTH = 640;
const VALUE_WIDTH = 90;

/**
 * Horizontal bars, one per breakdown row, as a labelled SVG image; the table beside it on the
 * page carries the same figures for screen readers and exact reading.
 */
export function BarChart(props: { title: string; bars: readonly Bar[] }) {
  const titleId = createUniqueId();
  const max = () => Math.max(0, ...props.bars.map((bar) => bar.value ?? 0));
  const width = (value: number | null) =>
    value === null || max() === 0 ? 0 : (value / max()) * (WIDTH - LABEL_WIDTH - VALUE_WIDTH);
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${WIDTH} ${Math.max(props.bars.length, 1) * ROW}`}
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{props.title}</title>
      <For each={props.bars}>
        {(bar, index) => (
          <g transform={`translate(0 ${index() * ROW})`}>
            <text class="bar-chart__label" x={LABEL_WIDTH - 8} y={ROW / 2 + 4} text-anchor="end">
              {bar.label.length > 22 ? `${bar.label.slice(0, 21)}…` : bar.label}
            </text>
            <rect
              class={bar.value === null ? 'bar-chart__bar bar-chart__bar--suppressed' : 'bar-chart__bar'}
              x={LABEL_WIDTH}
              y={5}
              height={ROW - 10}
              width={bar.value === null ? 4 : Math.max(width(bar.value), 1)}
              rx={3}
            />
            <text class="bar-chart__value" x={LABEL_WIDTH + width(bar.value) + 8} y={ROW / 2 + 4}>
              {bar.text}
            </text>
          </g>
        )}
      </For>
    </svg>
  );
}
