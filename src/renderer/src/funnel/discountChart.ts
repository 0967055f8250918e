import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartData,
  type ChartOptions,
  LinearScale,
  type Plugin,
  Tooltip,
} from 'chart.js';
import type { DiscountMonth } from '@shared/metrics/stageMetrics';
import type { ChartTheme } from '../charts/chartTheme';
import { formatPercent, plural } from '../format/format';
import { formatPercentPoints, monthLabel } from './funnelFormat';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

type BarChart = { data: ChartData<'bar'>; options: ChartOptions<'bar'> };

/**
 * Each bar's value printed above it, and "no data" where a month has won deals but no discount.
 * Reads the values from the chart's own data, so it needs no options and follows every update
 * (ChartCanvas reads plugins only when the chart is created).
 */
export const discountLabelsPlugin: Plugin<'bar'> = {
  id: 'discountLabels',
  afterDatasetsDraw(chart) {
    const values = chart.data.datasets[0]?.data ?? [];
    const x = chart.scales.x;
    const family = String(chart.options.font?.family ?? 'sans-serif');
    const valueColor = chart.options.color;
    const mutedColor = chart.options.scales?.x?.ticks?.color;
    const ctx = chart.ctx;
    ctx.save();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    chart.getDatasetMeta(0).data.forEach((bar, i) => {
      const value = values[i];
      if (typeof value === 'number') {
        ctx.fillStyle = typeof valueColor === 'string' ? valueColor : '#4b4b55';
        ctx.font = `600 11px ${family}`;
        ctx.fillText(formatPercentPoints(value), bar.x, bar.y - 4);
      } else if (x) {
        ctx.fillStyle = typeof mutedColor === 'string' ? mutedColor : '#7a7a86';
        ctx.font = `11px ${family}`;
        ctx.fillText('no data', x.getPixelForValue(i), chart.chartArea.bottom - 4);
      }
    });
    ctx.restore();
  },
};

/** The average discount of each month's won deals as bars; months without a discount leave a gap. */
export function discountChart(months: DiscountMonth[], theme: ChartTheme): BarChart {
  return {
    data: {
      labels: months.map((m) => monthLabel(m.month)),
      datasets: [
        {
          label: 'Average discount',
          data: months.map((m) => m.averageDiscountPercent),
          backgroundColor: theme.accent,
          hoverBackgroundColor: theme.accent,
          borderRadius: 4,
          barPercentage: 0.72,
          categoryPercentage: 0.9,
          maxBarThickness: 56,
        },
      ],
    },
    options: {
      layout: { padding: { top: 20 } },
      scales: {
        x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
        y: {
          beginAtZero: true,
          grace: '8%',
          ticks: { maxTicksLimit: 6, callback: (value) => formatPercent(Number(value) / 100) },
          title: { display: true, text: 'Average discount' },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => ` Average discount: ${formatPercentPoints(item.parsed.y)}`,
            footer: (items) => {
              const month = months[items[0]?.dataIndex ?? -1];
              return month ? `${plural(month.wonDeals, 'won deal')} this month` : '';
            },
          },
        },
      },
    },
  };
}

/** The chart in words, for assistive technology: every month's average and won deals. */
export function discountChartLabel(months: DiscountMonth[]): string {
  return `Average discount on won deals by month: ${months
    .map(
      (m) =>
        `${monthLabel(m.month)} ${
          m.averageDiscountPercent === null
            ? 'no discount data'
            : formatPercentPoints(m.averageDiscountPercent)
        } (${plural(m.wonDeals, 'won deal')})`,
    )
    .join('; ')}.`;
}
