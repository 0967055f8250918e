import { type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '@shared/api/envelope';
import type { BackupEntry } from '@shared/backup/types';
import type { WorkspaceInfo } from '@shared/domain/types';
import { backupFolder } from '../../src/main/engine/db/migrate';
import { startEngineHost } from '../../src/main/engine/host';
import { built, tempFolder } from '../helpers/workspace';
import { testNow } from '../helpers/clock';
import { launchChromium, openPage, poll, startServer, stopServer } from './harness';

/**
 * A manager starts Stagecoach on a workspace file a bad disk has damaged: instead of the app (or
 * a crash) a recovery screen says what the start-up check found and offers the latest good
 * backup; one click restores it and the deals are back.
 */

const folder = tempFolder();
let server: { url: string; process: ChildProcess } | null = null;
let browser: Browser;
let page: Page;
let backup: BackupEntry;
let deals = 0;

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Garbage over pages in the middle of the file; the first page (header, schema) stays. */
function damagePages(path: string): void {
  const pageSize = 4096;
  const pages = Math.floor(statSync(path).size / pageSize);
  const garbage = Buffer.alloc(pageSize, 0xa5);
  const fd = openSync(path, 'r+');
  try {
    for (let at = Math.floor(pages * 0.3); at < Math.floor(pages * 0.7); at += 3)
      writeSync(fd, garbage, 0, pageSize, at * pageSize);
  } finally {
    closeSync(fd);
  }
}

beforeAll(async () => {
  // A demo workspace with a checked backup beside it, then damaged while the app is closed.
  const host = await startEngineHost({
    dbPath: folder.dbPath,
    workerPath: built.workerPath,
    seedDemoIfNew: true,
    automaticBackupEveryMs: false,
    fixedNow: testNow,
  });
  backup = value<BackupEntry>(await host.call('backups:create', {}));
  deals = value<WorkspaceInfo>(await host.call('workspace:info', {})).counts.deals;
  await host.close();
  damagePages(folder.dbPath);

  server = await startServer(folder.dbPath);
  browser = await launchChromium();
  page = await openPage(browser, { width: 1280, height: 860 });
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server.process);
  folder.remove();
});

describe('recovery from a damaged workspace', () => {
  it('shows the recovery screen with the latest good backup instead of the app', async () => {
    const screen = page.getByTestId('recovery-screen');
    await screen.waitFor(poll);
    await expect
      .poll(() => page.getByRole('heading', { name: 'The workspace file is damaged' }).isVisible(), poll)
      .toBe(true);
    expect(await page.getByTestId('recovery-problem').textContent()).toMatch(/integrity check found/);
    // No part of the app half-starts behind it.
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    const latest = page.getByTestId('recovery-latest');
    await latest.waitFor(poll);
    const text = (await latest.textContent()) ?? '';
    expect(text).toContain(backup.name);
    // "1,518 deals" with the locale's thousands separator.
    expect(text.replace(/[,.\s\u00a0\u202f]/g, '')).toContain(`${deals}deals`);
  });

  it('restores the backup and opens the workspace on its deals', async () => {
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor(poll);
    await dialog.getByRole('button', { name: 'Restore' }).click();

    await page.getByRole('navigation', { name: 'Main' }).waitFor(poll);
    expect(await page.getByTestId('recovery-screen').count()).toBe(0);
    await page.goto(`${server!.url.split('?')[0]}#/deals`);
    await expect
      .poll(
        async () => Number(((await page.getByTestId('deals-count').textContent()) ?? '').replace(/\D/g, '')),
        poll,
      )
      .toBe(deals);
    await expect.poll(() => page.getByTestId('deal-row').count(), poll).toBeGreaterThan(10);
    // The damaged file was kept beside the backups.
    expect(readdirSync(backupFolder(folder.dbPath)).some((name) => /-damaged-.*\.db$/.test(name))).toBe(true);
  });
});
