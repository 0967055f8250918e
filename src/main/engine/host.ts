import { Worker } from 'node:worker_threads';
import { apiContract } from '@shared/api/contract';
import { type ApiResult, fail, ok } from '@shared/api/envelope';
import type { EngineEvent } from '@shared/api/events';
import type { ApiMethod } from '@shared/api/methods';
import { type RestoreResult, type RestoreSource, type RestoreStep, restoreSteps } from '@shared/backup/types';
import type { PreparedRestore } from './backup/restore';
import { recoveryStatus, restoreDamagedWorkspace } from './db/recovery';
import { removeDatabaseFiles, restoreStepError, type SwappedWorkspace, swapInRestored } from './backup/swap';
import type { MigrationResult } from './db/migrate';
import { EngineError } from './errors';
import type { HostToWorker, WorkerConfig, WorkerTask, WorkerToHost } from './protocol';

const HOUR_MS = 3_600_000;

export type EngineHostOptions = Omit<WorkerConfig, 'role'> & {
  /** The built engineWorker.js (it sits beside each built entry in out/main). */
  workerPath: string;
  /**
   * How often the writer checks whether today's automatic backup is due (at start, then hourly
   * by default); false leaves automatic backups to nobody.
   */
  automaticBackupEveryMs?: number | false;
  /** Runs before each of the host's restore steps; a test throws there to see a failure undone. */
  restoreHooks?: { beforeStep?: (step: RestoreStep) => void | Promise<void> };
};

export type EngineHost = {
  /**
   * Runs a method on the writer or the reader worker, by the method's declared access;
   * `backups:restore` is run by the host itself, which swaps the workspace file under both.
   */
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  close(): Promise<void>;
  readonly migration: MigrationResult | null;
  readonly seeded: boolean;
  /**
   * Why the workspace failed its start-up check, while it does (see db/integrity.ts): no worker
   * runs, `recovery:status` lists the backups and `backups:restore` replaces the file with one.
   */
  readonly damaged: string | null;
};

type Pending = { resolve: (result: ApiResult<unknown>) => void };

type WorkerHandle = {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Work for the writer that is no API method (see WorkerTask). */
  task(task: WorkerTask): Promise<ApiResult<unknown>>;
  close(): Promise<void>;
};

type StartedWorker = { handle: WorkerHandle; ready: Extract<WorkerToHost, { type: 'ready' }> };

function startWorker(
  workerPath: string,
  config: WorkerConfig,
  onEvent: (event: EngineEvent) => void,
): Promise<StartedWorker> {
  const { role } = config;
  // The writer holds a whole import in memory before its one transaction: give it room, so a
  // million-row file does not spend its time in garbage collection near the default heap limit.
  const worker = new Worker(workerPath, {
    workerData: config,
    resourceLimits: role === 'writer' ? { maxOldGenerationSizeMb: 8192 } : undefined,
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: string | null = null;
  let onClosed: (() => void) | null = null;

  const failAll = (message: string): void => {
    stopped = message;
    for (const entry of pending.values()) entry.resolve(fail('internal', message));
    pending.clear();
  };

  const send = (message: Exclude<HostToWorker, { type: 'close' }>): Promise<ApiResult<unknown>> => {
    if (stopped) return Promise.resolve(fail('internal', stopped));
    return new Promise((done) => {
      pending.set(message.id, { resolve: done });
      worker.postMessage(message);
    });
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: WorkerToHost) => {
      switch (message.type) {
        case 'ready':
          resolve({ handle, ready: message });
          break;
        case 'fatal':
          reject(new EngineError(message.error.code, message.error.message));
          void worker.terminate();
          break;
        case 'result':
          pending.get(message.id)?.resolve(message.result);
          pending.delete(message.id);
          break;
        case 'event':
          onEvent(message.event);
          break;
        case 'closed':
          onClosed?.();
          break;
      }
    });
    worker.on('error', (error) => {
      reject(new EngineError('internal', `The engine stopped: ${error.message}`));
      failAll(`The engine stopped: ${error.message}`);
    });
    worker.on('exit', (code) => {
      failAll(`The engine's ${role} stopped (exit code ${code}).`);
      onClosed?.();
    });

    const handle: WorkerHandle = {
      call: (method, input) => send({ type: 'call', id: nextId++, method, input }),
      task: (task) => send({ type: 'task', id: nextId++, task }),
      close() {
        if (stopped) return Promise.resolve();
        return new Promise((done) => {
          onClosed = () => {
            onClosed = null;
            done();
          };
          worker.postMessage({ type: 'close' } satisfies HostToWorker);
        });
      },
    };
  });
}

type Workers = { writer: StartedWorker; reader: StartedWorker };

/** Everything the UI shows may differ after a restore. */
const everything = [
  'deals',
  'reps',
  'activities',
  'imports',
  'evaluations',
  'observations',
  'oneOnOnes',
  'scorecards',
  'workflow',
  'backups',
];

/**
 * Starts the engine: the writer worker first (it migrates and, for the app, seeds a new
 * workspace), then a query-only reader on the same file. WAL lets the reader answer while the
 * writer is busy with a long import, a recompute or a backup.
 *
 * The host also owns what spans both workers: the automatic backup timer, and restores, which
 * close both connections, swap the workspace file and open them again.
 */
export async function startEngineHost(options: EngineHostOptions): Promise<EngineHost> {
  const { workerPath, automaticBackupEveryMs = HOUR_MS, restoreHooks = {}, ...rest } = options;
  const shared = { ...rest, cancelBuffer: rest.cancelBuffer ?? new SharedArrayBuffer(4) };
  const listeners = new Set<(event: EngineEvent) => void>();
  const emit = (event: EngineEvent): void => listeners.forEach((listener) => listener(event));

  const startBoth = async (): Promise<Workers> => {
    const writer = await startWorker(workerPath, { ...shared, role: 'writer' }, emit);
    try {
      const reader = await startWorker(workerPath, { ...shared, role: 'reader' }, emit);
      return { writer, reader };
    } catch (error) {
      await writer.handle.close();
      throw error;
    }
  };
  const closeBoth = async (): Promise<void> => {
    if (damaged) return;
    await workers.reader.handle.close();
    await workers.writer.handle.close();
  };

  let workers!: Workers;
  /** Set while the workspace failed its start-up check; cleared by a restore that opens. */
  let damaged: string | null = null;
  try {
    workers = await startBoth();
  } catch (error) {
    if (!(error instanceof EngineError && error.code === 'workspace_damaged')) throw error;
    damaged = error.message;
  }
  const { migration, seeded } = damaged ? { migration: null, seeded: false } : workers.writer.ready;
  const backupContext = { dbPath: shared.dbPath, nativeBinding: shared.nativeBinding };
  const clock = (): number => shared.fixedNow ?? Date.now();
  /** Set when a failed restore could not even reopen the original workspace. */
  let broken: string | null = null;
  /**
   * Restores run one at a time. While one is queued or running, writes wait (the pre-restore
   * backup must hold every acknowledged write); reads go on until the connections close.
   */
  let restores = 0;
  let swapping = false;
  let afterRestores: Promise<unknown> = Promise.resolve();
  let closing = false;

  const dispatch = (method: string, input: unknown): Promise<ApiResult<unknown>> => {
    if (broken) return Promise.resolve(fail('internal', broken));
    if (damaged) {
      return Promise.resolve(
        method === 'recovery:status'
          ? ok(recoveryStatus(backupContext, damaged, clock()))
          : fail('workspace_damaged', damaged),
      );
    }
    if (!Object.hasOwn(apiContract, method)) {
      return Promise.resolve(fail('unknown_method', `Unknown API method "${method}".`));
    }
    const access = apiContract[method as ApiMethod].access;
    return (access === 'write' ? workers.writer : workers.reader).handle.call(method, input);
  };

  const progress = (done: number): void =>
    emit({ type: 'progress', task: 'backups:restore', done, total: restoreSteps.length });

  const restore = async (input: unknown): Promise<ApiResult<unknown>> => {
    const parsed = apiContract['backups:restore'].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      return fail(
        'invalid_input',
        `Invalid input for backups:restore${where}: ${issue?.message ?? 'rejected'}`,
      );
    }
    if (broken) return fail('internal', broken);
    if (damaged) return recover(parsed.data.source);
    // The writer checks and copies the backup and backs up the workspace, which stays open and
    // unchanged meanwhile (the reader keeps answering).
    const prepared = await workers.writer.handle.task({ kind: 'prepareRestore', source: parsed.data.source });
    if (!prepared.ok) {
      progress(restoreSteps.length);
      return prepared;
    }
    const plan = prepared.value as PreparedRestore;
    let step: RestoreStep = restoreSteps[3];
    let closed = false;
    let swap: SwappedWorkspace | null = null;
    const begin = async (index: number): Promise<void> => {
      step = restoreSteps[index] as RestoreStep;
      progress(index);
      await restoreHooks.beforeStep?.(step);
    };
    try {
      swapping = true;
      await begin(3);
      closed = true;
      await closeBoth();
      await begin(4);
      swap = swapInRestored(shared.dbPath, plan.stagedPath);
      await begin(5);
      workers = await startBoth();
      swap.commit();
    } catch (error) {
      removeDatabaseFiles(plan.stagedPath);
      let outcome = 'The workspace was not changed.';
      if (closed) {
        try {
          if (swap) {
            swap.rollback();
            outcome = 'The workspace was put back as it was.';
          }
          workers = await startBoth();
        } catch (reopenError) {
          broken =
            `Stagecoach could not reopen the workspace after a failed restore (${(reopenError as Error).message}). ` +
            `Restart Stagecoach; the workspace as it was before the restore is also saved as ${plan.preRestoreBackup.path}.`;
          outcome = broken;
        }
      }
      swapping = false;
      progress(restoreSteps.length);
      const failure = restoreStepError(step, error, outcome);
      return fail(failure.code, failure.message);
    }
    swapping = false;
    progress(restoreSteps.length);
    emit({ type: 'changed', what: everything });
    return ok({
      label: plan.label,
      contents: plan.contents,
      preRestoreBackup: plan.preRestoreBackup,
      upgradedFrom: plan.upgradedFrom,
    } satisfies RestoreResult);
  };

  /** A restore while the workspace is damaged: no worker runs, the host replaces the file and starts them. */
  const recover = async (source: RestoreSource): Promise<ApiResult<unknown>> => {
    let result: RestoreResult;
    try {
      result = await restoreDamagedWorkspace(backupContext, source, clock());
    } catch (error) {
      const message = `The restore failed: ${(error as Error).message} The damaged workspace was not replaced.`;
      return fail(error instanceof EngineError ? error.code : 'internal', message);
    }
    try {
      workers = await startBoth();
      damaged = null;
    } catch (error) {
      if (error instanceof EngineError && error.code === 'workspace_damaged') damaged = error.message;
      else
        broken = `Stagecoach could not open the restored workspace (${(error as Error).message}). Restart Stagecoach.`;
      return fail(error instanceof EngineError ? error.code : 'internal', damaged ?? broken ?? '');
    }
    emit({ type: 'changed', what: everything });
    return ok(result);
  };

  const runAutomaticBackup = (): void => {
    if (restores > 0 || closing || broken || damaged) return;
    // The outcome is recorded in the workspace and shown on the Export & backup screen.
    void workers.writer.handle.task({ kind: 'automaticBackup' });
  };
  const timer =
    automaticBackupEveryMs === false ? null : setInterval(runAutomaticBackup, automaticBackupEveryMs);
  timer?.unref();
  if (automaticBackupEveryMs !== false) runAutomaticBackup();

  return {
    migration,
    seeded,
    get damaged() {
      return damaged;
    },
    call(method, input) {
      if (method === 'backups:restore') {
        restores += 1;
        const run = afterRestores.then(() =>
          restore(input).catch((error: unknown) =>
            fail('internal', `The restore failed: ${(error as Error).message}`),
          ),
        );
        afterRestores = run.finally(() => {
          restores -= 1;
        });
        return run;
      }
      const waits =
        restores > 0 &&
        (swapping ||
          !Object.hasOwn(apiContract, method) ||
          apiContract[method as ApiMethod].access === 'write');
      return waits ? afterRestores.then(() => dispatch(method, input)) : dispatch(method, input);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closing = true;
      if (timer) clearInterval(timer);
      await afterRestores;
      await closeBoth();
    },
  };
}
