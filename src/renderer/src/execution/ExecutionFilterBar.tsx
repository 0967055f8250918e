import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import { formatDateTime } from '../format/format';
import '../deals/deals.css';
import { FilterMenu } from '../ui/FilterMenu';
import { Icon } from '../ui/Icon';
import type { ExecutionView } from './executionView';
import { type DateRange, type PeriodChoice, periodPresets } from './period';

export type ExecutionFilterBarProps = {
  view: ExecutionView;
  /** The dates the chosen preset covers; the custom inputs start from them. */
  range: DateRange | null;
  versions: WorkflowVersionSummary[] | undefined;
  teams: string[];
  evaluating: boolean;
  onEvaluate: (version: WorkflowVersionSummary) => void;
  onChange: (change: Partial<ExecutionView>, options?: { replace?: boolean }) => void;
};

const choices: { value: PeriodChoice; label: string }[] = [
  ...periodPresets,
  { value: 'custom', label: 'Custom' },
];

export function ExecutionFilterBar({
  view,
  range,
  versions,
  teams,
  evaluating,
  onEvaluate,
  onChange,
}: ExecutionFilterBarProps) {
  const current = versions?.find((v) => v.isCurrent);
  const selected = versions?.find((v) => v.id === (view.versionId ?? current?.id));

  const choosePeriod = (period: PeriodChoice) => {
    // A custom period starts from the dates on screen, so switching to it changes nothing yet.
    if (period === 'custom' && view.period !== 'custom' && range)
      onChange({ period, from: range.from, to: range.to });
    else onChange({ period });
  };

  return (
    <div className="filter-bar" role="search" aria-label="Choose what to evaluate">
      <div className="field">
        <span className="field-label" id="period-label">
          Period
        </span>
        <div className="segmented" role="group" aria-labelledby="period-label">
          {choices.map((choice) => (
            <button
              key={choice.value}
              type="button"
              className="segment"
              aria-pressed={view.period === choice.value}
              onClick={() => choosePeriod(choice.value)}
            >
              {choice.label}
            </button>
          ))}
        </div>
      </div>
      {view.period === 'custom' && (
        <>
          <label className="field">
            <span className="field-label">From</span>
            <input
              type="date"
              className="input date-input"
              value={view.from}
              max={view.to || undefined}
              onChange={(event) => onChange({ from: event.target.value }, { replace: true })}
            />
          </label>
          <label className="field">
            <span className="field-label">To</span>
            <input
              type="date"
              className="input date-input"
              value={view.to}
              min={view.from || undefined}
              onChange={(event) => onChange({ to: event.target.value }, { replace: true })}
            />
          </label>
        </>
      )}
      <label className="field">
        <span className="field-label">Workflow version</span>
        <select
          className="input version-select"
          value={selected?.id ?? ''}
          disabled={!versions}
          onChange={(event) => {
            const id = Number(event.target.value);
            onChange({ versionId: id === current?.id ? null : id });
          }}
        >
          {!versions && <option value="">Loading…</option>}
          {versions?.map((v) => (
            <option key={v.id} value={v.id}>
              Version {v.version}
              {v.isCurrent ? ' (current)' : ''} · {v.name}
            </option>
          ))}
        </select>
      </label>
      <FilterMenu
        label="Team"
        anyLabel="All teams"
        options={teams.map((team) => ({ value: team, label: team }))}
        selected={view.teams}
        onChange={(next) => onChange({ teams: next })}
      />
      {selected && <VersionState version={selected} evaluating={evaluating} onEvaluate={onEvaluate} />}
    </div>
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
