import {
  CategoryScale,
  Chart,
  type ChartData,
  type ChartOptions,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { RampHire, RampMetricKey, RampReport } from '@shared/oneOnOnes/types';
import { type ChartTheme, fade } from '../charts/chartTheme';
import { formatPercent } from '../format/format';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Below this many items a month's rate is left out of the lines (the table still shows it). */
export const MIN_ITEMS = 3;

export const metricLabels: Record<RampMetricKey, { title: string; what: string }> = {
  compliance: { title: 'Actions on time', what: 'required actions due that month done on time' },
  conversion: { title: 'Stage conversion', what: 'stage entries that month that moved on to a later stage' },
  winRate: { title: 'Win rate', what: 'won ÷ closed among deals closed that month' },
};

type LineChart = { data: ChartData<'line', (number | null)[], string>; options: ChartOptions<'line'> };

/** Colours for the new hires' lines, distinct from the grey earlier-hire curve. */
export function hireColors(theme: ChartTheme): string[] {
  return [
    theme.accent,
    theme.series[1] ?? '#2fb3a3',
    theme.series[2] ?? '#e0a030',
    theme.series[3] ?? '#5b8def',
    theme.bad,
  ];
}

/** "Month 1" … for tenure month indexes 0 …. */
export function monthLabel(index: number): string {
  return `Month ${index + 1}`;
}

/**
 * One metric by month of tenure: a solid line per new hire, the focused hire's earlier-hire
 * curve (the median of reps in the same role who started before) dashed, and the tenured level flat and dotted.
 */
export function rampChart(
  report: RampReport,
  metric: RampMetricKey,
  focus: RampHire | null,
  theme: ChartTheme,
): LineChart {
  const labels = Array.from({ length: report.horizonMonths }, (_, i) => monthLabel(i));
  const colors = hireColors(theme);
  const datasets: ChartData<'line', (number | null)[], string>['datasets'] = report.hires.map((hire, i) => {
    const color = colors[i % colors.length]!;
    const focused = focus?.repId === hire.repId;
    return {
      label: hire.name,
      data: labels.map((_, index) => {
        const month = hire.months[index];
        const value = month?.[metric];
        return value && value.total >= MIN_ITEMS ? value.rate : null;
      }),
      borderColor: color,
      backgroundColor: color,
      borderWidth: focused ? 3 : 2,
      pointRadius: focused ? 4 : 3,
      pointHoverRadius: 6,
      cubicInterpolationMode: 'monotone',
    };
  });
  if (focus && focus.earlierHires.length > 0) {
    datasets.push({
      label: `Hired before ${focus.name.split(' ')[0]} (median)`,
      data: labels.map((_, index) => focus.earlierCurve[index]?.[metric].median ?? null),
      // Wide and pale, drawn under the hires' lines, so it stays visible where one follows it closely.
      borderColor: fade(theme.textMuted, 0.55),
      backgroundColor: fade(theme.textMuted, 0.55),
      borderDash: [8, 5],
      borderWidth: 5,
      pointRadius: 0,
      pointHoverRadius: 4,
      cubicInterpolationMode: 'monotone',
      order: 10,
    });
  }
  const tenured = report.tenured.find((t) => t.role === (focus?.role ?? report.hires[0]?.role));
  const level = tenured?.[metric] ?? null;
  if (level !== null) {
    datasets.push({
      label: `Tenured ${tenured!.role}s, last 90 days`,
      data: labels.map(() => level),
      borderColor: fade(theme.ok, 0.8),
      backgroundColor: fade(theme.ok, 0.8),
      borderDash: [2, 3],
      borderWidth: 2,
      pointRadius: 0,
      pointHoverRadius: 0,
      order: 11,
    });
  }
  // Win rates sit low: scale to the data (in quarter steps, at least half) so the lines do not hug the axis.
  const values = datasets.flatMap((d) => d.data.filter((v): v is number => v !== null));
  const max = Math.min(1, Math.max(0.5, Math.ceil((Math.max(0, ...values) + 0.05) * 4) / 4));
  return {
    data: { labels, datasets },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false }, ticks: { maxRotation: 0 } },
        y: {
          min: 0,
          max,
          ticks: { callback: (v) => formatPercent(Number(v)), stepSize: max <= 0.5 ? 0.1 : 0.25 },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => ` ${item.dataset.label ?? ''}: ${formatPercent(item.parsed.y ?? null)}`,
          },
        },
      },
    },
  };
}
