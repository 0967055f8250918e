import { useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { ActivityRow } from '@shared/domain/types';
import type { ActionStatus, DealEvaluation } from '@shared/evaluation/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { complianceLabels } from '../execution/ComplianceBadge';
import { formatCount } from '../format/format';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ChecklistHandoffs, TrustFlags } from './ChecklistHandoffs';
import { ChecklistVisit } from './ChecklistVisit';
import './checklist.css';

export type WorkflowChecklistProps = {
  dealId: number;
  activities: ActivityRow[];
  outcomes: Map<string, 'won' | 'lost'>;
};

/**
 * The deal judged by a workflow version: per stage visit the required actions and their verdicts,
 * the criteria when it advanced, its handoffs and any reason to doubt the data. The version lives
 * in the URL (`?version=2`), so the page can be shared as it is seen.
 */
export function WorkflowChecklist({ dealId, activities, outcomes }: WorkflowChecklistProps) {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const versionParam = Number(params.get('version'));
  const versionId = Number.isInteger(versionParam) && versionParam > 0 ? versionParam : null;
  const checklist = useApiQuery(
    () => api.evaluation.deal(versionId === null ? { dealId } : { dealId, versionId }),
    [dealId, versionId],
  );
  const versions = useApiQuery(() => api.workflow.versions({}), []);
  const byId = useMemo(() => new Map(activities.map((a) => [a.id, a])), [activities]);
  const current = versions.data?.find((v) => v.isCurrent);
  const data = checklist.data;

  const chooseVersion = (id: number) => {
    const next = new URLSearchParams(params);
    if (id === current?.id) next.delete('version');
    else next.set('version', String(id));
    // Keep the navigation state: it holds where the back link returns to.
    setParams(next, { replace: true, state: location.state });
  };

  return (
    <section className="card" aria-labelledby="checklist-heading">
      <div className="card-header checklist-header">
        <div>
          <h2 id="checklist-heading" className="card-title">
            Workflow checklist
          </h2>
          {data && <ChecklistSummary evaluation={data.evaluation} />}
        </div>
        <label className="checklist-version">
          <span>Judged by workflow version</span>
          <select
            className="input"
            value={data?.versionId ?? versionId ?? current?.id ?? ''}
            disabled={!versions.data}
            onChange={(event) => chooseVersion(Number(event.target.value))}
          >
            {!versions.data && <option value="">…</option>}
            {versions.data?.map((v) => (
              <option key={v.id} value={v.id}>
                {v.version}
                {v.isCurrent ? ' (current)' : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      {checklist.error && (
        <div className="card-body">
          <ErrorBanner
            title="The checklist could not be worked out"
            message={checklist.error}
            onRetry={checklist.reload}
          />
        </div>
      )}
      {data ? (
        <div className="checklist-body" aria-busy={checklist.loading}>
          {/* Missing history is said once, on the stage timeline above. */}
          <TrustFlags flags={data.evaluation.flags.filter((f) => f.kind !== 'no_history')} />
          {data.evaluation.visits.length === 0 ? (
            <p className="muted">This deal has no stage history, so the workflow asked nothing of it.</p>
          ) : (
            <ol className="visits" aria-label="Stage visits and their required actions">
              {data.evaluation.visits.map((visit) => (
                <ChecklistVisit
                  key={`${visit.enteredAt}:${visit.sourceStage}`}
                  visit={visit}
                  stageNames={data.stageNames}
                  activities={byId}
                  outcomes={outcomes}
                />
              ))}
            </ol>
          )}
          <ChecklistHandoffs handoffs={data.evaluation.handoffs} activities={byId} />
        </div>
      ) : (
        !checklist.error && (
          <div className="checklist-body" aria-busy="true" aria-label="Loading the checklist">
            {Array.from({ length: 5 }, (_, i) => (
              <span key={i} className="skeleton-bar" style={{ width: `${50 + ((i * 13) % 40)}%` }} />
            ))}
          </div>
        )
      )}
    </section>
  );
}

type ChecklistSummaryProps = { evaluation: DealEvaluation };

const order: ActionStatus[] = ['on_time', 'late', 'missed', 'pending'];

/** "7 on time · 2 late · 1 missed · criteria 5 of 6 held · handoffs 1 of 2 met". */
function ChecklistSummary({ evaluation }: ChecklistSummaryProps) {
  const actions = evaluation.visits.flatMap((v) => v.actions);
  const criteria = evaluation.visits.filter((v) => v.advanced).flatMap((v) => v.criteria);
  const parts = order
    .map((status) => [status, actions.filter((a) => a.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${formatCount(n)} ${complianceLabels[status].toLowerCase()}`);
  if (criteria.length)
    parts.push(`criteria ${criteria.filter((c) => c.held).length} of ${criteria.length} held`);
  if (evaluation.handoffs.length)
    parts.push(
      `handoffs ${evaluation.handoffs.filter((h) => h.status === 'met').length} of ${evaluation.handoffs.length} met`,
    );
  return (
    <p className="card-subtitle checklist-summary">{parts.length ? parts.join(' · ') : 'Nothing was due'}</p>
  );
}
