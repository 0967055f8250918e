import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from './Icon';

export type FilterOption<V> = { value: V; label: string; detail?: string | null };

export type FilterMenuProps<V> = {
  label: string;
  options: FilterOption<V>[];
  selected: V[];
  onChange: (selected: V[]) => void;
  /** What the button says when nothing is selected. */
  anyLabel?: string;
};

/** A labelled button that opens a checklist: pick any number of values, or none for "any". */
export function FilterMenu<V extends string | number>({
  label,
  options,
  selected,
  onChange,
  anyLabel = 'Any',
}: FilterMenuProps<V>) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const chosen = options.filter((o) => selected.includes(o.value));
  const summary =
    chosen.length === 0 ? anyLabel : chosen.length === 1 ? chosen[0]!.label : `${chosen.length} selected`;
  const toggle = (value: V) =>
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  return (
    <div className="field filter-menu" ref={rootRef}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <button
        type="button"
        id={`${id}-button`}
        className={chosen.length ? 'filter-button filter-button-active' : 'filter-button'}
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-labelledby={`${id}-label ${id}-button`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="filter-button-text">{summary}</span>
        <Icon name="chevronDown" size={14} />
      </button>
      {open && (
        <div className="filter-panel" id={`${id}-panel`} role="group" aria-labelledby={`${id}-label`}>
          {options.length === 0 && <div className="filter-panel-empty">Nothing to choose from yet.</div>}
          <ul>
            {options.map((option) => (
              <li key={option.value}>
                <label className="filter-option">
                  <input
                    type="checkbox"
                    checked={selected.includes(option.value)}
                    onChange={() => toggle(option.value)}
                  />
                  <span className="filter-option-label">{option.label}</span>
                  {option.detail && <span className="filter-option-detail">{option.detail}</span>}
                </label>
              </li>
            ))}
          </ul>
          {selected.length > 0 && (
            <div className="filter-panel-footer">
              <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange([])}>
                Clear {label.toLowerCase()}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
