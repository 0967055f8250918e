import { useId } from 'react';
import { type ScorecardPeriod, periodContaining, previousPeriod } from '@shared/scorecards/periods';
import type { DealFacets } from '@shared/domain/types';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import { shortVersionLabel } from '../reports/ReportFilterBar';
import { FilterMenu } from '../ui/FilterMenu';
import { Icon } from '../ui/Icon';
import type { ScorecardChange } from './useScorecardScope';
import type { ScorecardView } from './scorecardView';

export type ScorecardFilterBarProps = {
  view: ScorecardView;
  today: string;
  facets: DealFacets | undefined;
  versions: WorkflowVersionSummary[] | undefined;
  /** Show the team filter (the team scorecard); a rep scorecard compares with the whole team. */
  withTeams?: boolean;
  onChange: ScorecardChange;
};

/** The day after a period ends: where "next period" starts. */
function dayAfter(period: ScorecardPeriod): string {
  const [y, m, d] = period.to.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Month or quarter, the period stepper, the workflow version and (team scorecard) the teams. */
export function ScorecardFilterBar({
  view,
  today,
  facets,
  versions,
  withTeams = false,
  onChange,
}: ScorecardFilterBarProps) {
  const id = useId();
  const period = periodContaining(view.kind, view.at ?? today);
  const current = periodContaining(view.kind, today);
  const isCurrent = period.from === current.from;
  const currentVersion = versions?.find((v) => v.isCurrent);
  const go = (day: string) => onChange({ at: day >= current.from && day <= current.to ? null : day });

  return (
    <div className="filter-bar scorecard-filter-bar" role="search" aria-label="Choose the scorecard period">
      <div className="field">
        <span className="field-label" id={`${id}-kind`}>
          Period
        </span>
        <div className="segmented" role="group" aria-labelledby={`${id}-kind`}>
          {(['month', 'quarter'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className="segment"
              aria-pressed={view.kind === kind}
              onClick={() => onChange({ kind })}
            >
              {kind === 'month' ? 'Month' : 'Quarter'}
            </button>
          ))}
        </div>
      </div>
      <div className="field">
        <span className="field-label" id={`${id}-step`}>
          {view.kind === 'month' ? 'Month' : 'Quarter'}
        </span>
        <div className="scorecard-stepper" role="group" aria-labelledby={`${id}-step`}>
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Previous ${view.kind}`}
            title={`Previous ${view.kind}`}
            onClick={() => go(previousPeriod(period).from)}
          >
            <Icon name="back" size={14} />
          </button>
          <span className="scorecard-stepper-label" data-testid="scorecard-period">
            {period.label}
          </span>
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Next ${view.kind}`}
            title={`Next ${view.kind}`}
            disabled={isCurrent}
            onClick={() => go(dayAfter(period))}
          >
            <Icon name="chevronRight" size={14} />
          </button>
          {!isCurrent && (
            <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange({ at: null })}>
              This {view.kind}
            </button>
          )}
        </div>
      </div>
      <label className="field">
        <span className="field-label">Workflow version</span>
        <select
          className="input scorecard-version"
          value={view.versionId ?? ''}
          onChange={(event) =>
            onChange({ versionId: event.target.value === '' ? null : Number(event.target.value) })
          }
        >
          <option value="">{currentVersion ? `Current (v${currentVersion.version})` : 'Current'}</option>
          {(versions ?? [])
            .toSorted((a, b) => b.version - a.version)
            .map((version) => (
              <option key={version.id} value={version.id}>
                {shortVersionLabel(version)}
              </option>
            ))}
        </select>
      </label>
      {withTeams && (
        <FilterMenu
          label="Team"
          options={(facets?.teams ?? []).map((team) => ({ value: team, label: team }))}
          selected={view.teams}
          onChange={(teams) => onChange({ teams })}
          anyLabel="All teams"
        />
      )}
    </div>
  );
}
