import { describe, expect, it } from 'vitest';
import { timeInStagePerDeal, toStageVisits } from '@shared/workflow/stageVisits';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 0, 1);
const ev = (id: number, stageKey: string | null, day: number, sourceStage = stageKey ?? '?') => ({
  id,
  stageKey,
  sourceStage,
  enteredAt: t0 + day * DAY,
});

describe('toStageVisits', () => {
  it('ends each visit at the next entry into another stage and the last one at openUntil', () => {
    const visits = toStageVisits([ev(1, 'lead', 0), ev(2, 'discovery', 3), ev(3, 'demo', 10)], t0 + 12 * DAY);
    expect(visits.map((v) => [v.stageKey, v.durationMs / DAY, v.exitedAt === null])).toEqual([
      ['lead', 3, false],
      ['discovery', 7, false],
      ['demo', 2, true],
    ]);
  });

  it('does not count a row that repeats the current stage as a visit (Salesforce amount changes)', () => {
    const visits = toStageVisits(
      [ev(1, 'proposal', 0), ev(2, 'proposal', 2), ev(3, 'proposal', 4), ev(4, 'negotiation', 5)],
      t0 + 6 * DAY,
    );
    expect(visits).toHaveLength(2);
    expect(visits[0]!.durationMs).toBe(5 * DAY);
  });

  it('numbers re-entries and reports both per-visit and per-deal totals', () => {
    const visits = toStageVisits(
      [ev(1, 'proposal', 0), ev(2, 'negotiation', 2), ev(3, 'proposal', 5), ev(4, 'negotiation', 6)],
      t0 + 10 * DAY,
    );
    expect(visits.map((v) => `${v.stageKey}#${v.visitNumber}`)).toEqual([
      'proposal#1',
      'negotiation#1',
      'proposal#2',
      'negotiation#2',
    ]);
    const totals = timeInStagePerDeal(visits);
    expect(totals.get('proposal')).toBe(3 * DAY);
    expect(totals.get('negotiation')).toBe(3 * DAY + 4 * DAY);
  });

  it('orders rows by time, then by id, whatever order they arrive in', () => {
    const visits = toStageVisits([ev(3, 'demo', 5), ev(1, 'lead', 0), ev(2, 'discovery', 5)], t0 + 6 * DAY);
    // discovery (id 2) and demo (id 3) share an instant: discovery lasts 0 ms, demo continues.
    expect(visits.map((v) => [v.stageKey, v.durationMs / DAY])).toEqual([
      ['lead', 5],
      ['discovery', 0],
      ['demo', 1],
    ]);
  });

  it('gives terminal stages no duration and keeps unmapped stages apart by their source name', () => {
    const visits = toStageVisits(
      [ev(1, null, 0, 'Custom A'), ev(2, null, 1, 'custom a'), ev(3, null, 2, 'Custom B'), ev(4, 'won', 4)],
      t0 + 30 * DAY,
      (key) => key === 'won',
    );
    expect(visits.map((v) => [v.sourceStage, v.durationMs / DAY])).toEqual([
      ['Custom A', 2],
      ['Custom B', 2],
      ['won', 0],
    ]);
  });
});
