import type { StageMetric, StageMetricsReport } from '@shared/metrics/stageMetrics';
import { plural } from '../format/format';
import { ErrorBanner } from '../ui/ErrorBanner';
import { DiscountByMonth } from './DiscountByMonth';
import { formatMetricValue } from './funnelFormat';

export type StageMetricsSectionProps = {
  /** The last report seen; undefined until the first one arrives. */
  report: StageMetricsReport | undefined;
  /** A report for other filters is on its way; the one shown is dimmed meanwhile. */
  stale: boolean;
  error: string | null;
  onRetry: () => void;
};

type MetricCardProps = { metric: StageMetric };

function MetricCard({ metric }: MetricCardProps) {
  const empty = metric.value === null;
  return (
    <div className="metric" data-testid="stage-metric" data-key={metric.key}>
      <dt className="metric-label">{metric.label}</dt>
      <dd className="metric-figure">
        <span
          className={empty ? 'metric-value metric-value-empty' : 'metric-value'}
          data-testid="metric-value"
        >
          {formatMetricValue(metric.value, metric.unit)}
        </span>
        <span className="metric-basis">
          {empty ? 'no data in this period' : `based on ${plural(metric.deals, 'deal')}`}
        </span>
      </dd>
      <dd className="metric-definition">{metric.definition}</dd>
    </div>
  );
}

function MetricsLoading() {
  return (
    <div className="metrics-grid" aria-hidden="true">
      {Array.from({ length: 9 }, (_, i) => (
        <div key={i} className="metric metric-skeleton">
          <span className="skeleton-bar" style={{ width: '55%' }} />
          <span className="skeleton-bar" style={{ width: '30%', height: 20 }} />
          <span className="skeleton-bar" style={{ width: '85%' }} />
        </div>
      ))}
    </div>
  );
}

/**
 * The method's stage metrics for the screen's filters (PRODUCT.md item 5: lead response time,
 * demo → next step, demo → proposal drop-off, proposal → signature, CS handoff timeliness…), each
 * with the deals it rests on and its definition, and the discount level by month.
 */
export function StageMetricsSection({ report, stale, error, onRetry }: StageMetricsSectionProps) {
  const loading = report === undefined && error === null;
  return (
    <section
      className={stale ? 'card metrics-card stale' : 'card metrics-card'}
      aria-labelledby="metrics-heading"
      aria-busy={stale || loading}
      data-testid="stage-metrics"
      data-period={report ? `${report.from}/${report.to}` : undefined}
    >
      <div className="card-header">
        <h2 id="metrics-heading" className="card-title">
          Stage metrics
        </h2>
        <span className="card-subtitle">
          How the method’s key moments went in the period, each with the deals it rests on.
        </span>
      </div>
      {error !== null && (
        <div className="card-body">
          <ErrorBanner title="The stage metrics could not be computed" message={error} onRetry={onRetry} />
        </div>
      )}
      {loading && <MetricsLoading />}
      {report && error === null && (
        <>
          <dl className="metrics-grid">
            {report.metrics.map((metric) => (
              <MetricCard key={metric.key} metric={metric} />
            ))}
          </dl>
          <DiscountByMonth months={report.discountByMonth} />
        </>
      )}
    </section>
  );
}
