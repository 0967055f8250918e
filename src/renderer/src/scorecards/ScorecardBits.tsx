import type { Change } from '@shared/scorecards/benchmarks';
import type { MetricUnit } from '@shared/scorecards/metrics';
import {
  changeWords,
  formatDelta,
  formatPercentile,
  formatScore,
  isNoChange,
  scoreTone,
} from './scorecardFormat';

export type DeltaBadgeProps = {
  delta: number | null;
  change: Change | null;
  unit: MetricUnit;
  currency: string | null;
  /** What the change is against, for the tooltip: "Oct 2026". */
  previousLabel: string;
};

/** The change against the previous period: the arrow follows the number, the color says better or worse. */
export function DeltaBadge({ delta, change, unit, currency, previousLabel }: DeltaBadgeProps) {
  if (delta === null || change === null)
    return (
      <span className="delta delta-none" title={`No value in ${previousLabel} to compare`}>
        no change data
      </span>
    );
  const flat = isNoChange(delta, unit);
  const words = changeWords(flat ? 'same' : change);
  const arrow = flat ? '→' : delta > 0 ? '↑' : '↓';
  return (
    <span
      className={`delta delta-${flat ? 'same' : change}`}
      title={`${formatDelta(delta, unit, currency)} against ${previousLabel}: ${words.label}`}
      data-testid="figure-delta"
    >
      <span aria-hidden="true">{arrow}</span> {formatDelta(delta, unit, currency)}
      <span className="visually-hidden"> — {words.label}</span>
    </span>
  );
}

export type PercentileBarProps = { percentile: number | null };

/** Where the rep stands in the team, 0 (last) to 100 (best), with the median marked. */
export function PercentileBar({ percentile }: PercentileBarProps) {
  return (
    <div className="percentile" title={formatPercentile(percentile)}>
      <div className="percentile-track" aria-hidden="true">
        <span className="percentile-median" />
        {percentile !== null && (
          <span
            className={`percentile-dot percentile-${scoreTone(percentile)}`}
            style={{ left: `${percentile}%` }}
          />
        )}
      </div>
      <span className="percentile-text">{formatPercentile(percentile)}</span>
    </div>
  );
}

export type ScoreBadgeProps = { score: number | null; large?: boolean };

/** A composite score out of 100, colored by where it puts the rep in the team. */
export function ScoreBadge({ score, large = false }: ScoreBadgeProps) {
  return (
    <span
      className={`score-badge score-${scoreTone(score)}${large ? ' score-large' : ''}`}
      data-testid="composite-score"
    >
      {formatScore(score)}
    </span>
  );
}
