import type { EpochMs } from '../domain/types';

/**
 * Why a backup was taken: by hand, by the daily rotation, just before a restore replaced the
 * workspace, or just before a schema upgrade (db/migrate.ts).
 */
export const backupReasons = ['manual', 'daily', 'pre-restore', 'pre-upgrade'] as const;
export type BackupReason = (typeof backupReasons)[number];

/** Rows per table of a workspace file; null when the table does not exist at that schema version. */
export type WorkspaceRowCounts = {
  reps: number | null;
  deals: number | null;
  stageEvents: number | null;
  activities: number | null;
  observations: number | null;
  oneOnOnes: number | null;
  commitments: number | null;
  workflowVersions: number | null;
  imports: number | null;
};

/** What a workspace file holds: its schema version, its row counts and how fresh its data is. */
export type WorkspaceContents = {
  schemaVersion: number;
  counts: WorkspaceRowCounts;
  /** The newest stage entry or activity, or null when it holds none. */
  newestDataAt: EpochMs | null;
};

/** The outcome of the last full check of a backup file (integrity, schema version, tables). */
export type BackupCheck = { checkedAt: EpochMs; ok: boolean; message: string };

/** One backup file of this workspace in the `backups` folder beside it. */
export type BackupEntry = {
  /** The file name; it identifies the backup in the API. */
  name: string;
  path: string;
  reason: BackupReason;
  /** When it was taken, from the UTC timestamp in its name. */
  createdAt: EpochMs;
  sizeBytes: number;
  /** What it holds; null when the file cannot be read as a workspace (see `problem`). */
  contents: WorkspaceContents | null;
  problem: string | null;
  /** The last full check, when one was recorded. */
  check: BackupCheck | null;
};

/** Automatic backups: one a day while the app runs, the newest `keep` of them kept. */
export type BackupSettings = { automatic: boolean; keep: number };

export const defaultBackupSettings: BackupSettings = { automatic: true, keep: 10 };
export const maxKeptBackups = 100;

/** How the last automatic backup went. */
export type AutomaticBackupStatus = { at: EpochMs; ok: boolean; message: string; name: string | null };

export type BackupOverview = {
  workspace: { path: string; sizeBytes: number; schemaVersion: number; latestSchemaVersion: number };
  folder: string;
  settings: BackupSettings;
  lastAutomatic: AutomaticBackupStatus | null;
  backups: BackupEntry[];
};

/** A backup to restore: one listed in the backups folder (by name), or any file on disk (by path). */
export type RestoreSource = { backup: string } | { path: string };

/** A restore candidate that passed its checks, next to what the workspace holds now. */
export type RestoreCandidate = {
  label: string;
  path: string;
  sizeBytes: number;
  contents: WorkspaceContents;
  current: WorkspaceContents;
  /** True when the backup has an older schema and will be upgraded as it is restored. */
  needsUpgrade: boolean;
};

export type RestoreResult = {
  label: string;
  contents: WorkspaceContents;
  /** The copy of the workspace taken just before it was replaced. */
  preRestoreBackup: BackupEntry;
  /** The schema version the backup was upgraded from, or null when it was current. */
  upgradedFrom: number | null;
};

/**
 * The steps of a restore, in order, as reported in its progress events (task `backups:restore`,
 * `done` = the step about to run, 0-based). The first three run on the writer; the rest on the host.
 */
export const restoreSteps = [
  'check the backup',
  'copy the backup beside the workspace',
  'back up the current workspace',
  'close the workspace',
  'swap in the restored file',
  'reopen the workspace',
] as const;
export type RestoreStep = (typeof restoreSteps)[number];
