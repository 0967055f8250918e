import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { EngineError } from '../errors';
import type { Db } from './open';

/** Files up to this size get the full `integrity_check` (it also compares every index with its table). */
export const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;
const SHOWN_PROBLEMS = 3;
/** integrity_check and quick_check stop after this many problems. */
const CHECK_LIMIT = 100;

function sqliteCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/** Whether a SQLite error means the file's pages cannot be trusted. */
export function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  return (
    code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT_') === true
  );
}

/** Whether a file begins with SQLite's header, "SQLite format 3" — a workspace, even when its pages are damaged. */
export function hasSqliteHeader(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const header = Buffer.alloc(16);
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === 'SQLite format 3\u0000';
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The error that puts the app into its recovery screen instead of half-starting on a damaged file. */
export function damagedWorkspace(dbPath: string, what: string): EngineError {
  return new EngineError(
    'workspace_damaged',
    `The workspace ${dbPath} is damaged: ${what} Stagecoach did not change it; restore a backup to go on.`,
  );
}

function listed(problems: readonly string[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).join('; ');
  const more = problems.length > SHOWN_PROBLEMS ? `; and ${problems.length - SHOWN_PROBLEMS} more` : '';
  return `${shown}${more}`;
}

export type IntegrityReport = {
  check: 'integrity_check' | 'quick_check' | 'foreign_key_check';
  problems: string[];
};

/**
 * Checks the workspace before anything reads or writes it: `PRAGMA integrity_check` on a file up
 * to FULL_CHECK_MAX_BYTES (`quick_check`, which skips comparing indexes with their tables, on a
 * larger one), then `PRAGMA foreign_key_check` — rows pointing at rows that do not exist. Returns
 * the problems found; throws nothing but SQLite's own errors.
 */
export function inspectIntegrity(db: Db, sizeBytes: number): IntegrityReport {
  const check = sizeBytes <= FULL_CHECK_MAX_BYTES ? 'integrity_check' : 'quick_check';
  const rows = db.pragma(check) as Record<string, string>[];
  // One row per problem, but SQLite may put several on one row, under a "*** in database main ***" line.
  const problems = rows
    .flatMap((row) => (Object.values(row)[0] ?? '').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== 'ok' && !/^\*\*\* in database/.test(line));
  if (problems.length > 0) return { check, problems };
  const orphans = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
  const byTable = new Map<string, { count: number; parent: string; rowid: number | null }>();
  for (const orphan of orphans) {
    const key = `${orphan.table}\u0000${orphan.parent}`;
    const entry = byTable.get(key) ?? { count: 0, parent: orphan.parent, rowid: orphan.rowid };
    entry.count++;
    byTable.set(key, entry);
  }
  return {
    check: 'foreign_key_check',
    problems: [...byTable].map(
      ([key, { count, parent, rowid }]) =>
        `${count} row${count === 1 ? '' : 's'} of ${key.split('\u0000')[0]} point${count === 1 ? 's' : ''} at ${parent} rows that do not exist (first: rowid ${rowid})`,
    ),
  };
}

/**
 * The start-up check of the writer: throws a `workspace_damaged` EngineError naming what failed
 * when the file's pages, its indexes or its references are broken. A new, empty file passes.
 */
export function checkWorkspaceIntegrity(db: Db, dbPath: string): void {
  let sizeBytes = 0;
  try {
    sizeBytes = statSync(dbPath).size;
  } catch {
    // A file that is not there yet is being created: nothing to check.
  }
  let report: IntegrityReport;
  try {
    report = inspectIntegrity(db, sizeBytes);
  } catch (error) {
    if (isCorruption(error))
      throw damagedWorkspace(dbPath, `SQLite could not read it (${(error as Error).message}).`);
    throw error;
  }
  if (report.problems.length === 0) return;
  const what =
    report.check === 'foreign_key_check'
      ? "SQLite's foreign key check found"
      : `SQLite's ${report.check === 'quick_check' ? 'quick check' : 'integrity check'} found`;
  throw damagedWorkspace(
    dbPath,
    `${what} ${report.problems.length === 1 ? 'a problem' : `${report.problems.length}${report.problems.length >= CHECK_LIMIT ? ' or more' : ''} problems`}: ${listed(report.problems)}.`,
  );
}
