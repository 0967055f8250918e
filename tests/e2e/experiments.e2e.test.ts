import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testNow } from '../helpers/clock';
import { poll, type RunningApp, startApp } from './harness';

/**
 * Sales leadership on the demo workspace: picks the top bottleneck candidate, plans a treatment vs
 * control experiment on last quarter's data, reads its results and decides to refine it; then
 * plans a second one on a new workflow version and adopts it, which makes that version current.
 */

let app: RunningApp;
let page: Page;

/** "2026-Q3" of the quarter `steps` from today's (the screens use the computer's local date). */
function quarterFromToday(steps: number): { value: string; name: string } {
  const now = new Date(testNow);
  const index = now.getFullYear() * 4 + Math.floor(now.getMonth() / 3) + steps;
  const year = Math.floor(index / 4);
  const q = (index % 4) + 1;
  return { value: `${year}-Q${q}`, name: `Q${q} ${year}` };
}

const lastQuarter = quarterFromToday(-1);

function navLink(name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

async function openExperiments(): Promise<void> {
  await navLink('Experiments').click();
  await expect
    .poll(() => page.getByRole('heading', { name: 'Experiments', level: 1 }).isVisible(), poll)
    .toBe(true);
  await expect.poll(() => page.getByTestId('experiment-card').count(), poll).toBeGreaterThan(0);
}

async function selectedText(select: Locator): Promise<string> {
  return ((await select.locator('option:checked').textContent()) ?? '').trim();
}

/** The experiment page's primary result: an effect with its interval, or the not-enough-data state with N. */
async function expectPrimaryResult(): Promise<void> {
  const primary = page.getByTestId('primary-result');
  await expect.poll(() => primary.isVisible(), poll).toBe(true);
  const sides = primary.getByTestId('metric-side');
  expect(await sides.count()).toBe(2);
  for (const text of await sides.allTextContents()) expect(text).toMatch(/n = [\d,]+/);
  if ((await primary.getByTestId('not-enough-data').count()) > 0) {
    expect(await primary.getByTestId('not-enough-data').textContent()).toMatch(
      /Not enough data yet — [\d,]+ more \w+/,
    );
    expect(await primary.getByTestId('effect-interval').count()).toBe(0);
  } else {
    expect(await primary.getByTestId('effect-figure').textContent()).toMatch(
      /^[+−]?[\d.,]+ (pts|d), 95% CI [+−]?[\d.,]+ to [+−]?[\d.,]+$/,
    );
    expect(await primary.getByTestId('effect-interval').isVisible()).toBe(true);
    expect(await primary.textContent()).toMatch(/p [=<] 0\.\d+/);
    expect(await primary.getByTestId('metric-verdict').textContent()).toMatch(
      /^(Improved|Worse|No clear change)$/,
    );
  }
}

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('Quarterly experiments in the demo workspace', () => {
  let candidateStage = '';
  let candidateMetric = '';
  let firstUrl = '';

  it('shows the quarter board and the ranked bottleneck candidates', async () => {
    await openExperiments();
    await expect
      .poll(
        () => page.getByRole('heading', { name: /^Bottleneck candidates for Q[1-4] \d{4}$/ }).count(),
        poll,
      )
      .toBe(1);
    await expect.poll(() => page.getByTestId('bottleneck-candidate').count(), poll).toBeGreaterThan(2);
    // The demo's concluded experiment sits under its quarter with its decision.
    const concluded = page.getByTestId('experiment-card').filter({ hasText: 'Demo recap within 24 hours' });
    expect(await concluded.getByTestId('experiment-decision').textContent()).toBe('Refine');
    expect(await concluded.getByTestId('experiment-status').textContent()).toBe('Concluded');
  });

  it('opens the form prefilled from the top candidate', async () => {
    const top = page.getByTestId('bottleneck-candidate').first();
    candidateStage = ((await top.locator('.chip').textContent()) ?? '').trim();
    candidateMetric = ((await top.locator('.exp-candidate-metric').textContent()) ?? '').trim();
    expect(candidateStage).not.toBe('');
    await top.getByRole('link', { name: 'Design an experiment' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'New experiment', level: 1 }).isVisible(), poll)
      .toBe(true);
    expect(page.url()).toContain('#/experiments/new?stage=');
    await expect.poll(() => page.getByLabel('Bottleneck stage').isVisible(), poll).toBe(true);
    expect(await selectedText(page.getByLabel('Bottleneck stage'))).toBe(candidateStage);
    expect(await selectedText(page.getByLabel('Where it shows'))).toBe(candidateMetric);
    expect(await selectedText(page.getByLabel('Primary metric'))).toBe(candidateMetric);
    expect(await selectedText(page.getByLabel('Quarter'))).toBe(quarterFromToday(1).name);
  });

  it('says which field is wrong, then saves a treatment vs control plan', async () => {
    await page.getByRole('button', { name: 'Save experiment' }).click();
    await expect
      .poll(() => page.getByTestId('field-issue').allTextContents(), poll)
      .toEqual(['Give the experiment a title']);
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Title').fill(`Fix ${candidateStage}: ${candidateMetric}`);
    await page.getByLabel('Quarter').selectOption(lastQuarter.value);
    // The window follows the quarter.
    expect(await page.getByLabel('Starts on').inputValue()).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    await page
      .getByLabel('Hypothesis')
      .fill(`A clearer checklist in ${candidateStage} moves the figure in the right direction.`);
    await page
      .getByLabel('What changes')
      .fill('Team North runs the new checklist; Team South works as before.');
    await page.getByRole('button', { name: /Treatment vs control/ }).click();
    const teams = page.locator('.exp-reps-team');
    await expect.poll(() => teams.count(), poll).toBeGreaterThan(1);
    await teams.nth(0).getByRole('button', { name: 'All in treatment' }).click();
    await teams.nth(1).getByRole('button', { name: 'All in control' }).click();
    expect(await page.locator('.exp-reps-summary').textContent()).toMatch(
      /Treatment: \d+ reps.*Control: \d+ reps/,
    );

    await page.getByRole('button', { name: 'Save experiment' }).click();
    await expect.poll(() => page.url(), poll).toMatch(/#\/experiments\/\d+$/);
    firstUrl = page.url();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), poll)
      .toBe(`Fix ${candidateStage}: ${candidateMetric}`);
  });

  it('shows baseline and result side by side with the effect and its interval', async () => {
    await expectPrimaryResult();
    expect(await page.getByTestId('primary-result').textContent()).toContain('Control:');
    expect(await page.getByTestId('primary-result').textContent()).toContain('Treatment:');
    // Win rate is the default guardrail.
    expect(await page.getByTestId('guardrail-result').count()).toBe(1);
  });

  it('records a decision to refine it', async () => {
    await page.getByRole('radio', { name: /Refine/ }).check();
    await page.getByLabel('Note').fill('Promising in one team; tighten the checklist and run it again.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    const recorded = page.getByTestId('decision-recorded');
    await expect.poll(() => recorded.isVisible(), poll).toBe(true);
    expect(await recorded.getByTestId('experiment-decision').textContent()).toBe('Refine');
    expect(await recorded.textContent()).toContain('tighten the checklist');
    await expect
      .poll(() => page.locator('.exp-detail-badges').getByTestId('experiment-status').textContent(), poll)
      .toBe('Concluded');
  });

  it('adopts a second experiment, which makes its workflow version current', async () => {
    // RevOps saves the change as version 2, and the team keeps running version 1 until it is adopted.
    await navLink('Workflow').click();
    await expect.poll(() => page.getByTestId('workflow-current').isVisible(), poll).toBe(true);
    await page.getByRole('button', { name: /^Lead\b/ }).click();
    await page
      .getByRole('group', { name: /Call within 2 hours/ })
      .getByLabel('Deadline')
      .fill('24');
    await page
      .getByLabel('Note: what changed and why')
      .fill('First call within 24 hours, for the experiment');
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await expect.poll(() => page.getByTestId('workflow-current').textContent(), poll).toContain('Version 2');
    await page.getByRole('button', { name: 'Make version 1 current' }).click();
    await page
      .getByRole('dialog', { name: 'Make version 1 current again?' })
      .getByRole('button', { name: 'Make version 1 current' })
      .click();
    await expect.poll(() => page.getByTestId('workflow-current').textContent(), poll).toContain('Version 1');
    await expect.poll(() => page.locator('.topbar-facts').textContent(), poll).toMatch(/· v1$/);

    await openExperiments();
    await page.getByRole('link', { name: 'New experiment' }).click();
    await expect.poll(() => page.getByLabel('Title').isVisible(), poll).toBe(true);
    await page.getByLabel('Title').fill('First call within 24 hours');
    await page.getByLabel('Quarter').selectOption(lastQuarter.value);
    await page.getByLabel('Bottleneck stage').selectOption({ label: 'Lead' });
    const version = page.getByLabel('Workflow version with the change');
    const v2 = await version.locator('option', { hasText: /^Version 2\b/ }).getAttribute('value');
    await version.selectOption(v2!);
    await page.getByRole('button', { name: 'Save experiment' }).click();
    await expect.poll(() => page.url(), poll).toMatch(/#\/experiments\/\d+$/);
    await expect.poll(() => page.getByTestId('plan-version').textContent(), poll).toBe('Version 2');
    await expectPrimaryResult();

    await page.getByRole('radio', { name: /Adopt/ }).check();
    await page.getByLabel('Note').fill('Faster first calls and no harm to win rate: everyone does it.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adopt and make version 2 current?' });
    await expect.poll(() => dialog.isVisible(), poll).toBe(true);
    expect(await dialog.textContent()).toContain('judges deals by its rules');
    await dialog.getByRole('button', { name: 'Adopt and make version 2 current' }).click();
    const recorded = page.getByTestId('decision-recorded');
    await expect.poll(() => recorded.isVisible(), poll).toBe(true);
    expect(await recorded.getByTestId('experiment-decision').textContent()).toBe('Adopt');
    await expect.poll(() => page.locator('.topbar-facts').textContent(), poll).toMatch(/· v2$/);

    await navLink('Workflow').click();
    await expect.poll(() => page.getByTestId('workflow-current').textContent(), poll).toContain('Version 2');
  });

  it('shows both experiments under their quarter with their decisions', async () => {
    await openExperiments();
    const quarter = page.getByRole('region', { name: lastQuarter.name, exact: true });
    await expect.poll(() => quarter.getByTestId('experiment-card').count(), poll).toBeGreaterThanOrEqual(2);
    const refined = quarter
      .getByTestId('experiment-card')
      .filter({ hasText: `Fix ${candidateStage}: ${candidateMetric}` });
    expect(await refined.getByTestId('experiment-decision').textContent()).toBe('Refine');
    expect(await refined.getByTestId('experiment-summary').textContent()).toMatch(/\S/);
    const adopted = quarter.getByTestId('experiment-card').filter({ hasText: 'First call within 24 hours' });
    expect(await adopted.getByTestId('experiment-decision').textContent()).toBe('Adopt');
    await refined.getByRole('link').first().click();
    await expect.poll(() => page.url(), poll).toBe(firstUrl);
  });

  it('lists them on last quarter’s team scorecard and its printed summary', async () => {
    await navLink('Scorecards').click();
    await expect.poll(() => page.getByTestId('scorecard-experiments').isVisible(), poll).toBe(true);
    await page.getByRole('button', { name: 'Previous quarter' }).click();
    const panel = page.getByTestId('scorecard-experiments');
    await expect
      .poll(() => panel.getByTestId('scorecard-experiment').allTextContents(), poll)
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('First call within 24 hours'),
          expect.stringContaining(`Fix ${candidateStage}: ${candidateMetric}`),
        ]),
      );
    const adopted = panel
      .getByTestId('scorecard-experiment')
      .filter({ hasText: 'First call within 24 hours' });
    expect(await adopted.getByTestId('experiment-decision').textContent()).toBe('Adopt');

    const query = new URL(page.url()).hash.split('?')[1] ?? '';
    await page.goto(`${app.url.split('?')[0]}#/print/team?${query}`);
    const printed = page.getByTestId('print-team-sheet').getByTestId('scorecard-experiment');
    await expect.poll(() => printed.filter({ hasText: 'First call within 24 hours' }).count(), poll).toBe(1);
    // On paper the titles are text, not links.
    expect(
      await page
        .getByTestId('print-team-sheet')
        .getByTestId('scorecard-experiments')
        .getByRole('link')
        .count(),
    ).toBe(0);
  });
});
