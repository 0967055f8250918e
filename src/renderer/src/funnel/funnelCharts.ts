import {
  BarController,
  BarElement,
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
import type { StageFunnel } from '@shared/metrics/funnel';
import type { TimeInStageReport } from '@shared/metrics/reports';
import { type ChartTheme, fade } from '../charts/chartTheme';
import { formatCount, formatPercent } from '../format/format';
import { bucketLabel, formatDayValue, monthLabel } from './funnelFormat';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export type StageTime = TimeInStageReport['stages'][number];

type BarChart = { data: ChartData<'bar'>; options: ChartOptions<'bar'> };
type LineChart = { data: ChartData<'line'>; options: ChartOptions<'line'> };

let measureContext: CanvasRenderingContext2D | null = null;

function textWidth(texts: string[], font: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return 160;
  measureContext.font = font;
  return Math.max(0, ...texts.map((t) => measureContext!.measureText(t).width));
}

/** The label after a funnel bar: how many entered, and the share that moved on. */
export function funnelBarText(stage: StageFunnel): string {
  if (stage.entered === 0) return '0 entered';
  return `${formatCount(stage.entered)} entered · ${formatPercent(stage.conversionToNext)} advanced`;
}

/** Deals entering each stage as horizontal bars, split into those that advanced and the drop-off. */
export function funnelChart(stages: StageFunnel[], theme: ChartTheme): BarChart {
  const labelFont = `600 11.5px ${theme.font}`;
  const texts = stages.map(funnelBarText);
  return {
    data: {
      labels: stages.map((s) => s.name),
      datasets: [
        {
          label: 'Advanced',
          data: stages.map((s) => s.advanced),
          backgroundColor: theme.accent,
          hoverBackgroundColor: theme.accent,
          borderRadius: { topLeft: 4, bottomLeft: 4 },
          borderSkipped: false,
          barPercentage: 0.78,
          categoryPercentage: 0.9,
        },
        {
          label: 'Did not advance (drop-off)',
          data: stages.map((s) => s.entered - s.advanced),
          backgroundColor: fade(theme.accent, theme.dark ? 0.32 : 0.2),
          hoverBackgroundColor: fade(theme.accent, theme.dark ? 0.42 : 0.3),
          borderRadius: { topRight: 4, bottomRight: 4 },
          borderSkipped: false,
          barPercentage: 0.78,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      layout: { padding: { right: Math.ceil(textWidth(texts, labelFont)) + 16 } },
      scales: {
        x: {
          stacked: true,
          beginAtZero: true,
          grid: { display: true },
          ticks: { precision: 0, maxTicksLimit: 8 },
          title: { display: true, text: 'Deals that entered the stage in the period' },
        },
        y: {
          stacked: true,
          grid: { display: false },
          ticks: { color: theme.text, font: { size: 12.5, weight: 500 } },
        },
      },
      plugins: {
        legend: { position: 'bottom', align: 'start' },
        endLabels: { texts, color: theme.textSecondary, font: labelFont },
        tooltip: {
          callbacks: {
            title: (items) => {
              const stage = stages[items[0]?.dataIndex ?? -1];
              return stage ? `${stage.name}: ${formatCount(stage.entered)} entered` : '';
            },
            label: (item) => ` ${item.dataset.label ?? ''}: ${formatCount(item.parsed.x ?? 0)}`,
            afterBody: (items) => {
              const stage = stages[items[0]?.dataIndex ?? -1];
              if (!stage) return [];
              const lines = [`Conversion to next: ${formatPercent(stage.conversionToNext)}`];
              if (stage.skippedNext > 0)
                lines.push(`${formatCount(stage.skippedNext)} skipped the next stage`);
              return lines;
            },
          },
        },
      },
    },
  };
}

/** Where a number of days falls on the histogram's category axis (bucket i spans i − 0.5 to i + 0.5). */
export function bucketPosition(histogram: StageTime['histogram'], days: number): number | null {
  const index = histogram.findIndex((b) => days >= b.fromDays && (b.toDays === null || days < b.toDays));
  const bucket = histogram[index];
  if (!bucket) return null;
  // The open last bucket has no width to interpolate in: mark its left edge.
  const share = bucket.toDays === null ? 0 : (days - bucket.fromDays) / (bucket.toDays - bucket.fromDays);
  return index - 0.5 + share;
}

/** Visits per duration bucket, the buckets at or past the target in the warning color. */
export function histogramChart(stage: StageTime, theme: ChartTheme): BarChart {
  const target = stage.targetDays;
  const over = (b: StageTime['histogram'][number]) => target !== null && b.fromDays >= target;
  const total = stage.histogram.reduce((n, b) => n + b.visits, 0);
  return {
    data: {
      labels: stage.histogram.map(bucketLabel),
      datasets: [
        {
          label: 'Visits',
          data: stage.histogram.map((b) => b.visits),
          backgroundColor: stage.histogram.map((b) =>
            over(b) ? fade(theme.warn, theme.dark ? 0.9 : 0.75) : theme.accent,
          ),
          borderRadius: 4,
          barPercentage: 0.86,
          categoryPercentage: 0.92,
        },
      ],
    },
    options: {
      layout: { padding: { top: 20 } },
      scales: {
        x: {
          grid: { display: false },
          ticks: { maxRotation: 0, autoSkip: false },
          title: { display: true, text: 'Days in stage (per visit)' },
        },
        y: {
          beginAtZero: true,
          ticks: { precision: 0, maxTicksLimit: 6 },
          title: { display: true, text: 'Visits' },
        },
      },
      plugins: {
        legend: { display: false },
        markerLine: {
          value: target === null ? null : bucketPosition(stage.histogram, target),
          label: target === null ? '' : `Target ${formatDayValue(target)}`,
          color: theme.warn,
          font: `600 11px ${theme.font}`,
        },
        tooltip: {
          callbacks: {
            title: (items) => `${items[0]?.label ?? ''} in stage`,
            label: (item) => {
              const visits = item.parsed.y ?? 0;
              return ` ${formatCount(visits)} visits (${formatPercent(total === 0 ? null : visits / total)})`;
            },
          },
        },
      },
    },
  };
}

/** Median and p75 days in stage by month of entry, with the target as a flat dashed line. */
export function trendChart(stage: StageTime, theme: ChartTheme): LineChart {
  const months = stage.byMonth;
  const p75Color = theme.series[1] ?? theme.accent;
  const datasets: ChartData<'line'>['datasets'] = [
    {
      label: 'Median',
      data: months.map((m) => m.medianDays),
      borderColor: theme.accent,
      backgroundColor: theme.accent,
      borderWidth: 2,
      pointRadius: 3,
      pointHoverRadius: 5,
      pointStyle: 'circle',
      cubicInterpolationMode: 'monotone',
    },
    {
      label: 'p75',
      data: months.map((m) => m.p75Days),
      borderColor: p75Color,
      backgroundColor: p75Color,
      borderWidth: 2,
      pointRadius: 3,
      pointHoverRadius: 5,
      pointStyle: 'circle',
      cubicInterpolationMode: 'monotone',
    },
  ];
  if (stage.targetDays !== null)
    datasets.push({
      label: 'Target',
      data: months.map(() => stage.targetDays),
      borderColor: theme.warn,
      backgroundColor: theme.warn,
      borderWidth: 1.5,
      borderDash: [5, 4],
      pointRadius: 0,
      pointHoverRadius: 0,
      pointStyle: 'line',
    });
  return {
    data: { labels: months.map((m) => monthLabel(m.month)), datasets },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
        y: {
          beginAtZero: true,
          ticks: { maxTicksLimit: 6 },
          title: { display: true, text: 'Days in stage (per visit)' },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          align: 'start',
          labels: { usePointStyle: true, pointStyleWidth: 16, boxHeight: 8 },
        },
        tooltip: {
          callbacks: {
            label: (item) => ` ${item.dataset.label ?? ''}: ${formatDayValue(item.parsed.y)}`,
            footer: (items) => {
              const month = months[items[0]?.dataIndex ?? -1];
              return month ? `${formatCount(month.count)} visits entered this month` : '';
            },
          },
        },
      },
    },
  };
}
