import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry, BackupOverview } from '@shared/backup/types';
import { backupInto } from '../db/migrate';
import { latestSchemaVersion } from '../db/migrations';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import {
  type BackupFile,
  type BackupPlace,
  backupPlace,
  listBackupFiles,
  newBackupName,
  readChecks,
  recordCheck,
  type WrittenReason,
} from './backupFiles';
import { readBackupSettings, readLastAutomatic } from './backupSettings';
import { syncFile, syncFolder } from './swap';
import { examineWorkspaceFile } from './workspaceFile';

/** The workspace a backup module works on, and how to open other SQLite files in this runtime. */
export type BackupContext = { dbPath: string; nativeBinding?: string };

function entryOf(place: BackupPlace, file: BackupFile, ctx: BackupContext): BackupEntry {
  const check = readChecks(place)[file.name] ?? null;
  try {
    const contents = examineWorkspaceFile(file.path, {
      label: file.name,
      integrity: false,
      nativeBinding: ctx.nativeBinding,
    });
    return { ...fileFacts(file), contents, problem: null, check };
  } catch (error) {
    return { ...fileFacts(file), contents: null, problem: (error as Error).message, check };
  }
}

function fileFacts(
  file: BackupFile,
): Pick<BackupEntry, 'name' | 'path' | 'reason' | 'createdAt' | 'sizeBytes'> {
  return {
    name: file.name,
    path: file.path,
    reason: file.reason,
    createdAt: file.createdAt,
    sizeBytes: file.sizeBytes,
  };
}

function checkedMessage(entry: { contents: { schemaVersion: number } }): string {
  return `Integrity check passed; schema v${entry.contents.schemaVersion}; the workspace tables are present.`;
}

/**
 * Takes a consistent copy of the open workspace with VACUUM INTO (never a file copy) and checks
 * it before it counts as a backup: it is written under a `.partial` name, opened read-only, run
 * through `PRAGMA integrity_check`, its schema version and tables read, and only then renamed to
 * its backup name. A copy that fails its check is deleted and the error says why.
 */
export function takeBackup(db: Db, ctx: BackupContext, reason: WrittenReason, now: number): BackupEntry {
  const place = backupPlace(ctx.dbPath);
  try {
    mkdirSync(place.folder, { recursive: true });
  } catch (error) {
    throw new EngineError(
      'internal',
      `The backups folder ${place.folder} cannot be created: ${(error as Error).message}`,
    );
  }
  const name = newBackupName(place, reason, now);
  const path = join(place.folder, name);
  const partial = `${path}.partial`;
  let contents;
  try {
    backupInto(db, partial);
    contents = examineWorkspaceFile(partial, {
      label: `The new backup ${name}`,
      integrity: true,
      nativeBinding: ctx.nativeBinding,
    });
    syncFile(partial);
    renameSync(partial, path);
    syncFolder(place.folder);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new EngineError(
      error instanceof EngineError ? error.code : 'internal',
      `The backup was not written to ${place.folder}: ${(error as Error).message}`,
    );
  }
  const check = { checkedAt: now, ok: true, message: checkedMessage({ contents }) };
  recordCheck(place, name, check);
  return {
    name,
    path,
    reason,
    createdAt: now,
    sizeBytes: statSync(path).size,
    contents,
    problem: null,
    check,
  };
}

/** Finds a listed backup of this workspace by its file name. */
export function findBackup(ctx: BackupContext, name: string): BackupFile {
  const file = listBackupFiles(backupPlace(ctx.dbPath)).find((candidate) => candidate.name === name);
  if (!file) throw new EngineError('not_found', `There is no backup named ${name} in the backups folder.`);
  return file;
}

/** Runs the full check on a listed backup again and records the outcome, good or bad. */
export function verifyBackup(ctx: BackupContext, name: string, now: number): BackupEntry {
  const place = backupPlace(ctx.dbPath);
  const file = findBackup(ctx, name);
  try {
    const contents = examineWorkspaceFile(file.path, {
      label: name,
      integrity: true,
      nativeBinding: ctx.nativeBinding,
    });
    const check = { checkedAt: now, ok: true, message: checkedMessage({ contents }) };
    recordCheck(place, name, check);
    return { ...fileFacts(file), contents, problem: null, check };
  } catch (error) {
    const message = (error as Error).message;
    const check = { checkedAt: now, ok: false, message };
    recordCheck(place, name, check);
    return { ...fileFacts(file), contents: null, problem: message, check };
  }
}

/** Every backup of this workspace, newest first, with what each holds; plus the workspace file and the settings. */
export function backupOverview(db: Db, ctx: BackupContext): BackupOverview {
  const place = backupPlace(ctx.dbPath);
  const size = (path: string): number => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  return {
    workspace: {
      path: ctx.dbPath,
      sizeBytes: size(ctx.dbPath) + size(`${ctx.dbPath}-wal`),
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      latestSchemaVersion,
    },
    folder: place.folder,
    settings: readBackupSettings(db),
    lastAutomatic: readLastAutomatic(db),
    backups: listBackupFiles(place).map((file) => entryOf(place, file, ctx)),
  };
}
