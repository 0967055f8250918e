/** Reporting periods as local calendar dates (YYYY-MM-DD), the form the report API takes. */

export type PeriodPreset = 'this-quarter' | 'last-quarter' | 'last-4-quarters' | 'this-year';

export type PeriodChoice = PeriodPreset | 'custom';

export const periodPresets: { value: PeriodPreset; label: string }[] = [
  { value: 'this-quarter', label: 'This quarter' },
  { value: 'last-quarter', label: 'Last quarter' },
  { value: 'last-4-quarters', label: 'Last 4 quarters' },
  { value: 'this-year', label: 'This year' },
];

export type DateRange = { from: string; to: string };

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: string): boolean {
  if (!isoDay.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

/** A local date as YYYY-MM-DD. */
export function isoDayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function quarterStart(year: number, quarterIndex: number): Date {
  return new Date(year, quarterIndex * 3, 1);
}

/**
 * The dates a preset covers on `today`. Periods that include today end today: nothing can come
 * due later, and the range shown then says exactly what was counted. "Last 4 quarters" is this
 * quarter and the three before it.
 */
export function presetRange(preset: PeriodPreset, today: Date): DateRange {
  const year = today.getFullYear();
  const quarter = Math.floor(today.getMonth() / 3);
  const to = isoDayOf(today);
  switch (preset) {
    case 'this-quarter':
      return { from: isoDayOf(quarterStart(year, quarter)), to };
    case 'last-quarter': {
      const start = quarterStart(year, quarter - 1);
      const end = new Date(year, quarter * 3, 0);
      return { from: isoDayOf(start), to: isoDayOf(end) };
    }
    case 'last-4-quarters':
      return { from: isoDayOf(quarterStart(year, quarter - 3)), to };
    case 'this-year':
      return { from: `${year}-01-01`, to };
  }
}

const rangeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function localDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** "1 Oct 2025 – 27 Nov 2026", in the user's locale. */
export function formatRange(range: DateRange): string {
  return rangeFormat.formatRange(localDate(range.from), localDate(range.to));
}
