import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testNow } from '../helpers/clock';
import { poll, type RunningApp, startApp } from './harness';

/**
 * A coach on a fresh demo workspace logs an observation without touching the mouse, finds it in
 * the list, edits it, deletes it and undoes the delete; a half-typed observation survives a reload.
 */

let app: RunningApp;
let page: Page;

const COACH = 'Priya Shah';

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

function hash(path: string): string {
  return `${app.url.split('?')[0]}#${path}`;
}

async function focusedId(): Promise<string> {
  return (await page.locator(':focus').getAttribute('id', { timeout: 2000 })) ?? '';
}

/** The name of the checklist or rubric line the focus is on. */
async function focusedLabel(): Promise<string> {
  return page
    .locator(':focus')
    .evaluate((element) => element.closest('[role="radiogroup"]')?.getAttribute('aria-label') ?? '');
}

async function focusedText(): Promise<string> {
  return ((await page.locator(':focus').textContent()) ?? '').trim();
}

async function count(): Promise<string> {
  return ((await page.getByTestId('observations-count').textContent()) ?? '').trim();
}

async function rowTexts(): Promise<string[]> {
  return (await page.getByTestId('observation-row').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
}

/** Picks the highlighted option of the open list, once it shows `name`. */
async function pickOption(name: string | RegExp): Promise<void> {
  await page.getByRole('option', { name }).first().waitFor(poll);
  await page.keyboard.press('Enter');
}

/** Yesterday as the form's "y" reads it: the local calendar day before today. */
function yesterday(): string {
  const d = new Date(testNow);
  d.setDate(d.getDate() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** How many observations Tom Becker's scorecard counts for the month of yesterday. */
async function tomsScorecardObservations(): Promise<number> {
  await page.goto(hash(`/scorecards?period=month&at=${yesterday()}`));
  await page.getByRole('link', { name: 'Tom Becker', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Tom Becker' }).waitFor(poll);
  const none = page.getByText('No shadowing observations dated in this period.');
  const some = page.getByRole('heading', { level: 3, name: /^Rubric, \d+ observations?$/ });
  await expect.poll(async () => (await none.count()) + (await some.count()), poll).toBe(1);
  if ((await none.count()) === 1) return 0;
  return Number(/\d+/.exec((await some.textContent()) ?? '')![0]);
}

let dealName = '';
let observedOn = '';

describe('observations in the demo workspace', () => {
  it('lists the demo’s observations, newest first', async () => {
    await page.goto(hash('/observations'));
    await expect.poll(() => page.getByTestId('observation-row').count(), poll).toBe(20);
    expect(await count()).toBe('20 observations');
    const headers = await page.getByRole('columnheader').allTextContents();
    expect(headers.slice(0, 5)).toEqual(['Observed', 'Rep', 'Deal', 'Stage', 'Coach']);
  });

  let scoredBefore = 0;

  it('reads how many observations Tom Becker’s scorecard counts this month, before', async () => {
    scoredBefore = await tomsScorecardObservations();
    await page.goto(hash('/observations'));
    await expect.poll(() => page.getByTestId('observation-row').count(), poll).toBe(20);
  });

  it('logs an observation with the keyboard only', async () => {
    await page.keyboard.press('n');
    await page.getByRole('heading', { level: 1, name: 'Log an observation' }).waitFor(poll);
    await expect.poll(focusedId, poll).toBe('obs-rep');

    await page.keyboard.type('Tom Be');
    await pickOption('Tom Becker');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('obs-deal');
    await page.keyboard.press('ArrowDown'); // the rep's open deals, most recently moved first
    await page.getByRole('listbox').getByRole('option').first().waitFor(poll);
    dealName = (
      (await page
        .getByRole('listbox')
        .getByRole('option')
        .first()
        .locator('.combo-option-label')
        .textContent()) ?? ''
    ).trim();
    await page.keyboard.press('Enter');
    expect(await page.locator('#obs-deal').inputValue()).toBe(dealName);

    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('obs-date');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('y');
    await page.keyboard.press('Tab'); // "y" becomes yesterday's date
    observedOn = await page.locator('#obs-date').inputValue();
    expect(observedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The stage follows the deal: where it was on that day.
    expect(await focusedId()).toBe('obs-stage');
    await expect.poll(() => page.locator('#obs-stage').inputValue(), poll).not.toBe('');
    const stageName = ((await page.locator('#obs-stage option:checked').textContent()) ?? '').trim();

    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('obs-coach');
    await page.keyboard.type(COACH);
    await page.keyboard.press('Tab');

    // The stage's checklist: one key per line marks it and moves to the next.
    const lines = await page.locator('[id^="obs-check-"]').count();
    expect(lines).toBeGreaterThan(1);
    expect(await focusedLabel()).toMatch(/not marked$/);
    const marks = ['d', 'p', 's', 'n'];
    for (let i = 0; i < lines; i++) await page.keyboard.press(marks[i % marks.length]!);
    for (let i = 0; i < lines; i++)
      expect(await page.locator(`#obs-check-${i} [aria-checked="true"]`).count(), `line ${i}`).toBe(1);
    expect(await page.locator('#obs-check-0').getAttribute('aria-label')).toMatch(/: Done$/);
    expect(await page.locator('#obs-check-1').getAttribute('aria-label')).toMatch(/: Partial$/);

    // The rubric: 1–5 per line.
    expect(await focusedLabel()).toMatch(/^Discovery questions: not scored$/);
    for (const score of ['4', '3', '5', '2', '4']) await page.keyboard.press(score);
    expect(await page.locator('#obs-score-2').getAttribute('aria-label')).toBe('Objection handling: 5 of 5');

    expect(await focusedId()).toBe('obs-tags');
    await page.keyboard.type('outd');
    await pickOption('outdated deck');
    await page.keyboard.type('Shared the screen too early');
    await pickOption('Add “Shared the screen too early”');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('obs-notes');
    await page.keyboard.type('Opened with last year’s deck; the recap came two days late.');

    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('obs-add-commitment');
    await page.keyboard.press('Enter');
    await expect.poll(focusedId, poll).toBe('obs-commitment-0-text');
    await page.keyboard.type('Use the current demo deck');
    await page.keyboard.press('Enter'); // the next commitment
    await expect.poll(focusedId, poll).toBe('obs-commitment-1-text');
    await page.keyboard.type('Send the recap the same day');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('+1w');

    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { level: 1, name: 'Observations' }).waitFor(poll);
    await page.getByText(/^Saved the observation of Tom Becker on /).waitFor(poll);
    await expect.poll(count, poll).toBe('21 observations');
    const saved = page.locator('tr.selected');
    expect(await saved.count()).toBe(1);
    const text = ((await saved.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Tom Becker');
    expect(text).toContain(dealName);
    expect(text).toContain(COACH);
    expect(text).toContain(stageName);
    // Two commitments; the checklist counts done lines among those judged (n.a. left out).
    expect(await saved.getByRole('cell').nth(8).textContent()).toBe('2');
    const done = Math.ceil(lines / 4);
    const judged = lines - Math.floor(lines / 4);
    expect(await saved.locator('.checklist-count').textContent()).toMatch(new RegExp(`^${done}/${judged}`));
  });

  it('shows the new observation in Tom Becker’s scorecard', async () => {
    expect(observedOn).toBe(yesterday());
    expect(await tomsScorecardObservations()).toBe(scoredBefore + 1);
    await page.goto(hash('/observations'));
    await expect.poll(count, poll).toBe('21 observations');
  });

  it('filters the list by coach, tag and date', async () => {
    await page.getByRole('button', { name: /^Coach / }).click();
    await page.getByRole('checkbox', { name: COACH }).click();
    await expect.poll(() => page.url(), poll).toContain('coach=Priya+Shah');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('observation-row').count(), poll).toBe(1);
    expect(await count()).toBe('1 observation');

    await page.getByRole('button', { name: /^Tag / }).click();
    await page.getByRole('checkbox', { name: /^outdated deck/ }).click();
    await expect.poll(() => page.url(), poll).toContain('tag=outdated+deck');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('observation-row').count(), poll).toBe(1);

    // Coach and tag together, then the tag alone.
    await page.getByRole('button', { name: /^Coach / }).click();
    const coach = page.getByRole('checkbox', { name: COACH });
    await expect.poll(() => coach.isChecked(), poll).toBe(true);
    await coach.click();
    // The filter lives in the address: wait for it to drop the coach before closing the menu.
    await expect.poll(() => page.url(), poll).not.toContain('coach=');
    await page.keyboard.press('Escape');
    // The demo's own observations may or may not carry this tag (it is generated for today), so
    // the list is read for what it says: every row shows the tag, ours among them.
    await expect.poll(() => page.getByTestId('observation-row').count(), poll).toBeGreaterThanOrEqual(1);
    const tagged = await rowTexts();
    expect(tagged.some((row) => row.includes(COACH))).toBe(true);
    for (const row of tagged) expect(row.toLowerCase()).toMatch(/outdated deck|\+\d/);

    await page.getByLabel('Observed from').fill(observedOn);
    await expect.poll(() => page.url(), poll).toContain(`from=${observedOn}`);
    await expect.poll(() => page.getByTestId('observation-row').count(), poll).toBe(1);
    await page.getByRole('button', { name: 'clear filters' }).click();
    await expect.poll(count, poll).toBe('21 observations');
  });

  let editUrl = '';

  it('opens an observation and edits it', async () => {
    const row = page.getByTestId('observation-row').filter({ hasText: COACH });
    await row.getByRole('link', { name: /\d{4}$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit observation' }).waitFor(poll);
    editUrl = page.url();
    expect(await page.locator('#obs-rep').inputValue()).toBe('Tom Becker');
    expect(await page.locator('#obs-deal').inputValue()).toBe(dealName);
    expect(await page.locator('#obs-coach').inputValue()).toBe(COACH);
    expect(await page.locator('#obs-date').inputValue()).toBe(observedOn);
    expect(await page.locator('#obs-notes').inputValue()).toMatch(/^Opened with last year’s deck/);
    expect(await page.locator('#obs-score-0').getAttribute('aria-label')).toBe('Discovery questions: 4 of 5');
    expect(await page.locator('#obs-commitment-1-text').inputValue()).toBe('Send the recap the same day');

    await page.locator('#obs-notes').fill('Deck fixed for the next call; recap still late.');
    await page.getByRole('button', { name: 'Remove commitment 1' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/^Saved the observation of Tom Becker/).waitFor(poll);
    const saved = page.locator('tr.selected');
    await expect.poll(() => saved.getByRole('cell').nth(8).textContent(), poll).toBe('1');

    await page.goto(editUrl);
    await page.getByRole('heading', { level: 1, name: 'Edit observation' }).waitFor(poll);
    expect(await page.locator('#obs-notes').inputValue()).toBe(
      'Deck fixed for the next call; recap still late.',
    );
    expect(await page.locator('#obs-commitment-0-text').inputValue()).toBe('Send the recap the same day');
    expect(await page.locator('#obs-commitment-1-text').count()).toBe(0);
  });

  it('opens the deal of an observation', async () => {
    await page.getByRole('link', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: dealName }).waitFor(poll);
    expect(page.url()).toMatch(/#\/deals\/\d+$/);
    // The deal page lists what coaches saw on it, and starts the next observation of it.
    const seen = page.getByTestId('deal-observation').filter({ hasText: COACH });
    await expect.poll(() => seen.count(), poll).toBe(1);
    await page.getByRole('link', { name: 'Log an observation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log an observation' }).waitFor(poll);
    await expect.poll(() => page.locator('#obs-rep').inputValue(), poll).toBe('Tom Becker');
    await expect.poll(() => page.locator('#obs-deal').inputValue(), poll).toBe(dealName);
    await page.goto(editUrl);
    await page.getByRole('heading', { level: 1, name: 'Edit observation' }).waitFor(poll);
  });

  it('deletes it, and Undo brings it back', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText(/^Deleted the observation of Tom Becker/).waitFor(poll);
    await expect.poll(count, poll).toBe('20 observations');
    expect((await rowTexts()).some((row) => row.includes(COACH))).toBe(false);

    // The focus waits on Undo.
    expect(await focusedText()).toBe('Undo');
    await page.keyboard.press('Enter');
    await page.getByText(/^Restored the observation of Tom Becker/).waitFor(poll);
    await expect.poll(count, poll).toBe('21 observations');
    expect((await rowTexts()).some((row) => row.includes(COACH))).toBe(true);
  });

  it('keeps a half-typed observation through a page reload, as a draft to resume', async () => {
    await page.keyboard.press('n');
    await expect.poll(focusedId, poll).toBe('obs-rep');
    await page.keyboard.type('Amara');
    await pickOption('Amara Nwosu');
    await page.locator('#obs-notes').focus();
    await page.keyboard.type('Typed before the window closed');
    await expect.poll(() => page.getByTestId('draft-status').textContent(), poll).toMatch(/^Draft saved/);

    await page.reload();
    await page.getByRole('heading', { name: 'You have an unsaved draft' }).waitFor(poll);
    expect(await page.getByRole('region', { name: 'You have an unsaved draft' }).textContent()).toContain(
      'Amara Nwosu',
    );
    expect(await focusedText()).toBe('Resume draft');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#obs-notes').inputValue(), poll)
      .toBe('Typed before the window closed');
    expect(await page.locator('#obs-rep').inputValue()).toBe('Amara Nwosu');

    // Escape, then discarding, drops the draft: the next new observation starts empty.
    await page.locator('#obs-notes').focus();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Observations' }).waitFor(poll);
    await page.keyboard.press('n');
    await expect.poll(focusedId, poll).toBe('obs-rep');
    expect(await page.getByRole('heading', { name: 'You have an unsaved draft' }).count()).toBe(0);
    expect(await page.locator('#obs-notes').inputValue()).toBe('');
  });
});
