import { describe, expect, it } from 'vitest';
import { meetsThreshold, percentileRank, periodDelta, teamMedian } from '@shared/scorecards/benchmarks';

describe('team benchmark', () => {
  it('is the median of the reps with a value', () => {
    expect(teamMedian([0.9, 0.5, null, 0.7])).toBe(0.7);
    // Even count: the mean of the two middle values.
    expect(teamMedian([10, 2, 4, 8])).toBe(6);
    expect(teamMedian([null, null])).toBeNull();
    expect(teamMedian([])).toBeNull();
  });
});

describe('percentile within the team', () => {
  const team = [0.5, 0.6, 0.8, 0.9];

  it('is the share of the other reps the rep beats, a tie counting half', () => {
    // 0.8 beats 0.5 and 0.6 of the three others (0.5, 0.6, 0.9): 2 / 3.
    expect(percentileRank(0.8, [0.5, 0.6, 0.9], 'higher')).toBeCloseTo(66.667, 3);
    expect(percentileRank(0.9, [0.5, 0.6, 0.8], 'higher')).toBe(100);
    expect(percentileRank(0.5, [0.6, 0.8, 0.9], 'higher')).toBe(0);
    // One tie and one beaten out of four others: (1 + 0.5) / 4.
    expect(percentileRank(0.6, [0.6, 0.5, 0.8, 0.9], 'higher')).toBe(37.5);
    expect(team.length).toBe(4);
  });

  it('reads lower-is-better figures the other way, so 100 is always the best', () => {
    // Cycle days: 20 is shorter than 30 and 45, longer than 12 → 2 of 3 beaten.
    expect(percentileRank(20, [30, 45, 12], 'lower')).toBeCloseTo(66.667, 3);
    expect(percentileRank(12, [30, 45, 20], 'lower')).toBe(100);
  });

  it('ignores reps without a value and is null with nobody to rank against', () => {
    expect(percentileRank(0.7, [null, 0.5, null], 'higher')).toBe(100);
    expect(percentileRank(0.7, [null], 'higher')).toBeNull();
    expect(percentileRank(null, [0.5, 0.6], 'higher')).toBeNull();
  });
});

describe('change against the previous period', () => {
  it('is current minus previous, judged in the figure direction', () => {
    const up = periodDelta(0.75, 0.6, 'higher');
    expect(up.delta).toBeCloseTo(0.15, 10);
    expect(up.change).toBe('better');
    expect(periodDelta(30, 24, 'lower')).toEqual({ delta: 6, change: 'worse' });
    expect(periodDelta(18, 24, 'lower')).toEqual({ delta: -6, change: 'better' });
    expect(periodDelta(0.5, 0.5, 'higher')).toEqual({ delta: 0, change: 'same' });
  });

  it('has no delta when either period has no value', () => {
    expect(periodDelta(null, 0.5, 'higher')).toEqual({ delta: null, change: null });
    expect(periodDelta(0.5, null, 'higher')).toEqual({ delta: null, change: null });
  });
});

describe('thresholds', () => {
  it('counts reaching the threshold exactly as met, on the better side', () => {
    expect(meetsThreshold(0.8, 0.8, 'higher')).toBe(true);
    expect(meetsThreshold(0.79, 0.8, 'higher')).toBe(false);
    expect(meetsThreshold(10, 10, 'lower')).toBe(true);
    expect(meetsThreshold(12, 10, 'lower')).toBe(false);
  });
});
