import type { ExperimentDecision, ExperimentStatus, MetricVerdict } from '@shared/experiments/types';
import { decisionLabels, statusLabels, verdictLabels } from './experimentFormat';

export type StatusBadgeProps = { status: ExperimentStatus };

/** Planned, running or concluded. */
export function ExperimentStatusBadge({ status }: StatusBadgeProps) {
  return (
    <span className={`badge exp-status-${status}`} data-testid="experiment-status">
      {statusLabels[status]}
    </span>
  );
}

export type DecisionBadgeProps = { decision: ExperimentDecision };

/** What leadership decided: adopt, refine or revert. */
export function DecisionBadge({ decision }: DecisionBadgeProps) {
  return (
    <span className={`badge badge-plain exp-decision-${decision}`} data-testid="experiment-decision">
      {decisionLabels[decision]}
    </span>
  );
}

export type VerdictBadgeProps = { verdict: MetricVerdict };

/** What the data says about one metric. */
export function VerdictBadge({ verdict }: VerdictBadgeProps) {
  return (
    <span className={`badge exp-verdict-${verdict}`} data-testid="metric-verdict">
      {verdictLabels[verdict]}
    </span>
  );
}
