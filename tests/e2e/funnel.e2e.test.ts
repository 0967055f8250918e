import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, type RunningApp, startApp } from './harness';

/** A sales leader on a fresh demo workspace reads the funnel, narrows it to one rep, and opens a stalled deal. */

let app: RunningApp;
let page: Page;

function toNumber(text: string | null): number {
  return Number((text ?? '').replace(/[^\d.-]/g, ''));
}

/** Stage name → the text of one column of the funnel table, by the column's header. */
async function funnelColumn(header: string): Promise<Map<string, string>> {
  const table = page.getByRole('table', { name: 'Funnel by stage' });
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
  const values = new Map<string, string>();
  for (const row of await page.getByTestId('funnel-row').all()) {
    const cells = row.getByRole('cell');
    const stage = ((await cells.nth(0).textContent()) ?? '').trim();
    values.set(stage, ((await cells.nth(index).textContent()) ?? '').trim());
  }
  return values;
}

/** Waits until the reports for the current filters have arrived (older ones stay on screen, dimmed, meanwhile). */
async function settled(): Promise<void> {
  await expect
    .poll(async () => {
      const asked = await page.getByTestId('funnel-range').getAttribute('data-period');
      const shown = await page.getByTestId('funnel-content').getAttribute('data-period');
      return asked !== null && asked === shown;
    }, poll)
    .toBe(true);
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), poll).toBe(0);
  await expect.poll(() => page.getByTestId('funnel-row').count(), poll).toBeGreaterThan(2);
}

async function enteredByStage(): Promise<Map<string, number>> {
  const texts = await funnelColumn('Entered');
  return new Map([...texts].map(([stage, text]) => [stage, toNumber(text)]));
}

/** The value and "based on N deals" of the stage metric card with this label. */
async function stageMetric(label: string): Promise<{ value: string; deals: number }> {
  const card = page
    .getByTestId('stage-metric')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
  expect(await card.count(), label).toBe(1);
  const value = ((await card.getByTestId('metric-value').textContent()) ?? '').trim();
  const basis = ((await card.locator('.metric-basis').textContent()) ?? '').trim();
  return { value, deals: /^based on/.test(basis) ? toNumber(basis) : 0 };
}

/** Waits until the stage metrics shown are those of the period asked for, and not reloading. */
async function metricsSettled(): Promise<void> {
  const section = page.getByTestId('stage-metrics');
  await expect
    .poll(async () => {
      const asked = await page.getByTestId('funnel-range').getAttribute('data-period');
      const shown = await section.getAttribute('data-period');
      return asked !== null && asked === shown && (await section.getAttribute('aria-busy')) === 'false';
    }, poll)
    .toBe(true);
}

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('Funnel & time in stage in the demo workspace', () => {
  let teamEntered: Map<string, number>;

  it('shows the funnel of the last 4 quarters', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Funnel & time in stage' })
      .click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Funnel & time in stage' }).isVisible(), poll)
      .toBe(true);
    await page
      .getByRole('group', { name: 'Period' })
      .getByRole('button', { name: 'Last 4 quarters' })
      .click();
    await expect.poll(() => page.url(), poll).toContain('period=last-4-quarters');

    await settled();
    teamEntered = await enteredByStage();
    expect(teamEntered.get('Lead')).toBeGreaterThan(0);

    const conversions = await funnelColumn('Conversion to next');
    expect(conversions.size).toBe(teamEntered.size);
    for (const [stage, text] of conversions) {
      expect(text, stage).toMatch(/^\d+%$/);
      const percent = toNumber(text);
      expect(percent).toBeGreaterThanOrEqual(0);
      expect(percent).toBeLessThanOrEqual(100);
    }

    // The chart says in words what it draws; the outcome cards show the period's closed deals.
    expect(
      await page.getByRole('img', { name: /^Deals that entered each stage in the period: Lead/ }).count(),
    ).toBe(1);
    expect(await page.getByTestId('outcome-card').count()).toBe(5);
  });

  let teamLeadResponses: number;

  it('shows the stage metrics: lead response time in hours, proposal → signature in days', async () => {
    await metricsSettled();
    expect(await page.getByRole('heading', { level: 2, name: 'Stage metrics' }).isVisible()).toBe(true);
    expect(await page.getByTestId('stage-metric').count()).toBe(9);

    const response = await stageMetric('Lead response time');
    expect(response.value).toMatch(/^\d[\d,]*\.\d h$/);
    expect(response.deals).toBeGreaterThan(0);
    teamLeadResponses = response.deals;

    const signature = await stageMetric('Proposal → signature');
    expect(signature.value).toMatch(/^\d[\d,]*\.\d d$/);
    expect(signature.deals).toBeGreaterThan(0);

    // The demo's won deals carry a discount, so the chart is drawn and described in words.
    expect(await page.getByRole('img', { name: /^Average discount on won deals by month: / }).count()).toBe(
      1,
    );
    expect(await page.getByTestId('discount-note').count()).toBe(0);
  });

  it('narrows the numbers to the rep Tom Becker', async () => {
    await page.getByRole('button', { name: /^Rep / }).click();
    await page.getByRole('checkbox', { name: /Tom Becker/ }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url(), poll).toMatch(/owner=\d+/);
    await expect
      .poll(() => page.getByRole('button', { name: 'Rep Tom Becker' }).isVisible(), poll)
      .toBe(true);

    await expect
      .poll(async () => (await enteredByStage()).get('Lead') ?? Infinity, poll)
      .toBeLessThan(teamEntered.get('Lead')!);
    await settled();
    const repEntered = await enteredByStage();
    expect(repEntered.get('Lead')).toBeGreaterThan(0);
    for (const [stage, entered] of repEntered) expect(entered, stage).toBeLessThan(teamEntered.get(stage)!);

    await metricsSettled();
    await expect
      .poll(async () => (await stageMetric('Lead response time')).deals, poll)
      .toBeLessThan(teamLeadResponses);
    const response = await stageMetric('Lead response time');
    expect(response.deals).toBeGreaterThan(0);
    expect(response.value).toMatch(/^\d[\d,]*\.\d h$/);
  });

  it('switches the time-in-stage stage', async () => {
    const stages = page.getByRole('group', { name: 'Stage' });
    await stages.getByRole('button', { name: 'Discovery' }).click();
    await expect.poll(() => page.url(), poll).toContain('stage=discovery');
    // The address changes first; the button shows it is pressed once the screen has rendered.
    await expect
      .poll(() => stages.getByRole('button', { name: 'Discovery' }).getAttribute('aria-pressed'), poll)
      .toBe('true');
    await expect
      .poll(() => page.getByRole('img', { name: /^Visits to Discovery by days in stage/ }).count(), poll)
      .toBe(1);
  });

  it('lists the deals behind a funnel figure, and they add up to it', async () => {
    const lost = toNumber((await funnelColumn('Lost')).get('Discovery') ?? '');
    const entered = (await enteredByStage()).get('Discovery')!;
    expect(lost).toBeGreaterThan(0);
    const row = page.getByTestId('funnel-row').filter({ hasText: /^Discovery/ });
    await row.getByRole('button', { name: String(lost), exact: true }).click();
    await expect.poll(() => page.url(), poll).toMatch(/deals=discovery&group=lost/);

    const drawer = page.getByTestId('funnel-drilldown');
    await expect
      .poll(
        () => drawer.getByRole('heading', { name: /^Discovery · deals that were lost$/ }).isVisible(),
        poll,
      )
      .toBe(true);
    const rows = drawer.getByTestId('funnel-drill-row');
    await expect.poll(() => rows.count(), poll).toBe(lost);
    const details = await drawer.locator('.drill-detail').allTextContents();
    expect(details.every((owner) => owner.trim() === 'Tom Becker')).toBe(true);
    expect(
      (await drawer.locator('tbody tr td:nth-child(4)').allTextContents()).every((t) => t === 'Lost'),
    ).toBe(true);

    await drawer.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Entered' }).click();
    await expect.poll(() => rows.count(), poll).toBe(entered);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url(), poll).not.toContain('deals=');
    await expect.poll(() => drawer.count(), poll).toBe(0);
  });

  it('lists the stalled deals of the rep and opens one', async () => {
    const rows = page.getByTestId('stalled-row');
    await expect.poll(() => rows.count(), poll).toBeGreaterThan(0);
    expect(toNumber(await page.getByTestId('stalled-count').textContent())).toBe(await rows.count());

    const table = page.getByRole('table', { name: 'Stalled deals' });
    const owners = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(owners.every((owner) => owner.trim() === 'Tom Becker')).toBe(true);

    const deal = rows.first().getByRole('link');
    const name = ((await deal.textContent()) ?? '').trim();
    expect(name).not.toBe('');
    await deal.click();
    await expect.poll(() => page.url(), poll).toMatch(/#\/deals\/\d+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name }).isVisible(), poll).toBe(true);
  });
});
