import { Link } from 'react-router';
import type { ScorecardExperiment } from '@shared/scorecards/types';
import { formatIsoDate } from '../format/format';
import { DecisionBadge, ExperimentStatusBadge, VerdictBadge } from './ExperimentBadges';
import './experiments.css';

export type ScorecardExperimentsProps = {
  experiments: ScorecardExperiment[];
  periodLabel: string;
  /** On paper the titles are text, not links. */
  print?: boolean;
};

/** "Experiments this period" on the team scorecard and the leadership PDF's team summary. */
export function ScorecardExperiments({ experiments, periodLabel, print = false }: ScorecardExperimentsProps) {
  return (
    <section
      className="card exp-scorecard"
      aria-labelledby="exp-scorecard-title"
      data-testid="scorecard-experiments"
    >
      <header className="card-header">
        <h2 className="card-title" id="exp-scorecard-title">
          Experiments this period
        </h2>
        <span className="card-subtitle">
          Experiments whose window overlaps {periodLabel}, with their primary result
        </span>
      </header>
      {experiments.length === 0 ? (
        <p className="card-body muted">
          No experiment ran in {periodLabel}.
          {!print && (
            <>
              {' '}
              <Link to="/experiments">Plan one on the Experiments screen.</Link>
            </>
          )}
        </p>
      ) : (
        <ul className="exp-scorecard-list">
          {experiments.map((e) => (
            <li key={e.id} className="exp-scorecard-row" data-testid="scorecard-experiment">
              <div className="exp-scorecard-what">
                {print ? (
                  <span className="exp-scorecard-name">{e.title}</span>
                ) : (
                  <Link className="exp-scorecard-name" to={`/experiments/${e.id}`}>
                    {e.title}
                  </Link>
                )}
                <span className="muted">
                  {formatIsoDate(e.startsOn)} – {formatIsoDate(e.endsOn)} · {e.primaryLabel}
                </span>
              </div>
              <p className="exp-scorecard-summary">{e.summary}</p>
              <div className="exp-scorecard-badges">
                <ExperimentStatusBadge status={e.status} />
                <VerdictBadge verdict={e.verdict} />
                {e.decision && <DecisionBadge decision={e.decision} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
