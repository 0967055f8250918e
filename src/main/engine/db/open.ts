import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { EngineError } from '../errors';
import { damagedWorkspace, hasSqliteHeader, isCorruption } from './integrity';

export type Db = Database.Database;

export type OpenOptions = {
  /** The reader connection refuses writes; only the writer migrates and writes. */
  role: 'writer' | 'reader';
  /** A better-sqlite3 binary built for another runtime (Electron's ABI). */
  nativeBinding?: string;
};

/**
 * Opens the workspace file with the pragmas every connection needs: WAL so readers never block
 * the writer, foreign keys on, and synchronous=FULL on the writer because what users type
 * (notes, observations, workflow edits) must survive a power cut once acknowledged.
 */
export function openDatabase(path: string, options: OpenOptions): Db {
  if (options.role === 'writer') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, {
      fileMustExist: options.role === 'reader',
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new EngineError('not_a_workspace', `Cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (options.role === 'writer') {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // A large page cache keeps a big import's index pages in memory instead of spilling them.
      db.pragma('cache_size = -131072');
    } else {
      db.pragma('query_only = ON');
    }
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    // A file that starts as SQLite but whose first pages cannot be read is a damaged workspace.
    if (isCorruption(error) && hasSqliteHeader(path))
      throw damagedWorkspace(path, `SQLite could not open it (${(error as Error).message}).`);
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new EngineError(
        'not_a_workspace',
        `${path} is not a Stagecoach workspace: it is not a SQLite database.`,
      );
    }
    throw error;
  }
  return db;
}
