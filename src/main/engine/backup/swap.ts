import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { RestoreStep } from '@shared/backup/types';
import { EngineError } from '../errors';

/** Flushes a file to the disk, so a rename that follows never exposes a half-written file after a power cut. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename); folders cannot be opened on Windows, where NTFS journals renames. */
export function syncFolder(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the rename itself is still atomic.
  } finally {
    closeSync(fd);
  }
}

export type SwappedWorkspace = {
  /** Puts the original file back in place of the restored one (before anything reopened it for good). */
  rollback(): void;
  /** Drops the kept original once the restored workspace is open. */
  commit(): void;
};

/** The original workspace kept under this name while the restored one is being opened. */
export function keptOriginalPath(dbPath: string): string {
  return `${dbPath}.before-restore`;
}

function nonEmpty(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

function removeJournals(dbPath: string): void {
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
}

/**
 * Replaces the closed workspace file with the restored copy beside it. The rename is atomic, so
 * the workspace path always holds one whole database, the old or the new. The original stays
 * reachable under a second name (a hard link; a copy of the closed file where the volume has no
 * links) until `commit`, so `rollback` can put it back if the restored file will not open.
 *
 * Both engine connections must be closed: the writer checkpointed the write-ahead log into the
 * file on close, so a non-empty `-wal` here means another program still has the workspace open,
 * and nothing is touched.
 */
export function swapInRestored(dbPath: string, stagedPath: string): SwappedWorkspace {
  if (!existsSync(stagedPath))
    throw new EngineError('internal', 'The restored copy beside the workspace is gone.');
  if (nonEmpty(`${dbPath}-wal`))
    throw new EngineError(
      'busy',
      'Another program still has the workspace open (its write-ahead log is not empty). Close it and try again.',
    );
  const kept = keptOriginalPath(dbPath);
  rmSync(kept, { force: true });
  try {
    linkSync(dbPath, kept);
  } catch {
    // No hard links on this volume (FAT, some network shares): the file is closed and
    // checkpointed, so a plain copy of it is whole.
    copyFileSync(dbPath, kept);
  }
  try {
    syncFile(stagedPath);
    removeJournals(dbPath);
    renameSync(stagedPath, dbPath);
    syncFolder(dirname(dbPath));
  } catch (error) {
    rmSync(kept, { force: true });
    throw error;
  }
  return {
    rollback() {
      removeJournals(dbPath);
      renameSync(kept, dbPath);
      syncFolder(dirname(dbPath));
    },
    commit() {
      rmSync(kept, { force: true });
    },
  };
}

/** Removes a database file together with its journal files. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** Wraps a step's failure in a message that names the step and says the workspace is untouched. */
export function restoreStepError(step: RestoreStep, error: unknown, outcome: string): EngineError {
  const message = (error as Error).message;
  const code = error instanceof EngineError ? error.code : 'internal';
  return new EngineError(code, `The restore stopped at “${step}”: ${message} ${outcome}`.trim());
}
