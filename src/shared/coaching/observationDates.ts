import { parseIsoDate } from '../metrics/period';

const DAY_MS = 86_400_000;

/** A calendar date moved by whole days: shiftIsoDate('2026-02-28', 1) → '2026-03-01'. */
export function shiftIsoDate(date: string, days: number): string {
  const ms = parseIsoDate(date);
  if (ms === null) throw new RangeError(`"${date}" is not a date in YYYY-MM-DD form`);
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Reads a date as a coach types it, relative to `today` (YYYY-MM-DD): `2026-11-20`, `20261120`,
 * `today`/`t`, `yesterday`/`y`, `tomorrow`, `-3` (three days ago), `+2w` (in two weeks).
 * Null when the text is none of these or no real date.
 */
export function parseDateEntry(text: string, today: string): string | null {
  const value = text.trim().toLowerCase();
  if (value === '') return null;
  if (parseIsoDate(value) !== null) return value;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (compact) {
    const iso = `${compact[1]}-${compact[2]}-${compact[3]}`;
    return parseIsoDate(iso) === null ? null : iso;
  }
  if (parseIsoDate(today) === null) return null;
  if (value === 'today' || value === 't') return today;
  if (value === 'yesterday' || value === 'y') return shiftIsoDate(today, -1);
  if (value === 'tomorrow') return shiftIsoDate(today, 1);
  const relative = /^([+-])\s*(\d{1,4})\s*(d|w)?$/.exec(value);
  if (relative) {
    const amount = Number(relative[2]) * (relative[3] === 'w' ? 7 : 1);
    return shiftIsoDate(today, relative[1] === '-' ? -amount : amount);
  }
  return null;
}
