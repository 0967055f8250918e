import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type {
  BackupEntry,
  RestoreCandidate,
  RestoreSource,
  RestoreStep,
  WorkspaceContents,
} from '@shared/backup/types';
import { restoreSteps } from '@shared/backup/types';
import { migrate } from '../db/migrate';
import { type Db, openDatabase } from '../db/open';
import { EngineError } from '../errors';
import { type BackupContext, findBackup, takeBackup } from './backups';
import { removeDatabaseFiles, restoreStepError } from './swap';
import { workspaceContents, examineWorkspaceFile } from './workspaceFile';

/** Where the restored copy is written before it is swapped in: beside the workspace, same volume. */
export function stagedRestorePath(dbPath: string): string {
  return `${dbPath}.restoring`;
}

type ResolvedSource = { path: string; label: string };

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** The file a restore source names: a listed backup, or a file the user picked. */
export function resolveRestoreSource(ctx: BackupContext, source: RestoreSource): ResolvedSource {
  if ('backup' in source) {
    const file = findBackup(ctx, source.backup);
    return { path: file.path, label: file.name };
  }
  if (!isAbsolute(source.path))
    throw new EngineError('invalid_input', `Choose the backup file by its full path, not "${source.path}".`);
  if (!existsSync(source.path)) throw new EngineError('not_found', `${source.path} does not exist.`);
  if (samePath(source.path, ctx.dbPath))
    throw new EngineError('invalid_input', 'That file is the workspace itself; choose a backup of it.');
  for (const suffix of ['-wal', '-shm', '-journal', '.restoring'])
    if (source.path.endsWith(suffix))
      throw new EngineError(
        'not_a_workspace',
        `${basename(source.path)} is a SQLite journal file, not a backup; choose the .db file beside it.`,
      );
  return { path: source.path, label: basename(source.path) };
}

/**
 * Checks a restore candidate in full (integrity, workspace tables, schema version not newer than
 * this app's) and sets what it holds beside what the workspace holds now. Nothing is written.
 */
export function inspectRestore(db: Db, ctx: BackupContext, source: RestoreSource): RestoreCandidate {
  const { path, label } = resolveRestoreSource(ctx, source);
  const contents = examineWorkspaceFile(path, { label, integrity: true, nativeBinding: ctx.nativeBinding });
  const current = workspaceContents(db);
  return {
    label,
    path,
    sizeBytes: statSync(path).size,
    contents,
    current,
    needsUpgrade: contents.schemaVersion < current.schemaVersion,
  };
}

/** What the writer hands the host once the restored copy is ready beside the workspace. */
export type PreparedRestore = {
  stagedPath: string;
  label: string;
  contents: WorkspaceContents;
  upgradedFrom: number | null;
  preRestoreBackup: BackupEntry;
};

export type RestoreHooks = {
  /** Called before each step; a test makes one throw to see that nothing is half-done. */
  beforeStep?: (step: RestoreStep) => void;
};

/**
 * Copies a checked backup beside the workspace with SQLite's backup API (to `stagedRestorePath`),
 * upgrades the copy when its schema is older, leaves it in rollback-journal mode (one file, renamed
 * whole; the writer turns WAL on again) and checks it once more. Nothing else is touched.
 */
export async function stageRestoredCopy(
  ctx: BackupContext,
  path: string,
  label: string,
  now: number,
): Promise<{ contents: ReturnType<typeof examineWorkspaceFile>; upgradedFrom: number | null }> {
  const staged = stagedRestorePath(ctx.dbPath);
  removeDatabaseFiles(staged);
  const from = new Database(path, {
    readonly: true,
    fileMustExist: true,
    ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}),
  });
  try {
    await from.backup(staged);
  } finally {
    from.close();
  }
  const copy = openDatabase(staged, { role: 'writer', nativeBinding: ctx.nativeBinding });
  let upgradedFrom: number | null = null;
  try {
    // Named after the workspace, so a pre-upgrade copy of the backup lands with its backups.
    const migration = migrate(copy, ctx.dbPath, now);
    if (migration.from !== migration.to) upgradedFrom = migration.from;
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const contents = examineWorkspaceFile(staged, {
    label: `The restored copy of ${label}`,
    integrity: true,
    nativeBinding: ctx.nativeBinding,
  });
  return { contents, upgradedFrom };
}

/**
 * The writer's part of a restore, done while the workspace is still open and unchanged:
 * 1. check the backup in full; 2. copy it with SQLite's online backup API into a temporary file
 * beside the workspace, upgrade that copy's schema when it is older, and check the copy;
 * 3. take a pre-restore backup of the current workspace. The host then closes both connections
 * and renames the copy over the workspace. On any failure the copy is deleted and the error names
 * the step; the workspace was not touched.
 */
export async function prepareRestore(
  db: Db,
  ctx: BackupContext,
  source: RestoreSource,
  now: number,
  onStep: (index: number) => void = () => {},
  hooks: RestoreHooks = {},
): Promise<PreparedRestore> {
  const staged = stagedRestorePath(ctx.dbPath);
  let step: RestoreStep = restoreSteps[0];
  const begin = (index: number): void => {
    step = restoreSteps[index] as RestoreStep;
    onStep(index);
    hooks.beforeStep?.(step);
  };
  try {
    begin(0);
    const { path, label } = resolveRestoreSource(ctx, source);
    examineWorkspaceFile(path, { label, integrity: true, nativeBinding: ctx.nativeBinding });

    begin(1);
    const { contents, upgradedFrom } = await stageRestoredCopy(ctx, path, label, now);

    begin(2);
    const preRestoreBackup = takeBackup(db, ctx, 'pre-restore', now);
    return { stagedPath: staged, label, contents, upgradedFrom, preRestoreBackup };
  } catch (error) {
    removeDatabaseFiles(staged);
    throw restoreStepError(step, error, 'The workspace was not changed.');
  }
}
