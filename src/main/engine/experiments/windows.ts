import { QUARTER_PATTERN } from '@shared/experiments/inputs';
import { parseIsoDate } from '@shared/metrics/period';

/** Calendar helpers for experiments: quarters and windows of inclusive UTC dates. */

const DAY_MS = 86_400_000;

export type Window = {
  /** Inclusive dates, YYYY-MM-DD. */
  from: string;
  to: string;
  /** The half-open instant range [start, end). */
  start: number;
  end: number;
};

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function windowOf(from: string, to: string): Window {
  const start = parseIsoDate(from);
  const last = parseIsoDate(to);
  if (start === null || last === null) throw new RangeError(`"${from}" – "${to}" is not a date range`);
  return { from, to, start, end: last + DAY_MS };
}

/** A window with no days in it (the experiment has not started yet). */
export function emptyWindow(from: string): Window {
  const start = parseIsoDate(from)!;
  return { from, to: from, start, end: start };
}

export function quarterOf(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export function shiftQuarter(quarter: string, by: number): string {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new RangeError(`"${quarter}" is not a quarter like 2026-Q4`);
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export function quarterWindow(quarter: string): Window {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new RangeError(`"${quarter}" is not a quarter like 2026-Q4`);
  const year = Number(match[1]);
  const month = (Number(match[2]) - 1) * 3;
  const start = Date.UTC(year, month, 1);
  const end = Date.UTC(year, month + 3, 1);
  return { from: isoDay(start), to: isoDay(end - DAY_MS), start, end };
}

const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const yearFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Apr 1 – Jun 30, 2026" (or with both years when the window spans two). */
export function windowText(window: Window): string {
  if (window.end <= window.start) return `from ${yearFormat.format(window.start)}`;
  const last = window.end - DAY_MS;
  const sameYear = new Date(window.start).getUTCFullYear() === new Date(last).getUTCFullYear();
  return `${(sameYear ? dayFormat : yearFormat).format(window.start)} – ${yearFormat.format(last)}`;
}
