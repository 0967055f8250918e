import { metricDefinition } from '@shared/scorecards/metrics';
import type { TeamTargetResult } from '@shared/scorecards/types';
import { formatValue } from './scorecardFormat';

export type TargetsPanelProps = {
  targets: TeamTargetResult[];
  currency: string | null;
  /** Opens the settings editor; without it (on paper) there is no edit button. */
  onEdit?: () => void;
};

function actualText(target: TeamTargetResult, currency: string | null): string {
  if (target.actual === null) return 'No data in the period';
  if (target.scope === 'team')
    return formatValue(target.actual, metricDefinition(target.metric).unit, currency);
  return `${target.repsMeeting} of ${target.repsCounted} reps (${Math.round(target.actual * 100)}%)`;
}

/**
 * "3 of 5 targets met": targets without data in the period are neither met nor missed, so they
 * are counted apart instead of reading as failures (the first days of a quarter have none).
 */
export function targetsSummary(targets: readonly TeamTargetResult[]): string {
  if (targets.length === 0) return 'No targets set';
  const judged = targets.filter((t) => t.met !== null);
  if (judged.length === 0) return 'No data for any target in the period yet';
  const met = judged.filter((t) => t.met === true).length;
  const unjudged = targets.length - judged.length;
  return `${met} of ${judged.length} targets met${unjudged > 0 ? ` · ${unjudged} without data` : ''}`;
}

/** The workflow scorecard: the targets the manager set, each clearly met or not met this period. */
export function TargetsPanel({ targets, currency, onEdit }: TargetsPanelProps) {
  return (
    <section className="card targets-card" aria-labelledby="targets-title">
      <header className="card-header">
        <div>
          <h2 id="targets-title" className="card-title">
            Workflow scorecard
          </h2>
          <span className="card-subtitle">{targetsSummary(targets)}</span>
        </div>
        {onEdit && (
          <button type="button" className="btn btn-small" onClick={onEdit}>
            Edit targets and weights
          </button>
        )}
      </header>
      {targets.length === 0 ? (
        <p className="card-body muted">
          Set targets such as “80% of required actions on time” to track them here.
        </p>
      ) : (
        <ul className="target-list">
          {targets.map((target, index) => (
            <li key={index} className="target" data-testid="target">
              <span
                className={`target-status target-${target.met === null ? 'none' : target.met ? 'met' : 'missed'}`}
                data-testid="target-status"
              >
                {target.met === null ? 'No data' : target.met ? 'Met' : 'Not met'}
              </span>
              <span className="target-sentence">{target.sentence}</span>
              <span className="target-actual">{actualText(target, currency)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
