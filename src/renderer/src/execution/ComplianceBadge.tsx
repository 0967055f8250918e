import type { ActionStatus, HandoffStatus } from '@shared/evaluation/types';
import './complianceBadge.css';

/** Every verdict the evaluator gives an action or a handoff. */
export type ComplianceStatus = ActionStatus | HandoffStatus;

export const complianceLabels: Record<ComplianceStatus, string> = {
  on_time: 'On time',
  met: 'Met',
  late: 'Late',
  missed: 'Missed',
  pending: 'Pending',
  not_due: 'Not due',
};

const tones: Record<ComplianceStatus, string> = {
  on_time: 'ok',
  met: 'ok',
  late: 'late',
  missed: 'missed',
  pending: 'pending',
  not_due: 'not-due',
};

export type ComplianceBadgeProps = { status: ComplianceStatus };

/** An action's or handoff's verdict as a colored pill, in the same colors as the counts. */
export function ComplianceBadge({ status }: ComplianceBadgeProps) {
  return (
    <span className={`badge badge-c-${tones[status]}`} data-testid="compliance-badge">
      {complianceLabels[status]}
    </span>
  );
}
