import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, type RunningApp, startApp } from './harness';

/** A manager on a fresh demo workspace: finds deals, narrows them down, opens one, then looks at reps. */

let app: RunningApp;
let page: Page;

function toNumber(text: string | null): number {
  return Number((text ?? '').replace(/[^\d.-]/g, ''));
}

async function dealsCount(): Promise<number> {
  return toNumber(await page.getByTestId('deals-count').textContent());
}

/** The text of one column in every deal row drawn on screen, by its header's name. */
async function columnTexts(header: string): Promise<string[]> {
  const headers = await page
    .getByRole('table', { name: 'Deals' })
    .getByRole('columnheader')
    .allTextContents();
  const index = headers.findIndex((h) => h.trim().startsWith(header));
  if (index < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
  const rows = page.getByTestId('deal-row');
  const texts: string[] = [];
  for (const row of await rows.all())
    texts.push(((await row.getByRole('cell').nth(index).textContent()) ?? '').trim());
  return texts;
}

function navLink(name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('Deals in the demo workspace', () => {
  it('shows the demo deals and their count', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Overview' }).isVisible(), poll).toBe(true);
    await expect
      .poll(() => page.getByText('You are looking at the demo workspace').isVisible(), poll)
      .toBe(true);
    const dealsStat = page
      .getByRole('region', { name: 'Workspace contents' })
      .getByRole('link', { name: /Deals/ });
    const workspaceDeals = toNumber(await dealsStat.locator('.stat-value').textContent());
    expect(workspaceDeals).toBeGreaterThan(100);

    await navLink('Deals').click();
    await expect.poll(() => page.getByTestId('deals-count').textContent(), poll).toMatch(/^[\d,]+ deals$/);
    expect(await dealsCount()).toBe(workspaceDeals);
    await expect.poll(() => page.getByTestId('deal-row').count(), poll).toBeGreaterThan(10);
  });

  it('narrows the list with a search', async () => {
    const total = await dealsCount();
    const account = (await columnTexts('Account'))[0]!;
    const word = account.split(/\s+/)[0]!;
    await page.getByRole('searchbox', { name: 'Search' }).fill(word);

    await expect.poll(dealsCount, poll).toBeLessThan(total);
    expect(await dealsCount()).toBeGreaterThan(0);
    expect(page.url()).toContain(`q=${encodeURIComponent(word)}`);
    await expect
      .poll(async () => {
        const [names, accounts, owners] = await Promise.all([
          columnTexts('Deal'),
          columnTexts('Account'),
          columnTexts('Owner'),
        ]);
        return names.every((name, i) =>
          [name, accounts[i], owners[i]].some((text) => text?.toLowerCase().includes(word.toLowerCase())),
        );
      }, poll)
      .toBe(true);

    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect.poll(dealsCount, poll).toBe(total);
  });

  it('filters by status won', async () => {
    const total = await dealsCount();
    await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Won' }).click();

    await expect.poll(dealsCount, poll).toBeLessThan(total);
    expect(page.url()).toContain('status=won');
    await expect
      .poll(async () => {
        const badges = await page.getByTestId('deal-row').getByTestId('status-badge').allTextContents();
        return badges.length > 0 && badges.every((b) => b.trim() === 'Won');
      }, poll)
      .toBe(true);
  });

  it('sorts by amount, largest first', async () => {
    const amountHeader = page.getByRole('columnheader', { name: 'Amount' });
    await amountHeader.getByRole('button').click();
    await expect.poll(() => amountHeader.getAttribute('aria-sort'), poll).toMatch(/ascending|descending/);
    if ((await amountHeader.getAttribute('aria-sort')) !== 'descending')
      await amountHeader.getByRole('button').click();
    await expect.poll(() => amountHeader.getAttribute('aria-sort'), poll).toBe('descending');
    expect(page.url()).toContain('sort=-amount');

    await expect
      .poll(async () => {
        const amounts = (await columnTexts('Amount')).slice(0, 15).map(toNumber);
        return amounts.length >= 5 && amounts.every((a, i) => i === 0 || a <= amounts[i - 1]!);
      }, poll)
      .toBe(true);
    const [first, second] = (await columnTexts('Amount')).map(toNumber);
    expect(first).toBeGreaterThanOrEqual(second!);
  });

  it('opens a deal and reads its stage timeline', async () => {
    const firstDeal = page.getByTestId('deal-row').first().getByRole('link');
    const name = (await firstDeal.textContent())!.trim();
    await firstDeal.click();

    await expect.poll(() => page.getByRole('heading', { level: 1, name }).isVisible(), poll).toBe(true);
    await expect.poll(() => page.getByTestId('stage-band').count(), poll).toBeGreaterThan(0);
    const band = ((await page.getByTestId('stage-band').first().textContent()) ?? '').trim();
    expect(band).toMatch(/^\S.* · \d+([.,]\d)? d/);

    const stages = await page
      .getByRole('table', { name: 'Stage visits' })
      .locator('tbody tr td:first-child')
      .allTextContents();
    expect(stages.some((stage) => band.startsWith(stage.trim()))).toBe(true);
    // A won deal ends in its won stage.
    expect(await page.getByTestId('stage-outcome').count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Activities' }).locator('tbody tr').count()).toBeGreaterThan(
      0,
    );

    // From the deal, a comparison starts with it already picked.
    const dealUrl = page.url();
    const dealId = /#\/deals\/(\d+)/.exec(dealUrl)![1];
    await page.getByRole('link', { name: 'Compare with other deals' }).click();
    await expect.poll(() => page.url(), poll).toContain(`#/compare?deals=${dealId}`);
    await expect.poll(() => page.getByText(name).first().isVisible(), poll).toBe(true);
    await page.goBack();
    await expect.poll(() => page.url(), poll).toBe(dealUrl);

    await page.getByRole('main').getByRole('link', { name: 'Deals', exact: true }).click();
    await expect.poll(() => page.url(), poll).toContain('status=won');
    await expect
      .poll(() => page.getByRole('columnheader', { name: 'Amount' }).getAttribute('aria-sort'), poll)
      .toBe('descending');
  });

  it('lists the reps, and opens the deals of one', async () => {
    await navLink('Reps').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Reps' }).isVisible(), poll).toBe(true);
    await expect.poll(() => page.getByTestId('rep-row').count(), poll).toBeGreaterThan(3);
    const headers = await page
      .getByRole('table', { name: 'Reps' })
      .getByRole('columnheader')
      .allTextContents();
    expect(headers.map((h) => h.trim())).toEqual(
      expect.arrayContaining(['Rep', 'Team', 'Win rate', 'Won amount']),
    );

    const winRates = await page
      .getByRole('table', { name: 'Reps' })
      .locator('tbody tr td:nth-child(9)')
      .allTextContents();
    expect(winRates.every((rate) => /^(\d+%|—)$/.test(rate.trim()))).toBe(true);

    // The first rep who has won a deal (column 7 is Won).
    const rep = page
      .getByTestId('rep-row')
      .filter({ has: page.locator('td:nth-child(7)', { hasNotText: /^0$/ }) })
      .first()
      .getByRole('link', { name: /^(?!Scorecard$)/ });
    const repName = (await rep.textContent())!.trim();
    await rep.click();
    await expect.poll(() => page.url(), poll).toMatch(/#\/deals\?owner=\d+/);
    await expect
      .poll(() => page.getByRole('button', { name: `Owner ${repName}` }).isVisible(), poll)
      .toBe(true);
    await expect
      .poll(async () => {
        const owners = await columnTexts('Owner');
        return owners.length > 0 && owners.every((owner) => owner === repName);
      }, poll)
      .toBe(true);
  });
});
