import type { ChartType, Plugin } from 'chart.js';

/** Text drawn just past the end of each bar of a horizontal bar chart (stacked or not). */
export type EndLabelsOptions = { texts?: string[]; color?: string; font?: string };

/**
 * A dashed vertical marker at a position on the x axis, in the axis's own values. Its label sits
 * above the plot area: give the chart `layout.padding.top` of about 18 px for it.
 */
export type MarkerLineOptions = { value?: number | null; label?: string; color?: string; font?: string };

declare module 'chart.js' {
  // Chart.js types plugin options by declaration merging, which needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions, @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    endLabels?: EndLabelsOptions;
    markerLine?: MarkerLineOptions;
  }
}

/** Draws `options.plugins.endLabels.texts[i]` after bar i, where the last stacked segment ends. */
export const endLabelsPlugin: Plugin<'bar', EndLabelsOptions> = {
  id: 'endLabels',
  afterDatasetsDraw(chart, _args, options) {
    const texts = options.texts ?? [];
    const last = chart.data.datasets.length - 1;
    if (last < 0 || texts.length === 0) return;
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = options.color ?? '#4b4b55';
    ctx.font = options.font ?? '12px sans-serif';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    chart.getDatasetMeta(last).data.forEach((bar, i) => {
      const text = texts[i];
      if (text) ctx.fillText(text, bar.x + 8, bar.y);
    });
    ctx.restore();
  },
};

/**
 * Draws a dashed vertical line at `options.plugins.markerLine.value` on the x scale, labelled at
 * the top. A factory, so each chart type gets a plugin of its own type.
 */
export const markerLinePlugin = <T extends ChartType>(): Plugin<T, MarkerLineOptions> => ({
  id: 'markerLine',
  afterDatasetsDraw(chart, _args, options) {
    const value = options.value;
    const scale = chart.scales.x;
    if (value === null || value === undefined || !scale) return;
    const x = scale.getPixelForValue(value);
    const { top, bottom, left, right } = chart.chartArea;
    if (!Number.isFinite(x) || x < left - 1 || x > right + 1) return;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = options.color ?? '#c77c02';
    ctx.lineWidth = 1.5;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    if (options.label) {
      ctx.setLineDash([]);
      ctx.fillStyle = options.color ?? '#c77c02';
      ctx.font = options.font ?? '600 11px sans-serif';
      ctx.textBaseline = 'bottom';
      const width = ctx.measureText(options.label).width;
      // Centered over the line, shifted in where that would clip it.
      const center = Math.min(Math.max(x, left + width / 2), right - width / 2);
      ctx.textAlign = 'center';
      ctx.fillText(options.label, center, top - 4);
    }
    ctx.restore();
  },
});
