import { EMPTY, formatDays } from '../format/format';

const DAY_MS = 86_400_000;
const integerDays = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Fractional days as "4.2 d"; "—" when there is no value. */
export function formatDayValue(days: number | null | undefined): string {
  return days === null || days === undefined ? EMPTY : formatDays(days * DAY_MS);
}

/** A histogram bucket as "< 1 d", "3–7 d" or "≥ 90 d". */
export function bucketLabel(bucket: { fromDays: number; toDays: number | null }): string {
  if (bucket.toDays === null) return `≥ ${integerDays.format(bucket.fromDays)} d`;
  if (bucket.fromDays === 0) return `< ${integerDays.format(bucket.toDays)} d`;
  return `${integerDays.format(bucket.fromDays)}–${integerDays.format(bucket.toDays)} d`;
}

/** A report month (YYYY-MM, in UTC as the engine groups them) as "Mar 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return monthFormat.format(Date.UTC(y, m - 1, 1));
}
