import { type KeyboardEvent, type ReactNode, useRef } from 'react';

export type Choice<V> = {
  value: V;
  /** What the button shows. */
  short: string;
  /** What a screen reader says, and the tooltip. */
  label: string;
  tone: string;
};

export type ChoiceRowProps<V> = {
  id: string;
  /** The row's name for a screen reader ("Demo held"). */
  label: string;
  children: ReactNode;
  choices: readonly Choice<V>[];
  value: V | null;
  onChange: (value: V | null) => void;
  /** Keys that set a value at once (1–4, d/p/s/n), then move to the next row. */
  keys: Record<string, V>;
  /** Element ids to move to with ↑ / ↓ and after a key sets a value. */
  previousId?: string;
  nextId?: string;
  /** Shown after the buttons (the anchor of a rubric score). */
  aside?: ReactNode;
  onFocusValue?: (value: V | null) => void;
};

/** Moves the focus into a row (its checked button) or onto a field, by element id. */
export function focusById(id: string | undefined): void {
  if (!id) return;
  const element = document.getElementById(id);
  if (!element) return;
  const target = element.matches('input, textarea, select, button')
    ? element
    : element.querySelector<HTMLElement>('[tabindex="0"]');
  target?.focus();
}

/**
 * One line to mark with the keyboard: a radio group with one tab stop. A value key (1, d…) sets
 * it and moves on; ←/→ change it; ↑/↓ move between lines; 0, Backspace or Delete clear it.
 */
export function ChoiceRow<V extends string | number>({
  id,
  label,
  children,
  choices,
  value,
  onChange,
  keys,
  previousId,
  nextId,
  aside,
  onFocusValue,
}: ChoiceRowProps<V>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const checkedIndex = choices.findIndex((c) => c.value === value);
  const tabIndexOf = (index: number) => (index === (checkedIndex < 0 ? 0 : checkedIndex) ? 0 : -1);

  const select = (index: number) => {
    const choice = choices[index];
    if (!choice) return;
    onChange(choice.value);
    buttons.current[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const focused = buttons.current.findIndex((b) => b === document.activeElement);
    const set = keys[key];
    if (set !== undefined) {
      event.preventDefault();
      onChange(set);
      focusById(nextId);
      return;
    }
    switch (key) {
      case '0':
      case 'Backspace':
      case 'Delete':
        event.preventDefault();
        onChange(null);
        break;
      case 'ArrowRight':
        event.preventDefault();
        select(Math.min((focused < 0 ? checkedIndex : focused) + 1, choices.length - 1));
        break;
      case 'ArrowLeft':
        event.preventDefault();
        select(Math.max((focused < 0 ? checkedIndex : focused) - 1, 0));
        break;
      case 'ArrowDown':
        event.preventDefault();
        focusById(nextId);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusById(previousId);
        break;
    }
  };

  return (
    // The group takes the keys of its buttons: one handler for the whole line.
    // eslint-disable-next-line jsx-a11y/interactive-supports-focus
    <div
      className={value === null ? 'choice-row' : 'choice-row marked'}
      id={id}
      role="radiogroup"
      aria-label={label}
      onKeyDown={onKeyDown}
    >
      <div className="choice-row-label">{children}</div>
      <div className="choice-buttons">
        {choices.map((choice, index) => (
          <button
            key={choice.value}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="radio"
            aria-checked={choice.value === value}
            aria-label={choice.label}
            title={choice.label}
            tabIndex={tabIndexOf(index)}
            className={`choice choice-${choice.tone}`}
            onClick={() => onChange(choice.value === value ? null : choice.value)}
            onFocus={() => onFocusValue?.(choice.value)}
            onBlur={() => onFocusValue?.(null)}
          >
            {choice.short}
          </button>
        ))}
      </div>
      {aside}
    </div>
  );
}
