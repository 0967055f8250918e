import { type WorkingHours, defaultWorkingHours } from '@shared/evaluation/businessHours';
import { evaluateDeal } from '@shared/evaluation/evaluate';
import type { EvalActivity, EvalDeal, EvalStageEvent } from '@shared/evaluation/types';
import type { WorkflowVersion } from '@shared/domain/types';
import { createActivityClassifier } from '@shared/workflow/activityTypes';
import type { RepRole } from '@shared/workflow/definition';
import { createStageMapper } from '@shared/workflow/stageMapping';
import { visitFates } from '@shared/metrics/funnel';
import { DERIVED_EVENT_PREFIX, basisOfSourceRow } from '@shared/import/derivedHistory';
import type { Db } from '../db/open';
import { deferSecondaryIndexes, deferTriggers } from '../import/deferIndexes';
import { dataRevision } from '../queries/dataRevision';
import { getSetting } from '../queries/workspace';

const MINUTE = 60_000;
/** This many deals of one owner moved in the same minute at a quarter end is a bulk move. */
const BULK_MOVE_DEALS = 5;

export function workingHours(db: Db): WorkingHours {
  const zone = getSetting(db, 'time_zone') ?? 'UTC';
  const saved = getSetting(db, 'working_hours');
  return saved
    ? { ...defaultWorkingHours(zone), ...(JSON.parse(saved) as Partial<WorkingHours>), timeZone: zone }
    : defaultWorkingHours(zone);
}

function isQuarterEnd(ms: number): boolean {
  const d = new Date(ms);
  if (d.getUTCMonth() % 3 !== 2) return false;
  return d.getUTCDate() >= new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate() - 1;
}

/** The columns of a deal the evaluator reads. */
export type EvalDealRow = {
  id: number;
  owner_id: number | null;
  status: 'open' | 'won' | 'lost';
  created_at: number | null;
  closed_at: number | null;
  amount: number | null;
  account: string | null;
  pipeline: string | null;
  currency: string | null;
  lost_reason: string | null;
  custom_fields: string;
};

export const evalDealColumns =
  'id, owner_id, status, created_at, closed_at, amount, account, pipeline, currency, lost_reason, custom_fields';

/** A deal as the evaluator takes it: criteria may name a core column or any CRM custom field. */
export function toEvalDeal(row: EvalDealRow, events: EvalStageEvent[], activities: EvalActivity[]): EvalDeal {
  return {
    id: row.id,
    ownerId: row.owner_id,
    status: row.status,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    fields: {
      ...(JSON.parse(row.custom_fields) as Record<string, unknown>),
      amount: row.amount,
      account: row.account,
      pipeline: row.pipeline,
      currency: row.currency,
      lost_reason: row.lost_reason,
    },
    events,
    activities,
  };
}

/** Deals are loaded and judged this many at a time, which keeps the heap (and GC) small. */
const CHUNK_DEALS = 2_000;

/** The last two days of March, June, September and December (UTC): where bulk moves are looked for. */
const QUARTER_END_DAYS = ['03-30', '03-31', '06-29', '06-30', '09-29', '09-30', '12-30', '12-31'];

/**
 * Stage events moved in bulk: at a quarter end, at least {@link BULK_MOVE_DEALS} deals of one
 * owner changed stage in the same minute. Found across all deals, so a partial re-evaluation
 * judges it the same way as a full one.
 */
function bulkMoveEventIds(db: Db): Set<number> {
  const groups = new Map<string, { deals: Set<number>; events: number[] }>();
  const rows = db
    .prepare(
      `SELECT e.id, e.deal_id, d.owner_id, e.entered_at FROM stage_events e JOIN deals d ON d.id = e.deal_id
       WHERE strftime('%m-%d', e.entered_at / 1000, 'unixepoch') IN (${QUARTER_END_DAYS.map(() => '?').join(', ')})`,
    )
    .raw(true)
    .all(...QUARTER_END_DAYS) as [number, number, number | null, number][];
  for (const [id, dealId, ownerId, enteredAt] of rows) {
    if (!isQuarterEnd(enteredAt)) continue;
    const key = `${ownerId ?? 'none'}:${Math.floor(enteredAt / MINUTE)}`;
    const group = groups.get(key) ?? { deals: new Set<number>(), events: [] };
    group.deals.add(dealId);
    group.events.push(id);
    groups.set(key, group);
  }
  const ids = new Set<number>();
  for (const group of groups.values()) {
    if (group.deals.size >= BULK_MOVE_DEALS) group.events.forEach((id) => ids.add(id));
  }
  return ids;
}

/** For each visit, when the deal entered the same stage before it and after it (null when it did not). */
function sameStageNeighbours(visits: readonly { stageKey: string | null; enteredAt: number }[]): {
  previous: (number | null)[];
  following: (number | null)[];
} {
  const previous: (number | null)[] = visits.map(() => null);
  const following: (number | null)[] = visits.map(() => null);
  const last = new Map<string, number>();
  visits.forEach((visit, i) => {
    if (visit.stageKey === null) return;
    const before = last.get(visit.stageKey);
    if (before !== undefined) {
      previous[i] = visits[before]!.enteredAt;
      following[before] = visit.enteredAt;
    }
    last.set(visit.stageKey, i);
  });
  return { previous, following };
}

const EVAL_TABLES = ['eval_visits', 'eval_actions', 'eval_handoffs', 'eval_flags'] as const;

/**
 * Evaluates deals under one workflow version and stores the results in one transaction: every
 * deal (replacing the version's previous results), or only `dealIds` when given (replacing
 * theirs). Stage names and activity types are mapped with that version's own rules, so an older
 * version is judged exactly as it was defined.
 */
export function materializeEvaluations(
  db: Db,
  version: WorkflowVersion,
  now: number,
  dealIds?: readonly number[],
  /** Keep the run's as-of time: the deals left out were judged then and are only that fresh. */
  keepAsOf = false,
): { deals: number } {
  const workflow = version.definition;
  const mapStage = createStageMapper(workflow);
  const classify = createActivityClassifier(workflow.activityRules);
  const classified = new Map<string, string>();
  const mappedStages = new Map<string, string | null>();
  const context = { now, workingHours: workingHours(db), bulkMoveEventIds: bulkMoveEventIds(db) };
  const roles = new Map(
    (db.prepare('SELECT id, role FROM reps').raw(true).all() as [number, RepRole][]).map(([id, role]) => [
      id,
      role,
    ]),
  );
  const ids = dealIds ?? (db.prepare('SELECT id FROM deals ORDER BY id').pluck().all() as number[]);

  const inChunk = 'IN (SELECT value FROM json_each(?))';
  const selectDeals = db.prepare(`SELECT ${evalDealColumns} FROM deals WHERE id ${inChunk} ORDER BY id`);
  const selectEvents = db
    .prepare(
      `SELECT id, deal_id, source_stage, entered_at, CASE WHEN external_id LIKE '${DERIVED_EVENT_PREFIX}%' THEN source_row END
       FROM stage_events WHERE deal_id ${inChunk}`,
    )
    .raw(true);
  const selectActivities = db
    .prepare(
      `SELECT id, deal_id, type, raw_type, subject, occurred_at, rep_id, contact FROM activities
       WHERE deal_id ${inChunk} AND coalesce(json_extract(fields, '$.done'), '') <> 'no'`,
    )
    .raw(true);

  const v = version.id;
  const insertVisit = db.prepare(
    `INSERT INTO eval_visits (workflow_version_id, deal_id, visit_index, owner_id, stage_key, visit_number, entered_at,
       exited_at, duration_ms, next_stage_key, advanced, fate, prev_same_at, next_same_at, skipped, criteria_checked,
       criteria_held, criteria_failed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAction = db.prepare(
    `INSERT INTO eval_actions (workflow_version_id, deal_id, visit_index, owner_id, stage_key, action_key, status,
       anchor_at, due_at, done_at, activity_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHandoff = db.prepare(
    `INSERT INTO eval_handoffs (workflow_version_id, deal_id, owner_id, handoff_key, triggered_at, due_at, first_touch_at,
       activity_id, status, missing_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFlag = db.prepare(
    'INSERT INTO eval_flags (workflow_version_id, deal_id, kind, detail) VALUES (?, ?, ?, ?)',
  );

  const evaluateChunk = (chunk: readonly number[]): void => {
    const json = JSON.stringify(chunk);
    const events = new Map<number, EvalStageEvent[]>();
    for (const [id, dealId, sourceStage, enteredAt, derivedFrom] of selectEvents.all(json) as [
      number,
      number,
      string,
      number,
      string | null,
    ][]) {
      let stageKey = mappedStages.get(sourceStage);
      if (stageKey === undefined) {
        stageKey = mapStage(sourceStage);
        mappedStages.set(sourceStage, stageKey);
      }
      const event: EvalStageEvent = { id, sourceStage, stageKey, enteredAt };
      if (derivedFrom !== null) event.derived = basisOfSourceRow(derivedFrom);
      const list = events.get(dealId);
      if (list) list.push(event);
      else events.set(dealId, [event]);
    }
    const activities = new Map<number, EvalActivity[]>();
    for (const [id, dealId, storedType, rawType, subject, occurredAt, repId, contact] of selectActivities.all(
      json,
    ) as [number, number, string, string | null, string | null, number, number | null, string | null][]) {
      let type = storedType;
      if (rawType !== null) {
        const key = `${rawType}\u0000${subject ?? ''}`;
        type = classified.get(key) ?? classify(rawType, subject);
        classified.set(key, type);
      }
      const activity = {
        id,
        type,
        subject,
        occurredAt,
        repId,
        repRole: repId === null ? null : (roles.get(repId) ?? null),
        contact,
      };
      const list = activities.get(dealId);
      if (list) list.push(activity);
      else activities.set(dealId, [activity]);
    }
    for (const row of selectDeals.all(json) as EvalDealRow[]) {
      const deal = toEvalDeal(row, events.get(row.id) ?? [], activities.get(row.id) ?? []);
      const result = evaluateDeal(deal, workflow, context);
      const fates = visitFates(
        result.visits.map((visit) => visit.stageKey),
        workflow.stages,
      );
      const { previous, following } = sameStageNeighbours(result.visits);
      result.visits.forEach((visit, index) => {
        const failed = visit.criteria.filter((c) => !c.held);
        insertVisit.run(
          v,
          row.id,
          index,
          row.owner_id,
          visit.stageKey,
          visit.visitNumber,
          visit.enteredAt,
          visit.exitedAt,
          visit.durationMs,
          visit.nextStageKey,
          visit.advanced ? 1 : 0,
          fates[index],
          previous[index],
          following[index],
          visit.skipped.length > 0 ? JSON.stringify(visit.skipped) : null,
          visit.criteria.length,
          visit.criteria.length - failed.length,
          failed.length > 0 ? JSON.stringify(failed.map((c) => ({ key: c.key, detail: c.detail }))) : null,
        );
        if (!visit.stageKey) return;
        for (const action of visit.actions) {
          // Never due: nothing to count; the deal page judges its deal live and shows these.
          if (action.status === 'not_due') continue;
          insertAction.run(
            v,
            row.id,
            index,
            row.owner_id,
            visit.stageKey,
            action.actionKey,
            action.status,
            action.anchorAt,
            action.dueAt,
            action.doneAt,
            action.activityId,
            action.reason,
          );
        }
      });
      for (const handoff of result.handoffs) {
        insertHandoff.run(
          v,
          row.id,
          row.owner_id,
          handoff.handoffKey,
          handoff.triggeredAt,
          handoff.dueAt,
          handoff.firstTouchAt,
          handoff.activityId,
          handoff.status,
          JSON.stringify(handoff.missingFields),
        );
      }
      for (const flag of result.flags) insertFlag.run(v, row.id, flag.kind, flag.detail);
    }
  };

  db.transaction(() => {
    let restoreTriggers = (): void => {};
    if (dealIds === undefined) {
      // Every row is replaced and the roll-up rebuilt at the end, so the per-row trigger rests.
      restoreTriggers = deferTriggers(db, 'eval_actions');
      for (const table of EVAL_TABLES)
        db.prepare(`DELETE FROM ${table} WHERE workflow_version_id = ?`).run(v);
    } else {
      // Deleting their action rows takes what they counted out of the roll-up (a trigger).
      for (const table of EVAL_TABLES) {
        db.prepare(`DELETE FROM ${table} WHERE workflow_version_id = ? AND deal_id ${inChunk}`).run(
          v,
          JSON.stringify(dealIds),
        );
      }
    }
    // A full evaluation rebuilds the secondary index once at the end: far cheaper than keeping
    // it sorted through a million inserts.
    const restore =
      dealIds === undefined
        ? [deferSecondaryIndexes(db, 'eval_actions'), deferSecondaryIndexes(db, 'eval_visits')]
        : [];
    for (let i = 0; i < ids.length; i += CHUNK_DEALS) evaluateChunk(ids.slice(i, i + CHUNK_DEALS));
    restore.forEach((recreate) => recreate());
    if (dealIds === undefined) rollUpCompliance(db, v);
    else {
      addToRollUp(db, v, dealIds);
      compactRollUp(db, v);
    }
    restoreTriggers();
    const deals = (db.prepare('SELECT count(*) FROM deals').pluck().get() as number) ?? 0;
    db.prepare(
      `INSERT INTO evaluation_runs (workflow_version_id, computed_at, as_of, data_revision, deals) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (workflow_version_id) DO UPDATE SET computed_at = excluded.computed_at,
         as_of = CASE WHEN ? THEN as_of ELSE excluded.as_of END,
         data_revision = excluded.data_revision, deals = excluded.deals`,
    ).run(v, now, now, dataRevision(db), deals, keepAsOf ? 1 : 0);
  })();
  return { deals: ids.length };
}

const rollUpColumns = `workflow_version_id, month_start, owner_id, stage_key, action_key, on_time, late, missed, pending`;

/** Action rows counted per month, owner, stage and action. */
const countedActions = (where: string) => `
  SELECT workflow_version_id, unixepoch(anchor_at / 1000, 'unixepoch', 'start of month') * 1000, owner_id,
         stage_key, action_key, sum(status = 'on_time'), sum(status = 'late'), sum(status = 'missed'),
         sum(status = 'pending')
  FROM eval_actions WHERE ${where}
  GROUP BY 2, owner_id, stage_key, action_key`;

/** Rebuilds a version's monthly compliance counts (the heatmap's roll-up) from its action rows. */
function rollUpCompliance(db: Db, versionId: number): void {
  db.prepare('DELETE FROM eval_action_months WHERE workflow_version_id = ?').run(versionId);
  db.prepare(
    `INSERT INTO eval_action_months (${rollUpColumns}) ${countedActions('workflow_version_id = ?')}`,
  ).run(versionId);
}

/**
 * Adds what some deals' stored actions count to the roll-up, as extra rows: the heatmap sums the
 * rows of a month, so a partial re-evaluation never rescans every action.
 */
function addToRollUp(db: Db, versionId: number, dealIds: readonly number[]): void {
  db.prepare(
    `INSERT INTO eval_action_months (${rollUpColumns})
     ${countedActions('workflow_version_id = ? AND deal_id IN (SELECT value FROM json_each(?))')}`,
  ).run(versionId, JSON.stringify(dealIds));
}

/** Folds a version's roll-up rows back into one per month, owner, stage and action, dropping empty ones. */
function compactRollUp(db: Db, versionId: number): void {
  const rows = db
    .prepare(
      `SELECT workflow_version_id, month_start, owner_id, stage_key, action_key, sum(on_time), sum(late),
              sum(missed), sum(pending)
       FROM eval_action_months WHERE workflow_version_id = ?
       GROUP BY month_start, owner_id, stage_key, action_key
       HAVING sum(on_time) <> 0 OR sum(late) <> 0 OR sum(missed) <> 0 OR sum(pending) <> 0`,
    )
    .raw(true)
    .all(versionId) as unknown[][];
  db.prepare('DELETE FROM eval_action_months WHERE workflow_version_id = ?').run(versionId);
  const insert = db.prepare(
    `INSERT INTO eval_action_months (${rollUpColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const row of rows) insert.run(...row);
}
