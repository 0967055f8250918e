import { describe, expect, it } from 'vitest';
import { rankGaps, suggestCommitment } from '../../../src/shared/oneOnOnes/gaps';
import type { FigureChange } from '../../../src/shared/oneOnOnes/figures';
import {
  MAX_TALKING_POINTS,
  type TalkingPointInput,
  buildTalkingPoints,
  joinNames,
  shortAmount,
} from '../../../src/shared/oneOnOnes/talkingPoints';
import type {
  ClosedDealRef,
  CommitmentItem,
  GapView,
  ObservationItem,
  RiskDeal,
} from '../../../src/shared/oneOnOnes/types';

const TODAY = '2026-11-27';

function commitment(over: Partial<CommitmentItem>): CommitmentItem {
  return {
    id: 1,
    repId: 5,
    text: 'Book the follow-up within 24 h of every proposal',
    dueOn: '2026-12-04',
    status: 'open',
    createdAt: Date.parse('2026-11-19T16:00:00Z'),
    resolvedAt: null,
    resolutionNote: null,
    oneOnOneId: 2,
    observationId: null,
    rule: null,
    ruleText: null,
    check: null,
    overdue: false,
    ...over,
  };
}

const gap: GapView = (() => {
  const [ranked] = rankGaps([
    {
      kind: 'action',
      key: 'action:proposal:proposal_follow_up',
      stageKey: 'proposal',
      stageName: 'Proposal',
      actionKey: 'proposal_follow_up',
      label: 'Follow-up booked within 24 hours',
      targetDays: null,
      total: 18,
      ok: 3,
      teamTotal: 100,
      teamOk: 88,
      lift: 0.21,
      liftDeals: 554,
    },
  ]);
  return {
    ...ranked!,
    evidence: [
      {
        dealId: 11,
        dealName: 'Juniper Security — Team plan',
        at: 0,
        outcome: 'Missed',
        detail: 'not done within 24 h',
      },
      {
        dealId: 12,
        dealName: 'Beacon Analytics — Expansion',
        at: 0,
        outcome: 'Late',
        detail: 'done 27 h late',
      },
    ],
    evidenceTotal: 15,
    drill: null,
    suggestion: suggestCommitment(ranked!),
  };
})();

const risk: RiskDeal = {
  dealId: 21,
  dealName: 'Everest Hotels — Platform',
  amount: 50_500,
  currency: 'USD',
  corporateAmount: 50_500,
  account: 'Everest Hotels',
  stageKey: 'negotiation',
  stageName: 'Negotiation',
  daysInStage: 69,
  targetDays: 14,
  lastActivityAt: null,
  reasons: [{ kind: 'stalled', days: 69, targetDays: 14 }],
};

const won: ClosedDealRef = {
  dealId: 31,
  dealName: 'Saffron Software — Analytics add-on',
  amount: 84_000,
  currency: 'USD',
  outcome: 'won',
  closedAt: 0,
  fromStageName: 'Negotiation',
  lostReason: null,
};

const observation: ObservationItem = {
  id: 41,
  coach: 'Hannah Brooks',
  observedOn: '2026-11-24',
  dealId: 41,
  dealName: 'Sterling Insurance — Pilot',
  stageName: 'Discovery',
  checklist: { done: 4, partial: 1, skipped: 1, na: 0 },
  missed: [{ label: 'Discovery notes logged', state: 'skipped' }],
  rubricAverage: 2.6,
  lowScores: [{ criterion: 'Next step clarity', score: 2 }],
  tags: [
    { tag: 'outdated deck', tone: 'negative' },
    { tag: 'great discovery', tone: 'positive' },
  ],
  notes: '',
};

const compliance: FigureChange = {
  key: 'compliance',
  label: 'Actions on time',
  unit: 'share',
  direction: 'higher',
  now: 0.42,
  then: 0.55,
  delta: -0.13,
  tone: 'worse',
  basis: '32 of 76 actions',
};

function input(over: Partial<TalkingPointInput> = {}): TalkingPointInput {
  return {
    since: '2026-11-19',
    sinceLastOneOnOne: true,
    commitments: [],
    figures: [],
    gaps: [],
    risks: [],
    won: [],
    lost: [],
    observations: [],
    ...over,
  };
}

describe('buildTalkingPoints', () => {
  it('follows up a commitment the data says is behind, with the measurement', () => {
    const behind = commitment({
      rule: { kind: 'action_on_time', stageKey: 'proposal', actionKey: 'proposal_follow_up', minRate: 0.8 },
      check: {
        verdict: 'behind',
        value: 3 / 9,
        target: 0.8,
        ok: 3,
        total: 9,
        summary: '3 of 9 on time (33%, target 80%)',
        deals: [],
      },
    });
    const [first] = buildTalkingPoints(input({ commitments: [behind] }), TODAY);
    expect(first).toEqual({
      source: 'commitment',
      text: '“Book the follow-up within 24 h of every proposal” is behind: 3 of 9 on time (33%, target 80%), due 4 Dec. Ask what got in the way.',
    });
  });

  it('asks about an overdue commitment nobody resolved', () => {
    const points = buildTalkingPoints(
      input({
        commitments: [commitment({ text: 'Shadow Daniel on two demos', dueOn: '2026-11-11', overdue: true })],
      }),
      TODAY,
    );
    expect(points[0]!.text).toBe(
      '“Shadow Daniel on two demos” was due on 11 Nov and is still open. Met, not met, or drop it?',
    );
  });

  it('names the gap with its numbers and example deals, and the deals at risk', () => {
    const texts = buildTalkingPoints(input({ gaps: [gap], risks: [risk] }), TODAY).map((p) => p.text);
    expect(texts[0]).toBe(
      "Biggest gap: “Follow-up booked within 24 hours” on time on 17% of deals (3 of 18) against 88% for the team — 13 misses beyond the team's rate, e.g. Juniper Security — Team plan and Beacon Analytics — Expansion.",
    );
    expect(texts[1]).toBe(
      '1 deal at risk worth $50.5K: Everest Hotels — Platform (69 d in Negotiation, target 14). Agree a next step for each, or close it.',
    );
  });

  it('raises concerns first and keeps recognition at the end', () => {
    const points = buildTalkingPoints(
      input({ figures: [compliance], gaps: [gap], risks: [risk], won: [won], observations: [observation] }),
      TODAY,
    );
    const sources = points.map((p) => p.source);
    expect(sources.indexOf('win')).toBeGreaterThan(sources.lastIndexOf('gap'));
    expect(points.find((p) => p.source === 'change')!.text).toBe(
      'Actions on time fell from 55% to 42% since 19 Nov (32 of 76 actions). What changed?',
    );
    expect(points.find((p) => p.source === 'observation')!.text).toBe(
      'Hannah Brooks saw “outdated deck” and scored Next step clarity 2/5 on Sterling Insurance — Pilot (Discovery) on 24 Nov: talk it through.',
    );
    expect(
      points.some(
        (p) =>
          p.text ===
          'Won 1 deal since 19 Nov ($84K), including Saffron Software — Analytics add-on: recognise it.',
      ),
    ).toBe(true);
  });

  it('never lists more than the cap, and still leaves room for recognition', () => {
    const many = Array.from({ length: 6 }, (_, i) =>
      commitment({ id: i, text: `Commitment ${i}`, dueOn: '2026-11-01', overdue: true }),
    );
    const points = buildTalkingPoints(
      input({
        commitments: many,
        figures: [compliance],
        gaps: [gap, gap],
        risks: [risk],
        won: [won],
        observations: [observation],
      }),
      TODAY,
    );
    expect(points.length).toBe(MAX_TALKING_POINTS);
    expect(points.some((p) => p.source === 'win')).toBe(true);
  });

  it('says "in the last 30 days" when there was no one-on-one before', () => {
    const [point] = buildTalkingPoints(input({ sinceLastOneOnOne: false, won: [won] }), TODAY);
    expect(point!.text).toContain('in the last 30 days');
  });

  it('has nothing to say about nothing', () => {
    expect(buildTalkingPoints(input(), TODAY)).toEqual([]);
  });
});

describe('sentence helpers', () => {
  it('joins names the way people write them', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('writes amounts compactly in their currency', () => {
    expect(shortAmount(642_700, 'USD')).toBe('$642.7K');
    expect(shortAmount(1_200, null)).toBe('$1.2K');
    expect(shortAmount(1_200, 'XYZ1')).toBe('1,200 XYZ1');
  });
});
