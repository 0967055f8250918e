import { resolve } from 'node:path';
import type { RestoreSource, WorkspaceContents, WorkspaceRowCounts } from '@shared/backup/types';
import { backupPlace, listBackupFiles } from '../engine/backup/backupFiles';
import { backupOverview, takeBackup } from '../engine/backup/backups';
import { inspectRestore, prepareRestore } from '../engine/backup/restore';
import { removeDatabaseFiles, restoreStepError, swapInRestored } from '../engine/backup/swap';
import type { Db } from '../engine/db/open';

/** The command line's backup and restore, on a workspace no app has open. */

const countLabels: [keyof WorkspaceRowCounts, string, string][] = [
  ['reps', 'rep', 'reps'],
  ['deals', 'deal', 'deals'],
  ['stageEvents', 'stage history row', 'stage history rows'],
  ['activities', 'activity', 'activities'],
  ['observations', 'observation', 'observations'],
  ['oneOnOnes', 'one-on-one', 'one-on-ones'],
  ['commitments', 'commitment', 'commitments'],
  ['workflowVersions', 'workflow version', 'workflow versions'],
  ['imports', 'import', 'imports'],
];

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function newest(contents: WorkspaceContents): string {
  return contents.newestDataAt === null
    ? 'no data'
    : new Date(contents.newestDataAt).toISOString().slice(0, 10);
}

function summary(contents: WorkspaceContents): string {
  const counts = countLabels
    .map(([key, one, many]) => {
      const n = contents.counts[key];
      return n === null ? null : `${n} ${n === 1 ? one : many}`;
    })
    .filter((text) => text !== null)
    .join(', ');
  return `schema v${contents.schemaVersion}, data up to ${newest(contents)}: ${counts}`;
}

/** `backup`: takes a checked backup; with `list`, lists the backups instead. */
export function backupCommand(db: Db, dbPath: string, list: boolean, now: number): string {
  const ctx = { dbPath };
  if (list) {
    const overview = backupOverview(db, ctx);
    if (overview.backups.length === 0) return `No backups of ${dbPath} in ${overview.folder} yet.`;
    return [
      `Backups of ${dbPath} in ${overview.folder}, newest first:`,
      ...overview.backups.map(
        (entry) =>
          `  ${entry.name}  ${entry.reason}  ${megabytes(entry.sizeBytes)}  ${entry.contents ? summary(entry.contents) : `unreadable: ${entry.problem}`}`,
      ),
    ].join('\n');
  }
  const entry = takeBackup(db, ctx, 'manual', now);
  return `Backed up and checked: ${entry.path}\n  ${entry.contents ? summary(entry.contents) : ''}`;
}

/** A name of a listed backup of the workspace, or else a file path. */
export function restoreSource(dbPath: string, from: string): RestoreSource {
  const listed = listBackupFiles(backupPlace(dbPath)).some((file) => file.name === from);
  return listed ? { backup: from } : { path: resolve(from) };
}

/**
 * `restore`: checks the backup and shows it beside the workspace; with `confirmed`, backs the
 * workspace up and swaps the backup in (closing `db`). Returns what to print.
 */
export async function restoreCommand(
  db: Db,
  dbPath: string,
  source: RestoreSource,
  confirmed: boolean,
  reopen: () => Db,
  now: number,
): Promise<string> {
  const ctx = { dbPath };
  const candidate = inspectRestore(db, ctx, source);
  const comparison = [
    `Backup ${candidate.label} (${megabytes(candidate.sizeBytes)}) passed its checks.`,
    `  now in the workspace: ${summary(candidate.current)}`,
    `  in the backup:        ${summary(candidate.contents)}`,
  ];
  if (candidate.needsUpgrade)
    comparison.push(
      `  the backup's schema is older; it is upgraded to v${candidate.current.schemaVersion} as it is restored`,
    );
  if (!confirmed) return [...comparison, 'Nothing was changed. Add --yes to restore it.'].join('\n');
  const plan = await prepareRestore(db, ctx, source, now);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  let swap;
  try {
    swap = swapInRestored(dbPath, plan.stagedPath);
  } catch (error) {
    removeDatabaseFiles(plan.stagedPath);
    throw restoreStepError('swap in the restored file', error, 'The workspace was not changed.');
  }
  try {
    reopen().close();
  } catch (error) {
    swap.rollback();
    throw restoreStepError('reopen the workspace', error, 'The workspace was put back as it was.');
  }
  swap.commit();
  return [
    ...comparison,
    `Restored ${candidate.label}. The workspace as it was is saved as ${plan.preRestoreBackup.path}.`,
  ].join('\n');
}
