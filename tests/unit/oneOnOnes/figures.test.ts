import { describe, expect, it } from 'vitest';
import {
  type PrepFigures,
  figureChanges,
  figureTone,
  rateFigure,
  snapshotFigures,
} from '../../../src/shared/oneOnOnes/figures';

function figures(over: Partial<PrepFigures> = {}): PrepFigures {
  return {
    from: '2026-10-28',
    to: '2026-11-27',
    compliance: rateFigure(32, 76),
    criteria: rateFigure(18, 20),
    conversion: rateFigure(9, 25),
    winRate: rateFigure(2, 18),
    won: 2,
    lost: 16,
    wonAmount: 93_700,
    stalled: 18,
    medianCycleDays: 45.3,
    ...over,
  };
}

describe('figureChanges', () => {
  it('sets each figure against the last one-on-one, read in its direction', () => {
    const now = figures();
    const then = figures({ compliance: rateFigure(40, 80), stalled: 12, medianCycleDays: 40 });
    const byKey = new Map(figureChanges(now, then).map((c) => [c.key, c]));
    expect(byKey.get('compliance')).toMatchObject({ then: 0.5, tone: 'worse', basis: '32 of 76 actions' });
    expect(byKey.get('compliance')!.delta).toBeCloseTo(32 / 76 - 0.5);
    // Fewer stalled deals and a shorter cycle are better; more are worse.
    expect(byKey.get('stalled')).toMatchObject({ now: 18, then: 12, delta: 6, tone: 'worse' });
    expect(byKey.get('medianCycleDays')!.tone).toBe('worse');
    expect(byKey.get('winRate')).toMatchObject({ delta: 0, tone: 'same' });
  });

  it('has no delta without a last one-on-one or without a value', () => {
    for (const change of figureChanges(figures({ winRate: rateFigure(0, 0) }), null)) {
      expect(change.then).toBeNull();
      expect(change.delta).toBeNull();
      expect(change.tone).toBeNull();
    }
  });
});

describe('figureTone', () => {
  it('calls changes within 3 points of a share, or within a day, the same', () => {
    expect(figureTone(0.02, 'share', 'higher')).toBe('same');
    expect(figureTone(0.05, 'share', 'higher')).toBe('better');
    expect(figureTone(-0.05, 'share', 'higher')).toBe('worse');
    expect(figureTone(0.8, 'days', 'lower')).toBe('same');
    expect(figureTone(-3, 'days', 'lower')).toBe('better');
    expect(figureTone(1, 'count', 'lower')).toBe('worse');
  });
});

describe('snapshotFigures', () => {
  it('reads back what a held one-on-one stored, and nothing from other shapes', () => {
    const stored = JSON.parse(JSON.stringify({ figures: figures(), versionId: 1 })) as unknown;
    expect(snapshotFigures(stored)).toEqual(figures());
    expect(snapshotFigures({})).toBeNull();
    expect(snapshotFigures(null)).toBeNull();
    expect(snapshotFigures({ figures: { from: '2026-01-01' } })).toBeNull();
  });
});
