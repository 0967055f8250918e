import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohortCurve,
  tenureMonthIndex,
  tenureMonthStart,
  tenureMonths,
} from '../../../src/shared/oneOnOnes/ramp';

const at = (iso: string): number => Date.parse(iso);

describe('tenure months', () => {
  it('counts calendar months from the start date, month 0 first', () => {
    expect(tenureMonthIndex('2026-06-28', at('2026-06-28T00:00:00Z'))).toBe(0);
    expect(tenureMonthIndex('2026-06-28', at('2026-07-27T23:59:59Z'))).toBe(0);
    expect(tenureMonthIndex('2026-06-28', at('2026-07-28T00:00:00Z'))).toBe(1);
    expect(tenureMonthIndex('2026-06-28', at('2026-11-27T12:00:00Z'))).toBe(4);
    expect(tenureMonthIndex('2026-06-28', at('2026-06-27T23:59:59Z'))).toBe(-1);
  });

  it('clamps a start on the 31st to the end of shorter months', () => {
    expect(new Date(tenureMonthStart('2026-01-31', 1)).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(tenureMonthIndex('2026-01-31', at('2026-02-28T00:00:00Z'))).toBe(1);
    expect(tenureMonthIndex('2026-01-31', at('2026-02-27T23:00:00Z'))).toBe(0);
    expect(new Date(tenureMonthStart('2026-01-31', 2)).toISOString()).toBe('2026-03-31T00:00:00.000Z');
  });

  it('puts every instant in the month whose bounds hold it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 40 * 86_400_000 * 30 }),
        (start, offset) => {
          const startDate = start.toISOString().slice(0, 10);
          const instant = Date.parse(`${startDate}T00:00:00Z`) + offset;
          const index = tenureMonthIndex(startDate, instant);
          expect(index).toBeGreaterThanOrEqual(0);
          expect(tenureMonthStart(startDate, index)).toBeLessThanOrEqual(instant);
          expect(tenureMonthStart(startDate, index + 1)).toBeGreaterThan(instant);
        },
      ),
    );
  });

  it('lists the months up to now, only the running one incomplete', () => {
    const months = tenureMonths('2026-09-12', at('2026-11-27T12:00:00Z'));
    expect(months.map((m) => m.index)).toEqual([0, 1, 2]);
    expect(months.map((m) => m.complete)).toEqual([true, true, false]);
    expect(new Date(months[2]!.from).toISOString()).toBe('2026-11-12T00:00:00.000Z');
    expect(tenureMonths('2027-01-01', at('2026-11-27T12:00:00Z'))).toEqual([]);
  });
});

describe('cohortCurve', () => {
  it('takes the median per month over the reps with a value that month', () => {
    const curve = cohortCurve([
      [
        { index: 0, value: 0.4 },
        { index: 1, value: 0.6 },
        { index: 2, value: null },
      ],
      [
        { index: 0, value: 0.5 },
        { index: 1, value: 0.9 },
      ],
      [{ index: 0, value: 0.9 }],
    ]);
    expect(curve).toEqual([
      { index: 0, median: 0.5, reps: 3 },
      { index: 1, median: 0.75, reps: 2 },
      { index: 2, median: null, reps: 0 },
    ]);
  });

  it('is empty for an empty cohort', () => {
    expect(cohortCurve([])).toEqual([]);
  });
});
