import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupCheck, BackupReason } from '@shared/backup/types';
import { backupFolder } from '../db/migrate';

/**
 * Backup file names: `<workspace>-<reason>-<UTC timestamp>[-n].db` in the `backups` folder beside
 * the workspace. db/migrate.ts names its pre-upgrade copies `<workspace>-schema-v<N>-<timestamp>.db`
 * with the same timestamp form, so those are listed as pre-upgrade backups.
 */

/** Where a workspace's backups live, and the prefix of its backup names. */
export type BackupPlace = { folder: string; base: string };

export function backupPlace(dbPath: string): BackupPlace {
  return { folder: backupFolder(dbPath), base: basename(dbPath).replace(/\.db$/, '') };
}

/** The reasons this module writes; pre-upgrade copies are written by db/migrate.ts. */
export type WrittenReason = Exclude<BackupReason, 'pre-upgrade'>;

/** The UTC timestamp as it appears in file names (the form db/migrate.ts uses). */
export function timestampForFile(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

const namePattern =
  /^(manual|daily|pre-restore|schema-v(\d+))-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?\.db$/;

export type ParsedBackupName = {
  reason: BackupReason;
  createdAt: number;
  upgradedFrom: number | null;
  /** 2, 3… for a backup taken in the same millisecond as another. */
  sequence: number;
};

/** Reads the reason and time out of a backup file name of this workspace; null for any other file. */
export function parseBackupName(place: BackupPlace, name: string): ParsedBackupName | null {
  if (!name.startsWith(`${place.base}-`)) return null;
  const match = namePattern.exec(name.slice(place.base.length + 1));
  if (!match) return null;
  const [, tag, version, day, h, m, s, ms, n] = match;
  const createdAt = Date.parse(`${day}T${h}:${m}:${s}.${ms}Z`);
  if (Number.isNaN(createdAt)) return null;
  const reason: BackupReason = tag?.startsWith('schema-v') ? 'pre-upgrade' : (tag as BackupReason);
  return {
    reason,
    createdAt,
    upgradedFrom: version === undefined ? null : Number(version),
    sequence: n === undefined ? 1 : Number(n),
  };
}

/**
 * A name for a new backup that no file in the folder has yet. Its sequence number counts every
 * backup of the same millisecond, whatever its reason (the automatic one at start, a manual one,
 * the copy before a restore), so "newest first" orders them as they were taken even when the
 * clock does not move between them.
 */
export function newBackupName(place: BackupPlace, reason: WrittenReason, now: number): string {
  const stem = `${place.base}-${reason}-${timestampForFile(now)}`;
  const taken = new Set<number>();
  let names: string[] = [];
  try {
    names = readdirSync(place.folder);
  } catch {
    // No backups folder yet: nothing taken.
  }
  for (const name of names) {
    const parsed = parseBackupName(place, name.replace(/\.partial$/, ''));
    if (parsed?.createdAt === now) taken.add(parsed.sequence);
  }
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}.db` : `${stem}-${n}.db`;
    if (
      !taken.has(n) &&
      !existsSync(join(place.folder, name)) &&
      !existsSync(join(place.folder, `${name}.partial`))
    )
      return name;
  }
}

export type BackupFile = ParsedBackupName & { name: string; path: string; sizeBytes: number };

/** This workspace's backup files, newest first. */
export function listBackupFiles(place: BackupPlace): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(place.folder);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(place, name);
    if (!parsed) continue;
    const path = join(place.folder, name);
    let sizeBytes: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      sizeBytes = stat.size;
    } catch {
      continue;
    }
    files.push({ ...parsed, name, path, sizeBytes });
  }
  return files.sort((a, b) => b.createdAt - a.createdAt || b.sequence - a.sequence);
}

/**
 * The outcome of each backup's last full check, kept in one small JSON file in the backups folder
 * (not in the workspace: a restore replaces the workspace, the backups stay).
 */
function checksPath(place: BackupPlace): string {
  return join(place.folder, `${place.base}-checks.json`);
}

export function readChecks(place: BackupPlace): Record<string, BackupCheck> {
  try {
    const parsed = JSON.parse(readFileSync(checksPath(place), 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const checks: Record<string, BackupCheck> = {};
    for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
      const check = value as Partial<BackupCheck> | null;
      if (
        check &&
        typeof check.checkedAt === 'number' &&
        typeof check.ok === 'boolean' &&
        typeof check.message === 'string'
      )
        checks[name] = { checkedAt: check.checkedAt, ok: check.ok, message: check.message };
    }
    return checks;
  } catch {
    return {};
  }
}

function writeChecks(place: BackupPlace, checks: Record<string, BackupCheck>): void {
  const path = checksPath(place);
  const partial = `${path}.partial`;
  writeFileSync(partial, `${JSON.stringify(checks, null, 2)}\n`);
  renameSync(partial, path);
}

/** Records a check; entries of files that are gone are dropped on the way. */
export function recordCheck(place: BackupPlace, name: string, check: BackupCheck | null): void {
  const present = new Set(listBackupFiles(place).map((file) => file.name));
  const checks = Object.fromEntries(Object.entries(readChecks(place)).filter(([key]) => present.has(key)));
  if (check) checks[name] = check;
  else delete checks[name];
  writeChecks(place, checks);
}

/** Deletes a backup file and its recorded check. */
export function deleteBackupFile(place: BackupPlace, name: string): void {
  rmSync(join(place.folder, name), { force: true });
  recordCheck(place, name, null);
}
