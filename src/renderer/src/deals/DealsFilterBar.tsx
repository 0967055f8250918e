import type { DealFacets, DealStatus } from '@shared/domain/types';
import { FilterMenu } from '../ui/FilterMenu';
import { SearchBox } from './SearchBox';
import type { DealsView } from './dealsView';

const statusOptions: { value: DealStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
];

export type DealsFilterBarProps = {
  view: DealsView;
  facets: DealFacets | undefined;
  /** Applies a change; `replace` keeps it out of the back button's history. */
  onChange: (change: Partial<DealsView>, options?: { replace?: boolean }) => void;
};

export function DealsFilterBar({ view, facets, onChange }: DealsFilterBarProps) {
  const toggleStatus = (status: DealStatus) =>
    onChange({
      statuses: view.statuses.includes(status)
        ? view.statuses.filter((s) => s !== status)
        : [...view.statuses, status],
    });

  return (
    <div className="filter-bar" role="search" aria-label="Filter deals">
      <SearchBox
        value={view.search}
        onCommit={(search) => onChange({ search }, { replace: view.search !== '' && search !== '' })}
      />
      <div className="field">
        <span className="field-label" id="status-filter-label">
          Status
        </span>
        <div className="segmented" role="group" aria-labelledby="status-filter-label">
          {statusOptions.map((option) => (
            <button
              key={option.value}
              type="button"
              className={`segment segment-${option.value}`}
              aria-pressed={view.statuses.includes(option.value)}
              onClick={() => toggleStatus(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
      </div>
      <FilterMenu
        label="Owner"
        options={(facets?.reps ?? []).map((rep) => ({ value: rep.id, label: rep.name, detail: rep.team }))}
        selected={view.ownerIds}
        onChange={(ownerIds) => onChange({ ownerIds })}
      />
      <FilterMenu
        label="Stage"
        options={(facets?.stages ?? []).map((stage) => ({ value: stage.key, label: stage.name }))}
        selected={view.stageKeys}
        onChange={(stageKeys) => onChange({ stageKeys })}
      />
      <FilterMenu
        label="Team"
        options={(facets?.teams ?? []).map((team) => ({ value: team, label: team }))}
        selected={view.teams}
        onChange={(teams) => onChange({ teams })}
      />
      <label className="field">
        <span className="field-label">Created from</span>
        <input
          type="date"
          className="input date-input"
          value={view.createdFrom}
          max={view.createdTo || undefined}
          onChange={(event) => onChange({ createdFrom: event.target.value }, { replace: true })}
        />
      </label>
      <label className="field">
        <span className="field-label">Created to</span>
        <input
          type="date"
          className="input date-input"
          value={view.createdTo}
          min={view.createdFrom || undefined}
          onChange={(event) => onChange({ createdTo: event.target.value }, { replace: true })}
        />
      </label>
    </div>
  );
}
