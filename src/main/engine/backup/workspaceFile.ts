import { existsSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { WorkspaceContents, WorkspaceRowCounts } from '@shared/backup/types';
import { latestSchemaVersion } from '../db/migrations';
import type { Db } from '../db/open';
import { EngineError } from '../errors';

/** The tables every workspace has had since schema v1: without them a file is no workspace. */
const requiredTables = ['settings', 'reps', 'deals', 'stage_events', 'activities', 'workflow_versions'];

const countQueries: Record<keyof WorkspaceRowCounts, { table: string; sql: string }> = {
  reps: { table: 'reps', sql: 'SELECT count(*) AS n FROM reps' },
  deals: { table: 'deals', sql: 'SELECT count(*) AS n FROM deals' },
  stageEvents: { table: 'stage_events', sql: 'SELECT count(*) AS n FROM stage_events' },
  activities: { table: 'activities', sql: 'SELECT count(*) AS n FROM activities' },
  observations: {
    table: 'observations',
    sql: 'SELECT count(*) AS n FROM observations WHERE deleted_at IS NULL',
  },
  oneOnOnes: { table: 'one_on_ones', sql: 'SELECT count(*) AS n FROM one_on_ones' },
  commitments: { table: 'commitments', sql: 'SELECT count(*) AS n FROM commitments' },
  workflowVersions: { table: 'workflow_versions', sql: 'SELECT count(*) AS n FROM workflow_versions' },
  imports: { table: 'import_batches', sql: 'SELECT count(*) AS n FROM import_batches' },
};

function tableNames(db: Db): Set<string> {
  const rows = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return new Set(rows.map((row) => row.name));
}

/** Row counts and the newest data of an open workspace connection (any schema version). */
export function workspaceContents(db: Db): WorkspaceContents {
  const tables = tableNames(db);
  const counts = {} as WorkspaceRowCounts;
  for (const [key, query] of Object.entries(countQueries) as [
    keyof WorkspaceRowCounts,
    { table: string; sql: string },
  ][]) {
    counts[key] = tables.has(query.table) ? (db.prepare(query.sql).get() as { n: number }).n : null;
  }
  const newest = db
    .prepare(
      `SELECT max(t) AS t FROM (
         SELECT max(entered_at) AS t FROM stage_events UNION ALL SELECT max(occurred_at) FROM activities)`,
    )
    .get() as { t: number | null };
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    counts,
    newestDataAt: newest.t,
  };
}

export type ExamineOptions = {
  /** What to call the file in messages (its name, not a temporary upload path). */
  label: string;
  /** Run `PRAGMA integrity_check` over every page (slow on a large file; a quick read otherwise). */
  integrity: boolean;
  nativeBinding?: string;
  latestVersion?: number;
};

function sqliteCode(error: unknown): string | undefined {
  return (error as { code?: string }).code;
}

/**
 * Opens a file read-only and checks that it is a Stagecoach workspace this version can open:
 * a SQLite database whose pages pass the integrity check (when asked), with a schema version
 * between 1 and the latest, holding the workspace tables. Returns what it holds, or throws an
 * EngineError saying in words what is wrong with it. The file is never written.
 */
export function examineWorkspaceFile(path: string, options: ExamineOptions): WorkspaceContents {
  const { label } = options;
  const latest = options.latestVersion ?? latestSchemaVersion;
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new EngineError('invalid_input', `${label} is a folder, not a backup file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw new EngineError('not_found', `${label} does not exist (or cannot be read).`);
  }
  if (size === 0)
    throw new EngineError('not_a_workspace', `${label} is empty: it is not a Stagecoach backup.`);
  const journals = leftJournals(path);
  let db: Db;
  try {
    db = new Database(path, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new EngineError('not_a_workspace', `${label} cannot be opened: ${(error as Error).message}`);
  }
  try {
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_NOTADB')
        throw new EngineError(
          'not_a_workspace',
          `${label} is not a SQLite database, so it cannot be a Stagecoach backup.`,
        );
      throw error;
    }
    if (options.integrity) {
      const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
        (row) => row.integrity_check,
      );
      if (problems.length !== 1 || problems[0] !== 'ok') {
        const shown = problems.slice(0, 3).join('; ');
        throw new EngineError(
          'not_a_workspace',
          `${label} is damaged: SQLite's integrity check found ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} (${shown}).`,
        );
      }
    }
    if (version > latest)
      throw new EngineError(
        'db_too_new',
        `${label} was written by a newer version of Stagecoach (schema v${version}; this version knows up to v${latest}). Update Stagecoach to restore it.`,
      );
    const tables = tableNames(db);
    if (version === 0)
      throw new EngineError(
        'not_a_workspace',
        tables.size === 0
          ? `${label} is an empty SQLite database, not a Stagecoach backup.`
          : `${label} is a SQLite database but not a Stagecoach workspace.`,
      );
    const missing = requiredTables.filter((table) => !tables.has(table));
    if (missing.length > 0)
      throw new EngineError(
        'not_a_workspace',
        `${label} is not a Stagecoach workspace: it has no ${missing.join(', ')} table${missing.length === 1 ? '' : 's'}.`,
      );
    return workspaceContents(db);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    const code = sqliteCode(error);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
      throw new EngineError('not_a_workspace', `${label} is damaged: ${(error as Error).message}.`);
    throw new EngineError('internal', `${label} could not be read: ${(error as Error).message}`);
  } finally {
    db.close();
    journals.clean();
  }
}

/**
 * A read-only connection to a file in WAL mode creates its `-wal` and `-shm` files and cannot
 * delete them on close. Those it created (absent before, the log still empty) are removed, so
 * checking a file leaves nothing beside it.
 */
function leftJournals(path: string): { clean: () => void } {
  const wal = `${path}-wal`;
  const shm = `${path}-shm`;
  const hadWal = existsSync(wal);
  const hadShm = existsSync(shm);
  return {
    clean() {
      try {
        if (hadWal || (existsSync(wal) && statSync(wal).size > 0)) return;
        rmSync(wal, { force: true });
        if (!hadShm) rmSync(shm, { force: true });
      } catch {
        // Leaving an empty journal file behind is harmless.
      }
    },
  };
}
