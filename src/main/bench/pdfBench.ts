import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Playwright from 'playwright-core';
import type { PdfScorecardScope } from '@shared/api/bridge';
import type { TeamScorecard } from '@shared/scorecards/types';
import { startEngineHost } from '../engine/host';
import { type PdfJob, countPdfPages, repScorecardFileName, runPdfJobs } from '../pdf/pdfJobs';
import { playwrightPrintPage } from '../pdf/playwrightPrintPage';
import { repScorecardRoute } from '../pdf/printRoutes';
import { createRouteRenderer } from '../pdf/routeRenderer';
import { startWebServer } from '../web/server';

const TARGET_SECONDS = 20;
const SCORECARDS = 50;
const DAY_MS = 86_400_000;

/** The same Chromium flags as the end-to-end tests. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Exporting rep scorecards as PDFs the way the desktop app does it, with Chromium standing in
 * for Electron's hidden window: browser mode on a new demo workspace, one page loading the app
 * once, then 50 rep scorecards (the demo's reps over the last quarters and months) each drawn,
 * waited for and printed with page.pdf(), and written to disk. Prints seconds in all, per PDF,
 * and the ratio to the 20 s target. playwright-core is a dev dependency, loaded here only.
 */
export async function pdfBench(
  dir: string,
  paths: { workerPath: string; rendererDir: string },
): Promise<void> {
  const host = await startEngineHost({
    dbPath: join(dir, 'demo.db'),
    workerPath: paths.workerPath,
    seedDemoIfNew: true,
  });
  const server = await startWebServer({ host, rendererDir: paths.rendererDir, port: 0 });
  // Required at run time, so the bundler leaves playwright-core out of the build.
  const { chromium } = createRequire(__filename)('playwright-core') as typeof Playwright;
  const launched = performance.now();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    console.log(`Chromium started in ${((performance.now() - launched) / 1000).toFixed(2)} s`);
    // Distinct scorecards: every rep with data in each of the last quarters, then months.
    const now = Date.now();
    const scopes: PdfScorecardScope[] = [
      ...[0, 1, 2, 3].map((q) => ({ kind: 'quarter' as const, at: isoDay(now - q * 92 * DAY_MS) })),
      ...Array.from({ length: 12 }, (_, m) => ({
        kind: 'month' as const,
        at: isoDay(now - m * 31 * DAY_MS),
      })),
    ].map((scope) => ({ ...scope, versionId: null, teams: [] }));
    const jobs: PdfJob[] = [];
    for (const scope of scopes) {
      if (jobs.length >= SCORECARDS) break;
      const result = await host.call('scorecards:team', { kind: scope.kind, anchor: scope.at });
      if (!result.ok) throw new Error(`scorecards:team failed: ${result.error.message}`);
      const team = result.value as TeamScorecard;
      for (const rep of team.reps.slice(0, SCORECARDS - jobs.length))
        jobs.push({
          key: `rep:${rep.id}:${scope.kind}:${scope.at}`,
          label: `${rep.name}’s scorecard, ${team.period.label}`,
          fileName: repScorecardFileName(rep.name, team.period.label),
          route: repScorecardRoute(rep.id, scope, 'a4'),
        });
    }

    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const render = createRouteRenderer(playwrightPrintPage(page, server.url));
    const times: number[] = [];
    let pages = 0;
    let started = performance.now();
    const begun = started;
    const result = await runPdfJobs(jobs, {
      render: async (route, signal) => {
        const pdf = await render(route, signal);
        pages += countPdfPages(pdf);
        return pdf;
      },
      write: async (fileName, pdf) => {
        const path = join(dir, fileName);
        await writeFile(path, pdf);
        times.push(performance.now() - started);
        started = performance.now();
        return path;
      },
    });
    const total = (performance.now() - begun) / 1000;
    if (result.status !== 'saved' || result.files.length !== jobs.length)
      throw new Error(`only ${result.files.length} of ${jobs.length} PDFs were made`);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(
      `${jobs.length} rep scorecards as PDF (A4, ${pages} pages in all), each drawn, printed and written:`,
    );
    console.log(
      `  total ${total.toFixed(2)} s — ${(total / TARGET_SECONDS).toFixed(2)}× the ${TARGET_SECONDS} s target`,
    );
    console.log(
      `  per PDF: mean ${mean.toFixed(0)} ms, median ${percentile(times, 0.5).toFixed(0)} ms, p95 ${percentile(times, 0.95).toFixed(0)} ms; the first (loads the app) ${times[0]!.toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
    await host.close();
  }
}
