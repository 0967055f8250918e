import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RecoveryStatus } from '@shared/backup/recovery';
import type { BackupEntry, RestoreResult, RestoreSource } from '@shared/backup/types';
import { backupPlace, listBackupFiles, timestampForFile } from '../backup/backupFiles';
import type { BackupContext } from '../backup/backups';
import { resolveRestoreSource, stageRestoredCopy, stagedRestorePath } from '../backup/restore';
import { removeDatabaseFiles, syncFile, syncFolder } from '../backup/swap';
import { examineWorkspaceFile } from '../backup/workspaceFile';

/**
 * Recovery from a workspace that failed its start-up check (db/integrity.ts). No engine worker
 * runs then, so the engine host does this itself: it lists the backups with the newest good one,
 * and restores one — keeping the damaged file beside the backups, never deleting it.
 */

/** This workspace's backups, each opened; the newest given the full integrity check until one passes. */
export function recoveryStatus(ctx: BackupContext, problem: string, now: number): RecoveryStatus {
  const place = backupPlace(ctx.dbPath);
  let latestGood: string | null = null;
  const backups = listBackupFiles(place).map((file): BackupEntry => {
    const facts = {
      name: file.name,
      path: file.path,
      reason: file.reason,
      createdAt: file.createdAt,
      sizeBytes: file.sizeBytes,
    };
    const full = latestGood === null;
    try {
      const contents = examineWorkspaceFile(file.path, {
        label: file.name,
        integrity: full,
        nativeBinding: ctx.nativeBinding,
      });
      if (!full) return { ...facts, contents, problem: null, check: null };
      latestGood = file.name;
      const message = `Integrity check passed; schema v${contents.schemaVersion}; the workspace tables are present.`;
      return { ...facts, contents, problem: null, check: { checkedAt: now, ok: true, message } };
    } catch (error) {
      const message = (error as Error).message;
      return {
        ...facts,
        contents: null,
        problem: message,
        check: full ? { checkedAt: now, ok: false, message } : null,
      };
    }
  });
  return { path: ctx.dbPath, problem, folder: place.folder, backups, latestGood, checkedAt: now };
}

/** Where the damaged workspace is kept: in the backups folder, under a name no backup list picks up. */
export function damagedCopyPath(dbPath: string, now: number): string {
  const place = backupPlace(dbPath);
  return join(place.folder, `${place.base}-damaged-${timestampForFile(now)}.db`);
}

/**
 * Replaces the damaged (closed) workspace with a backup: the backup is checked in full, the
 * damaged file and its write-ahead log are copied aside, the backup is copied with SQLite's
 * backup API beside the workspace, upgraded when its schema is older, checked again, and renamed
 * over the workspace. The host opens the engine on it next. Until the rename the workspace file
 * is untouched; the damaged copy is never deleted.
 */
export async function restoreDamagedWorkspace(
  ctx: BackupContext,
  source: RestoreSource,
  now: number,
): Promise<RestoreResult> {
  const { path, label } = resolveRestoreSource(ctx, source);
  examineWorkspaceFile(path, { label, integrity: true, nativeBinding: ctx.nativeBinding });

  const kept = damagedCopyPath(ctx.dbPath, now);
  mkdirSync(dirname(kept), { recursive: true });
  if (existsSync(ctx.dbPath)) copyFileSync(ctx.dbPath, kept);
  if (existsSync(`${ctx.dbPath}-wal`)) copyFileSync(`${ctx.dbPath}-wal`, `${kept}-wal`);

  const staged = stagedRestorePath(ctx.dbPath);
  try {
    const { contents, upgradedFrom } = await stageRestoredCopy(ctx, path, label, now);
    syncFile(staged);
    rmSync(`${ctx.dbPath}-wal`, { force: true });
    rmSync(`${ctx.dbPath}-shm`, { force: true });
    renameSync(staged, ctx.dbPath);
    syncFolder(dirname(ctx.dbPath));
    const keptCopy: BackupEntry = {
      name: kept.slice(dirname(kept).length + 1),
      path: kept,
      reason: 'pre-restore',
      createdAt: now,
      sizeBytes: existsSync(kept) ? statSync(kept).size : 0,
      contents: null,
      problem: 'The damaged workspace as it was found; it is kept for reference, not as a backup.',
      check: null,
    };
    return { label, contents, preRestoreBackup: keptCopy, upgradedFrom };
  } catch (error) {
    removeDatabaseFiles(staged);
    throw error;
  }
}
