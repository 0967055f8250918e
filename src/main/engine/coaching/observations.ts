import { DateTime } from 'luxon';
import {
  type ChecklistEntry,
  type ObservationInput,
  type RubricEntry,
  checklistStates,
} from '@shared/coaching/observation';
import {
  addChecklistCounts,
  checklistCounts,
  countTags,
  emptyChecklistCounts,
  rubricAverage,
} from '@shared/coaching/observationSummary';
import type {
  CommitmentView,
  ObservationDetail,
  ObservationListInput,
  ObservationListRow,
  ObservationPage,
} from '@shared/coaching/observationViews';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { addConfiguredTags } from './observationsSettings';

/** Observations as coaches log them: list, read, save with commitments, soft delete and restore. */

type ObservationRow = {
  id: number;
  coach: string;
  rep_id: number;
  rep_name: string;
  team: string | null;
  deal_id: number | null;
  deal_name: string | null;
  stage_key: string | null;
  observed_on: string;
  checklist: string;
  rubric: string;
  tags: string;
  notes: string;
  source: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
};

const NOTES_EXCERPT = 240;

function parseList<T>(json: string, keep: (item: unknown) => item is T): T[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter(keep) : [];
  } catch {
    return [];
  }
}

function isChecklistEntry(item: unknown): item is ChecklistEntry {
  const entry = item as Partial<ChecklistEntry> | null;
  return (
    typeof entry?.key === 'string' && (checklistStates as readonly string[]).includes(entry.state as string)
  );
}

/** Imported scores may be fractional; anything outside 1–5 is no score. */
function isScore(item: unknown): item is RubricEntry {
  const entry = item as Partial<RubricEntry> | null;
  return (
    typeof entry?.criterion === 'string' &&
    typeof entry.score === 'number' &&
    entry.score >= 1 &&
    entry.score <= 5
  );
}

function isText(item: unknown): item is string {
  return typeof item === 'string' && item.trim() !== '';
}

export const parseChecklist = (json: string): ChecklistEntry[] => parseList(json, isChecklistEntry);
export const parseRubric = (json: string): RubricEntry[] => parseList(json, isScore);
export const parseTags = (json: string): string[] => parseList(json, isText);

function stageNamer(workflow: WorkflowDefinition): (key: string | null) => string | null {
  const names = new Map(workflow.stages.map((s) => [s.key, s.name]));
  return (key) => (key === null ? null : (names.get(key) ?? key));
}

const rowColumns = `o.id, o.coach, o.rep_id, r.name AS rep_name, r.team, o.deal_id, d.name AS deal_name,
  o.stage_key, o.observed_on, o.checklist, o.rubric, o.tags, o.notes, o.source, o.created_at, o.updated_at,
  o.deleted_at`;
const rowFrom = 'FROM observations o JOIN reps r ON r.id = o.rep_id LEFT JOIN deals d ON d.id = o.deal_id';

function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

function listFilter(input: ObservationListInput): { where: string; params: unknown[] } {
  const clauses = ['o.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (input.coaches?.length) {
    clauses.push(`lower(o.coach) IN (${marks(input.coaches)})`);
    params.push(...input.coaches.map((c) => c.trim().toLowerCase()));
  }
  if (input.repIds?.length) {
    clauses.push(`o.rep_id IN (${marks(input.repIds)})`);
    params.push(...input.repIds);
  }
  if (input.stageKeys?.length) {
    clauses.push(`o.stage_key IN (${marks(input.stageKeys)})`);
    params.push(...input.stageKeys);
  }
  if (input.tags?.length) {
    clauses.push(
      `EXISTS (SELECT 1 FROM json_each(o.tags) t WHERE lower(trim(t.value)) IN (${marks(input.tags)}))`,
    );
    params.push(...input.tags.map((t) => t.trim().toLowerCase()));
  }
  if (input.dealId !== undefined) {
    clauses.push('o.deal_id = ?');
    params.push(input.dealId);
  }
  if (input.from) {
    clauses.push('o.observed_on >= ?');
    params.push(input.from);
  }
  if (input.to) {
    clauses.push('o.observed_on <= ?');
    params.push(input.to);
  }
  return { where: `WHERE ${clauses.join(' AND ')}`, params };
}

/**
 * One page of observations (not deleted) matching the filters, newest observation date first,
 * with figures over every match: rubric average, checklist marks, tag counts, reps observed.
 * Tags match regardless of case; any one of the tags asked for is enough.
 */
export function listObservations(
  db: Db,
  input: ObservationListInput,
  workflow: WorkflowDefinition,
): ObservationPage {
  const { where, params } = listFilter(input);
  const stageName = stageNamer(workflow);
  const all = db
    .prepare(`SELECT o.rep_id, o.checklist, o.rubric, o.tags ${rowFrom} ${where}`)
    .all(...params) as Pick<ObservationRow, 'rep_id' | 'checklist' | 'rubric' | 'tags'>[];
  const offset = input.offset ?? 0;
  const rows = db
    .prepare(
      `SELECT ${rowColumns}, (SELECT count(*) FROM commitments c WHERE c.observation_id = o.id) AS commitments
       ${rowFrom} ${where} ORDER BY o.observed_on DESC, o.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, input.limit ?? 100, offset) as (ObservationRow & { commitments: number })[];

  return {
    total: all.length,
    offset,
    rows: rows.map((row): ObservationListRow => {
      const rubric = parseRubric(row.rubric);
      return {
        id: row.id,
        coach: row.coach,
        repId: row.rep_id,
        repName: row.rep_name,
        team: row.team,
        dealId: row.deal_id,
        dealName: row.deal_name,
        stageKey: row.stage_key,
        stageName: stageName(row.stage_key),
        observedOn: row.observed_on,
        tags: parseTags(row.tags),
        checklist: checklistCounts(parseChecklist(row.checklist)),
        rubricAverage: rubricAverage(rubric),
        rubricScored: rubric.length,
        commitments: row.commitments,
        notes: row.notes.length > NOTES_EXCERPT ? `${row.notes.slice(0, NOTES_EXCERPT - 1)}…` : row.notes,
        source: row.source,
      };
    }),
    summary: {
      rubricAverage: rubricAverage(all.flatMap((o) => parseRubric(o.rubric))),
      checklist: all.reduce(
        (sum, o) => addChecklistCounts(sum, checklistCounts(parseChecklist(o.checklist))),
        emptyChecklistCounts(),
      ),
      tags: countTags(all.map((o) => parseTags(o.tags))),
      reps: new Set(all.map((o) => o.rep_id)).size,
    },
  };
}

function readRow(db: Db, id: number): ObservationRow | undefined {
  return db.prepare(`SELECT ${rowColumns} ${rowFrom} WHERE o.id = ?`).get(id) as ObservationRow | undefined;
}

function commitmentsOf(db: Db, observationId: number): CommitmentView[] {
  return db
    .prepare('SELECT id, text, due_on AS dueOn, status FROM commitments WHERE observation_id = ? ORDER BY id')
    .all(observationId) as CommitmentView[];
}

/** An observation with its commitments; a deleted or unknown one is not found. */
export function getObservation(db: Db, id: number, workflow: WorkflowDefinition): ObservationDetail {
  const row = readRow(db, id);
  if (!row || row.deleted_at !== null)
    throw new EngineError(
      'not_found',
      row ? `Observation ${id} was deleted.` : `Observation ${id} does not exist in this workspace.`,
    );
  return {
    id: row.id,
    coach: row.coach,
    repId: row.rep_id,
    repName: row.rep_name,
    dealId: row.deal_id,
    dealName: row.deal_name,
    stageKey: row.stage_key,
    stageName: stageNamer(workflow)(row.stage_key),
    observedOn: row.observed_on,
    checklist: parseChecklist(row.checklist),
    rubric: parseRubric(row.rubric),
    tags: parseTags(row.tags),
    notes: row.notes,
    commitments: commitmentsOf(db, row.id),
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type SaveContext = { now: number; timeZone: string; workflow: WorkflowDefinition };

function invalid(field: string, message: string): EngineError {
  return new EngineError('invalid_input', `${field}: ${message}`);
}

/** Checks what the schema cannot: the rep, deal and stage exist, the dates make sense. */
function validateReferences(
  db: Db,
  input: ObservationInput,
  existing: ObservationRow | undefined,
  { now, timeZone, workflow }: SaveContext,
): void {
  if (!db.prepare('SELECT 1 FROM reps WHERE id = ?').get(input.repId))
    throw invalid('repId', `there is no rep ${input.repId} in this workspace; choose the rep again.`);
  if (input.dealId !== null && !db.prepare('SELECT 1 FROM deals WHERE id = ?').get(input.dealId))
    throw invalid('dealId', `there is no deal ${input.dealId} in this workspace; choose the deal again.`);
  if (
    input.stageKey !== null &&
    input.stageKey !== existing?.stage_key &&
    !workflow.stages.some((s) => s.key === input.stageKey)
  )
    throw invalid('stageKey', `"${input.stageKey}" is not a stage of the current workflow.`);
  const today =
    DateTime.fromMillis(now, { zone: timeZone }).toISODate() ?? new Date(now).toISOString().slice(0, 10);
  if (input.observedOn > today)
    throw invalid('observedOn', `${input.observedOn} is in the future; log what was observed up to today.`);
  input.commitments.forEach((c, i) => {
    if (c.dueOn !== null && c.dueOn < input.observedOn)
      throw invalid(
        `commitments.${i}.dueOn`,
        `“${c.text}” is due ${c.dueOn}, before the observation on ${input.observedOn}.`,
      );
  });
  if (existing) {
    const own = new Set(commitmentsOf(db, existing.id).map((c) => c.id));
    input.commitments.forEach((c, i) => {
      if (c.id !== undefined && !own.has(c.id))
        throw invalid(`commitments.${i}.id`, `commitment ${c.id} is not one of this observation's.`);
    });
  }
}

/** Brings the observation's commitments in line with the input: edits, additions, removals. */
function syncCommitments(
  db: Db,
  observationId: number,
  repId: number,
  input: ObservationInput,
  now: number,
): void {
  const keep = input.commitments.flatMap((c) => (c.id === undefined ? [] : [c.id]));
  db.prepare(
    `DELETE FROM commitments WHERE observation_id = ? AND id NOT IN (SELECT value FROM json_each(?))`,
  ).run(observationId, JSON.stringify(keep));
  // A commitment follows its observation's rep, should the coach correct the rep.
  db.prepare('UPDATE commitments SET rep_id = ? WHERE observation_id = ?').run(repId, observationId);
  const update = db.prepare(
    'UPDATE commitments SET text = ?, due_on = ? WHERE id = ? AND observation_id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO commitments (rep_id, observation_id, text, due_on, status, created_at)
     VALUES (?, ?, ?, ?, 'open', ?)`,
  );
  for (const c of input.commitments) {
    if (c.id === undefined) insert.run(repId, observationId, c.text, c.dueOn, now);
    else update.run(c.text, c.dueOn, c.id, observationId);
  }
}

/**
 * Saves an observation — a new one, or an existing one by id — with its commitments in one
 * transaction (the writer runs synchronous=FULL: once this returns, it is on disk). The form's
 * draft for it goes in the same transaction, and tags new to the workspace join its tag list.
 */
export function saveObservation(
  db: Db,
  input: ObservationInput & { id?: number | undefined },
  context: SaveContext,
): ObservationDetail {
  const { now, workflow } = context;
  const id = db.transaction((): number => {
    const existing = input.id === undefined ? undefined : readRow(db, input.id);
    if (input.id !== undefined && (!existing || existing.deleted_at !== null))
      throw new EngineError(
        'not_found',
        existing
          ? `Observation ${input.id} was deleted; undo the delete to edit it.`
          : `Observation ${input.id} does not exist in this workspace.`,
      );
    validateReferences(db, input, existing, context);
    const values = {
      coach: input.coach,
      rep_id: input.repId,
      deal_id: input.dealId,
      stage_key: input.stageKey,
      observed_on: input.observedOn,
      checklist: JSON.stringify(input.checklist),
      rubric: JSON.stringify(input.rubric),
      tags: JSON.stringify(input.tags),
      notes: input.notes,
      now,
    };
    let observationId: number;
    if (existing) {
      db.prepare(
        `UPDATE observations SET coach = @coach, rep_id = @rep_id, deal_id = @deal_id, stage_key = @stage_key,
           observed_on = @observed_on, checklist = @checklist, rubric = @rubric, tags = @tags, notes = @notes,
           updated_at = @now
         WHERE id = @id`,
      ).run({ ...values, id: existing.id });
      observationId = existing.id;
      db.prepare('DELETE FROM observation_drafts WHERE observation_id = ?').run(observationId);
    } else {
      const result = db
        .prepare(
          `INSERT INTO observations (coach, rep_id, deal_id, stage_key, observed_on, checklist, rubric, tags, notes,
             source, created_at, updated_at)
           VALUES (@coach, @rep_id, @deal_id, @stage_key, @observed_on, @checklist, @rubric, @tags, @notes,
             'app', @now, @now)`,
        )
        .run(values);
      observationId = Number(result.lastInsertRowid);
      db.prepare('DELETE FROM observation_drafts WHERE observation_id IS NULL').run();
    }
    syncCommitments(db, observationId, input.repId, input, now);
    addConfiguredTags(db, input.tags);
    return observationId;
  })();
  return getObservation(db, id, workflow);
}

/** Soft-deletes an observation (its commitments and row stay, for undo) and drops its draft. */
export function deleteObservation(db: Db, id: number, now: number): { id: number; deletedAt: number } {
  return db.transaction(() => {
    const row = db.prepare('SELECT deleted_at FROM observations WHERE id = ?').get(id) as
      | { deleted_at: number | null }
      | undefined;
    if (!row) throw new EngineError('not_found', `Observation ${id} does not exist in this workspace.`);
    if (row.deleted_at !== null) return { id, deletedAt: row.deleted_at };
    db.prepare('UPDATE observations SET deleted_at = ? WHERE id = ?').run(now, id);
    db.prepare('DELETE FROM observation_drafts WHERE observation_id = ?').run(id);
    return { id, deletedAt: now };
  })();
}

/** Undoes a delete: the observation is back as it was, commitments included. */
export function restoreObservation(db: Db, id: number, workflow: WorkflowDefinition): ObservationDetail {
  const result = db.prepare('UPDATE observations SET deleted_at = NULL WHERE id = ?').run(id);
  if (result.changes === 0)
    throw new EngineError('not_found', `Observation ${id} does not exist in this workspace.`);
  return getObservation(db, id, workflow);
}
