import type { ActivityRow } from '@shared/domain/types';
import { formatDateTime, humanize } from '../format/format';
import { activityColor } from './stageTones';

export type ActivityEvidenceProps = {
  activityId: number;
  at: number | null;
  activities: Map<number, ActivityRow>;
};

/** The activity that satisfied an action or a handoff: type, subject, when and who. */
export function ActivityEvidence({ activityId, at, activities }: ActivityEvidenceProps) {
  const activity = activities.get(activityId);
  if (!activity)
    return (
      <span className="evidence">
        <span className="muted">Activity #{activityId}</span>
        <span className="evidence-meta">{formatDateTime(at)}</span>
      </span>
    );
  return (
    <span className="evidence">
      <span className="evidence-main">
        <span className="legend-dot" style={{ background: activityColor(activity.type) }} />
        <span className="evidence-type">{humanize(activity.type)}</span>
        {activity.subject && activity.subject.toLowerCase() !== humanize(activity.type).toLowerCase() && (
          <span className="evidence-subject" title={activity.subject}>
            {activity.subject}
          </span>
        )}
      </span>
      <span className="evidence-meta">
        {formatDateTime(activity.occurredAt)}
        {activity.repName ? ` · ${activity.repName}` : ''}
      </span>
    </span>
  );
}
