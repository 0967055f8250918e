import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, type RunningApp, startApp } from './harness';

/**
 * A manager prepares Tom Becker's one-on-one on a fresh demo workspace: marks last time's
 * commitment done, writes a note and a new commitment, reloads to find them kept, marks the
 * one-on-one held and sees the next prep start from it; then looks at the ramp of the new hires.
 */

let app: RunningApp;
let page: Page;

const NOTE = 'Walked through the stalled proposals; Tom will re-plan three of them this week.';
const COMMITMENT = 'Send the proposal recap and book the follow-up the same day';

function base(): string {
  return app.url.split('?')[0]!;
}

async function openPrep(): Promise<void> {
  await page.getByTestId('prep-page').waitFor({ timeout: poll.timeout });
  await expect.poll(() => page.getByTestId('gap-card').count(), poll).toBeGreaterThan(0);
}

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('one-on-one prep', () => {
  it('lists the reps with their last one-on-one, open commitments and deals at risk', async () => {
    await page.goto(`${base()}#/one-on-ones`);
    const tom = page.getByTestId('oo-rep-row').filter({ hasText: 'Tom Becker' });
    await tom.waitFor({ timeout: poll.timeout });
    await expect.poll(() => tom.getByTestId('risk-badge').textContent(), poll).toMatch(/\d+/);
    expect(Number(await tom.getByTestId('risk-badge').textContent())).toBeGreaterThan(0);
    // Managers hold one-on-ones; they are not listed as reps to prepare for.
    expect(await page.getByRole('link', { name: 'Margaret Okafor' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Tom Becker' }).click();
    await openPrep();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Tom Becker');
  });

  it('shows the sections in order, with gaps backed by deals and talking points naming them', async () => {
    const order: string[] = [];
    const sections = page.locator('[data-testid^="section-"]');
    for (let i = 0; i < (await sections.count()); i++)
      order.push((await sections.nth(i).getAttribute('data-testid'))!);
    expect(order).toEqual([
      'section-changes',
      'section-gaps',
      'section-risks',
      'section-observations',
      'section-commitments',
      'section-talking-points',
      'section-notes',
      'section-history',
    ]);
    const gap = page.getByTestId('gap-card').first();
    const dealLinks = gap.locator('a[href^="#/deals/"]');
    expect(await dealLinks.count()).toBeGreaterThan(0);
    const example = ((await dealLinks.first().textContent()) ?? '').trim();
    expect(await gap.locator('a[href^="#/execution?"]').count()).toBe(1);
    const points = await page.getByTestId('talking-points').textContent();
    expect(points).toContain('Biggest gap');
    expect(points).toContain(example);
    expect(await page.getByTestId('risk-row').count()).toBeGreaterThan(0);
  });

  it('keeps a resolved commitment, a note and a new commitment across a reload', async () => {
    const commitment = page
      .getByTestId('commitment-row')
      .filter({ hasText: 'Close out or re-plan every deal stalled in Proposal' });
    expect(await commitment.getByTestId('commitment-status').textContent()).toBe('Open');
    await commitment.getByRole('button', { name: 'Met', exact: true }).click();
    await commitment.getByPlaceholder('What happened').fill('Re-planned four, closed two as lost.');
    await commitment.getByTestId('confirm-resolution').click();
    await expect.poll(() => commitment.getByTestId('commitment-status').textContent(), poll).toContain('Met');

    await page.getByTestId('notes').fill(NOTE);
    await page.getByTestId('section-notes').getByTestId('saved').waitFor({ timeout: poll.timeout });

    const form = page.getByTestId('commitment-form');
    await form.getByPlaceholder(/What the rep commits to/).fill(COMMITMENT);
    await form.getByLabel('Check against the data').selectOption('action_on_time');
    await form.getByRole('button', { name: 'Add commitment' }).click();
    const added = page
      .getByTestId('new-commitments')
      .getByTestId('commitment-row')
      .filter({ hasText: COMMITMENT });
    await added.waitFor({ timeout: poll.timeout });
    expect(await added.getByTestId('commitment-check').count()).toBe(1);

    await page.reload();
    await openPrep();
    expect(await page.getByTestId('notes').inputValue()).toBe(NOTE);
    const again = page
      .getByTestId('commitment-row')
      .filter({ hasText: 'Close out or re-plan every deal stalled in Proposal' });
    expect(await again.getByTestId('commitment-status').textContent()).toContain('Met');
    expect(await again.textContent()).toContain('Re-planned four, closed two as lost.');
    expect(await page.getByTestId('new-commitments').textContent()).toContain(COMMITMENT);
  });

  it('marks the one-on-one held, and the next prep starts from it', async () => {
    await page.getByTestId('hold-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Mark as held' }).click();
    await page.getByTestId('held-banner').waitFor({ timeout: poll.timeout });

    await expect.poll(() => page.getByTestId('last-notes').textContent(), poll).toBe(NOTE);
    const lastTime = page
      .getByTestId('section-commitments')
      .getByTestId('commitment-row')
      .filter({ hasText: COMMITMENT });
    await lastTime.waitFor({ timeout: poll.timeout });
    expect(await lastTime.textContent()).toContain('made at the last one-on-one');
    expect(await page.getByTestId('notes').inputValue()).toBe('');
    expect(await page.getByTestId('history-item').first().textContent()).toContain(NOTE);

    // And it stays so after a reload: the record is in the workspace, not in the page.
    await page.reload();
    await openPrep();
    expect(await page.getByTestId('last-notes').textContent()).toBe(NOTE);
  });
});

describe('ramp of new hires', () => {
  it('shows the new hires against earlier hires, month by month', async () => {
    await page.goto(`${base()}#/ramp`);
    await page.getByTestId('ramp-content').waitFor({ timeout: poll.timeout });
    const hires = await page.getByTestId('ramp-hire').allTextContents();
    expect(hires.some((h) => h.includes('Amara Nwosu'))).toBe(true);
    expect(hires.some((h) => h.includes('Mateo Rossi'))).toBe(true);
    expect(await page.getByTestId('ramp-chart').count()).toBe(3);
    const rows = await page.getByTestId('ramp-row').allTextContents();
    expect(rows.filter((r) => r.includes('Amara Nwosu')).length).toBeGreaterThanOrEqual(4);
    expect(rows.filter((r) => r.includes('Mateo Rossi')).length).toBeGreaterThanOrEqual(2);
  });
});
