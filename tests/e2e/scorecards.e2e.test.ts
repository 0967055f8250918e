import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, type RunningApp, startApp } from './harness';

/** A sales manager reads the team scorecard, opens the sloppy rep's scorecard and follows a figure to its evidence. */

let app: RunningApp;
let page: Page;
/** The team scorecard of the last whole quarter, as the first test left it. */
let teamUrl = '';

/** "74.6%" → 74.6; "—" → null. */
function percentOf(text: string | null): number | null {
  const match = /(-?\d+(?:[.,]\d+)?)\s*%/.exec(text ?? '');
  return match?.[1] ? Number(match[1].replace(',', '.')) : null;
}

function repRow(name: string): Locator {
  return page.getByTestId('scorecard-rep-row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** The CSS position (1-based) of a column of the reps table, by its header. */
async function columnNumber(header: string): Promise<number> {
  const headers = await page
    .getByRole('table', { name: 'Reps side by side' })
    .locator('thead th')
    .allTextContents();
  const index = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === header);
  if (index < 0) throw new Error(`no column "${header}" in ${headers.join(' | ')}`);
  return index + 1;
}

/** The table cells of a column, top to bottom. */
async function columnTexts(header: string): Promise<string[]> {
  const column = await columnNumber(header);
  return page.getByTestId('scorecard-rep-row').locator(`td:nth-child(${column})`).allTextContents();
}

type Standing = { name: string; composite: number | null; percentile: number | null };

/** "best of the team" → 100, "last in the team" → 0, "62nd percentile" → 62, "not ranked" → null. */
function percentileIn(title: string | null): number | null {
  if (!title || title.includes('not ranked')) return null;
  if (title.includes('best of the team')) return 100;
  if (title.includes('last in the team')) return 0;
  const match = /(\d+)(?:st|nd|rd|th) percentile/.exec(title);
  return match?.[1] ? Number(match[1]) : null;
}

/** Every rep row's name, composite and percentile on `metric`, as the table shows them. */
async function standings(metric: string): Promise<Standing[]> {
  const column = await columnNumber(metric);
  const rows = await page.getByTestId('scorecard-rep-row').all();
  return Promise.all(
    rows.map(async (row) => {
      const composite = (await row.getByTestId('composite-score').textContent())?.trim() ?? '';
      const cell = row.locator(`td:nth-child(${column}) .team-cell`);
      return {
        name: ((await row.getByRole('link').first().textContent()) ?? '').trim(),
        composite: /^\d+$/.test(composite) ? Number(composite) : null,
        percentile: (await cell.count()) === 1 ? percentileIn(await cell.getAttribute('title')) : null,
      };
    }),
  );
}

async function compositeOf(name: string): Promise<number> {
  return Number(await repRow(name).getByTestId('composite-score').textContent());
}

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('Scorecards in the demo workspace', () => {
  it('shows the reps side by side and sorts them by compliance', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scorecards' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Scorecards', level: 1 }).isVisible(), poll)
      .toBe(true);
    await expect.poll(() => page.getByTestId('scorecard-rep-row').count(), poll).toBeGreaterThan(4);
    // A whole quarter of data, whatever day the test runs on.
    const current = await page.getByTestId('scorecard-period').textContent();
    await page.getByRole('button', { name: 'Previous quarter' }).click();
    await expect.poll(() => page.getByTestId('scorecard-period').textContent(), poll).not.toBe(current);
    expect(page.url()).toMatch(/[?&]at=\d{4}-\d{2}-\d{2}/);
    // The figures shown are the new quarter's once the header names it too.
    const previous = (await page.getByTestId('scorecard-period').textContent()) ?? '';
    await expect
      .poll(() => page.getByTestId('scorecard-period-shown').textContent(), poll)
      .toContain(previous);
    await expect.poll(() => page.locator('.scorecard-content.stale').count(), poll).toBe(0);
    teamUrl = page.url();
    await expect.poll(() => page.getByTestId('target').count(), poll).toBeGreaterThan(0);
    const statuses = await page.getByTestId('target-status').allTextContents();
    for (const status of statuses) expect(['Met', 'Not met', 'No data']).toContain(status);

    await page.getByRole('button', { name: 'Actions on time', exact: true }).click();
    await expect
      .poll(
        async () =>
          (await page.getByRole('columnheader', { name: /Actions on time/ }).getAttribute('aria-sort')) ?? '',
        poll,
      )
      .toBe('descending');
    const rates = (await columnTexts('Actions on time'))
      .map(percentOf)
      .filter((r): r is number => r !== null);
    expect(rates.length).toBeGreaterThan(4);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    // The demo's top performer leads on compliance; its sloppy rep trails.
    const names = await page.getByTestId('scorecard-rep-row').getByRole('link').allTextContents();
    expect(names[0]).toBe('Daniel Reyes');
    expect(names.indexOf('Tom Becker')).toBeGreaterThan(names.length - 3);
  });

  it('opens Tom Becker’s scorecard: a figure below the team median, and its evidence one click away', async () => {
    await repRow('Tom Becker').getByRole('link', { name: 'Tom Becker' }).click();
    await expect.poll(() => page.getByTestId('rep-name').textContent(), poll).toBe('Tom Becker');
    const actions = page.getByTestId('figure-actions_on_time');
    await expect.poll(() => actions.getByTestId('figure-value').isVisible(), poll).toBe(true);
    const value = percentOf(await actions.getByTestId('figure-value').textContent());
    const median = percentOf(await actions.getByTestId('figure-median').textContent());
    expect(value).not.toBeNull();
    expect(median).not.toBeNull();
    expect(value!).toBeLessThan(median!);
    expect(await page.getByTestId('section-engagement').textContent()).toMatch(/no email opens/);

    // Compliance drills into the Execution screen, narrowed to Tom.
    await actions.getByTestId('figure-value').click();
    const drill = page.getByTestId('drilldown');
    await expect.poll(() => drill.isVisible(), poll).toBe(true);
    await expect.poll(() => drill.getByRole('heading', { name: /Tom Becker/ }).isVisible(), poll).toBe(true);
    await expect.poll(() => drill.getByTestId('drill-row').count(), poll).toBeGreaterThan(0);
    await page.goBack();

    // Win rate lists the closed deals behind it.
    const winRate = page.getByTestId('figure-win_rate');
    await expect.poll(() => winRate.getByTestId('figure-value').isVisible(), poll).toBe(true);
    const sample = Number(/(\d+) closed deal/.exec((await winRate.textContent()) ?? '')?.[1]);
    await winRate.getByTestId('figure-value').click();
    await expect
      .poll(() => page.getByTestId('evidence-title').textContent(), poll)
      .toBe('Win rate · Tom Becker');
    await expect.poll(() => page.getByTestId('evidence-row').count(), poll).toBe(sample);
    const outcomes = new Set(
      await page.getByTestId('evidence-row').locator('.evidence-outcome').allTextContents(),
    );
    for (const outcome of outcomes) expect(['Won', 'Lost']).toContain(outcome);
  });

  it('pulls the composite of the rep last on a metric down when that metric weighs more', async () => {
    await page.goto(teamUrl);
    await expect.poll(() => page.getByTestId('scorecard-rep-row').count(), poll).toBeGreaterThan(4);
    await expect.poll(() => page.locator('.scorecard-content.stale').count(), poll).toBe(0);
    // The rep chosen from the data: the lowest percentile in the team on actions on time.
    const ranked = (await standings('Actions on time')).filter(
      (rep): rep is Standing & { percentile: number } => rep.percentile !== null && rep.composite !== null,
    );
    expect(ranked.length).toBeGreaterThan(4);
    const bottom = ranked.reduce((low, rep) => (rep.percentile < low.percentile ? rep : low));
    const before = bottom.composite!;

    await page.getByRole('button', { name: 'Edit targets and weights' }).click();
    await page.getByLabel('Weight of Actions on time').fill('10');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save settings' }).count(), poll).toBe(0);
    // The composite is a weighted mean of percentiles: weighing one more moves it towards that
    // percentile, so it drops unless it already sat there (then it stays).
    if (bottom.percentile < before - 1) {
      await expect.poll(() => compositeOf(bottom.name), poll).toBeLessThan(before);
    } else {
      await expect.poll(() => page.locator('.scorecard-content.stale').count(), poll).toBe(0);
      expect(await compositeOf(bottom.name)).toBeLessThanOrEqual(before);
    }

    // A weight that is not a number is refused with a message, and nothing is saved.
    await page.getByRole('button', { name: 'Edit targets and weights' }).click();
    await page.getByLabel('Weight of Win rate').fill('-2');
    await expect
      .poll(() => page.getByRole('alert').textContent(), poll)
      .toBe('Win rate: a weight cannot be negative.');
    expect(await page.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true);
  });
});
