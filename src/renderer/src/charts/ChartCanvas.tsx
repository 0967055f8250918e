import { Chart, type ChartData, type ChartOptions, type ChartType, type Plugin } from 'chart.js';
import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';
import { type ChartTheme, useChartTheme } from './chartTheme';
import './charts.css';

export type ChartCanvasProps<T extends ChartType> = {
  type: T;
  data: ChartData<T>;
  options?: ChartOptions<T>;
  /** Chart-local plugins; read when the chart is created. */
  plugins?: Plugin<T>[];
  /** What the chart shows, in words: the canvas is an image to assistive technology. */
  label: string;
  /** CSS height of the drawing area; the width follows the container. */
  height: number;
  /** Fallback content inside the canvas, e.g. the numbers as a list. */
  children?: ReactNode;
};

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `over` laid on `base`, recursing into plain objects only (arrays and functions replace). */
function merge(base: Plain, over: Plain): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlain(current) && isPlain(value) ? merge(current, value) : value;
  }
  return out;
}

/** The theme's font and colors under the chart's own options, which win where they say otherwise. */
function themed<T extends ChartType>(
  options: ChartOptions<T> | undefined,
  theme: ChartTheme,
): ChartOptions<T> {
  const own = (options ?? {}) as Plain;
  const scaleStyle = {
    ticks: { color: theme.textMuted },
    grid: { color: theme.grid, tickColor: theme.grid },
    border: { color: theme.axis },
    title: { color: theme.textMuted },
  };
  const scales = isPlain(own.scales)
    ? Object.fromEntries(Object.keys(own.scales).map((id) => [id, scaleStyle]))
    : undefined;
  const base: Plain = {
    responsive: true,
    maintainAspectRatio: false,
    animation: theme.reducedMotion ? false : { duration: 250 },
    color: theme.textSecondary,
    borderColor: theme.grid,
    font: { family: theme.font, size: 11.5 },
    plugins: {
      legend: { labels: { color: theme.textSecondary, boxWidth: 12, boxHeight: 12 } },
      tooltip: {
        backgroundColor: theme.dark ? '#2b2b32' : '#1b1b1f',
        titleColor: '#ffffff',
        bodyColor: '#ececf1',
        borderColor: theme.dark ? theme.axis : 'transparent',
        borderWidth: theme.dark ? 1 : 0,
        padding: 8,
        cornerRadius: 6,
        titleFont: { family: theme.font, weight: 600 },
        bodyFont: { family: theme.font },
      },
    },
    ...(scales ? { scales } : {}),
  };
  return merge(base, own) as ChartOptions<T>;
}

/**
 * A Chart.js chart as a React component: created once, given new data and options on change, and
 * destroyed on unmount. Colors and font come from the theme tokens and follow the color scheme.
 * Controllers, elements and scales must be registered by the caller (`Chart.register`).
 */
export function ChartCanvas<T extends ChartType>({
  type,
  data,
  options,
  plugins,
  label,
  height,
  children,
}: ChartCanvasProps<T>) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<T> | null>(null);
  // What the chart was last drawn from, so the first render is not drawn twice.
  const drawnRef = useRef<{ data: unknown; options: unknown; theme: ChartTheme } | null>(null);
  const theme = useChartTheme();
  const latest = useRef({ data, options, plugins, theme });
  useLayoutEffect(() => {
    latest.current = { data, options, plugins, theme };
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const { data, options, plugins, theme } = latest.current;
    const chart = new Chart<T>(canvas, {
      type,
      data,
      options: themed(options, theme),
      plugins: plugins ?? [],
    });
    chartRef.current = chart;
    drawnRef.current = { data, options, theme };
    return () => {
      chart.destroy();
      chartRef.current = null;
      drawnRef.current = null;
    };
  }, [type]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const drawn = drawnRef.current;
    if (drawn && drawn.data === data && drawn.options === options && drawn.theme === theme) return;
    chart.data = data;
    chart.options = themed(options, theme);
    chart.update();
    drawnRef.current = { data, options, theme };
  }, [data, options, theme]);

  return (
    <div className="chart-canvas" style={{ height }}>
      <canvas ref={canvasRef} role="img" aria-label={label}>
        {children ?? label}
      </canvas>
    </div>
  );
}
