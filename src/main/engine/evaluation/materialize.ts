import { type WorkingHours, defaultWorkingHours } from '@shared/evaluation/businessHours';
import { evaluateDeal } from '@shared/evaluation/evaluate';
import type { EvalActivity, EvalDeal, EvalStageEvent } from '@shared/evaluation/types';
import type { WorkflowVersion } from '@shared/domain/types';
import { createActivityClassifier } from '@shared/workflow/activityTypes';
import type { RepRole } from '@shared/workflow/definition';
import { createStageMapper } from '@shared/workflow/stageMapping';
import type { Db } from '../db/open';
import { deferSecondaryIndexes } from '../import/deferIndexes';
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

/** The revision of the imported data; every import, undo and demo change moves it on. */
export function dataRevision(db: Db): number {
  return Number(getSetting(db, 'data_revision') ?? '0');
}

export function bumpDataRevision(db: Db): void {
  db.prepare(
    `INSERT INTO settings (key, value) VALUES ('data_revision', '1')
     ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`,
  ).run();
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

/**
 * Evaluates every deal under one workflow version and stores the results, replacing that
 * version's previous ones in one transaction. Stage names and activity types are mapped with
 * that version's own rules, so an older version is judged exactly as it was defined.
 */
export function materializeEvaluations(db: Db, version: WorkflowVersion, now: number): { deals: number } {
  const workflow = version.definition;
  const mapStage = createStageMapper(workflow);
  const classify = createActivityClassifier(workflow.activityRules);
  const classified = new Map<string, string>();
  const context = { now, workingHours: workingHours(db), bulkMoveEventIds: new Set<number>() };

  const roles = new Map(
    (db.prepare('SELECT id, role FROM reps').all() as { id: number; role: RepRole }[]).map((r) => [
      r.id,
      r.role,
    ]),
  );
  const deals = db.prepare(`SELECT ${evalDealColumns} FROM deals ORDER BY id`).all() as EvalDealRow[];
  const owners = new Map(deals.map((d) => [d.id, d.owner_id]));

  const events = new Map<number, EvalStageEvent[]>();
  const bulkCandidates = new Map<string, { dealIds: Set<number>; eventIds: number[] }>();
  for (const row of db
    .prepare(
      'SELECT id, deal_id AS dealId, source_stage AS sourceStage, entered_at AS enteredAt FROM stage_events',
    )
    .iterate() as Iterable<{ id: number; dealId: number; sourceStage: string; enteredAt: number }>) {
    const list = events.get(row.dealId) ?? [];
    list.push({
      id: row.id,
      sourceStage: row.sourceStage,
      stageKey: mapStage(row.sourceStage),
      enteredAt: row.enteredAt,
    });
    events.set(row.dealId, list);
    if (isQuarterEnd(row.enteredAt)) {
      const key = `${owners.get(row.dealId) ?? 'none'}:${Math.floor(row.enteredAt / MINUTE)}`;
      const group = bulkCandidates.get(key) ?? { dealIds: new Set<number>(), eventIds: [] };
      group.dealIds.add(row.dealId);
      group.eventIds.push(row.id);
      bulkCandidates.set(key, group);
    }
  }
  for (const group of bulkCandidates.values()) {
    if (group.dealIds.size >= BULK_MOVE_DEALS)
      group.eventIds.forEach((id) => context.bulkMoveEventIds.add(id));
  }

  const activities = new Map<number, EvalActivity[]>();
  for (const row of db
    .prepare(
      `SELECT id, deal_id AS dealId, type, raw_type AS rawType, subject, occurred_at AS occurredAt, rep_id AS repId, contact
       FROM activities
       WHERE deal_id IS NOT NULL AND coalesce(json_extract(fields, '$.done'), '') <> 'no'`,
    )
    .iterate() as Iterable<{
    id: number;
    dealId: number;
    type: string;
    rawType: string | null;
    subject: string | null;
    occurredAt: number;
    repId: number | null;
    contact: string | null;
  }>) {
    let type = row.type;
    if (row.rawType !== null) {
      const key = `${row.rawType}\u0000${row.subject ?? ''}`;
      type = classified.get(key) ?? classify(row.rawType, row.subject);
      classified.set(key, type);
    }
    const list = activities.get(row.dealId) ?? [];
    list.push({
      id: row.id,
      type,
      subject: row.subject,
      occurredAt: row.occurredAt,
      repId: row.repId,
      repRole: row.repId === null ? null : (roles.get(row.repId) ?? null),
      contact: row.contact,
    });
    activities.set(row.dealId, list);
  }

  const v = version.id;
  const insertVisit = db.prepare(
    `INSERT INTO eval_visits (workflow_version_id, deal_id, visit_index, owner_id, stage_key, source_stage, visit_number,
       entered_at, exited_at, duration_ms, next_stage_key, advanced, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAction = db.prepare(
    `INSERT INTO eval_actions (workflow_version_id, deal_id, visit_index, owner_id, stage_key, action_key, status,
       anchor_at, due_at, done_at, activity_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCriterion = db.prepare(
    `INSERT INTO eval_criteria (workflow_version_id, deal_id, visit_index, owner_id, stage_key, criterion_key, held,
       checked_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHandoff = db.prepare(
    `INSERT INTO eval_handoffs (workflow_version_id, deal_id, owner_id, handoff_key, triggered_at, due_at, first_touch_at,
       activity_id, status, missing_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFlag = db.prepare(
    'INSERT INTO eval_flags (workflow_version_id, deal_id, kind, detail) VALUES (?, ?, ?, ?)',
  );

  db.transaction(() => {
    // Rebuilt once at the end: far cheaper than keeping it sorted through a million inserts.
    const restoreIndexes = deferSecondaryIndexes(db, 'eval_actions');
    for (const table of ['eval_visits', 'eval_actions', 'eval_criteria', 'eval_handoffs', 'eval_flags']) {
      db.prepare(`DELETE FROM ${table} WHERE workflow_version_id = ?`).run(v);
    }
    for (const row of deals) {
      const deal = toEvalDeal(row, events.get(row.id) ?? [], activities.get(row.id) ?? []);
      const result = evaluateDeal(deal, workflow, context);
      result.visits.forEach((visit, index) => {
        insertVisit.run(
          v,
          row.id,
          index,
          row.owner_id,
          visit.stageKey,
          visit.sourceStage,
          visit.visitNumber,
          visit.enteredAt,
          visit.exitedAt,
          visit.durationMs,
          visit.nextStageKey,
          visit.advanced ? 1 : 0,
          JSON.stringify(visit.skipped),
        );
        if (!visit.stageKey) return;
        for (const action of visit.actions) {
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
        for (const criterion of visit.criteria) {
          insertCriterion.run(
            v,
            row.id,
            index,
            row.owner_id,
            visit.stageKey,
            criterion.key,
            criterion.held ? 1 : 0,
            visit.exitedAt,
            criterion.detail,
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
    restoreIndexes();
    db.prepare(
      `INSERT INTO evaluation_runs (workflow_version_id, computed_at, as_of, data_revision, deals) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (workflow_version_id) DO UPDATE SET computed_at = excluded.computed_at, as_of = excluded.as_of,
         data_revision = excluded.data_revision, deals = excluded.deals`,
    ).run(v, now, now, dataRevision(db), deals.length);
  })();
  return { deals: deals.length };
}
