import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/workspace';
import { openScreen, poll, type RunningApp, startApp } from './harness';

/**
 * A new user's first real import, into the demo workspace the app opens on: the preview says
 * what the file will not give the figures, and the import offers to take the demo away with it.
 */

const quotesOnly = join(
  projectRoot,
  'tests',
  'fixtures',
  'import',
  'hubspot',
  'hubspot-crm-exports-deals-quotes-2026-11-20.csv',
);

let app: RunningApp;
let page: Page;

beforeEach(async () => {
  app = await startApp();
  page = app.page;
  await expect.poll(() => page.getByRole('heading', { name: 'Overview' }).isVisible(), poll).toBe(true);
});

afterEach(async () => {
  await app?.close();
});

describe('First real import', () => {
  it('warns that a deals file without stages or dates feeds no figure, and removes the demo with the import', async () => {
    await openScreen(page, 'Import', 'Import');
    await page.getByLabel('Choose files to import').setInputFiles([quotesOnly]);
    await expect.poll(() => page.locator('.import-preview[aria-busy="true"]').count(), poll).toBe(0);
    await expect.poll(() => page.getByTestId('file-limits').isVisible(), poll).toBe(true);
    expect(await page.getByTestId('file-limits').textContent()).toContain(
      'All 40 deals have no stage or won/lost status and no dates: they will not appear in funnel, cycle or win-rate figures.',
    );

    const offer = page.getByTestId('demo-offer');
    const remove = offer.getByRole('checkbox', { name: 'Remove the demo data with this import' });
    expect(await remove.isChecked()).toBe(true);
    // Unticked, the screen says what keeping it means; ticked again for this import.
    await remove.uncheck();
    await expect.poll(() => offer.textContent(), poll).toContain('every other figure will mix both');
    await remove.check();
    await expect.poll(() => offer.textContent(), poll).toContain('every figure is yours alone');

    const importButton = page.getByTestId('import-apply');
    await expect.poll(() => importButton.isEnabled(), poll).toBe(true);
    await importButton.click();
    await expect.poll(() => page.getByTestId('import-success').isVisible(), poll).toBe(true);
    expect(await page.getByTestId('import-demo-removed').textContent()).toContain(
      'The demo data was removed',
    );

    await openScreen(page, 'Deals', 'Deals');
    await expect.poll(() => page.getByTestId('deals-count').textContent(), poll).toBe('40 deals');
    await expect.poll(() => page.getByText('Demo data', { exact: true }).count(), poll).toBe(0);
  });
});
