import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, type RunningApp, startApp } from './harness';

/**
 * A manager on a fresh demo workspace maps the current reality: the paths deals take, three deals
 * side by side, then the success patterns and failure points.
 */

let app: RunningApp;
let page: Page;

function toNumber(text: string | null): number {
  return Number((text ?? '').replace(/[^\d.-]/g, ''));
}

function navLink(name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/** Three demo deals that went from Discovery to Proposal, found through the API the screens use. */
async function dealsThroughDiscoveryToProposal(): Promise<number[]> {
  return page.evaluate(async () => {
    // Runs in the page; the test's own types have no DOM.
    const storage = (globalThis as unknown as { sessionStorage: { getItem: (key: string) => string | null } })
      .sessionStorage;
    const token = storage.getItem('stagecoach.token') ?? '';
    const call = async (method: string, input: unknown) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as { ok: boolean; value: unknown };
      if (!result.ok) throw new Error(`${method} failed`);
      return result.value;
    };
    const list = (await call('deals:list', { statuses: ['won'], limit: 40 })) as { rows: { id: number }[] };
    const ids: number[] = [];
    for (const row of list.rows) {
      const detail = (await call('deals:get', { id: row.id })) as { visits: { stageKey: string | null }[] };
      const keys = detail.visits.map((v) => v.stageKey);
      const from = keys.indexOf('discovery');
      if (from >= 0 && keys.indexOf('proposal') > from) ids.push(row.id);
      if (ids.length === 3) break;
    }
    return ids;
  });
}

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('Mapping the current reality in the demo workspace', () => {
  it('draws the process map with its stages, rogue moves and path variants', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Overview' }).isVisible(), poll).toBe(true);
    await navLink('Process map').click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Process map' }).isVisible(), poll)
      .toBe(true);
    await page
      .getByRole('group', { name: 'Period' })
      .getByRole('button', { name: 'Last 4 quarters' })
      .click();
    await expect
      .poll(
        () =>
          page
            .getByRole('group', { name: 'Period' })
            .getByRole('button', { name: 'Last 4 quarters' })
            .getAttribute('aria-pressed'),
        poll,
      )
      .toBe('true');

    const graph = page.getByTestId('process-graph');
    await expect.poll(() => graph.isVisible(), poll).toBe(true);
    const stages = await graph
      .getByTestId('process-node')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-stage')));
    expect(stages).toEqual(
      expect.arrayContaining(['lead', 'discovery', 'demo', 'proposal', 'negotiation', 'won', 'lost']),
    );
    // Stages sit left to right in the defined order.
    const xs: number[] = [];
    for (const node of (await graph.getByTestId('process-node').all()).slice(0, 5))
      xs.push((await node.boundingBox())!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const kinds = await graph
      .getByTestId('process-edge')
      .evaluateAll((edges) => edges.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toContain('forward');
    expect(kinds.some((kind) => kind === 'skip' || kind === 'loop_back')).toBe(true);
    // Every move has words for screen readers, and the same numbers are in a table.
    const label = await graph.getByTestId('process-edge').first().getAttribute('aria-label');
    expect(label).toMatch(/\d+ moves? by \d+ deals?/);
    await page.getByText('The graph in numbers').click();
    await expect
      .poll(
        () => page.getByRole('table', { name: 'Moves between stages' }).getByTestId('edge-row').count(),
        poll,
      )
      .toBe(kinds.length);

    await expect.poll(() => page.getByTestId('variant-row').count(), poll).toBeGreaterThan(3);
    const firstShare = await page
      .getByTestId('variant-row')
      .first()
      .getByTestId('variant-share')
      .textContent();
    expect(firstShare?.trim()).toMatch(/^\d+%$/);
    expect(toNumber(firstShare)).toBeGreaterThan(0);
    expect(await page.getByText('Defined path', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('redraws the map for lost deals only', async () => {
    const allDeals = toNumber(await page.getByTestId('process-deals').textContent());
    const allShare = await page.getByTestId('variant-share').first().textContent();
    await page.getByRole('group', { name: 'Outcome' }).getByRole('button', { name: 'Lost' }).click();

    await expect.poll(() => page.url(), poll).toContain('outcome=lost');
    await expect
      .poll(async () => toNumber(await page.getByTestId('process-deals').textContent()), poll)
      .toBeLessThan(allDeals);
    expect(toNumber(await page.getByTestId('process-deals').textContent())).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('variant-share').first().textContent(), poll).not.toBe(allShare);
    // Lost deals never reach the won stage.
    const won = await page.locator('[data-testid="process-node"][data-stage="won"]').textContent();
    expect(won).toContain('no deals');
  });

  it('picks three deals of a path and opens their comparison', async () => {
    await page.getByTestId('variant-row').first().getByRole('button', { name: 'Compare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare deals on this path' });
    await expect.poll(() => dialog.isVisible(), poll).toBe(true);
    await expect.poll(() => dialog.getByRole('checkbox', { checked: true }).count(), poll).toBe(3);
    await dialog.getByRole('button', { name: 'Compare 3 deals' }).click();

    await expect.poll(() => page.url(), poll).toMatch(/#\/compare\?deals=\d+,\d+,\d+&from=\w+&to=\w+/);
    await expect.poll(() => page.getByTestId('compare-row').count(), poll).toBe(3);
    // Compare belongs to the Process map: the sidebar keeps that area lit.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Process map' }).getAttribute('class')).toContain('active');
  });

  it('lays three deals side by side from Discovery to Proposal, aligned on time', async () => {
    const ids = await dealsThroughDiscoveryToProposal();
    expect(ids).toHaveLength(3);
    await page.evaluate(
      (hash) => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
      },
      `#/compare?deals=${ids.join(',')}&from=discovery&to=proposal`,
    );

    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Compare deals' }).isVisible(), poll)
      .toBe(true);
    await expect.poll(() => page.getByTestId('compare-row').count(), poll).toBe(3);
    expect(await page.getByRole('heading', { name: 'Discovery → Proposal' }).isVisible()).toBe(true);
    for (const row of await page.getByTestId('compare-row').all()) {
      await expect.poll(() => row.getByTestId('activity-flag').count(), poll).toBeGreaterThan(0);
      expect(await row.getByTestId('compare-end').textContent()).toMatch(/^Proposal · day \d/);
    }
    // Day 0 is the same place on every row: each starts with its Discovery band at the left edge.
    const lefts = await page
      .getByTestId('compare-row')
      .locator('.stage-band:first-child')
      .evaluateAll((bands) => bands.map((b) => b.getAttribute('style') ?? ''));
    expect(lefts.every((style) => /left: 0%/.test(style))).toBe(true);
    expect(lefts).toHaveLength(3);
    expect(await page.getByTestId('compare-summary-row').count()).toBe(3);
  });

  it('adds a deal with the type-ahead', async () => {
    const first = page.getByTestId('compare-row').first().locator('.compare-deal-name');
    const name = (await first.textContent())!.trim();
    await page.getByRole('button', { name: `Remove ${name} from the comparison` }).click();
    await expect.poll(() => page.getByTestId('compare-row').count(), poll).toBe(2);

    const picker = page.getByRole('combobox', { name: 'Add another deal' });
    await picker.fill(name.split(' ')[0]!);
    await expect.poll(() => page.getByRole('option').count(), poll).toBeGreaterThan(0);
    await page
      .getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('compare-row').count(), poll).toBe(3);
  });

  it('shows the success patterns, failure points and bottlenecks', async () => {
    await navLink('Patterns').click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Patterns' }).isVisible(), poll)
      .toBe(true);
    await expect.poll(() => page.getByTestId('pattern-row').count(), poll).toBeGreaterThan(2);

    const table = page.getByRole('table', { name: 'Success patterns' });
    const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
    expect(headers[0]).toBe('Required action');
    expect(headers.some((h) => h.startsWith('Win rate'))).toBe(true);
    const row = page.getByTestId('pattern-row').first();
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(cells[0]!.length).toBeGreaterThan(3);
    // Win rate with and without, each with its deal count.
    expect(cells[1]).toMatch(/^\d+%[\d,]+ deals?$/);
    expect(cells[2]).toMatch(/^\d+%[\d,]+ deals?$/);
    expect(cells[3]).toMatch(/^[+\-−]?\d+ pts$/);

    expect(
      await page.getByRole('list', { name: 'Top-quartile reps' }).getByRole('listitem').count(),
    ).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('failure-row').count(), poll).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('bottleneck-row').count(), poll).toBeGreaterThan(2);
  });
});
