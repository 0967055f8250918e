import { useState } from 'react';
import { Link } from 'react-router';
import type { BottleneckCandidate } from '@shared/experiments/types';
import { formatCount } from '../format/format';
import { Icon } from '../ui/Icon';
import { type MetricNames, formatMetricValue, metricLabel, quarterName } from './experimentFormat';

/** The candidates shown before "Show all": the quarter needs one, not a dozen. */
const FIRST = 5;

export type CandidatesProps = {
  candidates: BottleneckCandidate[];
  quarter: string;
  names: MetricNames;
};

/** The trend of a candidate's figure against the quarter before, colored by which way is better. */
function Trend({ candidate }: { candidate: BottleneckCandidate }) {
  const { current, previous, better, metric } = candidate;
  if (current === null || previous === null)
    return <span className="exp-trend exp-trend-none">no earlier quarter to compare</span>;
  const delta = current - previous;
  const flat = metric.kind === 'time_in_stage' ? Math.abs(delta) < 0.05 : Math.abs(delta) < 0.005;
  if (flat)
    return (
      <span className="exp-trend exp-trend-flat" title="Compared with the quarter before">
        → flat vs {formatMetricValue(metric, previous)}
      </span>
    );
  const improving = better === 'higher' ? delta > 0 : delta < 0;
  return (
    <span
      className={improving ? 'exp-trend exp-trend-good' : 'exp-trend exp-trend-bad'}
      title="Compared with the quarter before"
    >
      <Icon name={delta > 0 ? 'arrowUp' : 'arrowDown'} size={12} />
      from {formatMetricValue(metric, previous)}
      <span className="visually-hidden">{improving ? ', getting better' : ', getting worse'}</span>
    </span>
  );
}

function sampleWords(candidate: BottleneckCandidate): string {
  const n = formatCount(candidate.sample);
  switch (candidate.metric.kind) {
    case 'time_in_stage':
      return `${n} visits`;
    case 'compliance':
      return `${n} actions`;
    default:
      return `${n} deals`;
  }
}

/** Where the address prefills the form from a candidate. */
export function designHref(candidate: BottleneckCandidate): string {
  const params = new URLSearchParams({ stage: candidate.stageKey, metric: candidate.metric.kind });
  if (candidate.metric.kind === 'compliance' && candidate.metric.actionKey)
    params.set('action', candidate.metric.actionKey);
  return `/experiments/new?${params.toString()}`;
}

/** The ranked bottlenecks to attack next quarter, each one click from an experiment plan. */
export function Candidates({ candidates, quarter, names }: CandidatesProps) {
  const [all, setAll] = useState(false);
  const shown = all ? candidates : candidates.slice(0, FIRST);
  return (
    <section className="card exp-candidates" aria-labelledby="exp-candidates-title">
      <header className="card-header">
        <div>
          <h2 className="card-title" id="exp-candidates-title">
            Bottleneck candidates for {quarterName(quarter)}
          </h2>
          <p className="card-subtitle">
            Ranked from the workflow reports — drop-off × volume, days lost beyond target, compliance gaps —
            on the last full quarter, with the trend against the quarter before.
          </p>
        </div>
      </header>
      {candidates.length === 0 ? (
        <p className="card-body muted">
          No stage stands out in the last full quarter: either no deal moved through the workflow, or every
          stage holds its targets.
        </p>
      ) : (
        <ol className="exp-candidate-list">
          {shown.map((c, i) => (
            <li
              key={`${c.stageKey}:${c.metric.kind}:${i}`}
              className="exp-candidate"
              data-testid="bottleneck-candidate"
            >
              <span className="exp-candidate-rank">{i + 1}</span>
              <div className="exp-candidate-what">
                <span className="exp-candidate-metric">{metricLabel(c.metric, names)}</span>
                <span className="chip">{c.stageName}</span>
                <p className="exp-candidate-reason">{c.reason}</p>
              </div>
              <div className="exp-candidate-figure">
                <span className="exp-candidate-value">{formatMetricValue(c.metric, c.current)}</span>
                <Trend candidate={c} />
                <span className="muted">n = {sampleWords(c)}</span>
              </div>
              <Link className="btn btn-small" to={designHref(c)}>
                Design an experiment
              </Link>
            </li>
          ))}
        </ol>
      )}
      {candidates.length > FIRST && (
        <div className="exp-candidates-more">
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setAll(!all)}>
            {all ? `Show the first ${FIRST}` : `Show all ${candidates.length} candidates`}
          </button>
        </div>
      )}
    </section>
  );
}
