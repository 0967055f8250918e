import type { Db } from '../db/open';

/**
 * The revision of the workspace's data. Every change to deals, history, activities or reps
 * (an import, an undo, the demo loaded or removed, stages mapped) moves it on inside the same
 * transaction as the change, so stored evaluations that describe an older revision are known to
 * be out of date even if the app stopped before re-evaluating.
 */
export function dataRevision(db: Db): number {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'data_revision'").get() as
    | { value: string }
    | undefined;
  return Number(row?.value ?? '0');
}

export function bumpDataRevision(db: Db): void {
  db.prepare(
    `INSERT INTO settings (key, value) VALUES ('data_revision', '1')
     ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`,
  ).run();
}
