import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Download, Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { projectRoot } from '../helpers/workspace';
import { poll, type RunningApp, startApp } from './harness';

/** RevOps brings in CRM exports: previews them, imports them, finds the deals, and undoes an import. */

const exportDir = join(projectRoot, 'tests', 'fixtures', 'import', 'salesforce', 'data-export');
const exportFiles = ['User.csv', 'Opportunity.csv', 'OpportunityHistory.csv', 'Task.csv', 'Event.csv'];
const mavenFile = join(
  __dirname,
  '..',
  'fixtures',
  'real',
  'maven_crm_sales_opportunities',
  'sales_pipeline.csv',
);

let app: RunningApp;
let page: Page;

beforeEach(async () => {
  app = await startApp();
  page = app.page;
  await expect.poll(() => page.getByRole('heading', { name: 'Overview' }).isVisible(), poll).toBe(true);
});

const cleanups: (() => void)[] = [];

afterEach(async () => {
  cleanups.splice(0).forEach((clean) => clean());
  await app?.close();
});

function toNumber(text: string | null): number {
  return Number((text ?? '').replace(/[^\d.-]/g, ''));
}

function navLink(name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

async function openImport(): Promise<void> {
  await navLink('Import').click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1, name: 'Import' }).isVisible(), poll)
    .toBe(true);
}

async function chooseFiles(paths: string[]): Promise<void> {
  await page.getByLabel('Choose files to import').setInputFiles(paths);
  await expect.poll(() => page.getByTestId('import-file').count(), poll).toBe(paths.length);
}

/** The preview is settled: it answers the current choices, not earlier ones. */
async function previewSettled(): Promise<void> {
  await expect.poll(() => page.locator('.import-preview[aria-busy="true"]').count(), poll).toBe(0);
}

/** New / changed / unchanged for one kind of record in the preview's counts table. */
async function previewCounts(kind: string): Promise<number[]> {
  const row = page
    .getByRole('table', { name: 'Records the import would write' })
    .getByTestId('count-row')
    .filter({ has: page.getByRole('cell', { name: kind, exact: true }) });
  const cells = await row.getByRole('cell').allTextContents();
  return cells.slice(1).map(toNumber);
}

async function dealsCount(): Promise<number> {
  await expect.poll(() => page.getByTestId('deals-count').textContent(), poll).toMatch(/^[\d,]+ deals?$/);
  return toNumber(await page.getByTestId('deals-count').textContent());
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F; Node's TextDecoder without full ICU treats them as Latin-1.
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Buffer): string {
  return Array.from(bytes, (b) =>
    b >= 0x80 && b <= 0x9f ? cp1252High[b - 0x80] : String.fromCharCode(b),
  ).join('');
}

/** The Salesforce Data Export's opportunities, as the file holds them (Windows-1252, multi-line cells). */
function fixtureOpportunities(): Record<string, string>[] {
  const text = decodeWindows1252(readFileSync(join(exportDir, 'Opportunity.csv')));
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.filter((row) =>
    row.Id?.startsWith('006'),
  );
}

describe('Import', () => {
  it('imports a Salesforce Data Export, shows its deals and stage history, and undoes it', async () => {
    const opportunities = fixtureOpportunities().filter((o) => o.IsDeleted === '0');
    const won = opportunities.find((o) => o.IsWon === '1')!;

    await openImport();
    await chooseFiles(exportFiles.map((name) => join(exportDir, name)));
    await previewSettled();

    await expect.poll(() => page.getByText('Nothing has been written yet.').isVisible(), poll).toBe(true);
    const formats = await page.getByTestId('detected-format').allTextContents();
    expect(formats).toHaveLength(5);
    expect(formats.every((format) => format.startsWith('Salesforce'))).toBe(true);
    const names = await page.getByTestId('import-file').getByRole('heading', { level: 3 }).allTextContents();
    expect(names.sort()).toEqual([...exportFiles].sort());

    expect(await previewCounts('Deals')).toEqual([opportunities.length, 0, 0]);
    expect((await previewCounts('Stage history entries'))[0]).toBeGreaterThan(opportunities.length);
    expect((await previewCounts('Activities'))[0]).toBeGreaterThan(0);

    // Kept this time: the demo batch stays listed beside the import (and says where it goes away).
    await page.getByRole('checkbox', { name: 'Remove the demo data with this import' }).uncheck();
    await previewSettled();
    const importButton = page.getByRole('button', { name: /^Import [\d,]+ records?$/ });
    await expect.poll(() => importButton.isEnabled(), poll).toBe(true);
    await importButton.click();

    const success = page.getByTestId('import-success');
    await expect.poll(() => success.isVisible(), poll).toBe(true);
    expect(await success.textContent()).toContain('Import complete');
    expect(await page.getByRole('table', { name: 'Records imported' }).isVisible()).toBe(true);

    await success.getByRole('link', { name: 'Open Deals' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill(won.Name!);
    await expect.poll(dealsCount, poll).toBe(1);
    const dealLink = page.getByTestId('deal-row').getByRole('link', { name: won.Name });
    await expect.poll(() => dealLink.isVisible(), poll).toBe(true);
    await dealLink.click();

    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: won.Name }).isVisible(), poll)
      .toBe(true);
    await expect.poll(() => page.getByTestId('stage-band').count(), poll).toBeGreaterThan(1);
    const bands = (await page.getByTestId('stage-band').allTextContents()).map((b) => b.trim());
    // Prospecting → Proposal/Price Quote → Closed Won in the fixture, on the default workflow's stages.
    expect(bands.some((band) => band.startsWith('Lead'))).toBe(true);
    expect(bands.some((band) => band.startsWith('Proposal'))).toBe(true);
    expect(await page.getByTestId('stage-outcome').count()).toBe(1);

    await openImport();
    const batch = page.getByTestId('import-batch-row').filter({ hasText: 'Salesforce' });
    await expect.poll(() => batch.count(), poll).toBe(1);
    expect(await batch.textContent()).toContain('Applied');
    await batch.getByRole('button', { name: 'Undo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Undo this import?' });
    await expect.poll(() => dialog.isVisible(), poll).toBe(true);
    expect(await dialog.textContent()).toContain('restores the workspace');
    await dialog.getByRole('button', { name: 'Undo import' }).click();
    await expect.poll(() => batch.textContent(), poll).toContain('Undone');
    expect(await batch.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    // The demo batch is listed, and says where it goes away instead of offering Undo.
    const demo = page.getByTestId('import-batch-row').filter({ hasText: 'Demo' });
    expect(await demo.textContent()).toContain('Remove demo data on Overview');

    await navLink('Deals').click();
    await page.getByRole('searchbox', { name: 'Search' }).fill(won.Name!);
    await expect.poll(() => page.getByText('No deals match these filters').isVisible(), poll).toBe(true);
  }, 120_000);

  it('imports a HubSpot view without stage history, and the preview, funnel and deal page say so', async () => {
    const file = join(
      projectRoot,
      'tests',
      'fixtures',
      'import',
      'hubspot',
      'hubspot-crm-exports-deals-no-history-2026-11-20.csv',
    );
    await openImport();
    await chooseFiles([file]);
    await previewSettled();
    // One entry per deal with a stage, derived from its row; the won deal with no Close Date has none.
    expect(await previewCounts('Stage entries derived from deal rows')).toEqual([5, 0, 0]);
    expect(await previewCounts('Stage history entries')).toEqual([0, 0, 0]);
    await expect
      .poll(
        () => page.getByText(/1 won or lost deal has no stage history and no close date/).isVisible(),
        poll,
      )
      .toBe(true);
    await page.getByRole('button', { name: /^Import [\d,]+ records?$/ }).click();
    await expect.poll(() => page.getByTestId('import-success').isVisible(), poll).toBe(true);

    // The funnel of this quarter (to 2026-11-27) holds the five deals alive in it, three closed.
    await navLink('Funnel & time in stage').click();
    const note = page.getByTestId('funnel-missing-history');
    await expect.poll(() => note.isVisible(), poll).toBe(true);
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('5 deals in this period have no stage history in the imported file');
    expect(text).toContain('3 closed deals count in the win rate and cycle time by their Close Date');

    // A won deal's page: it closed on its Close Date, and says the stages before are not known.
    await navLink('Deals').click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('Nordlicht Apotheken – POS rollout');
    await expect.poll(dealsCount, poll).toBe(1);
    await page
      .getByTestId('deal-row')
      .getByRole('link', { name: 'Nordlicht Apotheken – POS rollout' })
      .click();
    const missing = page.getByTestId('missing-history');
    await expect.poll(() => missing.isVisible(), poll).toBe(true);
    expect(await missing.textContent()).toContain('the deal closes at its Close Date');
    expect(await page.getByTestId('stage-outcome').count()).toBe(1);
    expect(await page.getByText('Oct 28, 2026').first().isVisible()).toBe(true);
  }, 120_000);

  it('shows a broken row with its file, row and column, and does not let it be imported', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'stagecoach-import-e2e-'));
    try {
      for (const name of exportFiles) writeFileSync(join(folder, name), readFileSync(join(exportDir, name)));
      // The bytes are Windows-1252; the replaced text is ASCII, so a latin1 round trip keeps the rest intact.
      const original = readFileSync(join(exportDir, 'Opportunity.csv')).toString('latin1');
      const victim = fixtureOpportunities().find((o) => o.IsWon === '1')!;
      const recordStart = original.indexOf(`"${victim.Id}"`);
      const createdAt = `"${victim.CreatedDate}"`;
      const at = original.indexOf(createdAt, recordStart);
      expect(at).toBeGreaterThan(recordStart);
      const broken = `${original.slice(0, at)}"2026-02-31 25:61:00"${original.slice(at + createdAt.length)}`;
      writeFileSync(join(folder, 'Opportunity.csv'), Buffer.from(broken, 'latin1'));
      const line = original.slice(0, recordStart).split('\n').length;

      await openImport();
      await chooseFiles(exportFiles.map((name) => join(folder, name)));
      await previewSettled();

      const issue = page.getByTestId('import-issue').filter({ hasText: 'CreatedDate' });
      await expect.poll(() => issue.count(), poll).toBe(1);
      const cells = (await issue.getByRole('cell').allTextContents()).map((c) => c.trim());
      expect(cells[0]).toBe('Error');
      expect(cells[1]).toBe('Opportunity.csv');
      expect(toNumber(cells[2]!)).toBe(line);
      expect(cells[3]).toBe('CreatedDate');
      expect(cells[4]).toContain('2026-02-31 25:61:00');

      const card = page.getByTestId('import-file').filter({ hasText: 'Opportunity.csv' });
      expect(await card.getByText('1 error').isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: /^Import [\d,]+ records?$/ }).isDisabled()).toBe(true);
      expect(await page.getByTestId('import-readiness').textContent()).toContain(
        'nothing will be written until then',
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('maps the columns of a file no format recognizes, saves the mapping for the command line, and imports it', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'stagecoach-mapping-'));
    cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
    await openImport();
    await chooseFiles([mavenFile]);
    await previewSettled();
    const card = page.getByTestId('import-file');
    expect(await card.getByTestId('detected-format').textContent()).toBe('Not recognized');
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);

    const editor = card.getByRole('region', { name: 'Map the columns' });
    await editor.getByLabel('Records in this file').selectOption('deals');
    // Mapped but not named: the blocker is said where the problems are, not "map its columns".
    await previewSettled();
    await expect
      .poll(() => page.getByText(/The column mapping is not used yet: give it a source name/i).count(), poll)
      .toBeGreaterThan(0);
    expect(await page.getByText(/map its columns to import it/i).count()).toBe(0);
    expect(await editor.getByRole('alert').textContent()).toContain('This mapping is not used yet.');
    expect(
      await page.getByText('Name the source of the column mapping for sales_pipeline.csv above').count(),
    ).toBe(1);
    await editor.getByLabel('Source name').fill('Maven CRM');
    await editor.getByLabel('Source name').press('Tab');
    const mapping: [string, string][] = [
      ['Deal id', 'opportunity_id'],
      ['Owner (rep name)', 'sales_agent'],
      ['Account', 'account'],
      ['Stage', 'deal_stage'],
      ['Created', 'engage_date'],
      ['Won / lost at', 'close_date'],
      ['Amount', 'close_value'],
    ];
    for (const [field, column] of mapping)
      await editor.getByLabel(field, { exact: true }).selectOption(column);
    expect(await editor.textContent()).toContain('remembers this mapping');

    await previewSettled();
    await expect.poll(() => previewCounts('Deals'), poll).toEqual([8800, 0, 0]);
    expect(await card.getByTestId('detected-format').textContent()).toContain('Maven CRM');

    // The same mapping as a file, for the monthly scripted import: the command line reads it back.
    const [download] = (await Promise.all([
      page.waitForEvent('download'),
      editor.getByRole('button', { name: 'Save mapping as file' }).click(),
    ])) as [Download, void];
    expect(download.suggestedFilename()).toBe('maven-crm-deals-mapping.json');
    const mappingPath = join(scratch, 'maven-crm-deals-mapping.json');
    await download.saveAs(mappingPath);
    expect(JSON.parse(readFileSync(mappingPath, 'utf8'))).toEqual({
      entity: 'deals',
      sourceName: 'Maven CRM',
      columns: Object.fromEntries([
        ['externalId', 'opportunity_id'],
        ['owner', 'sales_agent'],
        ['account', 'account'],
        ['stage', 'deal_stage'],
        ['createdAt', 'engage_date'],
        ['closedAt', 'close_date'],
        // Suggested by its name and kept: the expected close of a deal still open.
        ['closeDate', 'close_date'],
        ['amount', 'close_value'],
      ]),
    });
    const scripted = cli('import', '--db', join(scratch, 'scripted.db'), '--mapping', mappingPath, mavenFile);
    expect(scripted.stderr).toBe('');
    expect(scripted.stdout).toContain('deals         8800 new, 0 changed, 0 unchanged');

    const importButton = page.getByTestId('import-apply');
    await expect.poll(() => importButton.isEnabled(), poll).toBe(true);
    expect(await importButton.textContent()).toBe('Import 8,800 records');
    await importButton.click();
    const success = page.getByTestId('import-success');
    await expect.poll(() => success.isVisible(), { ...poll, timeout: 90_000 }).toBe(true);
    expect(await success.textContent()).toContain('sales_pipeline.csv imported in one batch');

    await success.getByRole('link', { name: 'Open Deals' }).click();
    // The demo went with the import (the offer is on by default): only Maven's deals remain.
    await expect.poll(dealsCount, poll).toBe(8800);
  }, 180_000);
});
