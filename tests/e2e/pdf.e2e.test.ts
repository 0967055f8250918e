import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfExportRequest, PdfScorecardScope } from '@shared/api/bridge';
import type { ApiResult } from '@shared/api/envelope';
import { type EngineCall, type ExportPlan, planExport } from '../../src/main/pdf/exportPlans';
import { type PdfJob, runPdfJobs } from '../../src/main/pdf/pdfJobs';
import { playwrightPrintPage } from '../../src/main/pdf/playwrightPrintPage';
import { createRouteRenderer } from '../../src/main/pdf/routeRenderer';
import { tempFolder } from '../helpers/workspace';
import { openPage, poll, type RunningApp, startApp } from './harness';

/**
 * A sales manager exports scorecards as PDFs: one rep's, and the whole team's for leadership.
 * The PDFs are made as the desktop app makes them — the same export plans, job runner and print
 * routes — with Chromium's page.pdf() in place of Electron's printToPDF, then read back with
 * poppler (pdfinfo, pdftotext, pdftoppm) as a person would open them.
 */

let app: RunningApp;
let page: Page;
let folder: ReturnType<typeof tempFolder>;
let render: ReturnType<typeof createRouteRenderer>;
let call: EngineCall;
/** The whole quarter the test works on, as the team scorecard screen shows it. */
let scope: PdfScorecardScope;
/** The reps of the team scorecard, as the screen lists them. */
let teamNames: string[] = [];

function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path]).toString();
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

function pdfText(path: string, pageNumber?: number): string {
  const range = pageNumber === undefined ? [] : ['-f', String(pageNumber), '-l', String(pageNumber)];
  return execFileSync('pdftotext', [...range, path, '-']).toString();
}

/** The page the contents give for an entry: the number ending its line, or one of the next two. */
function tocPage(layoutText: string, entry: string): number | null {
  const lines = layoutText.split('\n');
  const at = lines.findIndex((line) => line.trim().startsWith(entry));
  for (const line of lines.slice(at, at + 3)) {
    const page = /\s(\d+)\s*$/.exec(line)?.[1];
    if (at >= 0 && page) return Number(page);
  }
  return null;
}

/** Turns every page into a PNG at 50 dpi, as a preview would; answers how many there are. */
function pngPages(path: string, dir: string): number {
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '50', path, join(dir, 'page')]);
  return readdirSync(dir).filter((name) => name.endsWith('.png')).length;
}

/** Plans an export through the engine and runs it into `dir`, as the desktop app does after its dialog. */
async function exportTo(
  request: PdfExportRequest,
  dir: string,
): Promise<{ plan: ExportPlan; files: string[] }> {
  const plan = await planExport(request, call);
  const jobs: PdfJob[] = plan.target === 'file' ? [{ ...plan.job, fileName: plan.defaultName }] : plan.jobs;
  const target = plan.target === 'file' ? dir : join(dir, plan.folderName);
  mkdirSync(target, { recursive: true });
  const result = await runPdfJobs(jobs, {
    render,
    write: (fileName, pdf) => {
      const path = join(target, fileName);
      writeFileSync(path, pdf);
      return Promise.resolve(path);
    },
  });
  expect(result.status).toBe('saved');
  return { plan, files: result.files };
}

beforeAll(async () => {
  app = await startApp();
  page = app.page;
  folder = tempFolder();
  const origin = new URL(app.url).origin;
  const token = new URL(app.url).searchParams.get('token') ?? '';
  call = async (method, input) => {
    const response = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    return (await response.json()) as ApiResult<unknown>;
  };
  const printPage = await openPage(app.browser, { width: 1000, height: 1400 });
  render = createRouteRenderer(playwrightPrintPage(printPage, app.url));
});

afterAll(async () => {
  await app?.close();
  folder?.remove();
});

describe('PDF exports of the scorecards', () => {
  it('prints a rep’s scorecard from the screen in a new tab, without the app around it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scorecards' }).click();
    await expect.poll(() => page.getByTestId('scorecard-rep-row').count(), poll).toBeGreaterThan(4);
    const current = await page.getByTestId('scorecard-period').textContent();
    await page.getByRole('button', { name: 'Previous quarter' }).click();
    await expect.poll(() => page.getByTestId('scorecard-period').textContent(), poll).not.toBe(current);
    const shown = (await page.getByTestId('scorecard-period').textContent()) ?? '';
    await expect.poll(() => page.getByTestId('scorecard-period-shown').textContent(), poll).toContain(shown);
    await expect.poll(() => page.locator('.scorecard-content.stale').count(), poll).toBe(0);
    const at = new URL(page.url().replace('#', '')).searchParams.get('at');
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    scope = { kind: 'quarter', at: at!, versionId: null, teams: [] };
    teamNames = await page.getByTestId('scorecard-rep-row').getByRole('link').allTextContents();
    expect(teamNames).toContain('Zoë Müller');
    expect(teamNames).toContain('李娜');

    await page
      .getByTestId('scorecard-rep-row')
      .getByRole('link', { name: 'Zoë Müller', exact: true })
      .click();
    await expect.poll(() => page.getByTestId('rep-name').textContent(), poll).toBe('Zoë Müller');
    // The browser's print dialog is the browser's: record that the page asked for it (the
    // scripts run in the page; the test's own types have no DOM).
    await page.context().addInitScript({
      content: "window.print = () => { document.body.dataset.printed = 'yes'; };",
    });
    const opened = page.context().waitForEvent('page');
    await page.getByTestId('pdf-actions').getByRole('button', { name: 'Print / PDF' }).click();
    const tab = await opened;
    await expect.poll(() => tab.evaluate<string>("document.body.dataset.printed ?? ''"), poll).toBe('yes');
    expect(tab.url()).toMatch(/#\/print\/scorecard\/\d+\?.*autoprint=1/);
    expect(await tab.evaluate<string>('document.body.dataset.printReady')).toBe('true');
    expect(await tab.getByRole('heading', { level: 1 }).textContent()).toBe('Zoë Müller');
    expect(await tab.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await tab.getByTestId('figure-actions_on_time').getByTestId('figure-value').textContent()).toBe(
      await page.getByTestId('figure-actions_on_time').getByTestId('figure-value').textContent(),
    );
    await tab.close();
  }, 180_000);

  it('exports one rep’s scorecard: their name, the figures on screen, page numbers', async () => {
    const repId = Number(/#\/scorecards\/(\d+)/.exec(page.url())?.[1]);
    const onScreen = {
      actions:
        (await page.getByTestId('figure-actions_on_time').getByTestId('figure-value').textContent()) ?? '',
      winRate: (await page.getByTestId('figure-win_rate').getByTestId('figure-value').textContent()) ?? '',
      composite: (await page.getByTestId('composite-score').first().textContent()) ?? '',
    };
    expect(onScreen.actions).toMatch(/%$/);

    const { plan, files } = await exportTo(
      { kind: 'rep', repId, scope, paper: 'a4' },
      join(folder.dir, 'one'),
    );
    expect(plan.target === 'file' && plan.defaultName).toMatch(/^Zoë Müller – Scorecard Q\d \d{4}\.pdf$/);
    expect(files).toHaveLength(1);
    const pdf = files[0]!;
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pngPages(pdf, join(folder.dir, 'one-png'))).toBe(pages);
    const text = pdfText(pdf);
    expect(text).toContain('Zoë Müller');
    expect(text).toContain(onScreen.actions);
    expect(text).toContain(onScreen.winRate);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toMatch(/Workflow v\d+ · data up to /);
    // Nothing on paper is there to click.
    for (const control of ['Print / PDF', 'Export CSV', 'Previous quarter'])
      expect(text).not.toContain(control);
    expect(pdfText(pdf, 1)).toContain('Composite score');
    expect(pdfText(pdf, 1)).toContain(onScreen.composite);
    expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Page size:.*\(A4\)/);

    // The same scorecard on US Letter.
    const letter = await exportTo({ kind: 'rep', repId, scope, paper: 'letter' }, join(folder.dir, 'letter'));
    expect(execFileSync('pdfinfo', [letter.files[0]!]).toString()).toMatch(/Page size:\s+612 x 792 pts/);
  }, 180_000);

  it('exports the whole team: a PDF per rep, the team summary, and one document with contents', async () => {
    const { plan, files } = await exportTo(
      { kind: 'everyRep', scope, paper: 'a4', combined: true },
      join(folder.dir, 'team'),
    );
    if (plan.target !== 'folder') throw new Error('every rep goes to a folder');
    expect(plan.folderName).toMatch(/^Scorecards Q\d \d{4}$/);
    expect(files).toHaveLength(teamNames.length + 2);
    const byName = new Map(files.map((path) => [path.split('/').at(-1)!, path]));
    for (const name of teamNames) {
      const path = [...byName.entries()].find(([file]) => file.startsWith(`${name} – Scorecard`))?.[1];
      expect(path, `a PDF for ${name}`).toBeDefined();
      expect(pdfText(path!, 1)).toContain(name);
    }
    // The CJK name is drawn as text, not as boxes: poppler reads it back.
    const li = [...byName.entries()].find(([file]) => file.startsWith('李娜'))![1];
    expect(pdfText(li)).toContain('李娜');

    const team = [...byName.entries()].find(([file]) => file.startsWith('Team scorecard'))![1];
    const teamText = pdfText(team);
    for (const name of teamNames) expect(teamText).toContain(name);
    expect(teamText).toContain('Reps side by side');
    expect(teamText).not.toContain('Edit targets and weights');

    const pack = [...byName.entries()].find(([file]) => file.startsWith('All scorecards'))![1];
    const packPages = pdfPages(pack);
    expect(pngPages(pack, join(folder.dir, 'pack-png'))).toBe(packPages);
    const contents = pdfText(pack, 1);
    expect(contents).toContain('Contents');
    expect(contents).toContain('Team summary');
    for (const name of teamNames) expect(contents).toContain(name);
    expect(pdfText(pack)).toContain('Reps side by side');

    // Each section starts a page, as long as its own PDF: the contents' page numbers are right.
    const layout = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pack, '-']).toString();
    const sorted = plan.jobs.filter((j) => j.key.startsWith('rep:'));
    expect(tocPage(layout, 'Team summary')).toBe(2);
    expect(pdfText(pack, 2)).toContain('Team summary'.toUpperCase());
    let start = 2 + pdfPages(team);
    for (const job of sorted) {
      const path = files[plan.jobs.indexOf(job)]!;
      const name = teamNames.find((n) => path.split('/').at(-1)!.startsWith(`${n} – `))!;
      expect(tocPage(layout, name), `${name}'s page in the contents`).toBe(start);
      expect(pdfText(pack, start)).toContain(name);
      expect(pdfText(pack, start)).toContain('REP SCORECARD');
      start += pdfPages(path);
    }
    expect(packPages).toBe(start - 1);
  }, 180_000);

  it('exports a one-on-one prep', async () => {
    const reps = await call('reps:list', {});
    if (!reps.ok) throw new Error(reps.error.message);
    const tom = (reps.value as { id: number; name: string }[]).find((r) => r.name === 'Tom Becker')!;
    const { plan, files } = await exportTo(
      { kind: 'oneOnOne', repId: tom.id, paper: 'a4' },
      join(folder.dir, 'prep'),
    );
    expect(plan.target === 'file' && plan.defaultName).toMatch(
      /^Tom Becker – One-on-one prep \d{4}-\d{2}-\d{2}\.pdf$/,
    );
    const text = pdfText(files[0]!);
    expect(text).toContain('Tom Becker');
    expect(text).toContain('What changed since');
    expect(text).toContain('Deals at risk');
    expect(text).toContain('Talking points');
    expect(pngPages(files[0]!, join(folder.dir, 'prep-png'))).toBe(pdfPages(files[0]!));
  }, 180_000);
});
