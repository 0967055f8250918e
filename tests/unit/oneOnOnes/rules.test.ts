import { describe, expect, it } from 'vitest';
import {
  type CommitmentRule,
  type RuleLabels,
  commitmentRuleSchema,
  describeRule,
  judgeRule,
  targetFromTeamRate,
} from '../../../src/shared/oneOnOnes/rules';

const labels: RuleLabels = {
  stageName: (key) => ({ proposal: 'Proposal', discovery: 'Discovery' })[key] ?? key,
  actionLabel: (_stage, action) =>
    action === 'proposal_follow_up' ? 'Follow-up booked within 24 hours' : action,
  targetDays: (key) => (key === 'proposal' ? 10 : null),
};

const followUp: CommitmentRule = {
  kind: 'action_on_time',
  stageKey: 'proposal',
  actionKey: 'proposal_follow_up',
  minRate: 0.8,
};

describe('judgeRule', () => {
  it('says met once due when the measured share reaches the target, not met when it falls short', () => {
    expect(judgeRule(followUp, { kind: 'rate', ok: 8, total: 10 }, true)).toMatchObject({
      verdict: 'met',
      value: 0.8,
      target: 0.8,
      summary: '8 of 10 on time (80%, target 80%)',
    });
    expect(judgeRule(followUp, { kind: 'rate', ok: 3, total: 9 }, true)).toMatchObject({
      verdict: 'not_met',
      summary: '3 of 9 on time (33%, target 80%)',
    });
  });

  it('says on track or behind while the commitment runs', () => {
    expect(judgeRule(followUp, { kind: 'rate', ok: 9, total: 10 }, false).verdict).toBe('on_track');
    expect(judgeRule(followUp, { kind: 'rate', ok: 1, total: 10 }, false).verdict).toBe('behind');
  });

  it('has no verdict without anything to count, due or not', () => {
    for (const due of [true, false]) {
      const check = judgeRule(followUp, { kind: 'rate', ok: 0, total: 0 }, due);
      expect(check.verdict).toBe('no_data');
      expect(check.value).toBeNull();
    }
  });

  it('judges "no stalled deals" on the deals stalled, naming them', () => {
    const rule: CommitmentRule = { kind: 'no_stalled_deals', stageKey: 'proposal' };
    const deals = [
      { dealId: 1, dealName: 'Acme — Platform' },
      { dealId: 2, dealName: 'Globex — Pilot' },
    ];
    expect(judgeRule(rule, { kind: 'stalled', deals }, true)).toMatchObject({
      verdict: 'not_met',
      value: 2,
      summary: '2 deals stalled on the due date',
      deals,
    });
    expect(judgeRule(rule, { kind: 'stalled', deals: [] }, false)).toMatchObject({
      verdict: 'on_track',
      value: 0,
    });
  });
});

describe('describeRule', () => {
  it('names the action, stage and target in words', () => {
    expect(describeRule(followUp, labels)).toBe(
      '“Follow-up booked within 24 hours” on time on at least 80% of deals',
    );
    expect(describeRule({ kind: 'within_target', stageKey: 'proposal', minRate: 0.75 }, labels)).toBe(
      'At least 75% of Proposal visits within 10 days',
    );
    expect(describeRule({ kind: 'no_stalled_deals' }, labels)).toBe('No stalled deal by the due date');
    expect(describeRule({ kind: 'criteria_held', stageKey: 'discovery', minRate: 0.9 }, labels)).toBe(
      'At least 90% of deals leave Discovery with every criterion met',
    );
  });
});

describe('commitmentRuleSchema', () => {
  it('accepts each kind and refuses unknown kinds, bad keys and shares outside 0–1', () => {
    expect(commitmentRuleSchema.safeParse(followUp).success).toBe(true);
    expect(commitmentRuleSchema.safeParse({ kind: 'compliance', minRate: 0.7 }).success).toBe(true);
    expect(commitmentRuleSchema.safeParse({ kind: 'no_stalled_deals' }).success).toBe(true);
    expect(commitmentRuleSchema.safeParse({ kind: 'win_more', minRate: 0.5 }).success).toBe(false);
    expect(commitmentRuleSchema.safeParse({ ...followUp, stageKey: 'Proposal Stage' }).success).toBe(false);
    expect(commitmentRuleSchema.safeParse({ ...followUp, minRate: 1.2 }).success).toBe(false);
    expect(commitmentRuleSchema.safeParse({ ...followUp, extra: true }).success).toBe(false);
  });
});

describe('targetFromTeamRate', () => {
  it('rounds the team level down to 5 points, between 50% and 95%', () => {
    expect(targetFromTeamRate(0.88)).toBe(0.85);
    expect(targetFromTeamRate(0.7)).toBe(0.7);
    expect(targetFromTeamRate(0.99)).toBe(0.95);
    expect(targetFromTeamRate(0.2)).toBe(0.5);
    expect(targetFromTeamRate(null)).toBe(0.8);
  });
});
