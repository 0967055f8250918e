import { parentPort, workerData } from 'node:worker_threads';
import { type ApiResult, fail, ok } from '@shared/api/envelope';
import { restoreSteps } from '@shared/backup/types';
import { runAutomaticBackup } from './backup/automatic';
import { prepareRestore } from './backup/restore';
import { checkWorkspaceIntegrity, damagedWorkspace, isCorruption } from './db/integrity';
import { migrate, type MigrationResult } from './db/migrate';
import { type Db, openDatabase } from './db/open';
import { loadDemo } from './demo/demoWorkspace';
import { createEngine } from './engine';
import { EngineError } from './errors';
import type { HostToWorker, WorkerConfig, WorkerTask, WorkerToHost } from './protocol';
import { ensureEvaluated } from './evaluation/queries';
import { currentWorkflow } from './queries/workflow';
import { ensureWorkspaceDefaults } from './queries/workspace';

/**
 * The engine's worker thread: it owns one SQLite connection (the writer, or a query-only
 * reader) and answers API calls one at a time, so the UI thread never waits on the database.
 */
const port = parentPort;
if (!port) throw new Error('engineWorker must run in a worker thread');
const config = workerData as WorkerConfig;
const clock = (): number => config.fixedNow ?? Date.now();
const post = (message: WorkerToHost): void => port.postMessage(message);

function start(): Db {
  const db = openDatabase(config.dbPath, { role: config.role, nativeBinding: config.nativeBinding });
  let migration: MigrationResult | null = null;
  let seeded = false;
  try {
    if (config.role === 'writer') {
      // A damaged file is reported (the app shows its recovery screen), never migrated or written.
      checkWorkspaceIntegrity(db, config.dbPath);
      migration = migrate(db, config.dbPath, clock());
      ensureWorkspaceDefaults(db, clock());
      if (config.seedDemoIfNew && migration.from === 0) {
        loadDemo(db, clock());
        seeded = true;
      }
      // Reports read the current workflow's stored evaluation: bring it up to date before the
      // first read (pending actions age into missed ones while the app is closed).
      ensureEvaluated(db, currentWorkflow(db), clock());
    }
  } catch (error) {
    db.close();
    if (isCorruption(error))
      throw damagedWorkspace(config.dbPath, `SQLite could not read it (${(error as Error).message}).`);
    throw error;
  }
  post({ type: 'ready', migration, seeded });
  return db;
}

/** Runs a host task on this (the writer's) connection; failures come back in the result envelope. */
async function runTask(db: Db, task: WorkerTask): Promise<ApiResult<unknown>> {
  const backupContext = { dbPath: config.dbPath, nativeBinding: config.nativeBinding };
  try {
    switch (task.kind) {
      case 'prepareRestore':
        return ok(
          await prepareRestore(db, backupContext, task.source, clock(), (done) =>
            post({
              type: 'event',
              event: { type: 'progress', task: 'backups:restore', done, total: restoreSteps.length },
            }),
          ),
        );
      case 'automaticBackup': {
        const outcome = runAutomaticBackup(db, backupContext, clock());
        if (outcome.taken || outcome.error)
          post({ type: 'event', event: { type: 'changed', what: ['backups'] } });
        return ok(outcome);
      }
    }
  } catch (error) {
    if (error instanceof EngineError) return fail(error.code, error.message);
    return fail('internal', `${task.kind} failed: ${(error as Error).message}`);
  }
}

try {
  const db = start();
  const engine = createEngine({
    db,
    dbPath: config.dbPath,
    clock,
    emit: (event) => post({ type: 'event', event }),
    cancelFlag: new Int32Array(config.cancelBuffer ?? new SharedArrayBuffer(4)),
    nativeBinding: config.nativeBinding,
  });
  // Calls run one after another even when a handler awaits (reading an XLSX file), so the
  // connection never sees two operations interleave.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: HostToWorker) => {
    queue = queue.then(async () => {
      if (message.type === 'close') {
        if (config.role === 'writer') db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
        post({ type: 'closed' });
        port.close();
        return;
      }
      if (message.type === 'task') {
        post({ type: 'result', id: message.id, result: await runTask(db, message.task) });
        return;
      }
      post({ type: 'result', id: message.id, result: await engine.call(message.method, message.input) });
    });
  });
} catch (error) {
  const known = error instanceof EngineError;
  post({
    type: 'fatal',
    error: {
      code: known ? error.code : 'internal',
      message: known ? error.message : `The engine could not start: ${(error as Error).message}`,
    },
  });
}
