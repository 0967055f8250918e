import { describe, expect, it } from 'vitest';
import { lastPeriods, periodContaining, previousPeriod } from '@shared/scorecards/periods';

describe('scorecard periods', () => {
  it('finds the month and the quarter containing a date', () => {
    expect(periodContaining('month', '2026-02-14')).toEqual({
      kind: 'month',
      from: '2026-02-01',
      to: '2026-02-28',
      label: 'Feb 2026',
    });
    expect(periodContaining('month', '2028-02-29').to).toBe('2028-02-29');
    expect(periodContaining('quarter', '2026-11-20')).toEqual({
      kind: 'quarter',
      from: '2026-10-01',
      to: '2026-12-31',
      label: 'Q4 2026',
    });
    expect(periodContaining('quarter', '2026-04-01').label).toBe('Q2 2026');
    expect(periodContaining('quarter', '2026-03-31').label).toBe('Q1 2026');
  });

  it('steps back across a year boundary', () => {
    expect(previousPeriod(periodContaining('month', '2026-01-05'))).toMatchObject({
      from: '2025-12-01',
      to: '2025-12-31',
      label: 'Dec 2025',
    });
    expect(previousPeriod(periodContaining('quarter', '2026-02-05'))).toMatchObject({
      from: '2025-10-01',
      to: '2025-12-31',
      label: 'Q4 2025',
    });
  });

  it('lists the last four periods oldest first, ending with the one containing the date', () => {
    expect(lastPeriods('quarter', '2026-05-10').map((p) => p.label)).toEqual([
      'Q3 2025',
      'Q4 2025',
      'Q1 2026',
      'Q2 2026',
    ]);
    expect(lastPeriods('month', '2026-02-10', 3).map((p) => p.from)).toEqual([
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
  });

  it('refuses dates that do not exist and counts below one', () => {
    expect(() => periodContaining('month', '2026-02-30')).toThrow(/not a date/);
    expect(() => periodContaining('month', '20260210')).toThrow(/not a date/);
    expect(() => lastPeriods('month', '2026-02-10', 0)).toThrow(/at least 1/);
  });
});
