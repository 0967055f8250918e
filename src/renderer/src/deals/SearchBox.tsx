import { useEffect, useRef, useState } from 'react';
import { Icon } from '../ui/Icon';

const DEBOUNCE_MS = 250;

export type SearchBoxProps = {
  /** The search as committed (in the URL). */
  value: string;
  onCommit: (value: string) => void;
};

/** A search field that commits 250 ms after the last keystroke; Enter commits at once. */
export function SearchBox({ value, onCommit }: SearchBoxProps) {
  // While typing, the field shows the draft; once committed it follows the URL again (back/forward).
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const commit = (text: string) => {
    window.clearTimeout(timer.current);
    onCommit(text);
    setDraft(null);
  };

  return (
    <label className="field search-field">
      <span className="field-label">Search</span>
      <span className="search-input">
        <Icon name="search" size={14} />
        <input
          type="search"
          className="input"
          value={draft ?? value}
          aria-describedby="deal-search-hint"
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => commit(text), DEBOUNCE_MS);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit(event.currentTarget.value);
          }}
        />
      </span>
      <span id="deal-search-hint" className="visually-hidden">
        Searches deal name, account and owner
      </span>
    </label>
  );
}
