import type { ApiOutput, ApiParsedInput } from '@shared/api/contract';
import type { ApiMethod } from '@shared/api/methods';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { rotateAutomaticBackups } from './automatic';
import { backupOverview, takeBackup, verifyBackup } from './backups';
import { saveBackupSettings } from './backupSettings';
import { inspectRestore } from './restore';

type BackupMethod = Extract<ApiMethod, `backups:${string}`>;

export type BackupHandlers = {
  [M in BackupMethod]: (input: ApiParsedInput<M>) => ApiOutput<M>;
};

export type BackupHandlerDeps = {
  db: Db;
  dbPath: string;
  clock: () => number;
  nativeBinding?: string;
  /** Tells the UI the list of backups changed. */
  changed: () => void;
};

/** The backups:* API methods over one connection (restore is the engine host's: it swaps the file). */
export function backupHandlers({
  db,
  dbPath,
  clock,
  nativeBinding,
  changed,
}: BackupHandlerDeps): BackupHandlers {
  const ctx = { dbPath, nativeBinding };
  return {
    'backups:list': () => backupOverview(db, ctx),
    'backups:create': () => {
      const entry = takeBackup(db, ctx, 'manual', clock());
      changed();
      return entry;
    },
    'backups:verify': ({ name }) => {
      const entry = verifyBackup(ctx, name, clock());
      changed();
      return entry;
    },
    'backups:inspect': ({ source }) => inspectRestore(db, ctx, source),
    'backups:restore': () => {
      // The host runs a restore: it needs both connections closed, which a handler on one of them cannot do.
      throw new EngineError(
        'internal',
        'A restore replaces the workspace file and must go through the engine host, which closes and reopens both connections.',
      );
    },
    'backups:saveSettings': (settings) => {
      const saved = saveBackupSettings(db, settings);
      rotateAutomaticBackups(ctx, saved.keep);
      changed();
      return saved;
    },
  };
}
