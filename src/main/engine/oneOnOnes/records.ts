import { type CommitmentRule, commitmentRuleSchema, describeRule } from '@shared/oneOnOnes/rules';
import type { CommitmentItem, CommitmentStatus, OneOnOneRecord, RepHeader } from '@shared/oneOnOnes/types';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { checkRule } from './ruleChecks';
import { type WorkflowLookup, dayEnd } from './workflowLookup';

/** Reading and writing one-on-one records and commitments; every date is read in the workspace's zone. */

type OneOnOneRow = {
  id: number;
  rep_id: number;
  manager: string | null;
  held_on: string;
  status: 'draft' | 'held';
  notes: string;
  talking_points: string;
  snapshot: string;
  period_from: string | null;
  period_to: string | null;
  created_at: number;
  updated_at: number;
};

type CommitmentRow = {
  id: number;
  rep_id: number;
  one_on_one_id: number | null;
  observation_id: number | null;
  text: string;
  due_on: string | null;
  status: CommitmentStatus;
  check_rule: string | null;
  created_at: number;
  resolved_at: number | null;
  resolution_note: string | null;
};

/** What turns stored rows into views: the workflow the rules are checked against, the clock, the zone. */
export type RecordContext = { db: Db; lookup: WorkflowLookup; now: number; zone: string; today: string };

function parseRule(text: string | null): CommitmentRule | null {
  if (!text) return null;
  try {
    const parsed = commitmentRuleSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function parsePoints(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/** A stored commitment as the prep shows it, its rule measured against the data. */
export function toCommitment(ctx: RecordContext, row: CommitmentRow): CommitmentItem {
  const rule = parseRule(row.check_rule);
  let check = null;
  if (rule) {
    try {
      check = checkRule(
        ctx.db,
        ctx.lookup,
        rule,
        { repId: row.rep_id, createdAt: row.created_at, dueOn: row.due_on },
        ctx.now,
        ctx.zone,
      );
    } catch {
      // A rule naming a stage a later workflow version dropped cannot be measured; it stays readable.
      check = null;
    }
  }
  return {
    id: row.id,
    repId: row.rep_id,
    text: row.text,
    dueOn: row.due_on,
    status: row.status,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolutionNote: row.resolution_note,
    oneOnOneId: row.one_on_one_id,
    observationId: row.observation_id,
    rule,
    ruleText: rule ? describeRule(rule, ctx.lookup.labels) : null,
    check,
    overdue: row.status === 'open' && row.due_on !== null && ctx.now >= dayEnd(row.due_on, ctx.zone),
  };
}

function toRecord(ctx: RecordContext, row: OneOnOneRow, commitments: CommitmentRow[]): OneOnOneRecord {
  return {
    id: row.id,
    repId: row.rep_id,
    manager: row.manager,
    heldOn: row.held_on,
    status: row.status,
    notes: row.notes,
    talkingPoints: parsePoints(row.talking_points),
    periodFrom: row.period_from,
    periodTo: row.period_to,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    commitments: commitments.filter((c) => c.one_on_one_id === row.id).map((c) => toCommitment(ctx, c)),
  };
}

/** Who a one-on-one is with: name, role, team, manager and start date; `not_found` for an unknown rep. */
export function repHeader(db: Db, repId: number): RepHeader {
  const rep = db
    .prepare(
      `SELECT r.id, r.name, r.role, r.team, coalesce(m.name, r.manager_name) AS managerName, r.start_date AS startDate
       FROM reps r LEFT JOIN reps m ON m.id = r.manager_id WHERE r.id = ?`,
    )
    .get(repId) as RepHeader | undefined;
  if (!rep) throw new EngineError('not_found', `Rep ${repId} does not exist in this workspace.`);
  return rep;
}

/**
 * A commitment counts while the observation it came from is not deleted: deleting keeps the
 * commitment (so undo brings it back whole) but takes it out of the rep's follow-ups.
 */
export const LIVE_COMMITMENT = `(observation_id IS NULL OR observation_id IN (SELECT id FROM observations WHERE deleted_at IS NULL))`;

function commitmentRows(db: Db, sql: string, ...params: unknown[]): CommitmentRow[] {
  return db
    .prepare(`SELECT * FROM commitments WHERE ${LIVE_COMMITMENT} AND ${sql} ORDER BY created_at, id`)
    .all(...params) as CommitmentRow[];
}

/** The one-on-one being prepared for a rep, if one was started. */
export function draftRow(db: Db, repId: number): OneOnOneRow | undefined {
  return db
    .prepare("SELECT * FROM one_on_ones WHERE rep_id = ? AND status = 'draft' ORDER BY id DESC LIMIT 1")
    .get(repId) as OneOnOneRow | undefined;
}

/** The rep's latest one-on-one that was held. */
export function lastHeldRow(db: Db, repId: number): OneOnOneRow | undefined {
  return db
    .prepare(
      "SELECT * FROM one_on_ones WHERE rep_id = ? AND status = 'held' ORDER BY held_on DESC, id DESC LIMIT 1",
    )
    .get(repId) as OneOnOneRow | undefined;
}

/** A stored one-on-one with the commitments made in it, or null for none. */
export function recordOf(ctx: RecordContext, row: OneOnOneRow | undefined): OneOnOneRecord | null {
  if (!row) return null;
  return toRecord(ctx, row, commitmentRows(ctx.db, 'one_on_one_id = ?', row.id));
}

/**
 * The commitments a prep follows up: every open one, those made at the last one-on-one, and
 * those resolved since it — not those made in the draft, which the notes section lists.
 * Overdue first, then open, then resolved; each group by due date.
 */
export function followUpCommitments(
  ctx: RecordContext,
  repId: number,
  lastHeldId: number | null,
  draftId: number | null,
  since: number,
): CommitmentItem[] {
  const rows = commitmentRows(
    ctx.db,
    `rep_id = ? AND coalesce(one_on_one_id, 0) <> ?
     AND (status = 'open' OR coalesce(one_on_one_id, 0) = ? OR resolved_at >= ?)`,
    repId,
    draftId ?? -1,
    lastHeldId ?? -1,
    since,
  );
  const rank = (c: CommitmentItem): number => (c.overdue ? 0 : c.status === 'open' ? 1 : 2);
  return rows
    .map((row) => toCommitment(ctx, row))
    .sort((a, b) => rank(a) - rank(b) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.id - b.id);
}

/** Every one-on-one of a rep, the latest first, with the commitments made in each. */
export function oneOnOneHistory(ctx: RecordContext, repId: number): OneOnOneRecord[] {
  repHeader(ctx.db, repId);
  const rows = ctx.db
    .prepare(
      "SELECT * FROM one_on_ones WHERE rep_id = ? ORDER BY status = 'draft' DESC, held_on DESC, id DESC",
    )
    .all(repId) as OneOnOneRow[];
  const commitments = commitmentRows(ctx.db, 'rep_id = ? AND one_on_one_id IS NOT NULL', repId);
  return rows.map((row) => toRecord(ctx, row, commitments));
}

/** The rep's draft one-on-one, created (for today, with the rep's manager) when there is none. */
export function ensureDraft(ctx: RecordContext, repId: number): OneOnOneRow {
  const existing = draftRow(ctx.db, repId);
  if (existing) return existing;
  const rep = repHeader(ctx.db, repId);
  const id = ctx.db
    .prepare(
      `INSERT INTO one_on_ones (rep_id, manager, held_on, notes, talking_points, created_at, updated_at, status)
       VALUES (?, ?, ?, '', '[]', ?, ?, 'draft')`,
    )
    .run(repId, rep.managerName, ctx.today, ctx.now, ctx.now).lastInsertRowid;
  return ctx.db.prepare('SELECT * FROM one_on_ones WHERE id = ?').get(id) as OneOnOneRow;
}

export type DraftChange = { repId: number; notes?: string; talkingPoints?: string[] };

/** Saves what the manager typed into the rep's draft one-on-one (starting one when needed). */
export function saveDraft(ctx: RecordContext, change: DraftChange): OneOnOneRecord {
  return ctx.db.transaction(() => {
    const draft = ensureDraft(ctx, change.repId);
    ctx.db
      .prepare(
        `UPDATE one_on_ones SET notes = coalesce(?, notes), talking_points = coalesce(?, talking_points), updated_at = ?
         WHERE id = ?`,
      )
      .run(
        change.notes ?? null,
        change.talkingPoints ? JSON.stringify(change.talkingPoints) : null,
        ctx.now,
        draft.id,
      );
    return recordOf(ctx, draftRow(ctx.db, change.repId))!;
  })();
}

export type HoldInput = {
  repId: number;
  heldOn: string;
  periodFrom: string;
  snapshot: unknown;
  /** The talking points to keep when the draft never saved its own. */
  talkingPoints: string[];
};

/**
 * Marks the rep's draft one-on-one held on `heldOn` (starting an empty one when there is no
 * draft), storing the figures of the moment and the period the prep covered: the next prep
 * starts from it.
 */
export function holdOneOnOne(ctx: RecordContext, input: HoldInput): OneOnOneRecord {
  if (input.heldOn > ctx.today)
    throw new EngineError(
      'invalid_input',
      `A one-on-one cannot be marked held on ${input.heldOn}: that is in the future.`,
    );
  return ctx.db.transaction(() => {
    const last = lastHeldRow(ctx.db, input.repId);
    if (last && last.held_on > input.heldOn)
      throw new EngineError(
        'invalid_input',
        `The last one-on-one was held on ${last.held_on}; this one cannot be dated before it.`,
      );
    const draft = ensureDraft(ctx, input.repId);
    const points = parsePoints(draft.talking_points);
    ctx.db
      .prepare(
        `UPDATE one_on_ones SET status = 'held', held_on = ?, snapshot = ?, period_from = ?, period_to = ?,
                talking_points = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        input.heldOn,
        JSON.stringify(input.snapshot),
        input.periodFrom,
        input.heldOn,
        JSON.stringify(points.length > 0 ? points : input.talkingPoints),
        ctx.now,
        draft.id,
      );
    const row = ctx.db.prepare('SELECT * FROM one_on_ones WHERE id = ?').get(draft.id) as OneOnOneRow;
    return recordOf(ctx, row)!;
  })();
}

export type NewCommitment = { repId: number; text: string; dueOn?: string; rule?: CommitmentRule };

/** Adds a commitment to the rep's draft one-on-one (starting one when needed). */
export function addCommitment(ctx: RecordContext, input: NewCommitment): CommitmentItem {
  return ctx.db.transaction(() => {
    const draft = ensureDraft(ctx, input.repId);
    const id = ctx.db
      .prepare(
        `INSERT INTO commitments (rep_id, one_on_one_id, text, due_on, status, check_rule, created_at)
         VALUES (?, ?, ?, ?, 'open', ?, ?)`,
      )
      .run(
        input.repId,
        draft.id,
        input.text,
        input.dueOn ?? null,
        input.rule ? JSON.stringify(input.rule) : null,
        ctx.now,
      ).lastInsertRowid;
    ctx.db.prepare('UPDATE one_on_ones SET updated_at = ? WHERE id = ?').run(ctx.now, draft.id);
    return commitmentById(ctx, Number(id));
  })();
}

function commitmentRow(db: Db, id: number): CommitmentRow {
  const row = db.prepare('SELECT * FROM commitments WHERE id = ?').get(id) as CommitmentRow | undefined;
  if (!row) throw new EngineError('not_found', `Commitment ${id} does not exist in this workspace.`);
  return row;
}

/** One commitment as the prep shows it; `not_found` when it does not exist. */
export function commitmentById(ctx: RecordContext, id: number): CommitmentItem {
  return toCommitment(ctx, commitmentRow(ctx.db, id));
}

/** Marks a commitment met, not met or dropped with a note; `open` takes a resolution back. */
export function resolveCommitment(
  ctx: RecordContext,
  input: { id: number; status: CommitmentStatus; note?: string },
): CommitmentItem {
  commitmentRow(ctx.db, input.id);
  const open = input.status === 'open';
  ctx.db
    .prepare('UPDATE commitments SET status = ?, resolved_at = ?, resolution_note = ? WHERE id = ?')
    .run(input.status, open ? null : ctx.now, open ? null : input.note?.trim() || null, input.id);
  return commitmentById(ctx, input.id);
}

/** Attaches a rule the data checks to a commitment, or takes it off (null). */
export function setCommitmentRule(
  ctx: RecordContext,
  input: { id: number; rule: CommitmentRule | null },
): CommitmentItem {
  commitmentRow(ctx.db, input.id);
  ctx.db
    .prepare('UPDATE commitments SET check_rule = ? WHERE id = ?')
    .run(input.rule ? JSON.stringify(input.rule) : null, input.id);
  return commitmentById(ctx, input.id);
}

/** Deletes a commitment added to the one-on-one being prepared; made ones are dropped instead. */
export function removeCommitment(ctx: RecordContext, id: number): { removed: number } {
  const row = commitmentRow(ctx.db, id);
  const meeting = row.one_on_one_id
    ? (ctx.db.prepare('SELECT status FROM one_on_ones WHERE id = ?').get(row.one_on_one_id) as
        | { status: string }
        | undefined)
    : undefined;
  if (meeting?.status !== 'draft')
    throw new EngineError(
      'invalid_input',
      'Only a commitment added to the one-on-one being prepared can be deleted; mark this one dropped instead.',
    );
  ctx.db.prepare('DELETE FROM commitments WHERE id = ?').run(id);
  return { removed: id };
}
