import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { bumpDataRevision } from '../queries/dataRevision';

/** Tables an import writes; every one has a batch_id column, and undo restores exactly these. */
export type ImportTable =
  | 'reps'
  | 'rep_identities'
  | 'deals'
  | 'stage_events'
  | 'activities'
  | 'observations'
  | 'currency_rates';

const importTables: readonly ImportTable[] = [
  'reps',
  'rep_identities',
  'deals',
  'stage_events',
  'activities',
  'observations',
  'currency_rates',
];

type Row = Record<string, unknown>;

/**
 * Records what one batch changes so it can be undone exactly. Rows the batch inserts carry its
 * batch_id and need no log entry (that keeps a million-row import small and fast); rows it
 * updates or deletes are snapshotted once, before their first change.
 */
export type ChangeLog = {
  batchId: number;
  /** Snapshots a row before it is updated or deleted (once per row; never for rows this batch inserted). */
  before(table: ImportTable, rowId: number, action: 'update' | 'delete'): void;
};

export function createChangeLog(db: Db, batchId: number): ChangeLog {
  const record = db.prepare(
    'INSERT INTO batch_changes (batch_id, table_name, row_id, action, before_json) VALUES (?, ?, ?, ?, ?)',
  );
  const selects = new Map<string, ReturnType<Db['prepare']>>();
  const logged = new Set<string>();
  return {
    batchId,
    before(table, rowId, action) {
      const key = `${table}:${rowId}`;
      if (logged.has(key)) return;
      let select = selects.get(table);
      if (!select) {
        select = db.prepare(`SELECT rowid AS __rowid, * FROM ${table} WHERE rowid = ?`);
        selects.set(table, select);
      }
      const row = select.get(rowId) as Row | undefined;
      // A row already stamped with this batch and not logged was inserted by it: undo deletes it.
      if (!row || row['batch_id'] === batchId) return;
      logged.add(key);
      record.run(batchId, table, rowId, action, JSON.stringify(row));
    },
  };
}

function quoted(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`unexpected column name ${name}`);
  return `"${name}"`;
}

/**
 * Undoes an applied batch in one transaction: deletes the rows it inserted (those stamped with
 * its batch_id and never snapshotted), then puts back every row it updated or deleted as it was.
 * Only the most recent applied import can be undone, since a later one may have built on it.
 */
export function undoBatch(db: Db, batchId: number, now: number): void {
  db.transaction(() => {
    const batch = db
      .prepare('SELECT id, status, label, source FROM import_batches WHERE id = ?')
      .get(batchId) as { id: number; status: string; label: string; source: string } | undefined;
    if (!batch) throw new EngineError('not_found', `Import ${batchId} does not exist.`);
    if (batch.status !== 'applied')
      throw new EngineError('invalid_input', `Import ${batchId} was already undone.`);
    if (batch.source === 'demo') {
      throw new EngineError(
        'invalid_input',
        'The demo data is removed with "Remove demo data" on the Overview screen.',
      );
    }
    const later = db
      .prepare(
        "SELECT id, label FROM import_batches WHERE status = 'applied' AND source <> 'demo' AND id > ? ORDER BY id DESC LIMIT 1",
      )
      .get(batchId) as { id: number; label: string } | undefined;
    if (later) {
      throw new EngineError(
        'invalid_input',
        `Undo the later import "${later.label}" (#${later.id}) first: it may have changed the same records.`,
      );
    }
    bumpDataRevision(db);
    // Children before parents, so foreign keys hold at every step.
    for (const table of [...importTables].reverse()) {
      db.prepare(
        `DELETE FROM ${table} WHERE batch_id = ?
           AND rowid NOT IN (SELECT row_id FROM batch_changes WHERE batch_id = ? AND table_name = ?)`,
      ).run(batchId, batchId, table);
    }
    const changes = db
      .prepare(
        `SELECT table_name, row_id, action, before_json FROM batch_changes
         WHERE batch_id = ? AND before_json IS NOT NULL ORDER BY id DESC`,
      )
      .all(batchId) as { table_name: string; row_id: number; action: string; before_json: string }[];
    const restoreOrder = [...changes].sort(
      (a, b) =>
        importTables.indexOf(a.table_name as ImportTable) - importTables.indexOf(b.table_name as ImportTable),
    );
    for (const change of restoreOrder) {
      if (!importTables.includes(change.table_name as ImportTable))
        throw new Error(`unexpected table ${change.table_name}`);
      const table = change.table_name;
      const { __rowid: _rowid, ...row } = JSON.parse(change.before_json) as Row;
      const columns = Object.keys(row);
      const exists = db.prepare(`SELECT 1 FROM ${table} WHERE rowid = ?`).get(change.row_id) !== undefined;
      if (exists) {
        db.prepare(
          `UPDATE ${table} SET ${columns.map((c) => `${quoted(c)} = ?`).join(', ')} WHERE rowid = ?`,
        ).run(...columns.map((c) => row[c]), change.row_id);
      } else {
        db.prepare(
          `INSERT INTO ${table} (rowid, ${columns.map(quoted).join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
        ).run(change.row_id, ...columns.map((c) => row[c]));
      }
    }
    db.prepare("UPDATE import_batches SET status = 'undone', finished_at = ? WHERE id = ?").run(now, batchId);
  })();
}
