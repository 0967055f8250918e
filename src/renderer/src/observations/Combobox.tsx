import { type KeyboardEvent, type ReactNode, type Ref, useId, useState } from 'react';

export type ComboOption = { key: string; label: string; detail?: ReactNode };

export type ComboboxProps = {
  id: string;
  /** The text in the box: the picked option's label, or what the coach is typing. */
  text: string;
  onTextChange: (text: string) => void;
  /** The options for the text as typed, best first. */
  options: ComboOption[];
  onPick: (option: ComboOption) => void;
  /** Leaving the box: put the picked value back, or take the typed text. */
  onCommit?: () => void;
  /** The list is opened (typing, ↓): fetch options that depend on nothing typed yet. */
  onOpen?: () => void;
  loading?: boolean;
  emptyMessage: string;
  placeholder?: string;
  initialFocus?: boolean;
  invalid?: boolean;
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
  /** Runs first on every key; preventing its default skips the list's own handling. */
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
};

/**
 * A type-ahead box (the ARIA 1.2 combobox with a list): typing filters, ↑/↓ move, Enter or Tab
 * takes the highlighted option, Escape closes the list without leaving the form.
 */
export function Combobox({
  id,
  text,
  onTextChange,
  options,
  onPick,
  onCommit,
  onOpen,
  loading = false,
  emptyMessage,
  placeholder,
  initialFocus,
  invalid,
  describedBy,
  inputRef,
  className,
  onKeyDown: onKeyDownFirst,
}: ComboboxProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Tab takes the highlighted option only after the coach typed or moved in the list.
  const [engaged, setEngaged] = useState(false);
  const listId = useId();
  const current = open ? options[Math.min(active, options.length - 1)] : undefined;
  const optionId = (index: number) => `${listId}-${index}`;

  const show = () => {
    if (!open) onOpen?.();
    setOpen(true);
  };
  const pick = (option: ComboOption) => {
    onPick(option);
    setOpen(false);
    setEngaged(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDownFirst?.(event);
    if (event.defaultPrevented) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setEngaged(true);
        if (!open) {
          show();
          setActive(0);
        } else setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setEngaged(true);
        if (!open) show();
        setActive((i) => Math.max(i - 1, 0));
        break;
      case 'Enter':
        if (current) {
          event.preventDefault();
          pick(current);
        }
        break;
      case 'Escape':
        if (open) {
          // The list closes; the form's Escape (cancel) is for a second press.
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
        }
        break;
      case 'Tab':
        if (current && engaged) pick(current);
        else setOpen(false);
        break;
    }
  };

  return (
    <div className={`combo${className ? ` ${className}` : ''}`}>
      <input
        id={id}
        ref={inputRef}
        type="text"
        className="input combo-input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(options.indexOf(current)) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        // The form opens on its first field so a coach can start typing at once.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus={initialFocus}
        value={text}
        onChange={(event) => {
          onTextChange(event.target.value);
          setEngaged(true);
          setActive(0);
          show();
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setEngaged(false);
          onCommit?.();
        }}
      />
      {open && (
        <ul className="combo-list" id={listId} role="listbox">
          {options.map((option, index) => (
            <li
              key={option.key}
              id={optionId(index)}
              role="option"
              aria-selected={option === current}
              className={option === current ? 'combo-option active' : 'combo-option'}
              // Keep the focus in the box: the pick happens before it would blur.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
              onMouseMove={() => setActive(index)}
            >
              <span className="combo-option-label">{option.label}</span>
              {option.detail && <span className="combo-option-detail">{option.detail}</span>}
            </li>
          ))}
          {options.length === 0 && (
            <li className="combo-empty" role="presentation">
              {loading ? 'Searching…' : emptyMessage}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
