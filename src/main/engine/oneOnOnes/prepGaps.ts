import { type GapCandidate, type RankedGap, rankGaps, suggestCommitment } from '@shared/oneOnOnes/gaps';
import type { GapEvidence, GapView } from '@shared/oneOnOnes/types';
import type { Db } from '../db/open';
import type { LiftTable } from './liftTable';
import { DAY_MS, type WorkflowLookup, dayOf } from './workflowLookup';

/** Gaps look back over a quarter: enough deals for a rate to mean something. */
export const GAP_WINDOW_DAYS = 90;
const EVIDENCE_ROWS = 5;

type Counts = { ok: number; total: number };
type Scope = { repId: number; peers: ReadonlySet<number>; start: number; end: number };

function add(
  map: Map<string, { rep: Counts; team: Counts }>,
  key: string,
  isRep: boolean,
  ok: number,
  total: number,
): void {
  const entry = map.get(key) ?? { rep: { ok: 0, total: 0 }, team: { ok: 0, total: 0 } };
  const side = isRep ? entry.rep : entry.team;
  side.ok += ok;
  side.total += total;
  map.set(key, entry);
}

/** Every workflow step the rep and their peers were judged on in the window, with both counts. */
function candidates(db: Db, lookup: WorkflowLookup, lifts: LiftTable, scope: Scope): GapCandidate[] {
  const versionId = lookup.version.id;
  const counts = new Map<string, { rep: Counts; team: Counts }>();
  const mine = (owner: number | null): boolean | null =>
    owner === scope.repId ? true : owner !== null && scope.peers.has(owner) ? false : null;

  for (const row of db
    .prepare(
      `SELECT owner_id AS owner, stage_key AS stageKey, action_key AS actionKey,
              sum(status = 'on_time') AS ok, count(*) AS total
       FROM eval_actions WHERE workflow_version_id = ? AND anchor_at >= ? AND anchor_at < ? AND status <> 'pending'
       GROUP BY owner_id, stage_key, action_key`,
    )
    .all(versionId, scope.start, scope.end) as {
    owner: number | null;
    stageKey: string;
    actionKey: string;
    ok: number;
    total: number;
  }[]) {
    const side = mine(row.owner);
    if (side !== null) add(counts, `action:${row.stageKey}:${row.actionKey}`, side, row.ok, row.total);
  }

  for (const row of db
    .prepare(
      `SELECT owner_id AS owner, stage_key AS stageKey, sum(criteria_held = criteria_checked) AS ok, count(*) AS total
       FROM eval_visits WHERE workflow_version_id = ? AND exited_at >= ? AND exited_at < ? AND criteria_checked > 0
       GROUP BY owner_id, stage_key`,
    )
    .all(versionId, scope.start, scope.end) as {
    owner: number | null;
    stageKey: string;
    ok: number;
    total: number;
  }[]) {
    const side = mine(row.owner);
    if (side !== null) add(counts, `criteria:${row.stageKey}`, side, row.ok, row.total);
  }

  for (const row of db
    .prepare(
      `SELECT owner_id AS owner, stage_key AS stageKey, entered_at AS enteredAt, exited_at AS exitedAt
       FROM eval_visits WHERE workflow_version_id = ? AND entered_at >= ? AND entered_at < ? AND stage_key IS NOT NULL`,
    )
    .all(versionId, scope.start, scope.end) as {
    owner: number | null;
    stageKey: string;
    enteredAt: number;
    exitedAt: number | null;
  }[]) {
    const target = lookup.targetMs.get(row.stageKey);
    const side = mine(row.owner);
    if (target === undefined || side === null) continue;
    const left = row.exitedAt !== null && row.exitedAt <= scope.end;
    const time = (left ? row.exitedAt! : scope.end) - row.enteredAt;
    if (time > target) add(counts, `time:${row.stageKey}`, side, 0, 1);
    else if (left) add(counts, `time:${row.stageKey}`, side, 1, 1);
  }

  return [...counts.entries()].map(([key, { rep, team }]) => {
    const [kind, stageKey, actionKey] = key.split(':') as [GapCandidate['kind'], string, string | undefined];
    const targetDays = lookup.targetMs.has(stageKey) ? lookup.targetMs.get(stageKey)! / DAY_MS : null;
    const stageName = lookup.stageName(stageKey);
    const label =
      kind === 'action'
        ? lookup.actionLabel(stageKey, actionKey!)
        : kind === 'criteria'
          ? `${stageName} criteria met before moving on`
          : `${stageName} within ${targetDays} days`;
    const l = lifts.get(kind === 'action' ? `action:${stageKey}:${actionKey}` : key);
    return {
      kind,
      key,
      stageKey,
      stageName,
      actionKey: actionKey ?? null,
      label,
      targetDays,
      total: rep.total,
      ok: rep.ok,
      teamTotal: team.total,
      teamOk: team.ok,
      lift: l?.lift ?? null,
      liftDeals: l?.deals ?? 0,
    };
  });
}

const days = (ms: number): string => `${(ms / DAY_MS).toFixed(1)} d`;

/** The deals behind a gap: the rep's items that went wrong in the window, latest first. */
function evidence(
  db: Db,
  lookup: WorkflowLookup,
  gap: RankedGap,
  scope: Scope,
): { rows: GapEvidence[]; total: number } {
  const versionId = lookup.version.id;
  if (gap.kind === 'action') {
    const where = `a.workflow_version_id = ? AND a.anchor_at >= ? AND a.anchor_at < ? AND a.owner_id = ?
                   AND a.stage_key = ? AND a.action_key = ? AND a.status IN ('late', 'missed')`;
    const params = [versionId, scope.start, scope.end, scope.repId, gap.stageKey, gap.actionKey];
    const total = (
      db.prepare(`SELECT count(*) AS n FROM eval_actions a WHERE ${where}`).get(...params) as { n: number }
    ).n;
    const rows = db
      .prepare(
        `SELECT a.deal_id AS dealId, d.name AS dealName, a.anchor_at AS at, a.status, a.reason
         FROM eval_actions a JOIN deals d ON d.id = a.deal_id WHERE ${where} ORDER BY a.anchor_at DESC LIMIT ${EVIDENCE_ROWS}`,
      )
      .all(...params) as { dealId: number; dealName: string; at: number; status: string; reason: string }[];
    return {
      total,
      rows: rows.map((r) => ({
        dealId: r.dealId,
        dealName: r.dealName,
        at: r.at,
        outcome: r.status === 'missed' ? 'Missed' : 'Late',
        detail: r.reason,
      })),
    };
  }
  if (gap.kind === 'criteria') {
    const rows = db
      .prepare(
        `SELECT v.deal_id AS dealId, d.name AS dealName, v.exited_at AS at, v.criteria_failed AS failed
         FROM eval_visits v JOIN deals d ON d.id = v.deal_id
         WHERE v.workflow_version_id = ? AND v.owner_id = ? AND v.stage_key = ? AND v.exited_at >= ? AND v.exited_at < ?
           AND v.criteria_checked > 0 AND v.criteria_held < v.criteria_checked
         ORDER BY v.exited_at DESC`,
      )
      .all(versionId, scope.repId, gap.stageKey, scope.start, scope.end) as {
      dealId: number;
      dealName: string;
      at: number;
      failed: string | null;
    }[];
    return {
      total: rows.length,
      rows: rows.slice(0, EVIDENCE_ROWS).map((r) => {
        const failed = (JSON.parse(r.failed ?? '[]') as { key: string }[]).map((f) =>
          lookup.criterionLabel(gap.stageKey, f.key),
        );
        return {
          dealId: r.dealId,
          dealName: r.dealName,
          at: r.at,
          outcome: 'Moved on without',
          detail: failed.join(', '),
        };
      }),
    };
  }
  const target = lookup.targetMs.get(gap.stageKey) ?? 0;
  const rows = (
    db
      .prepare(
        `SELECT v.deal_id AS dealId, d.name AS dealName, v.entered_at AS enteredAt, v.exited_at AS exitedAt
         FROM eval_visits v JOIN deals d ON d.id = v.deal_id
         WHERE v.workflow_version_id = ? AND v.owner_id = ? AND v.stage_key = ? AND v.entered_at >= ? AND v.entered_at < ?
         ORDER BY v.entered_at DESC`,
      )
      .all(versionId, scope.repId, gap.stageKey, scope.start, scope.end) as {
      dealId: number;
      dealName: string;
      enteredAt: number;
      exitedAt: number | null;
    }[]
  )
    .map((r) => {
      const left = r.exitedAt !== null && r.exitedAt <= scope.end;
      return { ...r, left, time: (left ? r.exitedAt! : scope.end) - r.enteredAt };
    })
    .filter((r) => r.time > target)
    .sort((a, b) => b.time - a.time);
  return {
    total: rows.length,
    rows: rows.slice(0, EVIDENCE_ROWS).map((r) => ({
      dealId: r.dealId,
      dealName: r.dealName,
      at: r.enteredAt,
      outcome: r.left ? 'Over target' : 'Still there',
      detail: `${days(r.time)} in ${gap.stageName} (target ${days(target)})`,
    })),
  };
}

/**
 * The rep's top three gaps over the last {@link GAP_WINDOW_DAYS} days against their peers (the
 * rest of their team), ranked by impact (see `rankGaps`), each with the deals behind it, the
 * Execution drill-down for an action, and a commitment that would close it.
 */
export function prepGaps(
  db: Db,
  lookup: WorkflowLookup,
  lifts: LiftTable,
  repId: number,
  peers: ReadonlySet<number>,
  now: number,
  zone: string,
): { gaps: GapView[]; window: { from: string; to: string } } {
  const scope: Scope = { repId, peers, start: now - GAP_WINDOW_DAYS * DAY_MS, end: now };
  const window = { from: dayOf(scope.start, zone), to: dayOf(now, zone) };
  const ranked = rankGaps(candidates(db, lookup, lifts, scope));
  return {
    window,
    gaps: ranked.map((gap) => {
      const { rows, total } = evidence(db, lookup, gap, scope);
      return {
        ...gap,
        evidence: rows,
        evidenceTotal: total,
        drill:
          gap.kind === 'action' && gap.actionKey
            ? { ...window, repId, stageKey: gap.stageKey, actionKey: gap.actionKey }
            : null,
        suggestion: suggestCommitment(gap),
      };
    }),
  };
}
