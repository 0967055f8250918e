import { useEffect, useId, useRef, useState } from 'react';
import type { DealRow } from '@shared/domain/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { formatMoney } from '../format/format';
import { Icon } from '../ui/Icon';
import { StatusBadge } from '../ui/StatusBadge';

export type DealPickerProps = {
  label: string;
  /** Deals already in the comparison, left out of the suggestions. */
  exclude: number[];
  onPick: (deal: DealRow) => void;
  autoFocus?: boolean;
};

const DEBOUNCE_MS = 180;
const SUGGESTIONS = 8;

/** A type-ahead over deal name, account and owner; arrows move, Enter picks, Escape closes. */
export function DealPicker({ label, exclude, onPick, autoFocus = false }: DealPickerProps) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const timer = useRef<number | undefined>(undefined);
  const rootRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const listId = `${id}-list`;

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = query.trim();
  const results = useApiQuery(
    () =>
      search
        ? api.deals.list({
            search,
            limit: SUGGESTIONS + exclude.length,
            sort: { key: 'lastStageChangeAt', desc: true },
          })
        : Promise.resolve(null),
    [search, exclude.length],
  );
  const options = (results.data?.rows ?? [])
    .filter((deal) => !exclude.includes(deal.id))
    .slice(0, SUGGESTIONS);
  const showList = open && search !== '';
  const active = Math.min(activeIndex, Math.max(0, options.length - 1));

  const pick = (deal: DealRow) => {
    onPick(deal);
    setText('');
    setQuery('');
    setOpen(false);
    setActiveIndex(0);
  };

  return (
    <div
      className="field deal-picker"
      ref={rootRef}
      onBlur={(event) => {
        if (!rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label className="field-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <span className="search-input">
        <Icon name="search" size={14} />
        <input
          id={`${id}-input`}
          className="input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={
            showList && options[active] ? `${id}-option-${options[active].id}` : undefined
          }
          placeholder="Type a deal, account or rep"
          autoComplete="off"
          // The picker replaces the "Add a deal" button the person just pressed.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus={autoFocus}
          value={text}
          onChange={(event) => {
            const value = event.target.value;
            setText(value);
            setOpen(true);
            setActiveIndex(0);
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => setQuery(value), DEBOUNCE_MS);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setOpen(true);
              setActiveIndex(Math.min(active + 1, options.length - 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActiveIndex(Math.max(active - 1, 0));
            } else if (event.key === 'Enter') {
              const deal = options[active];
              if (showList && deal) {
                event.preventDefault();
                pick(deal);
              }
            } else if (event.key === 'Escape') {
              setOpen(false);
            }
          }}
        />
      </span>
      {showList && (
        <ul className="deal-picker-list" id={listId} role="listbox" aria-label={`${label}: suggestions`}>
          {results.loading && options.length === 0 && <li className="deal-picker-note">Searching…</li>}
          {!results.loading && options.length === 0 && (
            <li className="deal-picker-note">No deal matches “{search}”.</li>
          )}
          {options.map((deal, index) => (
            <li
              key={deal.id}
              id={`${id}-option-${deal.id}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'deal-picker-option active' : 'deal-picker-option'}
              // Picking on mouse down keeps the input focused, so the list does not close first.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(deal);
              }}
              onMouseEnter={() => setActiveIndex(index)}
            >
              <span className="deal-picker-name">{deal.name}</span>
              <span className="deal-picker-detail">
                {[deal.ownerName, deal.stageName, formatMoney(deal.amount, deal.currency)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <StatusBadge status={deal.status} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
