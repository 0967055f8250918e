import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, type RunningApp, startApp } from './harness';

/**
 * A manager exports tables as they see them: the Deals list (every matching deal, from the engine),
 * the team scorecard (sorted on screen) and an Execution drill-down (longer than the panel shows).
 */

let app: RunningApp;
let page: Page;
let base: string;

function toNumber(text: string | null): number {
  return Number((text ?? '').replace(/[^\d.-]/g, ''));
}

type Csv = { fileName: string; header: string[]; rows: string[][] };

/** Clicks an Export CSV button, catches the download and reads the file from disk as Excel would. */
async function exportCsv(button: Locator): Promise<Csv> {
  const [download] = (await Promise.all([page.waitForEvent('download'), button.click()])) as [Download, void];
  const path = await download.path();
  const bytes = readFileSync(path);
  // UTF-8 with a byte order mark, so Excel reads accents and CJK right.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const parsed = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  return { fileName: download.suggestedFilename(), header: header!, rows };
}

beforeAll(async () => {
  app = await startApp();
  page = app.page;
  base = app.url.split('?')[0]!;
});

afterAll(async () => {
  await app?.close();
});

describe('Export CSV', () => {
  it('saves every deal the Deals filters match, in the order on screen', async () => {
    await page.goto(`${base}#/deals`);
    await expect.poll(() => page.getByTestId('deal-row').count(), poll).toBeGreaterThan(10);
    const everything = toNumber(await page.getByTestId('deals-count').textContent());

    await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Lost' }).click();
    const amount = page.getByRole('columnheader', { name: 'Amount' });
    await amount.getByRole('button').click();
    await expect.poll(() => amount.getAttribute('aria-sort'), poll).toMatch(/ascending|descending/);
    if ((await amount.getAttribute('aria-sort')) !== 'descending') await amount.getByRole('button').click();
    await expect.poll(() => page.url(), poll).toContain('sort=-amount');
    await expect
      .poll(async () => {
        const badges = await page.getByTestId('deal-row').getByTestId('status-badge').allTextContents();
        return badges.length > 0 && badges.every((b) => b.trim() === 'Lost');
      }, poll)
      .toBe(true);
    const count = toNumber(await page.getByTestId('deals-count').textContent());
    expect(count).toBeGreaterThan(200);
    expect(count).toBeLessThan(everything);

    const csv = await exportCsv(page.getByRole('button', { name: 'Export CSV: Deals' }));
    expect(csv.fileName).toMatch(/^stagecoach-deals-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.header).toEqual([
      'Deal',
      'Account',
      'Owner',
      'Stage',
      'Status',
      'Amount',
      'Currency',
      'Created',
      'Closed',
      'In stage since',
    ]);
    // Every matching deal, though the screen has loaded only the pages scrolled to.
    expect(csv.rows).toHaveLength(count);
    expect(csv.rows.every((r) => r[4] === 'Lost')).toBe(true);
    const amounts = csv.rows.map((r) => r[5]).filter((a) => a !== '');
    expect(amounts.every((a) => /^\d+(\.\d+)?$/.test(a!))).toBe(true);
    expect(amounts.map(Number)).toEqual(amounts.map(Number).sort((a, b) => b - a));
    expect(csv.rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[8]!))).toBe(true);

    // Row for row, the file reads like the screen: at the top, and after scrolling to the end.
    const onScreen = async () =>
      page.getByTestId('deal-row').evaluateAll((rows) =>
        rows.map((row) => ({
          index: Number(row.getAttribute('aria-rowindex')) - 2,
          name: row.querySelector('[role="cell"]')?.textContent?.trim() ?? '',
        })),
      );
    const top = await onScreen();
    expect(top.length).toBeGreaterThan(10);
    for (const { index, name } of top) expect(csv.rows[index]?.[0]).toBe(name);

    await page.locator('.deals-table').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(async () => (await onScreen()).some((r) => r.index === count - 1), poll).toBe(true);
    const bottom = await onScreen();
    for (const { index, name } of bottom) expect(csv.rows[index]?.[0]).toBe(name);
  });

  it('saves the team scorecard as sorted on screen, named after its quarter', async () => {
    await page.goto(`${base}#/scorecards`);
    const rows = page.getByTestId('scorecard-rep-row');
    await expect.poll(() => rows.count(), poll).toBeGreaterThan(3);
    const winRate = page.getByRole('columnheader', { name: 'Win rate' });
    await winRate.getByRole('button').click();
    await expect.poll(() => winRate.getAttribute('aria-sort'), poll).toMatch(/ascending|descending/);
    const names = await rows.locator('.rep-link').allTextContents();
    const label = (await page.getByTestId('scorecard-period-shown').textContent()) ?? '';
    const quarter = /Q(\d) (\d{4})/.exec(label);
    expect(quarter).not.toBeNull();

    const csv = await exportCsv(page.getByRole('button', { name: 'Export CSV: Reps side by side' }));
    expect(csv.fileName).toBe(`stagecoach-scorecards-q${quarter![1]}-${quarter![2]}.csv`);
    expect(csv.header.slice(0, 6)).toEqual([
      'Rep',
      'Role',
      'Team',
      'Score',
      'Score change',
      'Actions on time (%)',
    ]);
    expect(csv.header).toContain('Win rate (%)');
    expect(csv.rows.map((r) => r[0])).toEqual(names);
    // The on-screen sort: win rate as a bare percentage number, empty cells last.
    const rates = csv.rows.map((r) => r[csv.header.indexOf('Win rate (%)')]!);
    const present = rates.filter((r) => r !== '').map(Number);
    expect(rates.slice(present.length).every((r) => r === '')).toBe(true);
    const ascending = [...present].sort((a, b) => a - b);
    expect([ascending, [...ascending].reverse()]).toContainEqual(present);
    const onScreenRate = await rows.first().getByRole('cell').nth(8).textContent();
    expect(`${Math.round(Number(rates[0]))}%`).toBe(onScreenRate?.trim());
  });

  it('saves every action behind an Execution figure, beyond the 2,000 the panel lists', async () => {
    await page.goto(`${base}#/execution?period=last-4-quarters`);
    const settledText = page.getByText(/of [\d,]+ settled actions done on time/);
    await expect.poll(() => settledText.isVisible(), poll).toBe(true);
    const settled = toNumber(/of ([\d,]+) settled/.exec((await settledText.textContent()) ?? '')![1]!);
    expect(settled).toBeGreaterThan(2000);

    await page.goto(`${base}#/execution?period=last-4-quarters&drill&show=on_time&show=late&show=missed`);
    const drawer = page.getByTestId('drilldown');
    await expect.poll(() => drawer.getByTestId('drill-row').count(), poll).toBeGreaterThan(10);
    const shown = toNumber(await drawer.locator('.drawer-count').textContent());
    expect(shown).toBeLessThan(settled);

    const csv = await exportCsv(drawer.getByRole('button', { name: /^Export CSV: / }));
    expect(csv.fileName).toMatch(
      /^stagecoach-actions-all-actions-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(csv.header).toEqual(['Deal', 'Action', 'Owner', 'Status', 'Due', 'Done', 'Why']);
    expect(csv.rows).toHaveLength(settled);
    expect(new Set(csv.rows.map((r) => r[3]))).toEqual(new Set(['On time', 'Late', 'Missed']));
    // Sorted as the panel is, by status: missed first, then late, then on time.
    const order = csv.rows.map((r) => ['Missed', 'Late', 'On time'].indexOf(r[3]!));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const first = await drawer.getByTestId('drill-row').first().locator('.deal-link').textContent();
    expect(csv.rows[0]![0]).toBe(first);
    expect(
      csv.rows.every(
        (r) => r[4] === 'before it leaves the stage' || /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(r[4]!),
      ),
    ).toBe(true);
  });
});
