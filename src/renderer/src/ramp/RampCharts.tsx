import { useMemo } from 'react';
import type { RampHire, RampMetricKey, RampReport } from '@shared/oneOnOnes/types';
import { ChartCanvas } from '../charts/ChartCanvas';
import { useChartTheme } from '../charts/chartTheme';
import { formatPercent } from '../format/format';
import { hireColors, metricLabels, monthLabel, rampChart } from './rampCharts';

export type RampChartsProps = { report: RampReport; focus: RampHire | null };

const metrics: RampMetricKey[] = ['compliance', 'conversion', 'winRate'];

function MetricChart({ report, focus, metric }: RampChartsProps & { metric: RampMetricKey }) {
  const theme = useChartTheme();
  const chart = useMemo(() => rampChart(report, metric, focus, theme), [report, metric, focus, theme]);
  const label = metricLabels[metric];
  return (
    <figure className="ramp-chart" data-testid="ramp-chart">
      <figcaption>
        <span className="ramp-chart-title">{label.title}</span>
        <span className="ramp-chart-what">{label.what}</span>
      </figcaption>
      <ChartCanvas
        type="line"
        data={chart.data}
        options={chart.options}
        height={220}
        label={`${label.title} by month since start`}
      >
        <ul>
          {report.hires.map((h) => (
            <li key={h.repId}>
              {h.name}:{' '}
              {h.months.map((m) => `${monthLabel(m.index)} ${formatPercent(m[metric].rate)}`).join(', ')}
            </li>
          ))}
        </ul>
      </ChartCanvas>
    </figure>
  );
}

/** The three ramp figures side by side, with one legend for all of them. */
export function RampCharts({ report, focus }: RampChartsProps) {
  const theme = useChartTheme();
  const colors = hireColors(theme);
  const tenured = report.tenured.find((t) => t.role === (focus?.role ?? report.hires[0]?.role));
  return (
    <section className="card ramp-charts" aria-label="Ramp by month since start">
      <div className="ramp-legend" aria-hidden="true">
        {report.hires.map((h, i) => (
          <span key={h.repId} className="ramp-legend-item">
            <span className="ramp-swatch" style={{ background: colors[i % colors.length] }} />
            {h.name}
          </span>
        ))}
        {focus && focus.earlierHires.length > 0 && (
          <span className="ramp-legend-item">
            <span className="ramp-swatch ramp-swatch-dashed" />
            Hired before {focus.name} ({focus.earlierHires.map((e) => e.name).join(', ')}), median
          </span>
        )}
        {tenured && (
          <span className="ramp-legend-item">
            <span className="ramp-swatch ramp-swatch-dotted" />
            Tenured {tenured.role}s ({tenured.reps}), last 90 days
          </span>
        )}
      </div>
      <div className="ramp-chart-grid">
        {metrics.map((metric) => (
          <MetricChart key={metric} report={report} focus={focus} metric={metric} />
        ))}
      </div>
    </section>
  );
}
