import { Link } from 'react-router';
import type { ExperimentSummary } from '@shared/experiments/types';
import { formatIsoDate } from '../format/format';
import { DecisionBadge, ExperimentStatusBadge, VerdictBadge } from './ExperimentBadges';
import { designLabels } from './experimentFormat';

export type ExperimentCardProps = {
  experiment: ExperimentSummary;
  stageName: (key: string) => string;
};

/** One experiment on the quarter board: what it attacks, how it is run, where it stands. */
export function ExperimentCard({ experiment, stageName }: ExperimentCardProps) {
  const e = experiment;
  return (
    <li className="exp-card" data-testid="experiment-card">
      <div className="exp-card-head">
        <Link to={`/experiments/${e.id}`} className="exp-card-title">
          {e.title}
        </Link>
        <div className="exp-card-badges">
          <ExperimentStatusBadge status={e.status} />
          {e.decision && <DecisionBadge decision={e.decision} />}
        </div>
      </div>
      <dl className="exp-card-facts">
        <div>
          <dt>Bottleneck</dt>
          <dd>{stageName(e.bottleneck.stageKey)}</dd>
        </div>
        <div>
          <dt>Design</dt>
          <dd>{designLabels[e.design]}</dd>
        </div>
        <div>
          <dt>Window</dt>
          <dd>
            {formatIsoDate(e.startsOn)} – {formatIsoDate(e.endsOn)}
          </dd>
        </div>
      </dl>
      <div className="exp-card-result">
        <div className="exp-card-result-head">
          <span className="exp-card-metric">{e.primaryLabel}</span>
          <VerdictBadge verdict={e.verdict} />
        </div>
        <p className="exp-card-summary" data-testid="experiment-summary">
          {e.summary}
        </p>
      </div>
    </li>
  );
}
