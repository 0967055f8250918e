import { DateTime } from 'luxon';
import type { BackupEntry } from '@shared/backup/types';
import type { Db } from '../db/open';
import { getSetting } from '../queries/workspace';
import { backupPlace, deleteBackupFile, listBackupFiles } from './backupFiles';
import { type BackupContext, takeBackup } from './backups';
import { readBackupSettings, saveLastAutomatic } from './backupSettings';

export type AutomaticBackupOutcome = {
  /** The backup taken now, or null when today's exists already or automatic backups are off. */
  taken: BackupEntry | null;
  /** Automatic backups deleted because more than `keep` were there. */
  removed: string[];
  /** Why the backup failed, when it did. */
  error: string | null;
};

/**
 * Deletes the oldest automatic (daily) backups beyond the newest `keep`. Manual, pre-restore and
 * pre-upgrade backups are never deleted here.
 */
export function rotateAutomaticBackups(ctx: BackupContext, keep: number): string[] {
  const place = backupPlace(ctx.dbPath);
  const surplus = listBackupFiles(place)
    .filter((file) => file.reason === 'daily')
    .slice(Math.max(0, keep));
  for (const file of surplus) deleteBackupFile(place, file.name);
  return surplus.map((file) => file.name);
}

/**
 * The daily backup: when automatic backups are on and none was taken yet on this calendar day (in
 * the workspace's time zone), takes one and then keeps only the newest `keep` automatic ones. The
 * outcome is recorded in the workspace so the Export & backup screen can say when it last worked.
 */
export function runAutomaticBackup(db: Db, ctx: BackupContext, now: number): AutomaticBackupOutcome {
  const settings = readBackupSettings(db);
  if (!settings.automatic) return { taken: null, removed: [], error: null };
  const zone = getSetting(db, 'time_zone') ?? 'UTC';
  const day = (ms: number): string | null => DateTime.fromMillis(ms, { zone }).toISODate();
  const today = day(now);
  const place = backupPlace(ctx.dbPath);
  const done = listBackupFiles(place).some(
    (file) => file.reason === 'daily' && day(file.createdAt) === today,
  );
  if (done) return { taken: null, removed: [], error: null };
  let taken: BackupEntry;
  try {
    taken = takeBackup(db, ctx, 'daily', now);
  } catch (error) {
    const message = (error as Error).message;
    saveLastAutomatic(db, { at: now, ok: false, message, name: null });
    return { taken: null, removed: [], error: message };
  }
  const removed = rotateAutomaticBackups(ctx, settings.keep);
  saveLastAutomatic(db, {
    at: now,
    ok: true,
    message:
      removed.length === 0
        ? 'Backed up and checked.'
        : `Backed up and checked; ${removed.length} older automatic backup${removed.length === 1 ? '' : 's'} deleted (keeping ${settings.keep}).`,
    name: taken.name,
  });
  return { taken, removed, error: null };
}
