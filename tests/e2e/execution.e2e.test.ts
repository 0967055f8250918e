import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, type RunningApp, startApp } from './harness';

/** A manager on the demo workspace: compares reps on the heatmap, drills into a weak cell, opens a deal. */

let app: RunningApp;
let page: Page;

/** The rate a heatmap figure shows, "82% · 140" → 82. */
function rateOf(text: string | null): number {
  const match = /(\d+(?:[.,]\d+)?)\s*%/.exec(text ?? '');
  if (!match?.[1]) throw new Error(`no rate in "${text}"`);
  return Number(match[1].replace(',', '.'));
}

function repRow(name: string): Locator {
  return page.getByTestId('heatmap-row').filter({ has: page.getByRole('rowheader', { name }) });
}

async function totalRate(name: string): Promise<number> {
  return rateOf(await repRow(name).getByRole('cell').last().textContent());
}

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('Execution in the demo workspace', () => {
  it('shows the team rate and the heatmap for the last 4 quarters', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Execution' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Execution' }).isVisible(), poll).toBe(true);
    await page.getByRole('button', { name: 'Last 4 quarters' }).click();
    await expect.poll(() => page.url(), poll).toContain('period=last-4-quarters');

    await expect.poll(() => page.getByTestId('team-compliance').textContent(), poll).toMatch(/^\d+(\.\d)?%$/);
    const team = rateOf(await page.getByTestId('team-compliance').textContent());
    expect(team).toBeGreaterThan(0);
    expect(team).toBeLessThan(100);

    await expect.poll(() => repRow('Daniel Reyes').count(), poll).toBe(1);
    expect(await repRow('Tom Becker').count()).toBe(1);
    // The demo's top performer against its sloppy rep.
    expect(await totalRate('Daniel Reyes')).toBeGreaterThan(await totalRate('Tom Becker'));
  });

  it('drills from a heatmap cell to the deals behind it, and into one deal', async () => {
    await page.getByRole('button', { name: /^Tom Becker, Discovery:/ }).click();
    const drill = page.getByTestId('drilldown');
    await expect
      .poll(() => drill.getByRole('heading', { name: 'Tom Becker · Discovery' }).isVisible(), poll)
      .toBe(true);
    await expect.poll(() => drill.getByTestId('drill-row').count(), poll).toBeGreaterThan(0);
    expect(page.url()).toMatch(/[?&]stage=discovery/);

    const missed = drill.getByRole('button', { name: /^Missed/ });
    await missed.click();
    await expect
      .poll(
        async () => [
          ...new Set(await drill.getByTestId('drill-row').getByTestId('compliance-badge').allTextContents()),
        ],
        poll,
      )
      .toEqual(['Missed']);

    const link = drill.getByTestId('drill-row').first().getByRole('link');
    const dealName = (await link.textContent())?.trim() ?? '';
    await link.click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), poll).toBe(dealName);
    const checklist = page.getByRole('region', { name: 'Workflow checklist' });
    await expect.poll(() => checklist.getByTestId('compliance-badge').count(), poll).toBeGreaterThan(0);
    expect(await checklist.getByTestId('compliance-badge').allTextContents()).toContain('Missed');

    // The back link returns to the drill-down it came from.
    await page.getByRole('main').getByRole('link', { name: 'Execution', exact: true }).click();
    await expect.poll(() => page.getByTestId('drilldown').isVisible(), poll).toBe(true);
  });
});
