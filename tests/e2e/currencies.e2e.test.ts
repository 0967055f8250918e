import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/workspace';
import { openScreen, poll, type RunningApp, startApp } from './harness';

/**
 * RevOps imports a Peruvian org's opportunities in four currencies without its rate table: the
 * sums say they cannot be added, until rates are entered in Settings.
 */

const fixtures = join(projectRoot, 'tests', 'fixtures', 'import', 'salesforce', 'multi-currency');

let app: RunningApp;
let page: Page;
const consoleErrors: string[] = [];

beforeEach(async () => {
  app = await startApp();
  page = app.page;
  consoleErrors.length = 0;
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await expect.poll(() => page.getByRole('heading', { name: 'Overview' }).isVisible(), poll).toBe(true);
});

afterEach(async () => {
  await app?.close();
});

/** axe-core's serious and critical findings on the page as it stands. */
async function seriousA11yViolations(): Promise<string[]> {
  // Evaluated through DevTools: the app's content security policy rightly refuses injected scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

function repRow(name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

describe('Currencies', () => {
  it('refuses to add currencies without a rate, then converts at the rates entered in Settings', async () => {
    await openScreen(page, 'Import', 'Import');
    await page
      .getByLabel('Choose files to import')
      .setInputFiles(['User.csv', 'Opportunity.csv'].map((name) => join(fixtures, name)));
    await expect.poll(() => page.getByTestId('import-file').count(), poll).toBe(2);
    await expect.poll(() => page.locator('.import-preview[aria-busy="true"]').count(), poll).toBe(0);
    await page.getByRole('button', { name: /^Import [\d,]+ records?$/ }).click();
    await expect.poll(() => page.getByTestId('import-success').isVisible(), poll).toBe(true);

    // The demo went with the import. Without a rate table the sums are in the currency most deals
    // use (PEN), and COP, MXN and USD have no rate.
    await openScreen(page, 'Reps', 'Reps');
    const note = page.getByTestId('currency-note');
    await expect.poll(() => note.textContent(), poll).toContain('Amounts in PEN. No rate for COP, MXN, USD');
    // 10,000 USD and 37,000 PEN are not 47,000 of anything: the cell says nothing rather than a wrong sum.
    await expect
      .poll(() => repRow('Valeria Quispe').getByRole('cell').allTextContents(), poll)
      .toContain('—');

    await note.getByRole('link', { name: 'Enter rates' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Settings' }).isVisible(), poll)
      .toBe(true);
    const corporate = page.getByLabel('Corporate currency');
    expect(await corporate.inputValue()).toBe('');
    expect(await corporate.locator('option:checked').textContent()).toContain(
      'Automatic: PEN (the currency most deals are in)',
    );
    expect(await page.getByTestId('basis-USD').textContent()).toBe('No rate: not summed');
    // The org reports in USD: chosen here, the rates are asked against it.
    await corporate.selectOption('USD');
    expect(await page.getByTestId('basis-PEN').textContent()).toBe('Save to see');

    // A typo is caught before anything is saved.
    await page.getByLabel('PEN per 1 USD').fill('3,7x');
    await page.getByRole('button', { name: 'Save currencies' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), poll)
      .toBe('Fix the rate of PEN to save.');
    await page.getByLabel('PEN per 1 USD').fill('3.7');
    await page.getByLabel('COP per 1 USD').fill('3,900');
    await page.getByLabel('MXN per 1 USD').fill('17.2');
    await page.getByRole('button', { name: 'Save currencies' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), poll)
      .toBe('Saved. Every sum now converts with these rates.');
    await expect.poll(() => page.getByTestId('basis-PEN').textContent(), poll).toBe('Your rate');
    expect(await page.getByLabel('COP per 1 USD').inputValue()).toBe('3900');
    expect(await seriousA11yViolations()).toEqual([]);

    await openScreen(page, 'Reps', 'Reps');
    await expect
      .poll(() => note.textContent(), poll)
      .toContain('PEN, COP, MXN converted at the rates entered in Settings');
    // 10,000 USD + 37,000 PEN ÷ 3.7 = $20,000.
    await expect
      .poll(() => repRow('Valeria Quispe').getByRole('cell').allTextContents(), poll)
      .toContain('$20,000');
    expect(consoleErrors).toEqual([]);
  });
});
