import { type ReactNode, useId } from 'react';
import type { DealFacets } from '@shared/domain/types';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import { FilterMenu } from '../ui/FilterMenu';
import { Icon } from '../ui/Icon';
import { type DateRange, periodPresets } from './periodPresets';
import { type OutcomeChoice, type ReportFilters, hasPeopleFilter } from './reportFilters';

/** What the bar reads: the shared filters, with reps and outcome only on the screens that have them. */
export type ReportFilterValues = Omit<ReportFilters, 'ownerIds'> & {
  ownerIds?: number[];
  outcome?: OutcomeChoice;
};

/** Applies a change; `replace` keeps it out of the back button's history. */
export type ReportFilterChange = (
  change: Partial<ReportFilters & { outcome: OutcomeChoice }>,
  options?: { replace?: boolean },
) => void;

/**
 * How the workflow version is picked. `listed`: every version, the current one chosen when the
 * URL names none. `current-first`: a "Current (vN)" choice that follows the current version, then
 * every version, newest first.
 */
export type VersionPicker = {
  kind: 'listed' | 'current-first';
  className: string;
  label: (version: WorkflowVersionSummary) => string;
};

/** The "Clear team and rep" button: `short` says only "Clear" and names itself for assistive technology. */
export type ClearButton = { className: string; short?: boolean };

export type ReportFilterBarProps = {
  /** What the bar filters, for assistive technology: "Filter the process map". */
  label: string;
  view: ReportFilterValues;
  facets: DealFacets | undefined;
  versions: WorkflowVersionSummary[] | undefined;
  /** The dates the chosen preset covers today; the custom dates start from them. */
  presetDates: DateRange | null;
  /**
   * Switching to Custom always starts from the preset's dates, even when the URL still carries
   * older custom dates (Execution); otherwise those dates are kept.
   */
  customFromPreset?: boolean;
  version: VersionPicker;
  /** Show the rep filter (and its narrowing by team). */
  withRep?: boolean;
  /** Show the outcome filter (the process map can draw only won, lost or open deals). */
  withOutcome?: boolean;
  /** The button that clears team and rep, when a screen has one. */
  clear?: ClearButton;
  /** Whatever the screen adds at the end of the bar. */
  children?: ReactNode;
  onChange: ReportFilterChange;
};

const outcomeChoices: { value: OutcomeChoice; label: string }[] = [
  { value: null, label: 'All' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
  { value: 'open', label: 'Open' },
];

/** "Version 2 (current, not evaluated) · Default B2B workflow". */
export function versionWithStateLabel(version: WorkflowVersionSummary): string {
  const notes = [version.isCurrent ? 'current' : null, version.evaluatedAt === null ? 'not evaluated' : null];
  const extra = notes.filter(Boolean).join(', ');
  return `Version ${version.version}${extra ? ` (${extra})` : ''} · ${version.name}`;
}

/** "Version 2 (current) · Default B2B workflow". */
export function versionLabel(version: WorkflowVersionSummary): string {
  return `Version ${version.version}${version.isCurrent ? ' (current)' : ''} · ${version.name}`;
}

/** "v2 · Default B2B workflow (current, not evaluated)". */
export function shortVersionLabel(version: WorkflowVersionSummary): string {
  const notes = [version.isCurrent ? 'current' : null, version.evaluatedAt === null ? 'not evaluated' : null];
  const extra = notes.filter(Boolean).join(', ');
  return `v${version.version} · ${version.name}${extra ? ` (${extra})` : ''}`;
}

/** Period, workflow version, team and, where a screen has them, rep and outcome; all kept in the URL. */
export function ReportFilterBar({
  label,
  view,
  facets,
  versions,
  presetDates,
  customFromPreset = false,
  version,
  withRep = false,
  withOutcome = false,
  clear,
  children,
  onChange,
}: ReportFilterBarProps) {
  const id = useId();
  const ownerIds = view.ownerIds ?? [];
  // The chosen teams narrow the rep list; a rep already chosen always stays in it.
  const reps = (facets?.reps ?? []).filter(
    (rep) => view.teams.length === 0 || ownerIds.includes(rep.id) || view.teams.includes(rep.team ?? ''),
  );

  const chooseCustom = () => {
    if (customFromPreset) {
      // A custom period starts from the dates on screen, so switching to it changes nothing yet.
      if (view.period !== 'custom' && presetDates)
        onChange({ period: 'custom', from: presetDates.from, to: presetDates.to });
      else onChange({ period: 'custom' });
    } else
      onChange({
        period: 'custom',
        from: view.from || presetDates?.from || '',
        to: view.to || presetDates?.to || '',
      });
  };

  return (
    <div className="filter-bar" role="search" aria-label={label}>
      <div className="field">
        <span className="field-label" id={`${id}-period`}>
          Period
        </span>
        <div className="segmented" role="group" aria-labelledby={`${id}-period`}>
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
            onClick={chooseCustom}
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
          <span className="field-label" id={`${id}-outcome`}>
            Outcome
          </span>
          <div className="segmented" role="group" aria-labelledby={`${id}-outcome`}>
            {outcomeChoices.map((choice) => (
              <button
                key={choice.label}
                type="button"
                className={choice.value ? `segment segment-${choice.value}` : 'segment'}
                aria-pressed={(view.outcome ?? null) === choice.value}
                onClick={() => onChange({ outcome: choice.value })}
              >
                {choice.label}
              </button>
            ))}
          </div>
        </div>
      )}
      <VersionSelect picker={version} versionId={view.versionId} versions={versions} onChange={onChange} />
      <FilterMenu
        label="Team"
        options={(facets?.teams ?? []).map((team) => ({ value: team, label: team }))}
        selected={view.teams}
        onChange={(teams) => onChange({ teams })}
        anyLabel="All teams"
      />
      {withRep && (
        <FilterMenu
          label="Rep"
          options={reps.map((rep) => ({ value: rep.id, label: rep.name, detail: rep.team }))}
          selected={ownerIds}
          onChange={(next) => onChange({ ownerIds: next })}
          anyLabel="All reps"
        />
      )}
      {clear && hasPeopleFilter({ teams: view.teams, ownerIds }) && (
        <button
          type="button"
          className={`btn btn-small btn-ghost ${clear.className}`}
          aria-label={clear.short ? 'Clear team and rep' : undefined}
          title={clear.short ? 'Clear team and rep' : undefined}
          onClick={() => onChange({ teams: [], ownerIds: [] })}
        >
          <Icon name="close" size={13} />
          {clear.short ? 'Clear' : 'Clear team and rep'}
        </button>
      )}
      {children}
    </div>
  );
}

type VersionSelectProps = {
  picker: VersionPicker;
  versionId: number | null;
  versions: WorkflowVersionSummary[] | undefined;
  onChange: ReportFilterChange;
};

/** The workflow version, labelled, picked the way the screen asks. */
function VersionSelect({ picker, versionId, versions, onChange }: VersionSelectProps) {
  const current = versions?.find((v) => v.isCurrent);
  if (picker.kind === 'current-first')
    return (
      <label className="field">
        <span className="field-label">Workflow version</span>
        <select
          className={`input ${picker.className}`}
          aria-label="Workflow version"
          value={versionId ?? ''}
          onChange={(event) =>
            onChange({ versionId: event.target.value === '' ? null : Number(event.target.value) })
          }
        >
          <option value="">{current ? `Current (v${current.version})` : 'Current'}</option>
          {(versions ?? [])
            .toSorted((a, b) => b.version - a.version)
            .map((version) => (
              <option key={version.id} value={version.id}>
                {picker.label(version)}
              </option>
            ))}
        </select>
      </label>
    );

  const selected = versions?.find((v) => v.id === (versionId ?? current?.id));
  return (
    <label className="field">
      <span className="field-label">Workflow version</span>
      <select
        className={`input ${picker.className}`}
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
            {picker.label(version)}
          </option>
        ))}
      </select>
    </label>
  );
}
