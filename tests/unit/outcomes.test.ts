import { describe, expect, it } from 'vitest';
import { parseIsoDate, periodBounds } from '@shared/metrics/period';
import { summarizeOutcomes } from '@shared/metrics/repOutcomes';

const DAY = 86_400_000;

describe('periodBounds', () => {
  it('covers both dates in full, in UTC', () => {
    expect(periodBounds({ from: '2026-07-01', to: '2026-09-30' })).toEqual({
      start: Date.UTC(2026, 6, 1),
      end: Date.UTC(2026, 9, 1),
    });
  });

  it('rejects impossible dates and reversed periods', () => {
    expect(parseIsoDate('2026-02-30')).toBe(null);
    expect(parseIsoDate('1/15/2026')).toBe(null);
    expect(() => periodBounds({ from: '2026-09-30', to: '2026-07-01' })).toThrow(/ends .* before it starts/);
  });
});

describe('summarizeOutcomes', () => {
  it('computes win rate, median cycle days of won deals and won amount', () => {
    const created = Date.UTC(2026, 0, 1);
    const result = summarizeOutcomes([
      { ownerId: 1, createdAt: created, closedAt: created + 10 * DAY, outcome: 'won', amount: 1000 },
      { ownerId: 1, createdAt: created, closedAt: created + 30 * DAY, outcome: 'won', amount: null },
      { ownerId: 1, createdAt: created, closedAt: created + 12.5 * DAY, outcome: 'won', amount: 500 },
      { ownerId: 1, createdAt: created, closedAt: created + 2 * DAY, outcome: 'lost', amount: 9999 },
    ]);
    expect(result).toEqual({ won: 3, lost: 1, winRate: 0.75, medianCycleDays: 12.5, wonAmount: 1500 });
  });

  it('says null, not zero, when nothing closed or nothing was won', () => {
    expect(summarizeOutcomes([])).toEqual({
      won: 0,
      lost: 0,
      winRate: null,
      medianCycleDays: null,
      wonAmount: 0,
    });
    const lostOnly = summarizeOutcomes([
      { ownerId: 1, createdAt: 0, closedAt: DAY, outcome: 'lost', amount: 5 },
    ]);
    expect(lostOnly.winRate).toBe(0);
    expect(lostOnly.medianCycleDays).toBe(null);
  });
});
