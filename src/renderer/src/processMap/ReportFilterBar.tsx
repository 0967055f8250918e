import type { DealFacets, DealStatus } from '@shared/domain/types';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import { periodPresets } from '../execution/period';
import { FilterMenu } from '../ui/FilterMenu';
import { Icon } from '../ui/Icon';
import { type ReportView, hasPeopleFilter } from './reportView';
import type { ReportChange } from './useReportScope';

export type ReportFilterBarProps = {
  /** What the bar filters, for assistive technology: "Filter the process map". */
  label: string;
  view: ReportView;
  facets: DealFacets | undefined;
  versions: WorkflowVersionSummary[] | undefined;
  /** The dates a preset stands for today, to fill the custom dates when switching to them. */
  presetDates: { from: string; to: string } | null;
  /** Show the outcome filter (the process map can draw only won, lost or open deals). */
  withOutcome?: boolean;
  onChange: ReportChange;
};

const outcomeChoices: { value: DealStatus | null; label: string }[] = [
  { value: null, label: 'All' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
  { value: 'open', label: 'Open' },
];

function versionLabel(version: WorkflowVersionSummary): string {
  const notes = [version.isCurrent ? 'current' : null, version.evaluatedAt === null ? 'not evaluated' : null];
  const extra = notes.filter(Boolean).join(', ');
  return `v${version.version} · ${version.name}${extra ? ` (${extra})` : ''}`;
}

/** Period, workflow version, team, rep and (optionally) outcome, all kept in the URL. */
export function ReportFilterBar({
  label,
  view,
  facets,
  versions,
  presetDates,
  withOutcome = false,
  onChange,
}: ReportFilterBarProps) {
  const current = versions?.find((v) => v.isCurrent);
  // The chosen teams narrow the rep list; a rep already chosen always stays in it.
  const reps = (facets?.reps ?? []).filter(
    (rep) => view.teams.length === 0 || view.ownerIds.includes(rep.id) || view.teams.includes(rep.team ?? ''),
  );

  return (
    <div className="filter-bar reality-filters" role="search" aria-label={label}>
      <div className="field">
        <span className="field-label" id="reality-period-label">
          Period
        </span>
        <div className="segmented" role="group" aria-labelledby="reality-period-label">
          {periodPresets.map((preset) => (
            <button
              key={preset.value}
              type="button"
              className="segment"
              aria-pressed={view.period === preset.value}
              onClick={() => onChange({ period: preset.value })}
            >
              {preset.label}
            </button>
          ))}
          <button
            type="button"
            className="segment"
            aria-pressed={view.period === 'custom'}
            onClick={() =>
              onChange({
                period: 'custom',
                from: view.from || presetDates?.from || '',
                to: view.to || presetDates?.to || '',
              })
            }
          >
            Custom
          </button>
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
      {withOutcome && (
        <div className="field">
          <span className="field-label" id="reality-outcome-label">
            Outcome
          </span>
          <div className="segmented" role="group" aria-labelledby="reality-outcome-label">
            {outcomeChoices.map((choice) => (
              <button
                key={choice.label}
                type="button"
                className={choice.value ? `segment segment-${choice.value}` : 'segment'}
                aria-pressed={view.outcome === choice.value}
                onClick={() => onChange({ outcome: choice.value })}
              >
                {choice.label}
              </button>
            ))}
          </div>
        </div>
      )}
      <label className="field">
        <span className="field-label">Workflow version</span>
        <select
          className="input reality-select"
          aria-label="Workflow version"
          value={view.versionId ?? ''}
          onChange={(event) =>
            onChange({ versionId: event.target.value === '' ? null : Number(event.target.value) })
          }
        >
          <option value="">{current ? `Current (v${current.version})` : 'Current'}</option>
          {(versions ?? [])
            .toSorted((a, b) => b.version - a.version)
            .map((version) => (
              <option key={version.id} value={version.id}>
                {versionLabel(version)}
              </option>
            ))}
        </select>
      </label>
      <FilterMenu
        label="Team"
        options={(facets?.teams ?? []).map((team) => ({ value: team, label: team }))}
        selected={view.teams}
        onChange={(teams) => onChange({ teams })}
        anyLabel="All teams"
      />
      <FilterMenu
        label="Rep"
        options={reps.map((rep) => ({ value: rep.id, label: rep.name, detail: rep.team }))}
        selected={view.ownerIds}
        onChange={(ownerIds) => onChange({ ownerIds })}
        anyLabel="All reps"
      />
      {hasPeopleFilter(view) && (
        <button
          type="button"
          className="btn btn-small btn-ghost reality-clear"
          onClick={() => onChange({ teams: [], ownerIds: [] })}
        >
          <Icon name="close" size={13} />
          Clear team and rep
        </button>
      )}
    </div>
  );
}
