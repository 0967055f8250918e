import { parseDateEntry, shiftIsoDate } from '@shared/coaching/observationDates';
import { formatIsoDate } from '../format/format';

export type DateFieldProps = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  today: string;
  invalid?: boolean;
  describedBy?: string;
  className?: string;
  'aria-label'?: string;
};

const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });

/** The day a date entry stands for, in words ("Fri, 20 Nov 2026"), or null when it is none. */
export function describeDateEntry(value: string, today: string): string | null {
  const iso = parseDateEntry(value, today);
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return `${weekday.format(new Date(y!, m! - 1, d!))}, ${formatIsoDate(iso)}`;
}

/**
 * A date typed rather than picked: 2026-11-20, t(oday), y(esterday), -3, +2w; ↑/↓ move a day.
 * It becomes YYYY-MM-DD when the field is left.
 */
export function DateField({
  id,
  value,
  onChange,
  today,
  invalid,
  describedBy,
  className,
  'aria-label': ariaLabel,
}: DateFieldProps) {
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      className={`input date-entry${className ? ` ${className}` : ''}`}
      value={value}
      placeholder="YYYY-MM-DD"
      autoComplete="off"
      spellCheck={false}
      aria-label={ariaLabel}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
        event.preventDefault();
        const current = parseDateEntry(value, today) ?? today;
        onChange(shiftIsoDate(current, event.key === 'ArrowUp' ? 1 : -1));
      }}
      onBlur={() => {
        const parsed = parseDateEntry(value, today);
        if (parsed && parsed !== value) onChange(parsed);
      }}
    />
  );
}
