import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '@shared/api/events';
import type { WorkspaceInfo } from '@shared/domain/types';
import { startEngineHost } from '../../src/main/engine/host';
import { testNow } from '../helpers/clock';
import { built, tempFolder } from '../helpers/workspace';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a long import through the engine host', () => {
  it('reports progress, answers reads meanwhile, and a cancel writes nothing', async () => {
    const folder = tempFolder();
    cleanups.push(folder.remove);
    const path = join(folder.dir, 'calls.csv');
    const lines = ['Call Id,Rep,Type,When,Subject'];
    for (let i = 0; i < 200_000; i++) {
      lines.push(`C${i},Rep ${i % 40},Call,2026-0${1 + (i % 9)}-1${i % 10} 09:30,Follow-up call ${i}`);
    }
    writeFileSync(path, lines.join('\n'));
    const host = await startEngineHost({
      dbPath: folder.dbPath,
      workerPath: built.workerPath,
      seedDemoIfNew: false,
      fixedNow: testNow,
    });
    cleanups.push(() => host.close());

    const progress: EngineEvent[] = [];
    let cancelled: Promise<unknown> | null = null;
    let readDuringImport: Promise<unknown> | null = null;
    host.onEvent((event) => {
      if (event.type !== 'progress' || event.task !== 'import:apply') return;
      progress.push(event);
      cancelled ??= host.call('import:cancel', {});
      readDuringImport ??= host.call('workspace:info', {});
    });
    const result = await host.call('import:apply', {
      paths: [path],
      mappings: {
        'calls.csv': {
          entity: 'activities',
          sourceName: 'Dialer',
          columns: {
            externalId: 'Call Id',
            owner: 'Rep',
            type: 'Type',
            occurredAt: 'When',
            subject: 'Subject',
          },
        },
      },
    });
    expect(progress.length).toBeGreaterThan(0);
    expect(await cancelled).toEqual({ ok: true, value: { cancelled: true } });
    expect(await readDuringImport).toMatchObject({ ok: true });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'cancelled', message: expect.stringContaining('nothing was written') },
    });
    const info = (await host.call('workspace:info', {})) as { ok: true; value: WorkspaceInfo };
    expect(info.value.counts).toMatchObject({ reps: 0, activities: 0 });
    expect(await host.call('import:history', {})).toEqual({ ok: true, value: [] });
  });
});
