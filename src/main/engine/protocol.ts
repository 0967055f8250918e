import type { ApiError, ApiResult } from '@shared/api/envelope';
import type { RestoreSource } from '@shared/backup/types';
import type { EngineEvent } from '@shared/api/events';
import type { MigrationResult } from './db/migrate';

/** What a worker is told when it starts. */
export type WorkerConfig = {
  dbPath: string;
  role: 'writer' | 'reader';
  /** Desktop and browser mode seed a brand-new workspace with the demo; the CLI never does. */
  seedDemoIfNew: boolean;
  nativeBinding?: string;
  /** A fixed clock for tests; the real clock otherwise. */
  fixedNow?: number;
  /** One Int32 shared by the writer and the reader: raised to cancel the running import. */
  cancelBuffer?: SharedArrayBuffer;
};

/**
 * Work the host asks of the writer that is no API method: the writer's part of a restore (check
 * and copy the backup, back up the workspace) and the daily automatic backup.
 */
export type WorkerTask = { kind: 'prepareRestore'; source: RestoreSource } | { kind: 'automaticBackup' };

export type HostToWorker =
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'task'; id: number; task: WorkerTask }
  | { type: 'close' };

export type WorkerToHost =
  | { type: 'ready'; migration: MigrationResult | null; seeded: boolean }
  | { type: 'fatal'; error: ApiError }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'event'; event: EngineEvent }
  | { type: 'closed' };
