/**
 * The one module that imports Chart.js, loaded only when a dashboard draws its first chart, so the
 * app's first bundle carries none of it. Only the controllers, elements and scales these charts use
 * are registered, which keeps the lazy chunk small.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export type DrawnChart = 'line' | 'bar' | 'stacked_bar' | 'pie' | 'funnel';

export interface DrawSpec {
  readonly kind: DrawnChart;
  readonly labels: readonly string[];
  readonly series: readonly { readonly label: string; readonly values: readonly (number | null)[] }[];
  /** a series' value as people read it (percent, yuan, hours) */
  readonly format: (seriesIndex: number, value: number) => string;
  /** counts: ticks at whole numbers only, never "0.2 sessions" rounded to a repeated "0" */
  readonly wholeTicks: boolean;
  readonly palette: readonly string[];
  readonly textColor: string;
  readonly gridColor: string;
  readonly fontFamily: string;
}

export interface DrawnHandle {
  destroy(): void;
}

const colorAt = (palette: readonly string[], index: number) => palette[index % palette.length] ?? '#3a6b63';

function configOf(spec: DrawSpec): ChartConfiguration {
  const labels = [...spec.labels];
  const legend = {
    display: spec.series.length > 1,
    position: 'bottom' as const,
    labels: { color: spec.textColor },
  };
  const base = {
    responsive: true,
    maintainAspectRatio: false,
    // Figures appear at once: no motion to wait for, none for people who are sensitive to it.
    animation: false as const,
  };
  const valueAxis = (stacked: boolean) => ({
    stacked,
    beginAtZero: true,
    ticks: {
      color: spec.textColor,
      ...(spec.wholeTicks && { precision: 0 }),
      callback: (value: string | number) => spec.format(0, Number(value)),
    },
    grid: { color: spec.gridColor },
  });
  const categoryAxis = (stacked: boolean) => ({
    stacked,
    ticks: { color: spec.textColor },
    grid: { display: false },
  });
  const tooltipLabel = (datasetLabel: string, seriesIndex: number, value: number | null) =>
    `${datasetLabel}: ${value === null ? '—' : spec.format(seriesIndex, value)}`;

  switch (spec.kind) {
    case 'line':
    case 'bar':
    case 'stacked_bar': {
      const stacked = spec.kind === 'stacked_bar';
      return {
        type: spec.kind === 'line' ? 'line' : 'bar',
        data: {
          labels,
          datasets: spec.series.map((series, index) => ({
            label: series.label,
            data: [...series.values],
            borderColor: colorAt(spec.palette, index),
            backgroundColor: colorAt(spec.palette, index),
            pointRadius: 3,
            tension: 0.2,
          })),
        },
        options: {
          ...base,
          scales: { x: categoryAxis(stacked), y: valueAxis(stacked) },
          plugins: {
            legend,
            tooltip: {
              callbacks: {
                label: (item) => tooltipLabel(item.dataset.label ?? '', item.datasetIndex, item.parsed.y),
              },
            },
          },
        },
      };
    }
    case 'pie': {
      const [series] = spec.series;
      const doughnut: ChartConfiguration<'doughnut'> = {
        type: 'doughnut',
        data: {
          labels,
          datasets: [
            {
              label: series?.label ?? '',
              // A suppressed part has no size to show; its legend entry stays, the table says why.
              data: (series?.values ?? []).map((value) => value ?? 0),
              backgroundColor: labels.map((_, index) => colorAt(spec.palette, index)),
              borderColor: '#ffffff',
            },
          ],
        },
        options: {
          ...base,
          cutout: '55%',
          plugins: {
            legend: { display: true, position: 'right', labels: { color: spec.textColor } },
            tooltip: {
              callbacks: {
                label: (item) => tooltipLabel(item.label, 0, series?.values[item.dataIndex] ?? null),
              },
            },
          },
        },
      };
      return doughnut as unknown as ChartConfiguration;
    }
    case 'funnel': {
      const [series] = spec.series;
      const values = series?.values ?? [];
      // A funnel is a bar centred on zero: each stage floats from -v/2 to v/2.
      return {
        type: 'bar',
        data: {
          labels,
          datasets: [
            {
              label: series?.label ?? '',
              data: values.map((value) => (value === null ? null : [-value / 2, value / 2])) as never,
              backgroundColor: labels.map((_, index) => colorAt(spec.palette, index)),
              barPercentage: 0.95,
              categoryPercentage: 1,
            },
          ],
        },
        options: {
          ...base,
          indexAxis: 'y',
          scales: {
            x: { display: false, grid: { display: false } },
            y: { ticks: { color: spec.textColor }, grid: { display: false } },
          },
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: { label: (item) => tooltipLabel(item.label, 0, values[item.dataIndex] ?? null) },
            },
          },
        },
      };
    }
  }
}

export function drawChart(canvas: HTMLCanvasElement, spec: DrawSpec): DrawnHandle {
  Chart.defaults.font.family = spec.fontFamily;
  return new Chart(canvas, configOf(spec));
}
