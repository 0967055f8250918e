import type { BrokenRule, ClosedDealRef, StalledDealRef } from '@shared/oneOnOnes/types';
import type { Db } from '../db/open';
import { closedDealsBetween } from '../queries/metrics';
import { stalledAt } from './repFigures';
import { DAY_MS, type WorkflowLookup } from './workflowLookup';

/** At most this many deals are listed under one broken rule. */
const DEALS_PER_RULE = 6;

type DealInfo = {
  id: number;
  name: string;
  amount: number | null;
  currency: string | null;
  lostReason: string | null;
};

function dealInfo(db: Db, ids: readonly number[]): Map<number, DealInfo> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT id, name, amount, currency, lost_reason AS lostReason FROM deals
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as DealInfo[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Open deals that went over their stage's target days after `since` and are still there. */
export function newStalls(
  db: Db,
  lookup: WorkflowLookup,
  repId: number,
  since: number,
  now: number,
): StalledDealRef[] {
  const stalled = stalledAt(db, lookup, repId, now).filter(
    (s) => s.enteredAt + lookup.targetMs.get(s.stageKey)! >= since,
  );
  const info = dealInfo(
    db,
    stalled.map((s) => s.dealId),
  );
  return stalled.map((s) => {
    const target = lookup.targetMs.get(s.stageKey)!;
    const deal = info.get(s.dealId);
    return {
      dealId: s.dealId,
      dealName: s.dealName,
      amount: deal?.amount ?? null,
      currency: deal?.currency ?? null,
      stageKey: s.stageKey,
      stageName: lookup.stageName(s.stageKey),
      days: (now - s.enteredAt) / DAY_MS,
      targetDays: target / DAY_MS,
      stalledAt: s.enteredAt + target,
    };
  });
}

/**
 * The workflow's rules the rep broke since `since`: required actions whose deadline passed
 * without them (missed) or that were done after it (late), and stage exits that left
 * advancement criteria unmet — grouped per rule, the most broken first.
 */
export function brokenRules(
  db: Db,
  lookup: WorkflowLookup,
  repId: number,
  since: number,
  now: number,
): { rules: BrokenRule[]; total: number } {
  const versionId = lookup.version.id;
  const groups = new Map<string, BrokenRule>();
  const actions = db
    .prepare(
      `SELECT a.deal_id AS dealId, d.name AS dealName, a.stage_key AS stageKey, a.action_key AS actionKey, a.status,
              coalesce(a.due_at, a.anchor_at) AS at, a.reason
       FROM eval_actions a JOIN deals d ON d.id = a.deal_id
       WHERE a.workflow_version_id = ? AND a.owner_id = ? AND a.anchor_at >= ? AND a.status IN ('missed', 'late')
         AND coalesce(a.due_at, a.anchor_at) >= ? AND coalesce(a.due_at, a.anchor_at) < ?
       ORDER BY at DESC`,
    )
    // Deadlines run days after their anchor: anchors from up to 30 days before can fall due since.
    .all(versionId, repId, since - 30 * DAY_MS, since, now) as {
    dealId: number;
    dealName: string;
    stageKey: string;
    actionKey: string;
    status: 'missed' | 'late';
    at: number;
    reason: string;
  }[];
  let total = 0;
  for (const a of actions) {
    total++;
    const key = `action:${a.stageKey}:${a.actionKey}`;
    const group = groups.get(key) ?? {
      kind: 'action' as const,
      stageKey: a.stageKey,
      stageName: lookup.stageName(a.stageKey),
      key: a.actionKey,
      label: lookup.actionLabel(a.stageKey, a.actionKey),
      deals: [],
      total: 0,
    };
    group.total++;
    group.deals.push({
      dealId: a.dealId,
      dealName: a.dealName,
      at: a.at,
      status: a.status,
      detail: a.reason,
    });
    groups.set(key, group);
  }
  const exits = db
    .prepare(
      `SELECT v.deal_id AS dealId, d.name AS dealName, v.stage_key AS stageKey, v.exited_at AS at, v.criteria_failed AS failed
       FROM eval_visits v JOIN deals d ON d.id = v.deal_id
       WHERE v.workflow_version_id = ? AND v.owner_id = ? AND v.exited_at >= ? AND v.exited_at < ?
         AND v.criteria_checked > 0 AND v.criteria_held < v.criteria_checked
       ORDER BY v.exited_at DESC`,
    )
    .all(versionId, repId, since, now) as {
    dealId: number;
    dealName: string;
    stageKey: string;
    at: number;
    failed: string | null;
  }[];
  for (const e of exits) {
    total++;
    const key = `criteria:${e.stageKey}`;
    const group = groups.get(key) ?? {
      kind: 'criteria' as const,
      stageKey: e.stageKey,
      stageName: lookup.stageName(e.stageKey),
      key: e.stageKey,
      label: `Left ${lookup.stageName(e.stageKey)} without its criteria`,
      deals: [],
      total: 0,
    };
    group.total++;
    const failed = (JSON.parse(e.failed ?? '[]') as { key: string }[]).map((f) =>
      lookup.criterionLabel(e.stageKey, f.key),
    );
    group.deals.push({
      dealId: e.dealId,
      dealName: e.dealName,
      at: e.at,
      status: 'failed',
      detail: `missing: ${failed.join(', ')}`,
    });
    groups.set(key, group);
  }
  const rules = [...groups.values()]
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label))
    .map((rule) => ({ ...rule, deals: rule.deals.slice(0, DEALS_PER_RULE) }));
  return { rules, total };
}

/** Deals the rep won and lost since `since` (their history entered a won or lost stage then). */
export function closedSince(
  db: Db,
  lookup: WorkflowLookup,
  repId: number,
  since: number,
  now: number,
): { won: ClosedDealRef[]; lost: ClosedDealRef[] } {
  const closed = closedDealsBetween(db, lookup.version.definition, since, now).filter(
    (d) => d.ownerId === repId && d.dealId !== undefined,
  );
  const info = dealInfo(
    db,
    closed.map((d) => d.dealId!),
  );
  const openKeys = JSON.stringify(lookup.openStages.map((s) => s.key));
  const before = db.prepare(
    `SELECT stage_key FROM eval_visits WHERE workflow_version_id = ? AND deal_id = ? AND entered_at < ?
       AND stage_key IN (SELECT value FROM json_each(?))
     ORDER BY visit_index DESC LIMIT 1`,
  );
  const refs = closed
    .map((d): ClosedDealRef => {
      const deal = info.get(d.dealId!);
      const from = before.pluck().get(lookup.version.id, d.dealId, d.closedAt, openKeys) as
        | string
        | null
        | undefined;
      return {
        dealId: d.dealId!,
        dealName: deal?.name ?? `Deal ${d.dealId}`,
        amount: deal?.amount ?? d.amount,
        currency: deal?.currency ?? null,
        outcome: d.outcome,
        closedAt: d.closedAt,
        fromStageName: from ? lookup.stageName(from) : null,
        lostReason: d.outcome === 'lost' ? (deal?.lostReason ?? null) : null,
      };
    })
    .sort((a, b) => b.closedAt - a.closedAt);
  return { won: refs.filter((r) => r.outcome === 'won'), lost: refs.filter((r) => r.outcome === 'lost') };
}
