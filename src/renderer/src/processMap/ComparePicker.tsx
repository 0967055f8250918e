import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { compareHref } from '../compare/compareView';
import { useApiQuery } from '../data/useApiQuery';
import { formatCount } from '../format/format';
import { ErrorBanner } from '../ui/ErrorBanner';
import { StatusBadge } from '../ui/StatusBadge';
import type { ReportFilter } from '../reports/reportFilters';
import { formatMedianDays } from './processFormat';
import type { Variant } from './VariantsTable';
import { contrastingPicks, findVariantDeals, statusAfter } from './variantDeals';

export type ComparePickerProps = {
  variant: Variant;
  filter: ReportFilter;
  names: Map<string, string>;
  outcomes: Map<string, 'won' | 'lost'>;
  onClose: () => void;
};

/** Distinct stages of a path, in the order first reached. */
function pathStages(path: readonly string[]): string[] {
  return [...new Set(path)];
}

/**
 * Picks two or three deals that took a variant's path, and the stretch of it to compare: the
 * fastest, middle and slowest deals are ticked to begin with, the stretch is the whole path.
 */
export function ComparePicker({ variant, filter, names, outcomes, onClose }: ComparePickerProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const stages = pathStages(variant.path);
  const [from, setFrom] = useState(stages[0] ?? '');
  const [to, setTo] = useState(stages.at(-1) ?? '');
  const status = statusAfter(variant.path.at(-1) ?? '', outcomes);
  const found = useApiQuery(
    () => findVariantDeals(variant.path, status, filter),
    [variant.path, status, filter],
  );
  const [picked, setPicked] = useState<number[] | null>(null);
  const chosen = picked ?? contrastingPicks(found.data ?? []);
  const toOptions = stages.slice(stages.indexOf(from) + 1);
  const validTo = toOptions.includes(to) ? to : (toOptions.at(-1) ?? '');

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const toggle = (id: number) =>
    setPicked(
      chosen.includes(id) ? chosen.filter((d) => d !== id) : chosen.length < 3 ? [...chosen, id] : chosen,
    );
  const open = () => navigate(compareHref({ dealIds: chosen, from, to: validTo }));

  return (
    <dialog
      ref={ref}
      className="dialog pm-picker"
      aria-labelledby="pm-picker-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-body">
        <h2 id="pm-picker-title">Compare deals on this path</h2>
        <p className="pm-picker-path">
          {variant.path.map((key) => names.get(key) ?? key).join(' → ')}
          <span className="muted"> · {formatCount(variant.deals)} deals</span>
        </p>
        <div className="pm-picker-stages">
          <label className="field">
            <span className="field-label">From stage</span>
            <select
              className="input"
              aria-label="From stage"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
            >
              {stages.slice(0, -1).map((key) => (
                <option key={key} value={key}>
                  {names.get(key) ?? key}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">To stage</span>
            <select
              className="input"
              aria-label="To stage"
              value={validTo}
              onChange={(event) => setTo(event.target.value)}
            >
              {toOptions.map((key) => (
                <option key={key} value={key}>
                  {names.get(key) ?? key}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset className="pm-picker-deals">
          <legend className="field-label">Deals · pick two or three</legend>
          {found.error && (
            <ErrorBanner title="The deals could not be found" message={found.error} onRetry={found.reload} />
          )}
          {found.loading && !found.data && (
            <p className="pm-picker-note">
              <span className="spinner" aria-hidden="true" /> Finding deals that took this path…
            </p>
          )}
          {found.data?.length === 0 && (
            <p className="pm-picker-note">
              No deal of this path is left with these filters. Open Compare and pick deals by name instead.
            </p>
          )}
          {found.data && found.data.length > 0 && (
            <ul className="pm-picker-list">
              {found.data.map((deal) => {
                const checked = chosen.includes(deal.id);
                return (
                  <li key={deal.id}>
                    <label className={checked ? 'filter-option checked' : 'filter-option'}>
                      <input
                        type="checkbox"
                        checked={checked}
                        disabled={!checked && chosen.length >= 3}
                        onChange={() => toggle(deal.id)}
                      />
                      <span className="filter-option-label pm-picker-name">{deal.name}</span>
                      <span className="filter-option-detail">{deal.ownerName ?? 'No owner'}</span>
                      <StatusBadge status={deal.status} />
                      <span className="pm-picker-days">{formatMedianDays(deal.days)}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
          {found.data && found.data.length > 0 && (
            <p className="pm-picker-note">
              Sorted from the fastest through the whole path to the slowest; the fastest, the middle and the
              slowest are ticked.
            </p>
          )}
        </fieldset>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={chosen.length < 2 || !from || !validTo}
          onClick={open}
        >
          Compare {chosen.length >= 2 ? `${chosen.length} deals` : 'deals'}
        </button>
      </div>
    </dialog>
  );
}
