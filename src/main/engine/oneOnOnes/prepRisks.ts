import type { RiskDeal, RiskReason } from '@shared/oneOnOnes/types';
import { loadMoney } from '../queries/money';
import type { Db } from '../db/open';
import { DAY_MS, type WorkflowLookup } from './workflowLookup';

/** A deal with no activity for this long has no next step in motion. */
export const QUIET_DAYS = 14;
/** Actions missed on earlier visits still count against a deal when they fell due this recently. */
const RECENT_MISS_DAYS = 14;

/**
 * The field that holds a deal's agreed next step, when the workflow asks for one in a stage's
 * advancement criteria: deals past that stage should have it filled in.
 */
function nextStepField(lookup: WorkflowLookup): { field: string; afterStage: number } | null {
  for (const stage of lookup.openStages) {
    for (const c of stage.advancementCriteria) {
      if (c.kind === 'field_set' && /next[\s_-]?step/i.test(c.field))
        return { field: c.field, afterStage: lookup.stageIndex(stage.key) };
    }
  }
  return null;
}

type OpenDeal = {
  dealId: number;
  dealName: string;
  account: string | null;
  amount: number | null;
  currency: string | null;
  customFields: string;
  stageKey: string | null;
  visitIndex: number;
  enteredAt: number;
  lastActivityAt: number | null;
};

/** Open deals of the owners in their current stage visit, with when each last saw activity. */
function openDeals(
  db: Db,
  versionId: number,
  ownerIds: readonly number[],
): (OpenDeal & { ownerId: number })[] {
  return db
    .prepare(
      `SELECT v.owner_id AS ownerId, v.deal_id AS dealId, d.name AS dealName, d.account, d.amount, d.currency,
              d.custom_fields AS customFields, v.stage_key AS stageKey, v.visit_index AS visitIndex, v.entered_at AS enteredAt,
              (SELECT max(a.occurred_at) FROM activities a WHERE a.deal_id = d.id) AS lastActivityAt
       FROM eval_visits v JOIN deals d ON d.id = v.deal_id
       WHERE v.workflow_version_id = ? AND v.exited_at IS NULL AND d.status = 'open'
         AND v.owner_id IN (SELECT value FROM json_each(?))`,
    )
    .all(versionId, JSON.stringify(ownerIds)) as (OpenDeal & { ownerId: number })[];
}

/** Missed required actions per open deal: on its current visit, or on earlier ones when recent. */
function missedByDeal(
  db: Db,
  lookup: WorkflowLookup,
  deals: readonly OpenDeal[],
  now: number,
): Map<number, string[]> {
  const current = new Map(deals.map((d) => [d.dealId, d.visitIndex]));
  const missed = new Map<number, string[]>();
  const rows = db
    .prepare(
      `SELECT deal_id AS dealId, visit_index AS visitIndex, stage_key AS stageKey, action_key AS actionKey,
              coalesce(due_at, anchor_at) AS dueAt
       FROM eval_actions WHERE workflow_version_id = ? AND status = 'missed'
         AND deal_id IN (SELECT value FROM json_each(?))`,
    )
    .all(lookup.version.id, JSON.stringify([...current.keys()])) as {
    dealId: number;
    visitIndex: number;
    stageKey: string;
    actionKey: string;
    dueAt: number;
  }[];
  for (const r of rows) {
    if (r.visitIndex !== current.get(r.dealId) && now - r.dueAt > RECENT_MISS_DAYS * DAY_MS) continue;
    missed.set(r.dealId, [...(missed.get(r.dealId) ?? []), lookup.actionLabel(r.stageKey, r.actionKey)]);
  }
  return missed;
}

function reasonsFor(
  deal: OpenDeal,
  lookup: WorkflowLookup,
  missed: readonly string[] | undefined,
  nextStep: ReturnType<typeof nextStepField>,
  now: number,
): RiskReason[] {
  const reasons: RiskReason[] = [];
  const target = deal.stageKey ? lookup.targetMs.get(deal.stageKey) : undefined;
  if (target !== undefined && now - deal.enteredAt > target)
    reasons.push({ kind: 'stalled', days: (now - deal.enteredAt) / DAY_MS, targetDays: target / DAY_MS });
  if (missed?.length) reasons.push({ kind: 'missed_actions', labels: [...new Set(missed)] });
  const quietDays = deal.lastActivityAt === null ? null : (now - deal.lastActivityAt) / DAY_MS;
  const fields = JSON.parse(deal.customFields) as Record<string, unknown>;
  const stageIndex = deal.stageKey ? lookup.stageIndex(deal.stageKey) : -1;
  const fieldMissing =
    nextStep !== null &&
    stageIndex > nextStep.afterStage &&
    (fields[nextStep.field] === undefined ||
      fields[nextStep.field] === null ||
      String(fields[nextStep.field]).trim() === '');
  if (fieldMissing)
    reasons.push({
      kind: 'no_next_step',
      detail:
        quietDays === null
          ? 'no next step recorded and no activity'
          : `no next step recorded; last activity ${Math.floor(quietDays)} d ago`,
    });
  else if (quietDays === null || quietDays > QUIET_DAYS)
    reasons.push({
      kind: 'no_next_step',
      detail: quietDays === null ? 'no activity logged' : `no activity for ${Math.floor(quietDays)} d`,
    });
  return reasons;
}

/**
 * Open deals at risk, per owner: stalled (in the stage longer than its target days), missing
 * required actions (missed on the current stage visit, or on an earlier one in the last two
 * weeks), or with no next step (the workflow's next-step field empty past the stage that asks
 * for it, or no activity for {@link QUIET_DAYS} days). Most reasons first, then the largest amount.
 */
export function dealsAtRisk(
  db: Db,
  lookup: WorkflowLookup,
  ownerIds: readonly number[],
  now: number,
): Map<number, RiskDeal[]> {
  const deals = openDeals(db, lookup.version.id, ownerIds);
  const missed = missedByDeal(db, lookup, deals, now);
  const nextStep = nextStepField(lookup);
  const { converter } = loadMoney(db);
  const byOwner = new Map<number, RiskDeal[]>();
  for (const deal of deals) {
    const reasons = reasonsFor(deal, lookup, missed.get(deal.dealId), nextStep, now);
    if (reasons.length === 0 || deal.stageKey === null) continue;
    const target = lookup.targetMs.get(deal.stageKey);
    const risk: RiskDeal = {
      dealId: deal.dealId,
      dealName: deal.dealName,
      account: deal.account,
      amount: deal.amount,
      currency: deal.currency,
      corporateAmount: deal.amount === null ? null : converter.convertAt(deal.amount, deal.currency, now),
      stageKey: deal.stageKey,
      stageName: lookup.stageName(deal.stageKey),
      daysInStage: (now - deal.enteredAt) / DAY_MS,
      targetDays: target === undefined ? null : target / DAY_MS,
      lastActivityAt: deal.lastActivityAt,
      reasons,
    };
    byOwner.set(deal.ownerId, [...(byOwner.get(deal.ownerId) ?? []), risk]);
  }
  for (const list of byOwner.values())
    list.sort(
      (a, b) =>
        b.reasons.length - a.reasons.length ||
        (b.corporateAmount ?? 0) - (a.corporateAmount ?? 0) ||
        a.dealName.localeCompare(b.dealName),
    );
  return byOwner;
}
