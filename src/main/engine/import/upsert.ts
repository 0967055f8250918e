import type { Db } from '../db/open';
import type { ChangeLog, ImportTable } from './changeLog';

export type UpsertOutcome = { id: number; outcome: 'new' | 'changed' | 'unchanged' };

type Values = Record<string, string | number | null>;

/**
 * Inserts a row keyed by (source, external_id), or updates the existing one when any column
 * differs, recording either in the batch's change log. Unchanged rows are not written at all,
 * which is what makes a re-import of the same files a no-op.
 */
export function createUpserter(
  db: Db,
  table: ImportTable,
  columns: readonly string[],
  log: ChangeLog,
  /** Columns written when the row is created and never compared (created_at). */
  insertOnly: Values = {},
) {
  const extra = Object.keys(insertOnly);
  const select = db.prepare(
    `SELECT rowid AS id, ${columns.join(', ')} FROM ${table} WHERE source = ? AND external_id = ?`,
  );
  // Try the insert first: a new row (the common case of a first import) then costs one
  // statement; only a row that already exists is read back and compared.
  const insert = db.prepare(
    `INSERT INTO ${table} (source, external_id, batch_id, ${[...columns, ...extra].join(', ')})
     VALUES (?, ?, ?, ${[...columns, ...extra].map(() => '?').join(', ')})
     ON CONFLICT DO NOTHING`,
  );
  const update = db.prepare(
    `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')}, batch_id = ? WHERE rowid = ?`,
  );
  return (source: string, externalId: string, values: Values): UpsertOutcome => {
    const ordered = columns.map((c) => values[c] ?? null);
    const inserted = insert.run(
      source,
      externalId,
      log.batchId,
      ...ordered,
      ...extra.map((c) => insertOnly[c] ?? null),
    );
    if (inserted.changes === 1) return { id: Number(inserted.lastInsertRowid), outcome: 'new' };
    const existing = select.get(source, externalId) as Values & { id: number };
    if (columns.every((c, i) => existing[c] === ordered[i])) return { id: existing.id, outcome: 'unchanged' };
    log.before(table, existing.id, 'update');
    update.run(...ordered, log.batchId, existing.id);
    return { id: existing.id, outcome: 'changed' };
  };
}

/** Updates some columns of one row when they differ, recording the previous row. */
export function createPatcher(db: Db, table: ImportTable, columns: readonly string[], log: ChangeLog) {
  const select = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE rowid = ?`);
  const update = db.prepare(
    `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE rowid = ?`,
  );
  return (rowId: number, values: Values): boolean => {
    const existing = select.get(rowId) as Values | undefined;
    if (!existing) return false;
    const ordered = columns.map((c) => values[c] ?? null);
    if (columns.every((c, i) => existing[c] === ordered[i])) return false;
    log.before(table, rowId, 'update');
    update.run(...ordered, rowId);
    return true;
  };
}
