import { useCallback, useId, useState } from 'react';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { useAction } from '../data/useAction';
import { useApiQuery } from '../data/useApiQuery';
import { plural } from '../format/format';
import { ErrorBanner } from '../ui/ErrorBanner';

export type UnmappedStagesProps = {
  stages: { stage: string; rows: number }[];
  /** Called once the mapping is saved, to preview again with it. */
  onSaved?: () => void;
};

/** Stage names from the files that no workflow stage claims, each with a choice of where it belongs. */
export function UnmappedStages({ stages, onSaved }: UnmappedStagesProps) {
  const id = useId();
  const workflow = useApiQuery(() => api.workflow.current({}), []);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [savedCount, setSavedCount] = useState(0);
  const save = useAction(
    useCallback(async (mappings: { sourceStage: string; stageKey: string }[]) => {
      await api.workflow.mapStages({ mappings });
      invalidateData();
    }, []),
  );
  const chosen = stages
    .filter((s) => choices[s.stage])
    .map((s) => ({ sourceStage: s.stage, stageKey: choices[s.stage]! }));
  const workflowStages = workflow.data?.definition.stages ?? [];

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="unmapped-stages">
      <div className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          Stages the workflow does not know
        </h2>
        <span className="card-subtitle">
          Deals in these stages get no workflow stage until you map them; the mapping is saved as a new
          workflow version.
        </span>
      </div>
      {save.error && (
        <div className="card-body">
          <ErrorBanner
            title="The stage mapping was not saved"
            message={save.error}
            onDismiss={save.clearError}
          />
        </div>
      )}
      {workflow.error && (
        <div className="card-body">
          <ErrorBanner
            title="The workflow could not be loaded"
            message={workflow.error}
            onRetry={workflow.reload}
          />
        </div>
      )}
      <ul className="stage-map-list">
        {stages.map(({ stage, rows }) => (
          <li key={stage} className="stage-map-row">
            <span className="stage-map-source">
              <span className="stage-map-name">{stage}</span>
              <span className="muted">{plural(rows, 'row')}</span>
            </span>
            <span className="stage-map-arrow" aria-hidden="true">
              →
            </span>
            <select
              className="input stage-map-select"
              aria-label={`Workflow stage for “${stage}”`}
              value={choices[stage] ?? ''}
              disabled={save.busy}
              onChange={(event) => setChoices((c) => ({ ...c, [stage]: event.target.value }))}
            >
              <option value="">Choose a workflow stage…</option>
              {workflowStages.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.name}
                  {s.outcome ? ` (${s.outcome})` : ''}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <div className="card-footer">
        <span className="muted" role="status">
          {savedCount > 0
            ? `Saved ${plural(savedCount, 'stage')} to the workflow.`
            : chosen.length > 0
              ? `${plural(chosen.length, 'stage')} ready to save.`
              : 'Choose a stage for each name you want to map.'}
        </span>
        <button
          type="button"
          className="btn btn-primary"
          disabled={chosen.length === 0 || save.busy}
          onClick={() => {
            void save.run(chosen).then((ok) => {
              if (!ok) return;
              setSavedCount(chosen.length);
              setChoices({});
              onSaved?.();
            });
          }}
        >
          {save.busy && <span className="spinner" aria-hidden="true" />}
          Save stage mapping
        </button>
      </div>
    </section>
  );
}
