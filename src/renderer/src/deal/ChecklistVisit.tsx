import type { ActivityRow } from '@shared/domain/types';
import type { ActionResult, ActionStatus, VisitEvaluation } from '@shared/evaluation/types';
import { ComplianceBadge } from '../execution/ComplianceBadge';
import { formatDateTime, formatDays, ordinal } from '../format/format';
import { Icon } from '../ui/Icon';
import { ActivityEvidence } from './checklistEvidence';

export type ChecklistVisitProps = {
  visit: VisitEvaluation;
  stageNames: Record<string, string>;
  activities: Map<number, ActivityRow>;
  /** Won and lost stages by key: their visits are the deal's outcome, not a stage to work. */
  outcomes: Map<string, 'won' | 'lost'>;
};

/** One stage visit: its required actions with their verdict and evidence, and the criteria at advancement. */
export function ChecklistVisit({ visit, stageNames, activities, outcomes }: ChecklistVisitProps) {
  const name = (key: string) => stageNames[key] ?? key;
  const stageName = visit.stageKey ? name(visit.stageKey) : visit.sourceStage;
  const outcome = visit.stageKey ? outcomes.get(visit.stageKey) : undefined;

  if (outcome)
    return (
      <li className={`visit visit-end visit-${outcome}`}>
        <div className="visit-head">
          <h3 className="visit-name">{stageName}</h3>
          <span className="visit-dates">{formatDateTime(visit.enteredAt)}</span>
        </div>
        {visit.skipped.length > 0 && <SkippedNote skipped={visit.skipped.map(name)} />}
      </li>
    );

  return (
    <li className={`visit visit-${worst(visit.actions)}`}>
      <div className="visit-head">
        <h3 className="visit-name">
          {stageName}
          {visit.visitNumber > 1 && <span className="chip">{ordinal(visit.visitNumber)} visit</span>}
        </h3>
        <span className="visit-dates">
          {formatDateTime(visit.enteredAt)} →{' '}
          {visit.exitedAt === null ? 'now' : formatDateTime(visit.exitedAt)}
          <span className="muted"> · {formatDays(visit.durationMs)}</span>
        </span>
        <Movement visit={visit} name={name} outcomes={outcomes} />
      </div>
      {visit.skipped.length > 0 && <SkippedNote skipped={visit.skipped.map(name)} />}
      {visit.stageKey === null ? (
        <p className="visit-note">
          This CRM stage is not mapped to the workflow, so nothing was required here.
        </p>
      ) : visit.actions.length === 0 ? (
        <p className="visit-note">The workflow requires no action in this stage.</p>
      ) : (
        <ul className="checklist-actions" aria-label={`Required actions in ${stageName}`}>
          {visit.actions.map((action) => (
            <ActionLine key={action.actionKey} action={action} activities={activities} />
          ))}
        </ul>
      )}
      {visit.advanced && visit.criteria.length > 0 && (
        <div className="criteria">
          <h4 className="criteria-title">
            Advancement criteria, checked when it moved to{' '}
            {visit.nextStageKey ? name(visit.nextStageKey) : 'the next stage'}
          </h4>
          <ul className="criteria-list">
            {visit.criteria.map((c) => (
              <li key={c.key} className={c.held ? 'criterion held' : 'criterion not-held'}>
                <span className="criterion-mark" aria-hidden="true">
                  <Icon name={c.held ? 'check' : 'close'} size={13} />
                </span>
                <span className="criterion-label">
                  {c.label}
                  <span className="visually-hidden">{c.held ? ': held' : ': not held'}</span>
                </span>
                <span className="criterion-detail">{c.detail}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

type ActionLineProps = { action: ActionResult; activities: Map<number, ActivityRow> };

function ActionLine({ action, activities }: ActionLineProps) {
  return (
    <li className="checklist-action">
      <ComplianceBadge status={action.status} />
      <span className="checklist-action-main">
        <span className="checklist-action-label">{action.label}</span>
        <span className="checklist-action-due">
          {action.dueAt !== null
            ? `Due ${formatDateTime(action.dueAt)}`
            : action.status === 'not_due'
              ? 'Not due'
              : 'Due before the deal leaves the stage'}
        </span>
      </span>
      <span className="checklist-action-evidence">
        {action.activityId !== null ? (
          <ActivityEvidence activityId={action.activityId} at={action.doneAt} activities={activities} />
        ) : (
          <span className={`checklist-reason reason-${action.status}`}>
            {action.status === 'pending' ? 'Not done yet' : capitalize(action.reason)}
          </span>
        )}
        {action.status === 'late' && <span className="checklist-late">{action.reason}</span>}
      </span>
    </li>
  );
}

type MovementProps = {
  visit: VisitEvaluation;
  name: (key: string) => string;
  outcomes: Map<string, 'won' | 'lost'>;
};

/** Where the deal went next: forward (criteria apply), back to an earlier stage, or out as lost. */
function Movement({ visit, name, outcomes }: MovementProps) {
  if (visit.exitedAt === null) return <span className="movement">still in this stage</span>;
  const next = visit.nextStageKey;
  if (!next) return null;
  if (visit.advanced) return <span className="movement forward">advanced to {name(next)}</span>;
  if (outcomes.get(next) === 'lost') return <span className="movement lost">{name(next)} from here</span>;
  return <span className="movement back">moved back to {name(next)}</span>;
}

type SkippedNoteProps = { skipped: string[] };

function SkippedNote({ skipped }: SkippedNoteProps) {
  return (
    <p className="visit-skipped">
      <Icon name="alert" size={13} />
      Skipped {skipped.join(', ')} on the way here
    </p>
  );
}

const severity: ActionStatus[] = ['missed', 'late', 'pending', 'on_time', 'not_due'];

/** The visit's worst verdict, which colors its marker on the rail. */
function worst(actions: ActionResult[]): ActionStatus | 'none' {
  for (const status of severity) if (actions.some((a) => a.status === status)) return status;
  return 'none';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
