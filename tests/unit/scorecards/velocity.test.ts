import { describe, expect, it } from 'vitest';
import type { ClosedDeal } from '@shared/metrics/repOutcomes';
import { salesVelocity } from '@shared/scorecards/velocity';

const DAY = 86_400_000;

function deal(outcome: 'won' | 'lost', cycleDays: number, amount: number): ClosedDeal {
  return { ownerId: 1, createdAt: 0, closedAt: cycleDays * DAY, outcome, amount };
}

describe('sales velocity', () => {
  it('is open opportunities × win rate × average won amount ÷ median cycle days', () => {
    // 2 won of 4 → 50%; average won 30,000; cycles 20 and 40 → median 30; 12 open.
    // 12 × 0.5 × 30,000 ÷ 30 = 6,000 per day.
    const closed = [
      deal('won', 20, 20_000),
      deal('won', 40, 40_000),
      deal('lost', 10, 5_000),
      deal('lost', 90, 0),
    ];
    expect(salesVelocity(closed, 12)).toBe(6_000);
  });

  it('is 0 when nothing was won and null when nothing closed', () => {
    expect(salesVelocity([deal('lost', 10, 1_000)], 5)).toBe(0);
    expect(salesVelocity([], 5)).toBeNull();
  });

  it('is null when no won deal has a cycle time', () => {
    expect(
      salesVelocity([{ ownerId: 1, createdAt: null, closedAt: DAY, outcome: 'won', amount: 100 }], 3),
    ).toBeNull();
  });
});
