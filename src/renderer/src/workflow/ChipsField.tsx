import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { Icon } from '../ui/Icon';
import { FieldShell } from './fields';
import type { PathSegment } from './validation';

export type ChipsFieldProps = {
  label: string;
  path: readonly PathSegment[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Offered while typing; the user may still type anything else. */
  suggestions?: readonly string[];
  /** Applied to typed text before it becomes a chip (e.g. activity types as keys). */
  normalize?: (text: string) => string;
  placeholder?: string;
  hint?: ReactNode;
  mono?: boolean;
  className?: string;
};

/** A list of short values as removable chips, with a box to add more (Enter, comma or leaving it). */
export function ChipsField({
  label,
  path,
  values,
  onChange,
  suggestions = [],
  normalize = (text) => text.trim(),
  placeholder = 'Add…',
  hint,
  mono,
  className,
}: ChipsFieldProps) {
  const [text, setText] = useState('');
  const listId = useId();
  const offered = suggestions.filter((s) => !values.includes(s));

  const add = (raw: string) => {
    const additions = raw
      .split(',')
      .map(normalize)
      .filter((v) => v !== '' && !values.includes(v));
    setText('');
    if (additions.length > 0) onChange([...values, ...new Set(additions)]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(text);
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };

  return (
    <FieldShell label={label} path={path} hint={hint} className={className}>
      {({ id, invalid, describedBy }) => (
        <div className={`wf-chips${invalid ? ' input-invalid' : ''}`}>
          <ul className="wf-chip-list" aria-label={label}>
            {values.map((value, i) => (
              // Imported files may repeat a value; the position tells the chips apart.
              <li key={`${i}:${value}`} className={`wf-chip${mono ? ' mono' : ''}`}>
                <span className="wf-chip-text">{value === '' ? '(empty)' : value}</span>
                <button
                  type="button"
                  className="wf-chip-remove"
                  aria-label={`Remove ${value || 'empty value'} from ${label.toLowerCase()}`}
                  onClick={() => onChange(values.filter((_, j) => j !== i))}
                >
                  <Icon name="plus" size={11} className="wf-rotate-45" />
                </button>
              </li>
            ))}
          </ul>
          <input
            id={id}
            type="text"
            className={`wf-chips-input${mono ? ' mono' : ''}`}
            value={text}
            placeholder={values.length === 0 ? placeholder : 'Add…'}
            list={offered.length > 0 ? listId : undefined}
            spellCheck={false}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              const value = event.target.value;
              // Picking a suggestion from the list replaces the text whole: take it at once.
              const picked = (event.nativeEvent as InputEvent).inputType === 'insertReplacementText';
              if (picked && offered.includes(value)) add(value);
              else setText(value);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => add(text)}
          />
          {offered.length > 0 && (
            <datalist id={listId}>
              {offered.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </div>
      )}
    </FieldShell>
  );
}
