import type { ApiError, ApiResult } from '@shared/api/envelope';
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

export type HostToWorker = { type: 'call'; id: number; method: string; input: unknown } | { type: 'close' };

export type WorkerToHost =
  | { type: 'ready'; migration: MigrationResult | null; seeded: boolean }
  | { type: 'fatal'; error: ApiError }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'event'; event: EngineEvent }
  | { type: 'closed' };
