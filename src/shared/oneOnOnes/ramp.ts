import { DateTime } from 'luxon';
import { median } from 'simple-statistics';
import type { EpochMs, IsoDate } from '../domain/types';

/**
 * Ramp maths: a rep's tenure counted in calendar months from their start date (UTC), month 0
 * being the first. Month k runs from the start date moved on by k months (the day clamped to
 * the month's end: a rep who started on 31 January begins month 1 on 28 or 29 February) to the
 * start of month k + 1.
 */

function startOf(startDate: IsoDate): DateTime {
  const start = DateTime.fromISO(startDate, { zone: 'utc' });
  if (!start.isValid) throw new RangeError(`"${startDate}" is not a date in YYYY-MM-DD form`);
  return start;
}

/** The instant month `index` of a rep's tenure begins. */
export function tenureMonthStart(startDate: IsoDate, index: number): EpochMs {
  return startOf(startDate).plus({ months: index }).toMillis();
}

/** Which month of a rep's tenure `at` falls in: 0 for the first; -1 before the start date. */
export function tenureMonthIndex(startDate: IsoDate, at: EpochMs): number {
  const start = startOf(startDate);
  if (at < start.toMillis()) return -1;
  let index = Math.max(0, Math.floor(DateTime.fromMillis(at, { zone: 'utc' }).diff(start, 'months').months));
  // Month lengths differ: step to the month whose bounds hold `at` exactly.
  while (index > 0 && tenureMonthStart(startDate, index) > at) index--;
  while (tenureMonthStart(startDate, index + 1) <= at) index++;
  return index;
}

export type TenureMonth = {
  index: number;
  from: EpochMs;
  /** Exclusive end; for the running month, still in the future. */
  to: EpochMs;
  /** False for the month that has not ended yet. */
  complete: boolean;
};

/** The months of a rep's tenure from the start date up to `now` (the running one last), at most `limit`. */
export function tenureMonths(startDate: IsoDate, now: EpochMs, limit = 24): TenureMonth[] {
  const last = tenureMonthIndex(startDate, now);
  const months: TenureMonth[] = [];
  for (let index = 0; index <= Math.min(last, limit - 1); index++) {
    const to = tenureMonthStart(startDate, index + 1);
    months.push({ index, from: tenureMonthStart(startDate, index), to, complete: to <= now });
  }
  return months;
}

/** One rep's value in one month of tenure (null when the month had nothing to measure). */
export type RampPoint = { index: number; value: number | null };

export type CurvePoint = { index: number; median: number | null; reps: number };

/**
 * The curve of a cohort: for each month index, the median of the reps' values that month,
 * over the reps that had a value (the count says how many). Indexes run from 0 to the last
 * month any rep reached, so a month where nobody had data shows as a gap, not a missing tick.
 */
export function cohortCurve(series: readonly (readonly RampPoint[])[]): CurvePoint[] {
  const byIndex = new Map<number, number[]>();
  let last = -1;
  for (const points of series) {
    for (const point of points) {
      last = Math.max(last, point.index);
      if (point.value === null) continue;
      byIndex.set(point.index, [...(byIndex.get(point.index) ?? []), point.value]);
    }
  }
  return Array.from({ length: last + 1 }, (_, index) => {
    const values = byIndex.get(index) ?? [];
    return { index, median: values.length === 0 ? null : median(values), reps: values.length };
  });
}

/** Whole months from `from` to `to` (both YYYY-MM-DD), counted as {@link tenureMonthIndex} counts them. */
export function monthsBetweenDates(from: IsoDate, to: IsoDate): number {
  return tenureMonthIndex(from, startOf(to).toMillis());
}
