import { describe, expect, it } from 'vitest';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import { type FunnelVisit, stageFunnel } from '@shared/metrics/funnel';
import { actionPatterns, type PatternDeal, topQuartileReps } from '@shared/metrics/patterns';
import { processMap } from '@shared/metrics/processMap';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 6, 1);

/** A deal's visits from [stage, day entered] pairs; the last visit runs to `until`. */
function deal(dealId: number, path: [string, number][], until = 100): FunnelVisit[] {
  return path.map(([stageKey, day], i) => {
    const next = path[i + 1];
    const terminal = stageKey === 'won' || stageKey === 'lost';
    const end = next ? next[1] : until;
    return {
      dealId,
      ownerId: 1,
      stageKey,
      enteredAt: t0 + day * DAY,
      exitedAt: next ? t0 + next[1] * DAY : null,
      durationMs: terminal ? 0 : (end - day) * DAY,
    };
  });
}

const stages = defaultWorkflow.stages;

describe('stageFunnel', () => {
  const visits = [
    ...deal(1, [
      ['lead', 0],
      ['discovery', 2],
      ['demo', 5],
      ['won', 9],
    ]),
    ...deal(2, [
      ['lead', 1],
      ['demo', 4],
      ['lost', 6],
    ]), // skips discovery
    ...deal(3, [
      ['lead', 3],
      ['lost', 4],
    ]),
    ...deal(
      4,
      [
        ['proposal', 2],
        ['negotiation', 3],
        ['proposal', 6],
        ['negotiation', 8],
      ],
      20,
    ), // re-entries, open
    ...deal(5, [
      ['lead', 40],
      ['discovery', 45],
    ]), // after the period
  ];
  const funnel = stageFunnel(visits, stages, t0, t0 + 30 * DAY);
  const byKey = Object.fromEntries(funnel.map((s) => [s.key, s]));

  it('counts each deal once per stage and the share that later entered the next or a later stage', () => {
    expect(byKey.lead).toMatchObject({
      entered: 3,
      advanced: 2,
      skippedNext: 1,
      lost: 1,
      conversionToNext: 2 / 3,
    });
    expect(byKey.discovery).toMatchObject({ entered: 1, advanced: 1, skippedNext: 0, conversionToNext: 1 });
    expect(byKey.demo).toMatchObject({ entered: 2, advanced: 1, lost: 1, conversionToNext: 0.5 });
    expect(byKey.negotiation).toMatchObject({ entered: 1, advanced: 0, conversionToNext: 0 });
    expect(byKey.proposal).toMatchObject({ entered: 1, advanced: 1, conversionToNext: 1 });
  });

  it('reports time in stage per visit and per deal', () => {
    // Deal 4's proposal visits last 1 and 2 days; its negotiation visits 3 and 12 days (open until day 20).
    expect(byKey.proposal!.perVisit).toMatchObject({ count: 2, medianDays: 1.5 });
    expect(byKey.proposal!.perDeal).toMatchObject({ count: 1, medianDays: 3 });
    expect(byKey.negotiation!.perDeal).toMatchObject({ count: 1, medianDays: 15 });
    expect(byKey.lead!.perVisit).toMatchObject({ count: 3, medianDays: 2, p75Days: 2.5 });
  });
});

describe('processMap', () => {
  const visits = [
    ...deal(1, [
      ['lead', 0],
      ['discovery', 2],
      ['demo', 5],
      ['won', 9],
    ]),
    ...deal(2, [
      ['lead', 0],
      ['discovery', 3],
      ['demo', 6],
      ['won', 10],
    ]),
    ...deal(3, [
      ['lead', 0],
      ['demo', 4],
      ['lost', 6],
    ]),
    ...deal(4, [
      ['proposal', 0],
      ['negotiation', 3],
      ['proposal', 6],
    ]),
  ];
  const map = processMap(visits, stages);

  it('lists variants by frequency with share and median duration', () => {
    expect(map.deals).toBe(4);
    expect(map.variants[0]).toEqual({
      path: ['lead', 'discovery', 'demo', 'won'],
      deals: 2,
      share: 0.5,
      medianDays: 9.5,
      won: 2,
      lost: 0,
    });
  });

  it('classes every observed move against the defined order', () => {
    const kind = (from: string, to: string) => map.edges.find((e) => e.from === from && e.to === to)?.kind;
    expect(kind('lead', 'discovery')).toBe('forward');
    expect(kind('lead', 'demo')).toBe('skip');
    expect(kind('negotiation', 'proposal')).toBe('loop_back');
    expect(kind('demo', 'won')).toBe('close');
    expect(map.edges.find((e) => e.from === 'lead' && e.to === 'discovery')).toMatchObject({
      transitions: 2,
      medianDays: 2.5,
    });
  });
});

describe('actionPatterns', () => {
  const d = (
    dealId: number,
    ownerId: number,
    won: boolean,
    cycleDays: number,
    recap?: boolean,
  ): PatternDeal => ({
    dealId,
    ownerId,
    won,
    cycleDays,
    actions: recap === undefined ? new Map() : new Map([['demo:demo_recap', recap]]),
  });

  it('compares win rate and cycle with and without the action, with sample sizes', () => {
    const deals = [
      d(1, 1, true, 30, true),
      d(2, 1, true, 40, true),
      d(3, 2, false, 50, true),
      d(4, 2, false, 20, false),
      d(5, 2, true, 60, false),
      d(6, 2, false, 10),
    ];
    const [recap] = actionPatterns(deals, new Map([['demo:demo_recap', 'Recap within 24 h']]));
    expect(recap).toMatchObject({
      label: 'Recap within 24 h',
      withAction: { deals: 3, won: 2, winRate: 2 / 3, medianCycleDays: 35 },
      withoutAction: { deals: 2, won: 1, winRate: 0.5, medianCycleDays: 60 },
      smallSample: true,
    });
    expect(recap!.winRateLift).toBeCloseTo(2 / 3 - 0.5);
  });

  it('finds the top quartile of reps by win rate among reps with enough closed deals', () => {
    const deals = [
      ...Array.from({ length: 5 }, (_, i) => d(i, 1, true, 10)),
      ...Array.from({ length: 5 }, (_, i) => d(10 + i, 2, i < 2, 10)),
      ...Array.from({ length: 5 }, (_, i) => d(20 + i, 3, i < 1, 10)),
      ...Array.from({ length: 5 }, (_, i) => d(30 + i, 4, false, 10)),
      d(40, 5, true, 10),
    ];
    expect([...topQuartileReps(deals)]).toEqual([1]);
  });
});
