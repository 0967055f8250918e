import { z } from 'zod';

/**
 * Commitments a rep makes in a one-on-one can carry a rule that the evaluation checks: the
 * manager still decides met / not met, with the measured value next to the decision. Every rule
 * is measured over the commitment's own window — from the moment it was made to its due date
 * (or now, while it runs).
 */

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'is not a workflow key');
const minRate = z.number().min(0, 'must be at least 0%').max(1, 'must be at most 100%');

export const commitmentRuleSchema = z.discriminatedUnion('kind', [
  /** One required action done on time on at least `minRate` of the deals it came due on. */
  z.object({ kind: z.literal('action_on_time'), stageKey: key, actionKey: key, minRate }).strict(),
  /** Every required action together: the rep's on-time rate. */
  z.object({ kind: z.literal('compliance'), minRate }).strict(),
  /** Deals moved on from a stage with all its advancement criteria met. */
  z.object({ kind: z.literal('criteria_held'), stageKey: key, minRate }).strict(),
  /** Stage visits that ended (or are still running) within the stage's target days. */
  z.object({ kind: z.literal('within_target'), stageKey: key, minRate }).strict(),
  /** No open deal over its stage's target days on the due date (in one stage, or any). */
  z.object({ kind: z.literal('no_stalled_deals'), stageKey: key.optional() }).strict(),
]);
export type CommitmentRule = z.infer<typeof commitmentRuleSchema>;
export type CommitmentRuleKind = CommitmentRule['kind'];

export const commitmentRuleKinds: readonly CommitmentRuleKind[] = [
  'action_on_time',
  'compliance',
  'criteria_held',
  'within_target',
  'no_stalled_deals',
];

/** What the evaluation measured for a rule: a share of items, or the deals stalled on the day. */
export type RuleMeasure =
  | { kind: 'rate'; ok: number; total: number }
  | { kind: 'stalled'; deals: { dealId: number; dealName: string }[] };

/**
 * What the data says about a commitment: `met` / `not_met` once it is due, `on_track` /
 * `behind` while it runs, `no_data` when nothing it counts has happened yet.
 */
export type RuleVerdict = 'met' | 'not_met' | 'on_track' | 'behind' | 'no_data';

export type RuleCheck = {
  verdict: RuleVerdict;
  /** The measured share (0–1) or the number of stalled deals; null without data. */
  value: number | null;
  /** The share the rule asks for; null for a rule about stalled deals (it asks for none). */
  target: number | null;
  ok: number;
  total: number;
  /** The measurement in words, e.g. "7 of 9 on time (78%, target 80%)". */
  summary: string;
  /** Deals stalled on the day, for a rule about stalled deals. */
  deals: { dealId: number; dealName: string }[];
};

/** Workflow names a rule is described with. */
export type RuleLabels = {
  stageName: (stageKey: string) => string;
  actionLabel: (stageKey: string, actionKey: string) => string;
  targetDays: (stageKey: string) => number | null;
};

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** The rule in one sentence, as the commitment list shows it next to the text. */
export function describeRule(rule: CommitmentRule, labels: RuleLabels): string {
  switch (rule.kind) {
    case 'action_on_time':
      return `“${labels.actionLabel(rule.stageKey, rule.actionKey)}” on time on at least ${percent(rule.minRate)} of deals`;
    case 'compliance':
      return `At least ${percent(rule.minRate)} of required actions on time`;
    case 'criteria_held':
      return `At least ${percent(rule.minRate)} of deals leave ${labels.stageName(rule.stageKey)} with every criterion met`;
    case 'within_target': {
      const days = labels.targetDays(rule.stageKey);
      const target = days === null ? 'its target days' : `${days} days`;
      return `At least ${percent(rule.minRate)} of ${labels.stageName(rule.stageKey)} visits within ${target}`;
    }
    case 'no_stalled_deals':
      return rule.stageKey
        ? `No deal stalled in ${labels.stageName(rule.stageKey)} by the due date`
        : 'No stalled deal by the due date';
  }
}

/** What a rate rule counts, for the measurement sentence ("7 of 9 on time"). */
function rateNoun(rule: CommitmentRule): string {
  switch (rule.kind) {
    case 'action_on_time':
    case 'compliance':
      return 'on time';
    case 'criteria_held':
      return 'with every criterion met';
    case 'within_target':
      return 'within target';
    case 'no_stalled_deals':
      return 'stalled';
  }
}

/**
 * Judges a commitment's rule from what was measured: a rate rule holds when the measured share
 * reaches `minRate`; "no stalled deals" holds when none is stalled. Before the due date the
 * verdict is `on_track` or `behind` instead of `met` or `not_met`.
 */
export function judgeRule(rule: CommitmentRule, measure: RuleMeasure, dueReached: boolean): RuleCheck {
  if (rule.kind === 'no_stalled_deals') {
    const deals = measure.kind === 'stalled' ? measure.deals : [];
    const count = deals.length;
    const holds = count === 0;
    return {
      verdict: holds ? (dueReached ? 'met' : 'on_track') : dueReached ? 'not_met' : 'behind',
      value: count,
      target: null,
      ok: 0,
      total: count,
      summary:
        count === 0
          ? 'No deal stalled'
          : `${count} ${count === 1 ? 'deal' : 'deals'} stalled${dueReached ? ' on the due date' : ' now'}`,
      deals,
    };
  }
  const { ok, total } = measure.kind === 'rate' ? measure : { ok: 0, total: 0 };
  if (total === 0)
    return {
      verdict: 'no_data',
      value: null,
      target: rule.minRate,
      ok,
      total,
      summary: 'nothing it counts has happened since it was made',
      deals: [],
    };
  const value = ok / total;
  const holds = value >= rule.minRate;
  return {
    verdict: holds ? (dueReached ? 'met' : 'on_track') : dueReached ? 'not_met' : 'behind',
    value,
    target: rule.minRate,
    ok,
    total,
    summary: `${ok} of ${total} ${rateNoun(rule)} (${percent(value)}, target ${percent(rule.minRate)})`,
    deals: [],
  };
}

/** A target share a rep can reach: the team's level rounded down to 5 points, between 50% and 95%. */
export function targetFromTeamRate(teamRate: number | null): number {
  if (teamRate === null) return 0.8;
  return Math.min(0.95, Math.max(0.5, Math.floor(teamRate * 20 + 1e-9) / 20));
}
