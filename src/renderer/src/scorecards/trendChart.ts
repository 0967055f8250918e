import {
  CategoryScale,
  Chart,
  type ChartData,
  type ChartOptions,
  Filler,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { MetricUnit } from '@shared/scorecards/metrics';
import type { TrendPoint } from '@shared/scorecards/types';
import type { ChartTheme } from '../charts/chartTheme';
import { formatValue } from './scorecardFormat';

Chart.register(CategoryScale, Filler, LineController, LineElement, LinearScale, PointElement, Tooltip);

type LineChart = { data: ChartData<'line'>; options: ChartOptions<'line'> };

export type TrendChartOptions = {
  unit: MetricUnit;
  currency: string | null;
  /** Who the solid line is: "Tom Becker", "Team". */
  seriesLabel: string;
  /** A small chart in a figure card: no axes, no legend. */
  compact: boolean;
  /** Fixed 0–100 axis for composite scores. */
  scoreScale?: boolean;
};

/** The y range of a sparkline: its own values with some room, so a change of a few points shows. */
function sparkRange(values: (number | null)[]): { min?: number; max?: number } {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return {};
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const room = Math.max((hi - lo) * 0.15, Math.abs(hi) * 0.02, 0.5);
  return { min: lo - room, max: hi + room };
}

/**
 * A figure over the last periods: the rep's (or team's) value as a solid line with points and the
 * team median dashed; a period without a value leaves a gap.
 */
export function trendChart(points: TrendPoint[], theme: ChartTheme, options: TrendChartOptions): LineChart {
  const { unit, currency, compact } = options;
  const scale = unit === 'share' ? 100 : 1;
  const toY = (v: number | null) => (v === null ? null : v * scale);
  return {
    data: {
      labels: points.map((p) => p.period.label),
      datasets: [
        {
          label: options.seriesLabel,
          data: points.map((p) => toY(p.value)),
          borderColor: theme.accent,
          backgroundColor: theme.accent,
          borderWidth: 2,
          pointRadius: compact ? 2.5 : 3.5,
          pointHoverRadius: 5,
          tension: 0.25,
          spanGaps: false,
        },
        {
          label: 'Team median',
          data: points.map((p) => toY(p.benchmark)),
          borderColor: theme.textMuted,
          backgroundColor: theme.textMuted,
          borderWidth: 1.5,
          borderDash: [4, 3],
          pointRadius: compact ? 0 : 2.5,
          pointHoverRadius: 4,
          tension: 0.25,
          spanGaps: false,
        },
      ],
    },
    options: {
      animation: false,
      interaction: { mode: 'index', intersect: false },
      layout: { padding: compact ? { top: 4, bottom: 2, left: 2, right: 2 } : { top: 6 } },
      plugins: {
        legend: { display: !compact, position: 'bottom', align: 'start' },
        tooltip: {
          callbacks: {
            label: (item) => {
              const raw = item.raw as number | null;
              const value = raw === null ? null : raw / scale;
              return `${item.dataset.label}: ${formatValue(value, unit, currency)}`;
            },
          },
        },
      },
      scales: {
        x: { display: !compact, grid: { display: false } },
        // A sparkline scales to its own values, so a change shows; a full chart keeps its zero.
        y: compact
          ? { display: false, ...sparkRange(points.flatMap((p) => [toY(p.value), toY(p.benchmark)])) }
          : {
              beginAtZero: unit === 'share' || unit === 'percent' || options.scoreScale === true,
              ...(options.scoreScale ? { min: 0, max: 100 } : {}),
              ...(unit === 'share' ? { suggestedMax: 100 } : {}),
              ticks: { maxTicksLimit: 5 },
            },
      },
    },
  };
}
