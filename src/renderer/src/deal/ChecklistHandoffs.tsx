import type { ActivityRow } from '@shared/domain/types';
import type { DataTrustFlag, HandoffResult } from '@shared/evaluation/types';
import { ComplianceBadge } from '../execution/ComplianceBadge';
import { formatDateTime, humanize } from '../format/format';
import { Icon } from '../ui/Icon';
import { ActivityEvidence } from './checklistEvidence';

export type ChecklistHandoffsProps = { handoffs: HandoffResult[]; activities: Map<number, ActivityRow> };

/** Each handoff the deal triggered: its first-touch SLA verdict and the fields that were not passed. */
export function ChecklistHandoffs({ handoffs, activities }: ChecklistHandoffsProps) {
  if (handoffs.length === 0) return null;
  return (
    <div className="checklist-block">
      <h3 className="checklist-block-title">Handoffs</h3>
      <ul className="handoffs">
        {handoffs.map((h) => (
          <li key={`${h.handoffKey}:${h.triggeredAt}`} className="handoff">
            <ComplianceBadge status={h.status} />
            <span className="checklist-action-main">
              <span className="checklist-action-label">{h.label}</span>
              <span className="checklist-action-due">
                Triggered {formatDateTime(h.triggeredAt)} · first touch due {formatDateTime(h.dueAt)}
              </span>
            </span>
            <span className="checklist-action-evidence">
              {h.activityId !== null ? (
                <ActivityEvidence activityId={h.activityId} at={h.firstTouchAt} activities={activities} />
              ) : (
                <span className={`checklist-reason reason-${h.status}`}>
                  {h.status === 'pending'
                    ? 'No first touch yet; the SLA has not run out'
                    : 'No first touch logged'}
                </span>
              )}
              {h.missingFields.length > 0 && (
                <span className="missing-fields">
                  Not passed on:{' '}
                  {h.missingFields.map((field) => (
                    <span key={field} className="chip chip-missing">
                      {humanize(field)}
                    </span>
                  ))}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const flagTitles: Record<DataTrustFlag['kind'], string> = {
  same_instant: 'Several stage changes at the same instant',
  backfilled: 'History written after the fact',
  quarter_end_bulk: 'Moved in a quarter-end bulk update',
  no_history: 'No stage history',
};

export type TrustFlagsProps = { flags: DataTrustFlag[] };

/** Signs that the CRM history was not recorded as it happened, so the verdicts deserve a second look. */
export function TrustFlags({ flags }: TrustFlagsProps) {
  if (flags.length === 0) return null;
  return (
    <div className="banner banner-warn trust-flags" role="note">
      <Icon name="alert" className="banner-icon" size={16} />
      <div className="banner-body">
        <div className="banner-title">Check this deal’s data before judging its rep</div>
        <ul>
          {flags.map((flag) => (
            <li key={flag.kind}>
              <strong>{flagTitles[flag.kind]}:</strong> {flag.detail}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
