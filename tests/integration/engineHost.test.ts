import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceInfo } from '@shared/domain/types';
import { latestSchemaVersion } from '../../src/main/engine/db/migrations';
import { type EngineHost, startEngineHost } from '../../src/main/engine/host';
import { testNow } from '../helpers/clock';
import { built, tempFolder } from '../helpers/workspace';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function host(options: {
  seedDemoIfNew: boolean;
  dbPath?: string;
}): Promise<EngineHost & { dbPath: string }> {
  const folder = tempFolder();
  cleanups.push(folder.remove);
  const dbPath = options.dbPath ?? folder.dbPath;
  const h = await startEngineHost({
    dbPath,
    workerPath: built.workerPath,
    seedDemoIfNew: options.seedDemoIfNew,
    fixedNow: testNow,
  });
  cleanups.push(() => h.close());
  return Object.assign(h, { dbPath });
}

describe('engine host (worker threads on a real SQLite file)', () => {
  it('starts an empty workspace with the default workflow and no data when not seeding', async () => {
    const h = await host({ seedDemoIfNew: false });
    const info = await h.call('workspace:info', {});
    expect(info.ok).toBe(true);
    const value = (info as { value: WorkspaceInfo }).value;
    expect(value.schemaVersion).toBe(latestSchemaVersion);
    expect(value.counts).toEqual({ reps: 0, deals: 0, stageEvents: 0, activities: 0, observations: 0 });
    expect(value.workflowVersion?.version).toBe(1);
    expect(value.hasDemoData).toBe(false);
  });

  it('validates inputs at the edge and names unknown methods', async () => {
    const h = await host({ seedDemoIfNew: false });
    expect(await h.call('deals:get', { id: 'seven' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('id') },
    });
    expect(await h.call('deals:get', { id: 7 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await h.call('deals:drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('answers reads while a long write runs on the writer', async () => {
    const h = await host({ seedDemoIfNew: false });
    const order: string[] = [];
    const write = h.call('demo:load', {}).then((r) => {
      order.push('write');
      return r;
    });
    const reads = Promise.all(
      [1, 2, 3].map(() =>
        h.call('reps:list', {}).then((r) => {
          order.push('read');
          return r;
        }),
      ),
    );
    const [writeResult, readResults] = await Promise.all([write, reads]);
    expect(writeResult.ok).toBe(true);
    expect(readResults.every((r) => r.ok)).toBe(true);
    expect(order).toEqual(['read', 'read', 'read', 'write']);
    const after = (await h.call('workspace:info', {})) as { ok: true; value: WorkspaceInfo };
    expect(after.value.counts.deals).toBeGreaterThan(1000);
  });

  it('seeds a brand-new workspace with the demo when asked, and only then', async () => {
    const seeded = await host({ seedDemoIfNew: true });
    expect(seeded.seeded).toBe(true);
    const info = (await seeded.call('workspace:info', {})) as { ok: true; value: WorkspaceInfo };
    expect(info.value.hasDemoData).toBe(true);
    expect(info.value.counts.reps).toBeGreaterThanOrEqual(10);
    await seeded.call('demo:remove', {});
    await seeded.close();
    cleanups.pop();
    // Reopening a workspace whose demo was removed does not seed it again.
    const reopened = await startEngineHost({
      dbPath: seeded.dbPath,
      workerPath: built.workerPath,
      seedDemoIfNew: true,
      fixedNow: testNow,
    });
    cleanups.push(() => reopened.close());
    expect(reopened.seeded).toBe(false);
    const again = (await reopened.call('workspace:info', {})) as { ok: true; value: WorkspaceInfo };
    expect(again.value.counts.deals).toBe(0);
  });

  it('refuses to start on a database from a newer version, with a clear message', async () => {
    const folder = tempFolder();
    cleanups.push(folder.remove);
    const raw = new Database(folder.dbPath);
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.close();
    await expect(
      startEngineHost({ dbPath: folder.dbPath, workerPath: built.workerPath, seedDemoIfNew: true }),
    ).rejects.toThrow(/newer version of Stagecoach/);
  });
});
