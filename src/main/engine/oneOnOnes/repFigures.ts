import { FIGURE_WINDOW_DAYS, type PrepFigures, type RateFigure, rateFigure } from '@shared/oneOnOnes/figures';
import { summarizeOutcomes } from '@shared/metrics/repOutcomes';
import type { Db } from '../db/open';
import { closedDealsBetween } from '../queries/metrics';
import { DAY_MS, type WorkflowLookup, dayOf } from './workflowLookup';

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * On time / settled (on time + late + missed) among a rep's actions in [start, end): by default
 * those due in it as PRODUCT.md counts them (their stage entry or anchor inside the period);
 * with `byDeadline`, those whose deadline fell inside it (the deal leaving the stage, for an
 * action due before it does) — what a commitment made in the middle of a deal's stage is about.
 */
export function actionRate(
  db: Db,
  lookup: WorkflowLookup,
  repId: number,
  start: number,
  end: number,
  only?: { stageKey: string; actionKey?: string },
  byDeadline = false,
): RateFigure {
  const when = byDeadline ? 'coalesce(due_at, done_at, anchor_at)' : 'anchor_at';
  let sql = `SELECT coalesce(sum(status = 'on_time'), 0) AS ok, count(*) AS total FROM eval_actions
             WHERE workflow_version_id = ? AND ${when} >= ? AND ${when} < ? AND owner_id = ? AND status <> 'pending'`;
  const params: unknown[] = [lookup.version.id, start, end, repId];
  if (only) {
    sql += ' AND stage_key = ?';
    params.push(only.stageKey);
    if (only.actionKey) {
      sql += ' AND action_key = ?';
      params.push(only.actionKey);
    }
  }
  const row = db.prepare(sql).get(...params) as { ok: number; total: number };
  return rateFigure(row.ok, row.total);
}

/** Stage exits in [start, end) with every advancement criterion met / exits where criteria were checked. */
export function criteriaRate(
  db: Db,
  lookup: WorkflowLookup,
  repId: number,
  start: number,
  end: number,
  stageKey?: string,
): RateFigure {
  const row = db
    .prepare(
      `SELECT coalesce(sum(criteria_held = criteria_checked), 0) AS ok, count(*) AS total FROM eval_visits
       WHERE workflow_version_id = ? AND owner_id = ? AND exited_at >= ? AND exited_at < ? AND criteria_checked > 0
         ${stageKey ? 'AND stage_key = ?' : ''}`,
    )
    .get(lookup.version.id, repId, start, end, ...(stageKey ? [stageKey] : [])) as {
    ok: number;
    total: number;
  };
  return rateFigure(row.ok, row.total);
}

type VisitRow = {
  stageKey: string;
  enteredAt: number;
  exitedAt: number | null;
  durationMs: number;
  fate: string | null;
};

/** A rep's visits to open workflow stages entered in [start, end). */
function visitsEntered(
  db: Db,
  lookup: WorkflowLookup,
  repId: number,
  start: number,
  end: number,
): VisitRow[] {
  const keys = lookup.openStages.map((s) => s.key);
  return db
    .prepare(
      `SELECT stage_key AS stageKey, entered_at AS enteredAt, exited_at AS exitedAt, duration_ms AS durationMs, fate
       FROM eval_visits WHERE workflow_version_id = ? AND owner_id = ? AND entered_at >= ? AND entered_at < ?
         AND stage_key IN (${marks(keys.length)})`,
    )
    .all(lookup.version.id, repId, start, end, ...keys) as VisitRow[];
}

/**
 * Stage conversion of the visits entered in [start, end), as it stood at `asOf`: a visit has
 * settled when the deal moved on (to a later stage: converted), was lost or moved back, or has
 * sat past the stage's target days; visits still inside their target are not judged yet.
 */
export function conversionRate(
  db: Db,
  lookup: WorkflowLookup,
  repId: number,
  start: number,
  end: number,
  asOf = end,
): RateFigure {
  let ok = 0;
  let total = 0;
  for (const v of visitsEntered(db, lookup, repId, start, end)) {
    const left = v.exitedAt !== null && v.exitedAt <= asOf;
    if (left) {
      total++;
      if (v.fate === 'next' || v.fate === 'skip') ok++;
    } else {
      const target = lookup.targetMs.get(v.stageKey);
      if (target !== undefined && asOf - v.enteredAt > target) total++;
    }
  }
  return rateFigure(ok, total);
}

/**
 * Visits to one stage entered in [start, end) that stayed within its target days, as judged at
 * `asOf`: a visit that ended within the target went right; one that ran past it (ended or not) went wrong.
 */
export function withinTargetRate(
  db: Db,
  lookup: WorkflowLookup,
  repId: number,
  stageKey: string,
  start: number,
  end: number,
  asOf = end,
): RateFigure {
  const target = lookup.targetMs.get(stageKey);
  if (target === undefined) return rateFigure(0, 0);
  let ok = 0;
  let total = 0;
  for (const v of visitsEntered(db, lookup, repId, start, end)) {
    if (v.stageKey !== stageKey) continue;
    const left = v.exitedAt !== null && v.exitedAt <= asOf;
    const time = left ? v.exitedAt! - v.enteredAt : asOf - v.enteredAt;
    if (time > target) total++;
    else if (left) {
      total++;
      ok++;
    }
  }
  return rateFigure(ok, total);
}

export type StalledAt = { dealId: number; dealName: string; stageKey: string; enteredAt: number };

/**
 * A rep's deals that sat in an open stage past its target days at instant `at` (the deal had
 * entered the stage and not yet left it), optionally in one stage.
 */
export function stalledAt(
  db: Db,
  lookup: WorkflowLookup,
  repId: number,
  at: number,
  stageKey?: string,
): StalledAt[] {
  const keys = stageKey ? [stageKey] : [...lookup.targetMs.keys()];
  if (keys.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT v.deal_id AS dealId, d.name AS dealName, v.stage_key AS stageKey, v.entered_at AS enteredAt
       FROM eval_visits v JOIN deals d ON d.id = v.deal_id
       WHERE v.workflow_version_id = ? AND v.owner_id = ? AND v.entered_at < ? AND v.stage_key IN (${marks(keys.length)})
         AND ((v.exited_at IS NULL AND d.status = 'open') OR v.exited_at > ?)`,
    )
    .all(lookup.version.id, repId, at, ...keys, at) as StalledAt[];
  return rows
    .filter((r) => {
      const target = lookup.targetMs.get(r.stageKey);
      return target !== undefined && at - r.enteredAt > target;
    })
    .sort((a, b) => a.enteredAt - b.enteredAt);
}

/**
 * A rep's headline figures over the {@link FIGURE_WINDOW_DAYS} days before `end`: what a prep
 * shows now and what a held one-on-one stores in its snapshot.
 */
export function repFigures(
  db: Db,
  lookup: WorkflowLookup,
  repId: number,
  end: number,
  zone: string,
): PrepFigures {
  const start = end - FIGURE_WINDOW_DAYS * DAY_MS;
  const closed = closedDealsBetween(db, lookup.version.definition, start, end).filter(
    (d) => d.ownerId === repId,
  );
  const outcome = summarizeOutcomes(closed);
  return {
    from: dayOf(start, zone),
    to: dayOf(end - 1, zone),
    compliance: actionRate(db, lookup, repId, start, end),
    criteria: criteriaRate(db, lookup, repId, start, end),
    conversion: conversionRate(db, lookup, repId, start, end),
    winRate: rateFigure(outcome.won, outcome.won + outcome.lost),
    won: outcome.won,
    lost: outcome.lost,
    wonAmount: outcome.wonAmount,
    stalled: stalledAt(db, lookup, repId, end).length,
    medianCycleDays: outcome.medianCycleDays,
  };
}
