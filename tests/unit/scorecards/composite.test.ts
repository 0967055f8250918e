import { describe, expect, it } from 'vitest';
import { compositeScore } from '@shared/scorecards/composite';

describe('composite score', () => {
  it('is the weighted mean of percentiles, with each part’s points adding up to it', () => {
    // (3 × 100 + 1 × 40) / 4 = 85: the first part adds 75 points, the second 10.
    const result = compositeScore([
      { key: 'actions_on_time', weight: 3, percentile: 100 },
      { key: 'win_rate', weight: 1, percentile: 40 },
    ]);
    expect(result.score).toBe(85);
    expect(result.parts).toEqual([
      { key: 'actions_on_time', weight: 3, percentile: 100, share: 0.75, points: 75 },
      { key: 'win_rate', weight: 1, percentile: 40, share: 0.25, points: 10 },
    ]);
    expect(result.leftOut).toEqual([]);
  });

  it('leaves out weighted figures without a percentile and renormalizes the rest', () => {
    // criteria_met has no percentile: (2 × 50 + 2 × 0) / 4 = 25.
    const result = compositeScore([
      { key: 'actions_on_time', weight: 2, percentile: 50 },
      { key: 'criteria_met', weight: 6, percentile: null },
      { key: 'cycle_days', weight: 2, percentile: 0 },
    ]);
    expect(result.score).toBe(25);
    expect(result.parts.map((p) => p.share)).toEqual([0.5, 0.5]);
    expect(result.leftOut).toEqual(['criteria_met']);
  });

  it('ignores figures weighted 0, even with a percentile', () => {
    const result = compositeScore([
      { key: 'actions_on_time', weight: 1, percentile: 20 },
      { key: 'discount', weight: 0, percentile: 100 },
    ]);
    expect(result.score).toBe(20);
    expect(result.parts.map((p) => p.key)).toEqual(['actions_on_time']);
    expect(result.leftOut).toEqual([]);
  });

  it('has no score when nothing weighted can count, and refuses negative weights', () => {
    expect(compositeScore([{ key: 'win_rate', weight: 1, percentile: null }])).toEqual({
      score: null,
      parts: [],
      leftOut: ['win_rate'],
    });
    expect(() => compositeScore([{ key: 'win_rate', weight: -1, percentile: 50 }])).toThrow(/at least 0/);
  });
});
