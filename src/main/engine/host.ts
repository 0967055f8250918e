import { Worker } from 'node:worker_threads';
import { apiContract } from '@shared/api/contract';
import { type ApiResult, fail } from '@shared/api/envelope';
import type { EngineEvent } from '@shared/api/events';
import type { ApiMethod } from '@shared/api/methods';
import type { MigrationResult } from './db/migrate';
import { EngineError } from './errors';
import type { HostToWorker, WorkerConfig, WorkerToHost } from './protocol';

export type EngineHostOptions = Omit<WorkerConfig, 'role'> & {
  /** The built engineWorker.js (it sits beside each built entry in out/main). */
  workerPath: string;
};

export type EngineHost = {
  /** Runs a method on the writer or the reader worker, by the method's declared access. */
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  close(): Promise<void>;
  readonly migration: MigrationResult | null;
  readonly seeded: boolean;
};

type Pending = { resolve: (result: ApiResult<unknown>) => void };

type WorkerHandle = {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  close(): Promise<void>;
};

function startWorker(
  options: EngineHostOptions,
  role: WorkerConfig['role'],
  onEvent: (event: EngineEvent) => void,
): Promise<{ handle: WorkerHandle; ready: Extract<WorkerToHost, { type: 'ready' }> }> {
  const { workerPath, ...config } = options;
  // The writer holds a whole import in memory before its one transaction: give it room, so a
  // million-row file does not spend its time in garbage collection near the default heap limit.
  const worker = new Worker(workerPath, {
    workerData: { ...config, role } satisfies WorkerConfig,
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
      call(method, input) {
        if (stopped) return Promise.resolve(fail('internal', stopped));
        const id = nextId++;
        return new Promise((done) => {
          pending.set(id, { resolve: done });
          worker.postMessage({ type: 'call', id, method, input } satisfies HostToWorker);
        });
      },
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

/**
 * Starts the engine: the writer worker first (it migrates and, for the app, seeds a new
 * workspace), then a query-only reader on the same file. WAL lets the reader answer while the
 * writer is busy with a long import or recompute.
 */
export async function startEngineHost(options: EngineHostOptions): Promise<EngineHost> {
  const listeners = new Set<(event: EngineEvent) => void>();
  const emit = (event: EngineEvent): void => listeners.forEach((listener) => listener(event));
  const shared = { ...options, cancelBuffer: new SharedArrayBuffer(4) };
  const writer = await startWorker(shared, 'writer', emit);
  let reader: Awaited<ReturnType<typeof startWorker>>;
  try {
    reader = await startWorker(shared, 'reader', emit);
  } catch (error) {
    await writer.handle.close();
    throw error;
  }
  return {
    migration: writer.ready.migration,
    seeded: writer.ready.seeded,
    call(method, input) {
      if (!Object.hasOwn(apiContract, method)) {
        return Promise.resolve(fail('unknown_method', `Unknown API method "${method}".`));
      }
      const access = apiContract[method as ApiMethod].access;
      return (access === 'write' ? writer : reader).handle.call(method, input);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await reader.handle.close();
      await writer.handle.close();
    },
  };
}
