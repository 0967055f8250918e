import { parseIsoDate } from '../metrics/period';

/** A scorecard covers a calendar month or a calendar quarter (UTC dates, like every report). */
export type ScorecardPeriodKind = 'month' | 'quarter';

/** One scorecard period: its kind, its inclusive first and last day (YYYY-MM-DD) and a label. */
export type ScorecardPeriod = { kind: ScorecardPeriodKind; from: string; to: string; label: string };

const monthNames = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

function iso(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

/** The period of `kind` whose first month is `monthIndex` of `year` (month index may overflow). */
function periodStarting(kind: ScorecardPeriodKind, year: number, monthIndex: number): ScorecardPeriod {
  const first = new Date(Date.UTC(year, monthIndex, 1));
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth();
  const months = kind === 'month' ? 1 : 3;
  return {
    kind,
    from: iso(y, m, 1),
    to: iso(y, m + months, 0),
    label: kind === 'month' ? `${monthNames[m]} ${y}` : `Q${Math.floor(m / 3) + 1} ${y}`,
  };
}

function requireDate(date: string): Date {
  const ms = parseIsoDate(date);
  if (ms === null) throw new RangeError(`"${date}" is not a date in YYYY-MM-DD form`);
  return new Date(ms);
}

/** The calendar month or quarter that contains `date` (YYYY-MM-DD). */
export function periodContaining(kind: ScorecardPeriodKind, date: string): ScorecardPeriod {
  const d = requireDate(date);
  const month = d.getUTCMonth();
  return periodStarting(kind, d.getUTCFullYear(), kind === 'month' ? month : month - (month % 3));
}

/** The period of the same kind just before `period`: the previous month, or the previous quarter. */
export function previousPeriod(period: ScorecardPeriod): ScorecardPeriod {
  const d = requireDate(period.from);
  return periodStarting(period.kind, d.getUTCFullYear(), d.getUTCMonth() - (period.kind === 'month' ? 1 : 3));
}

/** The `count` periods ending with the one that contains `date`, oldest first (a trend's x-axis). */
export function lastPeriods(kind: ScorecardPeriodKind, date: string, count = 4): ScorecardPeriod[] {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError('count must be a whole number of at least 1');
  const periods = [periodContaining(kind, date)];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]!));
  return periods;
}
