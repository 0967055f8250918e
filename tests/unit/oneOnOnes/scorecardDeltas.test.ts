import { describe, expect, it } from 'vitest';
import {
  readScorecardSnapshot,
  scorecardDeltas,
  scorecardSnapshot,
} from '../../../src/shared/oneOnOnes/scorecardDeltas';
import type { RepScorecard, ScorecardFigure } from '../../../src/shared/scorecards/types';

function figure(key: ScorecardFigure['key'], value: number | null, previous: number | null): ScorecardFigure {
  return {
    key,
    section: 'compliance',
    value,
    sample: 20,
    enough: true,
    benchmark: 0.7,
    benchmarkReps: 6,
    percentile: 20,
    previous,
    delta: value !== null && previous !== null ? value - previous : null,
    change: null,
    trend: [],
    drill: { kind: 'execution', metric: key, repId: 5, from: '2026-11-01', to: '2026-11-30', versionId: 1 },
  };
}

const card = {
  period: { kind: 'month', from: '2026-11-01', to: '2026-11-30', label: 'Nov 2026' },
  previousPeriod: { kind: 'month', from: '2026-10-01', to: '2026-10-31', label: 'Oct 2026' },
  partial: true,
  figures: [
    figure('actions_on_time', 0.46, 0.56),
    figure('cycle_days', 30, 40),
    figure('win_rate', null, 0.2),
  ],
} as unknown as RepScorecard;

describe('scorecard against the last one-on-one', () => {
  it('keeps each figure of the scorecard in the snapshot, and reads it back', () => {
    const snapshot = scorecardSnapshot(card);
    expect(snapshot).toEqual({
      period: 'Nov 2026',
      values: { actions_on_time: 0.46, cycle_days: 30, win_rate: null },
    });
    expect(readScorecardSnapshot(JSON.parse(JSON.stringify({ figures: {}, scorecard: snapshot })))).toEqual(
      snapshot,
    );
    expect(readScorecardSnapshot({})).toBeNull();
    expect(readScorecardSnapshot({ scorecard: { period: 3 } })).toBeNull();
  });

  it('compares the running scorecard with the last one-on-one in each figure’s direction', () => {
    const deltas = scorecardDeltas(card, {
      period: 'Oct 2026',
      values: { actions_on_time: 0.5, cycle_days: 35 },
    });
    const byKey = new Map(deltas.figures.map((f) => [f.key, f]));
    expect(deltas.lastOneOnOnePeriod).toBe('Oct 2026');
    expect(byKey.get('actions_on_time')).toMatchObject({
      atLastOneOnOne: 0.5,
      sinceLastChange: 'worse',
      label: 'Actions on time',
    });
    expect(byKey.get('actions_on_time')!.sinceLast).toBeCloseTo(-0.04);
    // Cycle days are better lower: 35 → 30 is better.
    expect(byKey.get('cycle_days')).toMatchObject({
      sinceLast: -5,
      sinceLastChange: 'better',
      direction: 'lower',
    });
    expect(byKey.get('win_rate')).toMatchObject({ sinceLast: null, sinceLastChange: null });
  });

  it('has no "since last time" without a snapshot', () => {
    const deltas = scorecardDeltas(card, null);
    expect(deltas.lastOneOnOnePeriod).toBeNull();
    expect(deltas.figures.every((f) => f.sinceLast === null)).toBe(true);
  });
});
