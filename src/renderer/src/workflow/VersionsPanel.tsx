import { useCallback, useState } from 'react';
import type { WorkflowVersion } from '@shared/domain/types';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { useAction } from '../data/useAction';
import { formatDate, formatDateTime, plural } from '../format/format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';

export type VersionsPanelProps = {
  versions: WorkflowVersionSummary[] | undefined;
  error: string | null;
  onRetry: () => void;
  /** Unsaved edits in the editor, which making another version current throws away. */
  dirty: boolean;
  onActivated: (version: WorkflowVersion) => void;
};

function EvaluationState({ version }: { version: WorkflowVersionSummary }) {
  if (version.evaluatedAt === null) return <span className="wf-eval wf-eval-none">Not evaluated yet</span>;
  if (version.stale)
    return (
      <span className="wf-eval wf-eval-stale" title={`Last evaluated ${formatDateTime(version.evaluatedAt)}`}>
        Out of date: data changed since it was evaluated
      </span>
    );
  return (
    <span className="wf-eval wf-eval-ok" title={`Evaluated ${formatDateTime(version.evaluatedAt)}`}>
      <Icon name="check" size={12} />
      Evaluated {formatDate(version.evaluatedAt)}
    </span>
  );
}

/** Every saved version, newest first; an older one can be made current again. */
export function VersionsPanel({ versions, error, onRetry, dirty, onActivated }: VersionsPanelProps) {
  const [confirming, setConfirming] = useState<WorkflowVersionSummary | null>(null);
  const activate = useAction(
    useCallback(
      async (versionId: number) => {
        const version = await api.workflow.activate({ versionId });
        onActivated(version);
        invalidateData();
      },
      [onActivated],
    ),
  );
  const refresh = useAction(
    useCallback(async (versionId: number) => {
      await api.evaluation.refresh({ versionId });
      invalidateData();
    }, []),
  );
  const sorted = versions ? [...versions].sort((a, b) => b.version - a.version) : [];
  const current = sorted.find((v) => v.isCurrent);

  return (
    <section className="card wf-versions" aria-labelledby="wf-versions-title">
      <div className="card-header">
        <h2 id="wf-versions-title" className="card-title wf-with-icon">
          <Icon name="history" size={14} />
          Versions
        </h2>
        {versions && <span className="card-subtitle">{plural(versions.length, 'version')}</span>}
      </div>
      {error && (
        <div className="card-body">
          <ErrorBanner title="The versions could not be loaded" message={error} onRetry={onRetry} />
        </div>
      )}
      {activate.error && (
        <div className="card-body">
          <ErrorBanner
            title="The version was not made current"
            message={activate.error}
            onDismiss={activate.clearError}
          />
        </div>
      )}
      {refresh.error && (
        <div className="card-body">
          <ErrorBanner
            title="The version was not evaluated"
            message={refresh.error}
            onDismiss={refresh.clearError}
          />
        </div>
      )}
      {!versions && !error && (
        <div className="card-body wf-versions-loading" aria-busy="true" aria-label="Loading the versions">
          {Array.from({ length: 3 }, (_, i) => (
            <span key={i} className="skeleton-bar" />
          ))}
        </div>
      )}
      <ol className="wf-version-list">
        {sorted.map((v) => (
          <li
            key={v.id}
            className={`wf-version${v.isCurrent ? ' is-current' : ''}`}
            data-testid="workflow-version"
          >
            <div className="wf-version-top">
              <span className="wf-version-number">Version {v.version}</span>
              {v.isCurrent && <span className="badge badge-won">Current</span>}
              <span className="wf-version-date" title={formatDateTime(v.createdAt)}>
                {formatDate(v.createdAt)}
              </span>
            </div>
            <p className={v.note ? 'wf-version-note' : 'wf-version-note muted'}>{v.note ?? 'No note.'}</p>
            <div className="wf-version-bottom">
              <EvaluationState version={v} />
              <span className="wf-version-actions">
                {(v.stale || v.evaluatedAt === null) && (
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    disabled={refresh.busy}
                    onClick={() => void refresh.run(v.id)}
                  >
                    Evaluate
                  </button>
                )}
                {!v.isCurrent && (
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Make version ${v.version} current`}
                    onClick={() => setConfirming(v)}
                  >
                    Make current
                  </button>
                )}
              </span>
            </div>
          </li>
        ))}
      </ol>
      {/* Mounted only while asking: ConfirmDialog labels itself with a fixed element id. */}
      {confirming && (
        <ConfirmDialog
          open
          title={`Make version ${confirming.version} current again?`}
          confirmLabel={`Make version ${confirming.version} current`}
          busy={activate.busy}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void activate.run(confirming.id).then(() => setConfirming(null))}
        >
          <p>
            Reports, scorecards and deal checklists will judge deals by the rules of version{' '}
            {confirming.version} (saved {formatDate(confirming.createdAt)}) again
            {current ? `, instead of version ${current.version}` : ''}.
          </p>
          <p>
            Nothing is deleted: every version stays in this list and can be made current again at any time.
          </p>
          {dirty && (
            <p className="wf-dialog-warning">Your unsaved changes in the editor will be discarded.</p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
