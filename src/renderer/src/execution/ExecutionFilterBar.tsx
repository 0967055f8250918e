import type { DealFacets } from '@shared/domain/types';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import { formatDateTime } from '../format/format';
import { type DateRange } from '../reports/periodPresets';
import { ReportFilterBar, type ReportFilterChange, versionLabel } from '../reports/ReportFilterBar';
import { Icon } from '../ui/Icon';
import type { ExecutionView } from './executionView';

export type ExecutionFilterBarProps = {
  view: ExecutionView;
  /** The dates the chosen preset covers; the custom inputs start from them. */
  range: DateRange | null;
  versions: WorkflowVersionSummary[] | undefined;
  facets: DealFacets | undefined;
  evaluating: boolean;
  onEvaluate: (version: WorkflowVersionSummary) => void;
  onChange: ReportFilterChange;
};

/** The report filters without reps (they are the rows), and the chosen version's evaluation state. */
export function ExecutionFilterBar({
  view,
  range,
  versions,
  facets,
  evaluating,
  onEvaluate,
  onChange,
}: ExecutionFilterBarProps) {
  const current = versions?.find((v) => v.isCurrent);
  const selected = versions?.find((v) => v.id === (view.versionId ?? current?.id));
  return (
    <ReportFilterBar
      label="Choose what to evaluate"
      view={view}
      facets={facets}
      versions={versions}
      presetDates={range}
      customFromPreset
      version={{ kind: 'listed', className: 'version-select', label: versionLabel }}
      onChange={onChange}
    >
      {selected && <VersionState version={selected} evaluating={evaluating} onEvaluate={onEvaluate} />}
    </ReportFilterBar>
  );
}

type VersionStateProps = {
  version: WorkflowVersionSummary;
  evaluating: boolean;
  onEvaluate: (version: WorkflowVersionSummary) => void;
};

/** When the chosen version was evaluated, and a way to evaluate it when that is missing or old. */
function VersionState({ version, evaluating, onEvaluate }: VersionStateProps) {
  const needed = version.evaluatedAt === null || version.stale;
  return (
    <div className="version-state" aria-live="polite">
      {needed ? (
        <>
          <span className="version-state-text warn">
            <Icon name="alert" size={14} />
            {version.evaluatedAt === null ? 'Not evaluated yet' : 'Data changed since it was evaluated'}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={evaluating}
            onClick={() => onEvaluate(version)}
          >
            {evaluating && <span className="spinner" aria-hidden="true" />}
            Evaluate
          </button>
        </>
      ) : (
        <span className="version-state-text">
          <Icon name="check" size={14} />
          Evaluated {formatDateTime(version.evaluatedAt)}
        </span>
      )}
    </div>
  );
}
