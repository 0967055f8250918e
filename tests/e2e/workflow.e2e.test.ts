import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/workspace';
import { poll, type RunningApp, startApp } from './harness';

/**
 * RevOps on the demo workspace: relaxes the Lead stage's first-call deadline, saves it as version 2,
 * sees the team's compliance change on the Execution screen, then makes version 1 current again.
 */

let app: RunningApp;
let page: Page;
const files = tempFolder();

function navLink(name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

async function openWorkflow(): Promise<void> {
  await navLink('Workflow').click();
  await expect
    .poll(() => page.getByRole('heading', { name: 'Workflow', level: 1 }).isVisible(), poll)
    .toBe(true);
  await expect.poll(() => page.getByTestId('workflow-current').isVisible(), poll).toBe(true);
}

/** The team figure on the Execution screen over the last 4 quarters, once it is for `version`. */
async function teamCompliance(version: number): Promise<string> {
  await navLink('Execution').click();
  await expect.poll(() => page.getByRole('heading', { name: 'Execution' }).isVisible(), poll).toBe(true);
  await page.getByRole('button', { name: 'Last 4 quarters' }).click();
  const select = page.getByLabel('Workflow version');
  await expect
    .poll(async () => (await select.locator('option:checked').textContent()) ?? '', poll)
    .toMatch(new RegExp(`^Version ${version}\\b`));
  const figure = page.getByTestId('team-compliance');
  await expect.poll(() => figure.textContent(), poll).toMatch(/^\d+(\.\d)?%$/);
  return (await figure.textContent())!;
}

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  files.remove();
});

describe('Editing the workflow in the demo workspace', () => {
  let before = '';
  let after = '';

  it('shows version 1 as current, with its stages and versions', async () => {
    before = await teamCompliance(1);

    await openWorkflow();
    expect(await page.getByTestId('workflow-current').textContent()).toContain('Version 1');
    await expect.poll(() => page.getByTestId('workflow-version').count(), poll).toBe(1);
    expect(await page.getByRole('button', { name: /^Lead\b/ }).getAttribute('aria-expanded')).toBe('false');
  });

  it('refuses to save an invalid change and says where the problem is', async () => {
    await page.getByRole('button', { name: /^Lead\b/ }).click();
    const call = page.getByRole('group', { name: /Call within 2 hours/ });
    const deadline = call.getByLabel('Deadline');
    expect(await deadline.inputValue()).toBe('2');

    await deadline.fill('-4');
    await expect.poll(() => page.getByTestId('workflow-dirty').isVisible(), poll).toBe(true);
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await expect
      .poll(() => page.getByTestId('workflow-issue').allTextContents(), poll)
      .toEqual(['Stage 1 (Lead) → Required action 1 → Deadline: must be positive']);
    expect(await deadline.getAttribute('aria-invalid')).toBe('true');
    // Nothing was sent: the workflow is still at version 1.
    expect(await page.getByTestId('workflow-current').textContent()).toContain('Version 1');
  });

  it('saves the relaxed deadline as version 2 with a note', async () => {
    const call = page.getByRole('group', { name: /Call within 2 hours/ });
    await call.getByLabel('Deadline').fill('48');
    await expect.poll(() => page.getByTestId('workflow-issue').count(), poll).toBe(0);
    await page
      .getByLabel('Note: what changed and why')
      .fill('First call within 48 hours: the 2-hour rule is unrealistic');
    await page.getByRole('button', { name: 'Save as version 2' }).click();

    await expect.poll(() => page.getByTestId('workflow-current').textContent(), poll).toContain('Version 2');
    expect(await page.getByTestId('workflow-current').textContent()).toContain(
      'the 2-hour rule is unrealistic',
    );
    await expect.poll(() => page.getByTestId('workflow-dirty').count(), poll).toBe(0);
    await expect.poll(() => page.getByTestId('workflow-version').count(), poll).toBe(2);
    const newest = page.getByTestId('workflow-version').first();
    expect(await newest.textContent()).toMatch(/Version 2\s*Current/);
    // The saved rule is what the editor shows now.
    expect(
      await page
        .getByRole('group', { name: /Call within 2 hours/ })
        .getByLabel('Deadline')
        .inputValue(),
    ).toBe('48');
  });

  it('changes the team compliance on the Execution screen', async () => {
    after = await teamCompliance(2);
    expect(after).not.toBe(before);
    expect(Number.parseFloat(after)).toBeGreaterThan(Number.parseFloat(before));
  });

  it('makes version 1 current again, and the compliance figure returns to its old value', async () => {
    await openWorkflow();
    await page.getByRole('button', { name: 'Make version 1 current' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make version 1 current again?' });
    await expect.poll(() => dialog.isVisible(), poll).toBe(true);
    expect(await dialog.textContent()).toContain('judge deals by the rules of version 1');
    await dialog.getByRole('button', { name: 'Make version 1 current' }).click();
    await expect.poll(() => page.getByTestId('workflow-current').textContent(), poll).toContain('Version 1');

    expect(await teamCompliance(1)).toBe(before);
    // Version 2 is still there to compare against.
    const select = page.getByLabel('Workflow version');
    const version2 = await select.locator('option', { hasText: /^Version 2\b/ }).getAttribute('value');
    await select.selectOption(version2!);
    await expect.poll(() => page.getByTestId('team-compliance').textContent(), poll).toBe(after);
  });

  it('exports the current version as JSON and YAML, refuses a broken file and loads a good one as unsaved changes', async () => {
    await openWorkflow();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('stagecoach-workflow-v1.json');
    const exported = join(files.dir, download.suggestedFilename());
    await download.saveAs(exported);
    const text = readFileSync(exported, 'utf8');
    expect(text).toContain('\n  "stages": [');
    const definition = JSON.parse(text) as {
      stages: { targetDays?: number; requiredActions: { withinHours?: number }[] }[];
    };
    expect(definition.stages[0]!.requiredActions[0]!.withinHours).toBe(2);

    const [yamlDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export YAML' }).click(),
    ]);
    expect(yamlDownload.suggestedFilename()).toBe('stagecoach-workflow-v1.yaml');
    const yamlPath = join(files.dir, yamlDownload.suggestedFilename());
    await yamlDownload.saveAs(yamlPath);
    expect(readFileSync(yamlPath, 'utf8')).toContain('name: Default B2B workflow');

    const chooser = page.getByLabel('Choose a workflow JSON or YAML file to import');
    definition.stages[1]!.requiredActions[0]!.withinHours = -1;
    const broken = join(files.dir, 'broken.json');
    writeFileSync(broken, JSON.stringify(definition));
    await chooser.setInputFiles(broken);
    const issues = page.getByTestId('workflow-file-issue-list');
    await expect
      .poll(() => issues.textContent(), poll)
      .toContain('Stage 2 (Discovery) → Required action 1 → Deadline: must be positive');
    expect(await page.getByTestId('workflow-dirty').count()).toBe(0);

    definition.stages[1]!.requiredActions[0]!.withinHours = 96;
    const good = join(files.dir, 'good.json');
    writeFileSync(good, JSON.stringify(definition));
    await chooser.setInputFiles(good);
    await expect.poll(() => page.getByTestId('workflow-dirty').isVisible(), poll).toBe(true);
    await page.getByRole('button', { name: /^Discovery\b/ }).click();
    expect(
      await page
        .getByRole('group', { name: /Discovery call within 3 days/ })
        .getByLabel('Deadline')
        .inputValue(),
    ).toBe('96');
    // Imported, not saved: version 1 is still current until the user saves it with a note.
    expect(await page.getByTestId('workflow-current').textContent()).toContain('Version 1');
  });
});
