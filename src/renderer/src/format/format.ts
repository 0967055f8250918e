import type { EpochMs } from '@shared/domain/types';

/** Display formatting: every timestamp in the user's local time zone, every number in their locale. */

const DAY_MS = 86_400_000;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const integerFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const currencyFormats = new Map<string, Intl.NumberFormat>();

export const EMPTY = '—';

export function formatDate(ms: EpochMs | null | undefined): string {
  return ms === null || ms === undefined ? EMPTY : dateFormat.format(ms);
}

export function formatDateTime(ms: EpochMs | null | undefined): string {
  return ms === null || ms === undefined ? EMPTY : dateTimeFormat.format(ms);
}

/** A YYYY-MM-DD calendar date, shown as a date without shifting it through a time zone. */
export function formatIsoDate(date: string | null | undefined): string {
  if (!date) return EMPTY;
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return dateFormat.format(new Date(y, m - 1, d));
}

export function formatCount(n: number): string {
  return integerFormat.format(n);
}

export function formatPercent(ratio: number | null): string {
  return ratio === null ? EMPTY : percentFormat.format(ratio);
}

/** An amount in its currency, without cents; a plain number when the currency is unknown. */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return EMPTY;
  if (!currency) return integerFormat.format(amount);
  let format = currencyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        maximumFractionDigits: 0,
        minimumFractionDigits: 0,
      });
    } catch {
      return `${integerFormat.format(amount)} ${currency}`;
    }
    currencyFormats.set(currency, format);
  }
  return format.format(amount);
}

/** Fractional days, one decimal: "12.5 d". */
export function formatDays(durationMs: number): string {
  return `${oneDecimal.format(durationMs / DAY_MS)} d`;
}

/** 1 → "1st", 2 → "2nd", 3 → "3rd", 4 → "4th", 11 → "11th". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** "deal" / "deals" with the count in front. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Turns an activity type key such as `proposal_sent` into "Proposal sent". */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The last segment of a file path, for either separator. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/** Local midnight of a YYYY-MM-DD date, as epoch ms. */
export function localDayStart(date: string): EpochMs | undefined {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d).getTime();
}

/** The last millisecond of a YYYY-MM-DD local day, as epoch ms. */
export function localDayEnd(date: string): EpochMs | undefined {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d + 1).getTime() - 1;
}
