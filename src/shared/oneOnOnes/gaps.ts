import { type CommitmentRule, targetFromTeamRate } from './rules';

/**
 * A gap is a part of the workflow where a rep does worse than the rest of the team:
 * - `action`: a required action done on time less often,
 * - `criteria`: deals moved on from a stage without its advancement criteria,
 * - `time`: stage visits running past the stage's target days.
 * Each is a share of the rep's judged items that went right, against the team's share.
 */
export type GapKind = 'action' | 'criteria' | 'time';

export type GapCandidate = {
  kind: GapKind;
  /** Unique per candidate: "action:proposal:proposal_follow_up", "criteria:discovery", "time:proposal". */
  key: string;
  stageKey: string;
  stageName: string;
  /** The required action, for an action gap. */
  actionKey: string | null;
  label: string;
  /** The stage's target days, for a time gap. */
  targetDays: number | null;
  /** The rep's judged items in the window, and how many went right. */
  total: number;
  ok: number;
  /** The same count over the rest of the team. */
  teamTotal: number;
  teamOk: number;
  /**
   * How much more often closed deals are won when this goes right (win rate with − without,
   * PRODUCT.md "Find success patterns"); null when one side had no closed deal.
   */
  lift: number | null;
  /** Closed deals the lift rests on. */
  liftDeals: number;
};

export type RankedGap = GapCandidate & {
  rate: number;
  teamRate: number;
  /** Items that went wrong beyond what a rep at the team's rate would have: teamRate × total − ok. */
  excess: number;
  /** The lift the ranking uses: the measured lift, never below {@link MIN_LIFT}. */
  liftUsed: number;
  /** excess × liftUsed: the wins the gap costs, in deals. */
  impact: number;
};

/** Below this many judged items a rep's rate says too little to rank. */
export const MIN_GAP_ITEMS = 3;
/**
 * The smallest lift a gap is weighed with: a workflow step with no measurable win-rate effect
 * in this data is still worth a little, so a large gap on it can still rank.
 */
export const MIN_LIFT = 0.05;

/**
 * Ranks gaps by impact, the wins they cost:
 *
 *   impact = excess × max(lift, MIN_LIFT),   excess = teamRate × total − ok
 *
 * where `excess` counts the rep's misses beyond what a rep at the team's rate would have had
 * and `lift` is the win-rate difference the step makes on closed deals. Only candidates where
 * the rep is below the team, with at least {@link MIN_GAP_ITEMS} judged items, are ranked;
 * ties go to the larger excess, then the lower rate.
 */
export function rankGaps(candidates: readonly GapCandidate[], limit = 3): RankedGap[] {
  return candidates
    .filter((c) => c.total >= MIN_GAP_ITEMS && c.teamTotal > 0)
    .map((c) => {
      const rate = c.ok / c.total;
      const teamRate = c.teamOk / c.teamTotal;
      const excess = Math.max(0, teamRate * c.total - c.ok);
      const liftUsed = Math.max(c.lift ?? 0, MIN_LIFT);
      return { ...c, rate, teamRate, excess, liftUsed, impact: excess * liftUsed };
    })
    .filter((g) => g.rate < g.teamRate && g.excess >= 0.5)
    .sort(
      (a, b) => b.impact - a.impact || b.excess - a.excess || a.rate - b.rate || a.key.localeCompare(b.key),
    )
    .slice(0, limit);
}

/** A commitment that closes a gap, with the rule that checks it against the team's level. */
export function suggestCommitment(gap: RankedGap): { text: string; rule: CommitmentRule } {
  const minRate = targetFromTeamRate(gap.teamRate);
  switch (gap.kind) {
    case 'action':
      return {
        text: `${gap.label}, on every deal`,
        rule: { kind: 'action_on_time', stageKey: gap.stageKey, actionKey: gap.actionKey ?? '', minRate },
      };
    case 'criteria':
      return {
        text: `Meet every ${gap.stageName} criterion before moving a deal on`,
        rule: { kind: 'criteria_held', stageKey: gap.stageKey, minRate },
      };
    case 'time':
      return {
        text:
          gap.targetDays === null
            ? `Move or close ${gap.stageName} deals within the stage's target`
            : `Move or close ${gap.stageName} deals within ${gap.targetDays} days`,
        rule: { kind: 'within_target', stageKey: gap.stageKey, minRate },
      };
  }
}
