import { backupInputs } from '@shared/backup/inputs';
import { type AutomaticBackupStatus, type BackupSettings, defaultBackupSettings } from '@shared/backup/types';
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../queries/workspace';

const SETTINGS_KEY = 'backup_settings';
const LAST_AUTOMATIC_KEY = 'backup_last_automatic';

/** The automatic-backup settings stored in the workspace, or the defaults (daily, keep 10). */
export function readBackupSettings(db: Db): BackupSettings {
  const saved = getSetting(db, SETTINGS_KEY);
  if (saved === null) return { ...defaultBackupSettings };
  try {
    const parsed = backupInputs.saveSettings.safeParse(JSON.parse(saved));
    return parsed.success ? parsed.data : { ...defaultBackupSettings };
  } catch {
    return { ...defaultBackupSettings };
  }
}

export function saveBackupSettings(db: Db, settings: BackupSettings): BackupSettings {
  setSetting(db, SETTINGS_KEY, JSON.stringify(settings));
  return settings;
}

export function readLastAutomatic(db: Db): AutomaticBackupStatus | null {
  const saved = getSetting(db, LAST_AUTOMATIC_KEY);
  if (saved === null) return null;
  try {
    const value = JSON.parse(saved) as Partial<AutomaticBackupStatus>;
    if (typeof value.at !== 'number' || typeof value.ok !== 'boolean' || typeof value.message !== 'string')
      return null;
    return { at: value.at, ok: value.ok, message: value.message, name: value.name ?? null };
  } catch {
    return null;
  }
}

export function saveLastAutomatic(db: Db, status: AutomaticBackupStatus): void {
  setSetting(db, LAST_AUTOMATIC_KEY, JSON.stringify(status));
}
