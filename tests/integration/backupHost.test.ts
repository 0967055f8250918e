import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '@shared/api/envelope';
import type { EngineEvent } from '@shared/api/events';
import type {
  BackupEntry,
  BackupOverview,
  RestoreCandidate,
  RestoreResult,
  RestoreStep,
} from '@shared/backup/types';
import type { WorkspaceInfo } from '@shared/domain/types';
import { backupFolder } from '../../src/main/engine/db/migrate';
import { type EngineHost, type EngineHostOptions, startEngineHost } from '../../src/main/engine/host';
import { testNow } from '../helpers/clock';
import { dbState } from '../helpers/dbState';
import { built, tempFolder } from '../helpers/workspace';

const now = testNow;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function demoHost(
  options: Partial<EngineHostOptions> = {},
): Promise<EngineHost & { dbPath: string; dir: string }> {
  const folder = tempFolder();
  cleanups.push(folder.remove);
  const host = await startEngineHost({
    dbPath: folder.dbPath,
    workerPath: built.workerPath,
    seedDemoIfNew: true,
    fixedNow: now,
    ...options,
  });
  cleanups.push(() => host.close());
  return Object.assign(host, { dbPath: folder.dbPath, dir: folder.dir });
}

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Row counts and a checksum of every table of the file, read on a connection of the test's own. */
function fileState(path: string): Record<string, { rows: number; checksum: string }> {
  const db = new Database(path, { readonly: true });
  try {
    const state: Record<string, { rows: number; checksum: string }> = dbState(db);
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const width = db.prepare(`SELECT * FROM "${table}" LIMIT 0`).columns().length;
      const order = Array.from({ length: width }, (_, i) => i + 1).join(', ');
      const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().all();
      state[`all:${table}`] = {
        rows: rows.length,
        checksum: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
      };
    }
    return state;
  } finally {
    db.close();
  }
}

async function info(host: EngineHost): Promise<WorkspaceInfo> {
  return value<WorkspaceInfo>(await host.call('workspace:info', {}));
}

/** The writer answers in order: once a write returns, every write queued before it is done. */
async function writerIdle(host: EngineHost): Promise<void> {
  const settings = value<BackupOverview>(await host.call('backups:list', {})).settings;
  value(await host.call('backups:saveSettings', settings));
}

async function removeAnObservation(host: EngineHost): Promise<void> {
  const page = value<{ rows: { id: number }[] }>(await host.call('observations:list', {}));
  const first = page.rows[0];
  if (!first) throw new Error('the demo has no observation');
  value(await host.call('observations:delete', { id: first.id }));
}

describe('backup and restore through the engine host', () => {
  it('takes a daily backup at start, on the writer', async () => {
    const host = await demoHost();
    await writerIdle(host);
    const overview = value<BackupOverview>(await host.call('backups:list', {}));
    expect(overview.backups.map((b) => b.reason)).toEqual(['daily']);
    expect(overview.backups[0]?.check?.ok).toBe(true);
    expect(overview.backups[0]?.contents?.counts.deals).toBeGreaterThan(1000);
    expect(overview.lastAutomatic).toMatchObject({ ok: true, at: now, name: overview.backups[0]?.name });
  });

  it('restores a backup exactly, while the reader keeps answering until the swap', async () => {
    const host = await demoHost({ automaticBackupEveryMs: false });
    const backup = value<BackupEntry>(await host.call('backups:create', {}));
    const original = fileState(host.dbPath);
    await removeAnObservation(host);
    value(await host.call('demo:remove', {}));
    expect((await info(host)).counts.deals).toBe(0);
    const changed = fileState(host.dbPath);

    const candidate = value<RestoreCandidate>(
      await host.call('backups:inspect', { source: { backup: backup.name } }),
    );
    expect(candidate.current.counts.deals).toBe(0);
    expect(candidate.contents.counts.deals).toBeGreaterThan(1000);
    expect(candidate.current.counts.observations).toBe(0);
    expect(candidate.contents.counts.observations).toBeGreaterThan(0);

    const events: EngineEvent[] = [];
    const readsWhilePreparing: Promise<WorkspaceInfo>[] = [];
    const readsWhileSwapping: Promise<WorkspaceInfo>[] = [];
    host.onEvent((event) => {
      events.push(event);
      if (event.type !== 'progress' || event.task !== 'backups:restore') return;
      if (event.done < 3) readsWhilePreparing.push(info(host));
      else if (event.done < 6) readsWhileSwapping.push(info(host));
    });
    const restored = value<RestoreResult>(
      await host.call('backups:restore', { source: { backup: backup.name } }),
    );

    expect(restored.label).toBe(backup.name);
    expect(restored.upgradedFrom).toBeNull();
    expect(restored.preRestoreBackup.reason).toBe('pre-restore');
    // Reads asked while the writer prepared were answered from the workspace as it still was…
    expect(readsWhilePreparing).toHaveLength(3);
    for (const read of await Promise.all(readsWhilePreparing)) expect(read.counts.deals).toBe(0);
    // …and reads asked once the swap began waited for the restored workspace.
    expect(readsWhileSwapping).toHaveLength(3);
    for (const read of await Promise.all(readsWhileSwapping)) expect(read.counts.deals).toBeGreaterThan(1000);
    expect(
      events
        .filter((e) => e.type === 'progress' && e.task === 'backups:restore')
        .map((e) => e.type === 'progress' && e.done),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(events.some((e) => e.type === 'changed' && e.what.includes('observations'))).toBe(true);

    await host.close();
    cleanups.pop();
    // Nothing left behind: no restored copy, no kept original, no journal files.
    expect(readdirSync(host.dir).sort()).toEqual(['backups', 'stagecoach.db']);
    expect(fileState(host.dbPath)).toEqual(original);
    expect(fileState(restored.preRestoreBackup.path)).toEqual(changed);
  });

  it('refuses a file that is not a workspace, and both workers answer on as before', async () => {
    const host = await demoHost({ automaticBackupEveryMs: false });
    const garbage = join(host.dir, 'export.db');
    writeFileSync(garbage, 'Deal,Amount\nAcme,100\n'.repeat(100));
    const before = fileState(host.dbPath);
    for (const method of ['backups:inspect', 'backups:restore']) {
      expect(await host.call(method, { source: { path: garbage } })).toMatchObject({
        ok: false,
        error: {
          code: 'not_a_workspace',
          message: expect.stringContaining(
            'export.db is not a SQLite database, so it cannot be a Stagecoach backup.',
          ),
        },
      });
    }
    expect(await host.call('backups:restore', { source: { path: 'relative.db' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await host.call('backups:restore', { source: { backup: '../stagecoach.db' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('source') },
    });
    expect((await info(host)).counts.deals).toBeGreaterThan(1000);
    value(await host.call('demo:remove', {}));
    expect((await info(host)).counts.deals).toBe(0);
    await host.close();
    cleanups.pop();
    expect(fileState(host.dbPath)).not.toEqual(before);
    expect(existsSync(backupFolder(host.dbPath))).toBe(false);
  });

  for (const failing of [
    'close the workspace',
    'swap in the restored file',
    'reopen the workspace',
  ] as RestoreStep[]) {
    it(`leaves the original workspace in place when “${failing}” fails`, async () => {
      const host = await demoHost({
        automaticBackupEveryMs: false,
        restoreHooks: {
          beforeStep: (step) => {
            if (step === failing) throw new Error('simulated failure');
          },
        },
      });
      const backup = value<BackupEntry>(await host.call('backups:create', {}));
      value(await host.call('demo:remove', {}));
      const result = await host.call('backups:restore', { source: { backup: backup.name } });
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
      const message = result.ok ? '' : result.error.message;
      expect(message).toContain(`The restore stopped at “${failing}”: simulated failure`);
      expect(message).toMatch(
        failing === 'close the workspace'
          ? /The workspace was not changed\.$/
          : /put back as it was\.$|not changed\.$/,
      );
      // Both workers answer, on the workspace as it was (the demo removed).
      expect((await info(host)).counts.deals).toBe(0);
      value(await host.call('demo:load', {}));
      expect((await info(host)).counts.deals).toBeGreaterThan(1000);
      value(await host.call('demo:remove', {}));
      const state = fileState(host.dbPath);
      await host.close();
      cleanups.pop();
      expect(readdirSync(host.dir).sort()).toEqual(['backups', 'stagecoach.db']);
      expect(fileState(host.dbPath)).toEqual(state);
    });
  }
});
