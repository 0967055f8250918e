import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '@shared/api/envelope';
import type { RecoveryStatus } from '@shared/backup/recovery';
import type { BackupEntry, RestoreResult } from '@shared/backup/types';
import type { WorkspaceInfo } from '@shared/domain/types';
import { checkWorkspaceIntegrity } from '../../src/main/engine/db/integrity';
import { backupFolder, migrate } from '../../src/main/engine/db/migrate';
import { openDatabase } from '../../src/main/engine/db/open';
import { EngineError } from '../../src/main/engine/errors';
import { type EngineHost, startEngineHost } from '../../src/main/engine/host';
import { ensureWorkspaceDefaults } from '../../src/main/engine/queries/workspace';
import { testNow } from '../helpers/clock';
import { dbState } from '../helpers/dbState';
import { built, tempFolder } from '../helpers/workspace';

const now = testNow;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function host(dbPath: string): Promise<EngineHost> {
  const started = await startEngineHost({
    dbPath,
    workerPath: built.workerPath,
    seedDemoIfNew: true,
    fixedNow: now,
    automaticBackupEveryMs: false,
  });
  cleanups.push(() => started.close());
  return started;
}

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/**
 * Overwrites pages in the middle of a database file with garbage, keeping its first page (the
 * header and the schema) so SQLite still opens it — what a bad sector or a torn copy leaves.
 */
function damagePages(path: string): void {
  const pageSize = 4096;
  const pages = Math.floor(statSync(path).size / pageSize);
  expect(pages).toBeGreaterThan(20);
  const garbage = Buffer.alloc(pageSize);
  let seed = 12345;
  for (let i = 0; i < pageSize; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    garbage[i] = seed & 0xff;
  }
  const fd = openSync(path, 'r+');
  try {
    for (let page = Math.floor(pages * 0.3); page < Math.floor(pages * 0.7); page += 3)
      writeSync(fd, garbage, 0, pageSize, page * pageSize);
  } finally {
    closeSync(fd);
  }
}

function tableState(path: string): ReturnType<typeof dbState> {
  const db = new Database(path, { readonly: true });
  try {
    return dbState(db);
  } finally {
    db.close();
  }
}

describe('start-up integrity check', () => {
  it('reports a damaged workspace with its latest good backup, and restoring it brings the workspace back', async () => {
    const folder = tempFolder();
    cleanups.push(folder.remove);
    const first = await host(folder.dbPath);
    expect(first.damaged).toBeNull();
    const good = value<BackupEntry>(await first.call('backups:create', {}));
    const newer = value<BackupEntry>(await first.call('backups:create', {}));
    const deals = value<WorkspaceInfo>(await first.call('workspace:info', {})).counts.deals;
    expect(deals).toBeGreaterThan(1000);
    await first.close();
    const expected = tableState(good.path);

    // The workspace and its newest backup get damaged; the older backup is the good one.
    damagePages(folder.dbPath);
    damagePages(newer.path);

    const damaged = await host(folder.dbPath);
    expect(damaged.damaged).toMatch(
      /^The workspace .*stagecoach\.db is damaged: SQLite's integrity check found/,
    );
    expect(damaged.migration).toBeNull();
    // Nothing half-starts: every call says the workspace is damaged.
    const refused = await damaged.call('deals:list', {});
    expect(refused).toEqual({ ok: false, error: { code: 'workspace_damaged', message: damaged.damaged } });

    const status = value<RecoveryStatus>(await damaged.call('recovery:status', {}));
    expect(status.path).toBe(folder.dbPath);
    expect(status.problem).toBe(damaged.damaged);
    expect(status.backups.map((b) => b.name)).toEqual([newer.name, good.name]);
    expect(status.latestGood).toBe(good.name);
    expect(status.backups[0]!.check?.ok).toBe(false);
    expect(status.backups[0]!.check?.message).toMatch(/is damaged/);
    expect(status.backups[1]!.check?.ok).toBe(true);
    expect(status.backups[1]!.contents?.counts.deals).toBe(deals);

    // Restoring the damaged backup fails cleanly and leaves the app in recovery.
    const refusedRestore = await damaged.call('backups:restore', { source: { backup: newer.name } });
    expect(refusedRestore.ok).toBe(false);
    expect(damaged.damaged).not.toBeNull();

    const events: string[][] = [];
    damaged.onEvent((event) => {
      if (event.type === 'changed') events.push(event.what);
    });
    const restored = value<RestoreResult>(
      await damaged.call('backups:restore', { source: { backup: good.name } }),
    );
    expect(restored.label).toBe(good.name);
    expect(damaged.damaged).toBeNull();
    expect(events.at(-1)).toContain('deals');
    expect(value<WorkspaceInfo>(await damaged.call('workspace:info', {})).counts.deals).toBe(deals);
    expect(value<RecoveryStatus | null>(await damaged.call('recovery:status', {}))).toBeNull();

    // The damaged file is kept beside the backups, never deleted, and is no backup itself.
    expect(existsSync(restored.preRestoreBackup.path)).toBe(true);
    expect(restored.preRestoreBackup.name).toMatch(/^stagecoach-damaged-.*\.db$/);
    expect(readdirSync(backupFolder(folder.dbPath))).toContain(restored.preRestoreBackup.name);
    const listed = value<{ backups: BackupEntry[] }>(await damaged.call('backups:list', {}));
    expect(listed.backups.map((b) => b.name)).not.toContain(restored.preRestoreBackup.name);

    await damaged.close();
    expect(tableState(folder.dbPath)).toEqual(expected);
    // And it starts normally again.
    const reopened = await host(folder.dbPath);
    expect(reopened.damaged).toBeNull();
  });

  it('reports a damaged workspace with no backups, and refuses a restore of nothing', async () => {
    const folder = tempFolder();
    cleanups.push(folder.remove);
    await (await host(folder.dbPath)).close();
    damagePages(folder.dbPath);
    const damaged = await host(folder.dbPath);
    const status = value<RecoveryStatus>(await damaged.call('recovery:status', {}));
    expect(status).toMatchObject({ backups: [], latestGood: null });
    const restore = await damaged.call('backups:restore', { source: { backup: 'stagecoach-manual-x.db' } });
    expect(restore).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('finds rows that point at rows that do not exist', () => {
    const folder = tempFolder();
    cleanups.push(folder.remove);
    const db = openDatabase(folder.dbPath, { role: 'writer' });
    migrate(db, folder.dbPath, now);
    ensureWorkspaceDefaults(db, now);
    checkWorkspaceIntegrity(db, folder.dbPath);
    db.pragma('foreign_keys = OFF');
    db.prepare(
      "INSERT INTO deals (source, external_id, name, owner_id, status, created_at) VALUES ('test', 'x', 'Orphan', 999, 'open', 0)",
    ).run();
    let error: unknown = null;
    try {
      checkWorkspaceIntegrity(db, folder.dbPath);
    } catch (caught) {
      error = caught;
    } finally {
      db.close();
    }
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('workspace_damaged');
    expect((error as EngineError).message).toMatch(
      /foreign key check found a problem: 1 row of deals points at reps rows that do not exist/,
    );
  });
});
