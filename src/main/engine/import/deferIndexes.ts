import type { Db } from '../db/open';

/** Above this many incoming rows, a table's secondary indexes are rebuilt once instead of updated per row. */
export const DEFER_INDEXES_ABOVE = 50_000;

/**
 * Drops a table's non-unique indexes for a bulk load and returns the function that recreates
 * them: building an index once over sorted keys is about twice as fast as maintaining it row by
 * row. Unique indexes stay, since upserts depend on them. Runs inside the import's transaction,
 * so a rollback brings the indexes back too.
 */
export function deferSecondaryIndexes(db: Db, table: string): () => void {
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .all(table) as { name: string; sql: string }[];
  const secondary = indexes.filter((index) => !/^\s*CREATE\s+UNIQUE\b/i.test(index.sql));
  for (const index of secondary) db.exec(`DROP INDEX "${index.name}"`);
  return () => {
    for (const index of secondary) db.exec(index.sql);
  };
}

/**
 * Drops a table's triggers for a bulk rewrite that does their work itself, and returns the
 * function that recreates them. Runs inside the caller's transaction, like the indexes above.
 */
export function deferTriggers(db: Db, table: string): () => void {
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?")
    .all(table) as { name: string; sql: string }[];
  for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
  return () => {
    for (const trigger of triggers) db.exec(trigger.sql);
  };
}
