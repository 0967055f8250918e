import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type GapCandidate,
  MIN_GAP_ITEMS,
  MIN_LIFT,
  rankGaps,
  suggestCommitment,
} from '../../../src/shared/oneOnOnes/gaps';

function candidate(over: Partial<GapCandidate> & Pick<GapCandidate, 'key'>): GapCandidate {
  return {
    kind: 'action',
    stageKey: 'proposal',
    stageName: 'Proposal',
    actionKey: 'proposal_follow_up',
    label: 'Follow-up booked within 24 hours',
    targetDays: null,
    total: 20,
    ok: 10,
    teamTotal: 100,
    teamOk: 80,
    lift: 0.2,
    liftDeals: 300,
    ...over,
  };
}

describe('rankGaps', () => {
  it('weighs the misses beyond the team rate by the win-rate lift', () => {
    const [gap] = rankGaps([candidate({ key: 'a' })]);
    // 20 items at the team's 80% would have had 16 right; the rep had 10: 6 misses beyond.
    expect(gap!.excess).toBeCloseTo(6);
    expect(gap!.impact).toBeCloseTo(6 * 0.2);
    expect(gap!.rate).toBe(0.5);
    expect(gap!.teamRate).toBe(0.8);
  });

  it('ranks a smaller gap on a step that wins deals above a bigger one that does not', () => {
    const ranked = rankGaps([
      candidate({ key: 'big-but-idle', total: 40, ok: 20, lift: 0 }),
      candidate({ key: 'small-but-costly', total: 20, ok: 12, lift: 0.3 }),
    ]);
    // 12 × 0.05 = 0.6 against 4 × 0.3 = 1.2.
    expect(ranked.map((g) => g.key)).toEqual(['small-but-costly', 'big-but-idle']);
    expect(ranked[1]!.liftUsed).toBe(MIN_LIFT);
  });

  it('leaves out steps where the rep is at or above the team, or has too few items', () => {
    const ranked = rankGaps([
      candidate({ key: 'better', ok: 18 }),
      candidate({ key: 'few', total: MIN_GAP_ITEMS - 1, ok: 0 }),
      candidate({ key: 'no-team', teamTotal: 0, teamOk: 0 }),
      candidate({ key: 'real' }),
    ]);
    expect(ranked.map((g) => g.key)).toEqual(['real']);
  });

  it('keeps the three with the most impact, in order, whatever the candidates', () => {
    const arb = fc.record({
      total: fc.integer({ min: 0, max: 60 }),
      okShare: fc.double({ min: 0, max: 1, noNaN: true }),
      teamShare: fc.double({ min: 0, max: 1, noNaN: true }),
      lift: fc.option(fc.double({ min: -0.5, max: 0.5, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 12 }), (rows) => {
        const list = rows.map((r, i) =>
          candidate({
            key: `k${i}`,
            total: r.total,
            ok: Math.round(r.total * r.okShare),
            teamTotal: 100,
            teamOk: Math.round(100 * r.teamShare),
            lift: r.lift,
          }),
        );
        const ranked = rankGaps(list);
        expect(ranked.length).toBeLessThanOrEqual(3);
        for (let i = 1; i < ranked.length; i++)
          expect(ranked[i - 1]!.impact).toBeGreaterThanOrEqual(ranked[i]!.impact);
        for (const g of ranked) {
          expect(g.rate).toBeLessThan(g.teamRate);
          expect(g.impact).toBeCloseTo(g.excess * Math.max(g.lift ?? 0, MIN_LIFT));
        }
        // Nothing left out beats the last one kept.
        const kept = new Set(ranked.map((g) => g.key));
        const all = rankGaps(list, list.length);
        const last = ranked.at(-1);
        if (last)
          for (const g of all) if (!kept.has(g.key)) expect(g.impact).toBeLessThanOrEqual(last.impact);
      }),
    );
  });
});

describe('suggestCommitment', () => {
  it('turns an action gap into a commitment checked at the team level', () => {
    const [gap] = rankGaps([candidate({ key: 'a', teamOk: 88 })]);
    expect(suggestCommitment(gap!)).toEqual({
      text: 'Follow-up booked within 24 hours, on every deal',
      rule: { kind: 'action_on_time', stageKey: 'proposal', actionKey: 'proposal_follow_up', minRate: 0.85 },
    });
  });

  it('turns criteria and time gaps into their own rules', () => {
    const [criteria] = rankGaps([
      candidate({
        key: 'c',
        kind: 'criteria',
        actionKey: null,
        stageName: 'Discovery',
        stageKey: 'discovery',
      }),
    ]);
    expect(suggestCommitment(criteria!).rule).toEqual({
      kind: 'criteria_held',
      stageKey: 'discovery',
      minRate: 0.8,
    });
    const [time] = rankGaps([candidate({ key: 't', kind: 'time', actionKey: null, targetDays: 10 })]);
    expect(suggestCommitment(time!)).toEqual({
      text: 'Move or close Proposal deals within 10 days',
      rule: { kind: 'within_target', stageKey: 'proposal', minRate: 0.8 },
    });
  });
});
