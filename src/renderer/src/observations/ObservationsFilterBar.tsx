import type { ObservationOptions } from '@shared/coaching/observationViews';
import { FilterMenu } from '../ui/FilterMenu';
import type { ObservationsView } from './observationsView';

export type ObservationsFilterBarProps = {
  view: ObservationsView;
  options: ObservationOptions | undefined;
  onChange: (change: Partial<ObservationsView>, options?: { replace?: boolean }) => void;
};

export function ObservationsFilterBar({ view, options, onChange }: ObservationsFilterBarProps) {
  return (
    <div className="filter-bar" role="search" aria-label="Filter observations">
      <FilterMenu
        label="Coach"
        options={(options?.coaches ?? []).map((coach) => ({ value: coach, label: coach }))}
        selected={view.coaches}
        onChange={(coaches) => onChange({ coaches })}
      />
      <FilterMenu
        label="Rep"
        options={(options?.reps ?? []).map((rep) => ({ value: rep.id, label: rep.name, detail: rep.team }))}
        selected={view.repIds}
        onChange={(repIds) => onChange({ repIds })}
      />
      <FilterMenu
        label="Stage"
        options={(options?.stages ?? []).map((stage) => ({ value: stage.key, label: stage.name }))}
        selected={view.stageKeys}
        onChange={(stageKeys) => onChange({ stageKeys })}
      />
      <FilterMenu
        label="Tag"
        options={(options?.tags ?? [])
          .filter((t) => t.uses > 0 || view.tags.includes(t.tag))
          .map((t) => ({ value: t.tag, label: t.tag, detail: String(t.uses) }))}
        selected={view.tags}
        onChange={(tags) => onChange({ tags })}
      />
      <label className="field">
        <span className="field-label">Observed from</span>
        <input
          type="date"
          className="input date-input"
          value={view.from}
          max={view.to || undefined}
          onChange={(event) => onChange({ from: event.target.value }, { replace: true })}
        />
      </label>
      <label className="field">
        <span className="field-label">Observed to</span>
        <input
          type="date"
          className="input date-input"
          value={view.to}
          min={view.from || undefined}
          onChange={(event) => onChange({ to: event.target.value }, { replace: true })}
        />
      </label>
    </div>
  );
}
