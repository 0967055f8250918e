import type { DealFacets } from '@shared/domain/types';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import { periodPresets } from '../execution/period';
import { FilterMenu } from '../ui/FilterMenu';
import { Icon } from '../ui/Icon';
import { type FunnelView, hasPeopleFilter } from './funnelView';

export type FunnelFilterBarProps = {
  view: FunnelView;
  facets: DealFacets | undefined;
  versions: WorkflowVersionSummary[] | undefined;
  /** The dates a preset stands for today, to fill the custom dates when switching to them. */
  presetDates: { from: string; to: string } | null;
  /** Applies a change; `replace` keeps it out of the back button's history. */
  onChange: (change: Partial<FunnelView>, options?: { replace?: boolean }) => void;
};

/** "Version 2 (current) · Default B2B workflow", as the Execution screen words it. */
function versionLabel(version: WorkflowVersionSummary): string {
  const notes = [version.isCurrent ? 'current' : null, version.evaluatedAt === null ? 'not evaluated' : null];
  const extra = notes.filter(Boolean).join(', ');
  return `Version ${version.version}${extra ? ` (${extra})` : ''} · ${version.name}`;
}

export function FunnelFilterBar({ view, facets, versions, presetDates, onChange }: FunnelFilterBarProps) {
  const current = versions?.find((v) => v.isCurrent);
  const selected = versions?.find((v) => v.id === (view.versionId ?? current?.id));
  // Reps of the chosen teams first narrow the list; a rep already chosen always stays in it.
  const reps = (facets?.reps ?? []).filter(
    (rep) => view.teams.length === 0 || view.ownerIds.includes(rep.id) || view.teams.includes(rep.team ?? ''),
  );

  return (
    <div className="filter-bar funnel-filters" role="search" aria-label="Filter the funnel">
      <div className="field">
        <span className="field-label" id="period-filter-label">
          Period
        </span>
        <div className="segmented" role="group" aria-labelledby="period-filter-label">
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
      <label className="field">
        <span className="field-label">Workflow version</span>
        <select
          className="input funnel-select"
          value={selected?.id ?? ''}
          disabled={!versions}
          onChange={(event) => {
            const id = Number(event.target.value);
            onChange({ versionId: id === current?.id ? null : id });
          }}
        >
          {!versions && <option value="">Loading…</option>}
          {versions?.map((version) => (
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
          className="btn btn-small btn-ghost funnel-clear"
          aria-label="Clear team and rep"
          title="Clear team and rep"
          onClick={() => onChange({ teams: [], ownerIds: [] })}
        >
          <Icon name="close" size={13} />
          Clear
        </button>
      )}
    </div>
  );
}
