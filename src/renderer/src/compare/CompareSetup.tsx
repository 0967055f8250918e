import type { CompareStage } from './alignment';
import { type CompareView, MAX_DEALS } from './compareView';
import { DealPicker } from './DealPicker';
import { Icon } from '../ui/Icon';

export type CompareSetupProps = {
  dealIds: number[];
  /** Names of the deals loaded so far, by id. */
  names: Map<number, string>;
  stages: CompareStage[];
  from: string | null;
  to: string | null;
  onChange: (change: Partial<CompareView>) => void;
};

/** The deals in the comparison (up to three, each removable) and the two stages it runs between. */
export function CompareSetup({ dealIds, names, stages, from, to, onChange }: CompareSetupProps) {
  return (
    <div className="filter-bar compare-setup" role="group" aria-label="What to compare">
      {dealIds.length > 0 && (
        <div className="field compare-chosen">
          <span className="field-label">Deals</span>
          <ul className="compare-chips" aria-label="Deals in the comparison">
            {dealIds.map((id, i) => (
              <li key={id} className="compare-chip">
                <span className="compare-chip-index" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="compare-chip-name" title={names.get(id)}>
                  {names.get(id) ?? `Deal ${id}`}
                </span>
                <button
                  type="button"
                  className="compare-chip-remove"
                  aria-label={`Remove ${names.get(id) ?? `deal ${id}`}`}
                  onClick={() => onChange({ dealIds: dealIds.filter((d) => d !== id) })}
                >
                  <Icon name="close" size={12} />
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {dealIds.length < MAX_DEALS && (
        <DealPicker
          label={dealIds.length === 0 ? 'Add a deal' : 'Add another deal'}
          exclude={dealIds}
          onPick={(deal) => onChange({ dealIds: [...dealIds, deal.id] })}
        />
      )}
      <label className="field">
        <span className="field-label">From stage</span>
        <select
          className="input compare-select"
          aria-label="From stage"
          value={from ?? ''}
          onChange={(event) => onChange({ from: event.target.value, to })}
        >
          {stages
            .filter((s) => !s.outcome)
            .map((stage) => (
              <option key={stage.key} value={stage.key}>
                {stage.name}
              </option>
            ))}
        </select>
      </label>
      <span className="compare-arrow" aria-hidden="true">
        →
      </span>
      <label className="field">
        <span className="field-label">To stage</span>
        <select
          className="input compare-select"
          aria-label="To stage"
          value={to ?? ''}
          onChange={(event) => onChange({ to: event.target.value, from })}
        >
          {stages.map((stage) => (
            <option key={stage.key} value={stage.key}>
              {stage.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
