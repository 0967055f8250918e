import { Link } from 'react-router';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import { EmptyState } from '../ui/EmptyState';

export type NotEvaluatedProps = { version: WorkflowVersionSummary; busy: boolean; onEvaluate: () => void };

export function NotEvaluated({ version, busy, onEvaluate }: NotEvaluatedProps) {
  return (
    <section className="card">
      <EmptyState
        icon="execution"
        title={`Workflow version ${version.version} has not been evaluated yet`}
        actions={
          <button type="button" className="btn btn-primary" disabled={busy} onClick={onEvaluate}>
            {busy && <span className="spinner" aria-hidden="true" />}
            Evaluate version {version.version}
          </button>
        }
      >
        <p>
          Evaluating judges every deal by this version’s required actions, criteria and handoffs. It runs on
          this computer and takes a few seconds.
        </p>
      </EmptyState>
    </section>
  );
}

export type NothingDueProps = {
  rangeLabel: string;
  teams: string[];
  onWiden: (() => void) | null;
  onClearTeams: (() => void) | null;
};

export function NothingDue({ rangeLabel, teams, onWiden, onClearTeams }: NothingDueProps) {
  return (
    <section className="card">
      <EmptyState
        icon="clock"
        title="No required action came due in this period"
        actions={
          <>
            {onWiden && (
              <button type="button" className="btn btn-primary" onClick={onWiden}>
                Show the last 4 quarters
              </button>
            )}
            {onClearTeams && (
              <button type="button" className="btn" onClick={onClearTeams}>
                Show every team
              </button>
            )}
            <Link className="btn" to="/import">
              Import newer data
            </Link>
          </>
        }
      >
        <p>
          No deal {teams.length ? `of ${teams.join(', ')} ` : ''}entered a stage with required actions between{' '}
          {rangeLabel}. Pick a longer period, or import CRM exports that cover it.
        </p>
      </EmptyState>
    </section>
  );
}

export function ExecutionLoading() {
  return (
    <div className="execution-loading" aria-busy="true" aria-label="Loading the compliance report">
      <div className="card headline-skeleton">
        <span className="skeleton-bar" style={{ width: 120 }} />
        <span className="skeleton-bar" style={{ width: 180, height: 28 }} />
        <span className="skeleton-bar" style={{ width: '60%' }} />
      </div>
      <div className="card heatmap-skeleton">
        {Array.from({ length: 6 }, (_, i) => (
          <span key={i} className="skeleton-bar" style={{ height: 26 }} />
        ))}
      </div>
    </div>
  );
}
