import { type StageHistoryEntry, stageOnDate } from '@shared/coaching/observationChecklist';
import { type ObservationFacts, summarizeObservations } from '@shared/coaching/observationSummary';
import type { DealStageOnDate, ObservationSummary } from '@shared/coaching/observationViews';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { parseChecklist, parseRubric, parseTags } from './observations';
import { getRubric } from './observationsSettings';

export type ObservationSummaryInput = { repId?: number | undefined; from: string; to: string };

/**
 * Shadowing figures per rep for observations dated from `from` to `to` (both included, calendar
 * dates), deleted ones left out: observation count, rubric averages overall and per criterion,
 * checklist done / partial / skipped rates (n.a. left out) and tag counts. For scorecards.
 */
export function observationSummary(db: Db, { repId, from, to }: ObservationSummaryInput): ObservationSummary {
  if (to < from)
    throw new EngineError('invalid_input', `to: the period ends (${to}) before it starts (${from}).`);
  const rows = db
    .prepare(
      `SELECT o.rep_id, r.name AS rep_name, o.observed_on, o.checklist, o.rubric, o.tags
       FROM observations o JOIN reps r ON r.id = o.rep_id
       WHERE o.deleted_at IS NULL AND o.observed_on >= ? AND o.observed_on <= ? AND (? IS NULL OR o.rep_id = ?)`,
    )
    .all(from, to, repId ?? null, repId ?? null) as {
    rep_id: number;
    rep_name: string;
    observed_on: string;
    checklist: string;
    rubric: string;
    tags: string;
  }[];
  const facts = rows.map(
    (r): ObservationFacts => ({
      repId: r.rep_id,
      repName: r.rep_name,
      observedOn: r.observed_on,
      checklist: parseChecklist(r.checklist),
      rubric: parseRubric(r.rubric),
      tags: parseTags(r.tags),
    }),
  );
  return { from, to, reps: summarizeObservations(facts, getRubric(db)) };
}

/** Where a deal was on the observation day (in the workspace's time zone), for the form's default stage. */
export function dealStageOnDate(
  db: Db,
  dealId: number,
  observedOn: string,
  workflow: WorkflowDefinition,
  timeZone: string,
): DealStageOnDate {
  const deal = db
    .prepare(
      'SELECT d.name, d.owner_id, r.name AS owner_name FROM deals d LEFT JOIN reps r ON r.id = d.owner_id WHERE d.id = ?',
    )
    .get(dealId) as { name: string; owner_id: number | null; owner_name: string | null } | undefined;
  if (!deal) throw new EngineError('not_found', `Deal ${dealId} does not exist in this workspace.`);
  const history = db
    .prepare(
      `SELECT id, stage_key AS stageKey, source_stage AS sourceStage, entered_at AS enteredAt
       FROM stage_events WHERE deal_id = ? ORDER BY entered_at, id`,
    )
    .all(dealId) as StageHistoryEntry[];
  const entry = stageOnDate(history, observedOn, timeZone);
  const stage = entry?.stageKey ? workflow.stages.find((s) => s.key === entry.stageKey) : undefined;
  return {
    dealId,
    dealName: deal.name,
    ownerId: deal.owner_id,
    ownerName: deal.owner_name,
    stageKey: stage?.key ?? null,
    stageName: stage?.name ?? entry?.sourceStage ?? null,
    enteredAt: entry?.enteredAt ?? null,
  };
}
