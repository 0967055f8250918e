import { type ObservationDraft, observationDraftSchema } from '@shared/coaching/observation';
import type { Db } from '../db/open';
import { EngineError } from '../errors';

/**
 * The observation form's autosave: one draft per observation being edited, and one for a new
 * observation (observation_id null). Saved on the writer (synchronous=FULL), so what the coach
 * typed survives a crash; saving or discarding the observation removes it.
 */

export type StoredDraft = { observationId: number | null; body: ObservationDraft; updatedAt: number };

const ownerClause = (observationId: number | null): string =>
  observationId === null ? 'observation_id IS NULL' : 'observation_id = ?';
const ownerParams = (observationId: number | null): number[] =>
  observationId === null ? [] : [observationId];

/** The draft waiting for this observation (null: the new one), or null when there is none to resume. */
export function getDraft(db: Db, observationId: number | null): StoredDraft | null {
  const row = db
    .prepare(
      `SELECT body, updated_at FROM observation_drafts WHERE ${ownerClause(observationId)}
       ORDER BY updated_at DESC, id DESC LIMIT 1`,
    )
    .get(...ownerParams(observationId)) as { body: string; updated_at: number } | undefined;
  if (!row) return null;
  let body: unknown;
  try {
    body = JSON.parse(row.body);
  } catch {
    return null;
  }
  const parsed = observationDraftSchema.safeParse(body);
  return parsed.success ? { observationId, body: parsed.data, updatedAt: row.updated_at } : null;
}

/** Replaces the draft of this observation (null: the new one) with what the form holds now. */
export function saveDraft(
  db: Db,
  observationId: number | null,
  body: ObservationDraft,
  now: number,
): { updatedAt: number } {
  db.transaction(() => {
    if (observationId !== null) {
      const row = db.prepare('SELECT deleted_at FROM observations WHERE id = ?').get(observationId) as
        | { deleted_at: number | null }
        | undefined;
      if (!row || row.deleted_at !== null)
        throw new EngineError('not_found', `Observation ${observationId} is not in this workspace any more.`);
    }
    db.prepare(`DELETE FROM observation_drafts WHERE ${ownerClause(observationId)}`).run(
      ...ownerParams(observationId),
    );
    db.prepare('INSERT INTO observation_drafts (observation_id, body, updated_at) VALUES (?, ?, ?)').run(
      observationId,
      JSON.stringify(body),
      now,
    );
  })();
  return { updatedAt: now };
}

/** Drops the draft of this observation (null: the new one). */
export function discardDraft(db: Db, observationId: number | null): { discarded: boolean } {
  const result = db
    .prepare(`DELETE FROM observation_drafts WHERE ${ownerClause(observationId)}`)
    .run(...ownerParams(observationId));
  return { discarded: result.changes > 0 };
}
