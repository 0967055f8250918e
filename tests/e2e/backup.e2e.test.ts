import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFolder } from '../../src/main/engine/db/migrate';
import { poll, type RunningApp, startApp } from './harness';

/**
 * A RevOps lead backs the workspace up, loses data (the demo removed), restores the backup from
 * the Export & backup screen and finds everything back; a file that is no backup is refused.
 */

let app: RunningApp;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

function hash(path: string): string {
  return `${app.url.split('?')[0]}#${path}`;
}

/** The texts of the backups table's rows. */
async function rows(): Promise<string[]> {
  return (await page.getByTestId('backup-row').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
}

/** The Overview's count of deals, as shown. */
async function overviewDeals(): Promise<number> {
  await page.goto(hash('/'));
  const stat = page.locator('.stat').filter({ has: page.locator('.stat-label', { hasText: /^Deals$/ }) });
  await stat.waitFor(poll);
  return Number(((await stat.locator('.stat-value').textContent()) ?? '').replace(/\D/g, ''));
}

/** The row of the comparison table in the restore dialog: [label, now, in the backup]. */
async function compareRow(label: string): Promise<string[]> {
  const row = page
    .getByRole('table', { name: 'The workspace now and the backup' })
    .getByRole('row', { name: label });
  return (await row.locator('th, td').allTextContents()).map((t) => t.trim());
}

describe('workspace backup and restore', () => {
  let dealsAtStart = 0;

  it('lists the automatic backup taken at start, and backs up on demand', async () => {
    dealsAtStart = await overviewDeals();
    expect(dealsAtStart).toBeGreaterThan(1000);
    await page.goto(hash('/export'));
    await page.getByRole('heading', { level: 1, name: 'Export & backup' }).waitFor(poll);
    await expect.poll(rows, poll).toHaveLength(1);
    expect((await rows())[0]).toContain('Automatic');
    expect(await page.getByTestId('workspace-path').textContent()).toBe(app.dbPath);

    await page.getByRole('button', { name: 'Back up now' }).click();
    const notice = page.getByTestId('backup-notice');
    await notice.waitFor(poll);
    expect(await notice.textContent()).toMatch(/Backed up and checked.*stagecoach-manual-.*\.db/);
    await expect.poll(rows, poll).toHaveLength(2);
    expect((await rows())[0]).toContain('Manual');
    expect((await rows())[0]).toContain((dealsAtStart as number).toLocaleString('en-US'));
  });

  it('restores the backup after the data was removed, and the data is back', async () => {
    await page.goto(hash('/'));
    await page.getByRole('button', { name: 'Remove demo data' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove demo data' }).click();
    await expect.poll(overviewDeals, poll).toBe(0);

    await page.goto(hash('/export'));
    await expect.poll(rows, poll).toHaveLength(2);
    await page.getByRole('button', { name: /^Restore stagecoach-manual-/ }).click();
    const dialog = page.getByTestId('restore-dialog');
    await dialog.waitFor(poll);
    expect(await compareRow('Deals')).toEqual(['Deals', '0', dealsAtStart.toLocaleString('en-US')]);
    expect((await compareRow('Schema version'))[1]).toBe((await compareRow('Schema version'))[2]);
    await page.getByRole('button', { name: 'Restore backup' }).click();

    const notice = page.getByTestId('backup-notice');
    await notice.waitFor(poll);
    expect(await notice.textContent()).toMatch(/^Restored stagecoach-manual-/);
    expect(await notice.textContent()).toContain(`${dealsAtStart.toLocaleString('en-US')} deals`);
    // The workspace as it was before the restore is a backup of its own.
    await expect.poll(rows, poll).toHaveLength(3);
    expect((await rows())[0]).toContain('Before restore');
    expect(await overviewDeals()).toBe(dealsAtStart);
  });

  it('refuses a file that is not a backup, and checks a picked backup before restoring it', async () => {
    await page.goto(hash('/export'));
    await expect.poll(rows, poll).toHaveLength(3);
    const input = page.getByLabel('Choose a backup file to restore');
    await input.setInputFiles({
      name: 'pipeline.db',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('Deal,Stage,Amount\nAcme,Demo,12000\n'.repeat(200)),
    });
    const refused = page.getByRole('alert').filter({ hasText: 'This backup cannot be restored' });
    await refused.waitFor(poll);
    expect(await refused.textContent()).toContain('pipeline.db is not a SQLite database');
    expect(await overviewDeals()).toBe(dealsAtStart);

    // A real backup picked from disk (uploaded in browser mode) is checked and set beside the workspace.
    await page.goto(hash('/export'));
    await expect.poll(rows, poll).toHaveLength(3);
    const folder = backupFolder(app.dbPath);
    const preRestore = readdirSync(folder).find((name) => name.includes('-pre-restore-'));
    if (!preRestore) throw new Error('no pre-restore backup');
    await page.getByLabel('Choose a backup file to restore').setInputFiles({
      name: 'copy-from-laptop.db',
      mimeType: 'application/octet-stream',
      buffer: readFileSync(join(folder, preRestore)),
    });
    await page.getByTestId('restore-dialog').waitFor(poll);
    expect(await compareRow('Deals')).toEqual(['Deals', dealsAtStart.toLocaleString('en-US'), '0']);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('restore-dialog').count(), poll).toBe(0);
    expect(await overviewDeals()).toBe(dealsAtStart);
  });
});
