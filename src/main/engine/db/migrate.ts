import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EngineError } from '../errors';
import { latestSchemaVersion, type Migration, migrations as shippedMigrations } from './migrations';
import type { Db } from './open';

export type MigrationResult = { from: number; to: number; backupPath: string | null };

/** Where automatic backups of a workspace go: a `backups` folder beside the file. */
export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** Takes a consistent copy of the open database with VACUUM INTO (never a file copy). */
export function backupInto(db: Db, targetPath: string): void {
  mkdirSync(dirname(targetPath), { recursive: true });
  db.prepare('VACUUM INTO ?').run(targetPath);
}

function timestampForFile(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

function userTableCount(db: Db): number {
  const row = db
    .prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n;
}

/**
 * Brings the schema to the latest version: refuses a database from a newer app, refuses a
 * SQLite file that is not a workspace, backs up an existing workspace before upgrading it, then
 * runs every pending step and its `PRAGMA user_version` in one transaction, so a failure leaves
 * the file exactly as it was.
 */
export function migrate(
  db: Db,
  dbPath: string,
  now: number,
  migrations: readonly Migration[] = shippedMigrations,
): MigrationResult {
  const latest = migrations.at(-1)?.version ?? latestSchemaVersion;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) {
    throw new EngineError(
      'db_too_new',
      `${dbPath} was written by a newer version of Stagecoach (schema v${from}; this version knows up to v${latest}). ` +
        'Update Stagecoach to open it; the file was not changed.',
    );
  }
  if (from === 0 && userTableCount(db) > 0) {
    throw new EngineError(
      'not_a_workspace',
      `${dbPath} is a SQLite database but not a Stagecoach workspace; it was not changed.`,
    );
  }
  if (from === latest) return { from, to: latest, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0) {
    backupPath = join(
      backupFolder(dbPath),
      `${basename(dbPath).replace(/\.db$/, '')}-schema-v${from}-${timestampForFile(now)}.db`,
    );
    backupInto(db, backupPath);
  }
  const pending = migrations.filter((m) => m.version > from);
  let step: Migration | undefined;
  try {
    db.transaction(() => {
      for (const migration of pending) {
        step = migration;
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
    })();
  } catch (error) {
    const where = step ? `step v${step.version} (${step.name})` : 'start';
    const backupNote = backupPath ? ` A backup taken before the upgrade is at ${backupPath}.` : '';
    throw new EngineError(
      'migration_failed',
      `Upgrading ${dbPath} failed at ${where}: ${(error as Error).message}. The workspace was left as it was.${backupNote}`,
    );
  }
  return { from, to: latest, backupPath };
}
