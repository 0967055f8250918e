import { type CommitmentRule, type RuleCheck, type RuleMeasure, judgeRule } from '@shared/oneOnOnes/rules';
import type { Db } from '../db/open';
import { actionRate, criteriaRate, stalledAt, withinTargetRate } from './repFigures';
import { type WorkflowLookup, dayEnd } from './workflowLookup';

export type RuleWindow = { repId: number; createdAt: number; dueOn: string | null };

/**
 * What the evaluation measured for a commitment's rule over the commitment's window: from the
 * moment it was made until the end of its due date, or until `now` while it runs. Actions count
 * when their deadline fell in the window; stage exits and visits when they happened in it.
 */
export function measureRule(
  db: Db,
  lookup: WorkflowLookup,
  rule: CommitmentRule,
  window: RuleWindow,
  now: number,
  zone: string,
): { measure: RuleMeasure; dueReached: boolean } {
  const due = window.dueOn ? dayEnd(window.dueOn, zone) : null;
  const dueReached = due !== null && now >= due;
  const end = Math.max(window.createdAt, due !== null && dueReached ? due : now);
  const { repId, createdAt: start } = window;
  const rate = (r: { ok: number; total: number }): RuleMeasure => ({
    kind: 'rate',
    ok: r.ok,
    total: r.total,
  });
  switch (rule.kind) {
    case 'action_on_time':
      return {
        dueReached,
        measure: rate(
          actionRate(
            db,
            lookup,
            repId,
            start,
            end,
            { stageKey: rule.stageKey, actionKey: rule.actionKey },
            true,
          ),
        ),
      };
    case 'compliance':
      return { dueReached, measure: rate(actionRate(db, lookup, repId, start, end, undefined, true)) };
    case 'criteria_held':
      return { dueReached, measure: rate(criteriaRate(db, lookup, repId, start, end, rule.stageKey)) };
    case 'within_target':
      return { dueReached, measure: rate(withinTargetRate(db, lookup, repId, rule.stageKey, start, end)) };
    case 'no_stalled_deals':
      return {
        dueReached,
        measure: {
          kind: 'stalled',
          deals: stalledAt(db, lookup, repId, end, rule.stageKey).map((s) => ({
            dealId: s.dealId,
            dealName: s.dealName,
          })),
        },
      };
  }
}

/** A commitment's rule judged against the data (see `judgeRule`). */
export function checkRule(
  db: Db,
  lookup: WorkflowLookup,
  rule: CommitmentRule,
  window: RuleWindow,
  now: number,
  zone: string,
): RuleCheck {
  const { measure, dueReached } = measureRule(db, lookup, rule, window, now, zone);
  return judgeRule(rule, measure, dueReached);
}

/** Refuses a rule that names a stage or action the workflow does not have. */
export function ruleProblem(rule: CommitmentRule, lookup: WorkflowLookup): string | null {
  if (rule.kind === 'compliance') return null;
  if (rule.kind === 'no_stalled_deals' && rule.stageKey === undefined) return null;
  const stage = lookup.openStages.find((s) => s.key === rule.stageKey);
  if (!stage) return `The workflow has no open stage "${rule.stageKey}".`;
  if (rule.kind === 'action_on_time' && !stage.requiredActions.some((a) => a.key === rule.actionKey))
    return `${stage.name} has no required action "${rule.actionKey}".`;
  if (rule.kind === 'criteria_held' && stage.advancementCriteria.length === 0)
    return `${stage.name} has no advancement criteria to meet.`;
  if ((rule.kind === 'within_target' || rule.kind === 'no_stalled_deals') && !stage.targetDays)
    return `${stage.name} has no target days.`;
  return null;
}
