import type { PdfPaper, PdfProgress, PdfScorecardScope } from '@shared/api/bridge';
import { safeFileStem, uniqueFileNames } from './fileNames';
import { type PackSection, repScorecardRoute, teamPackRoute, teamRoute } from './printRoutes';

/**
 * PDF exports as a list of jobs run one after the other, independent of what draws the pages:
 * the desktop app passes a hidden Electron window, the tests and the bench a Chromium page.
 */

/** Draws one print route as a PDF; gives up when `signal` aborts. */
export type RenderPdf = (route: string, signal: AbortSignal) => Promise<Uint8Array>;

export type PdfJob = {
  /** 'team', 'rep:<id>' or 'pack': the pack's contents refer to the others by it. */
  key: string;
  /** What the progress bar and error messages call it: "Zoë Müller’s scorecard". */
  label: string;
  fileName: string;
  /** The print route, or a function of the page counts of the jobs already done. */
  route: string | ((pages: ReadonlyMap<string, number>) => string);
};

export type RepName = { id: number; name: string };

export type EveryRepInput = {
  scope: PdfScorecardScope;
  paper: PdfPaper;
  /** "Q3 2026", as the scorecard names the period. */
  periodLabel: string;
  reps: RepName[];
  /** Also one document with every scorecard and a table of contents. */
  combined: boolean;
};

export type EveryRepPlan = { folderName: string; jobs: PdfJob[] };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function scopeTitle(scope: PdfScorecardScope, periodLabel: string): string {
  return scope.teams.length > 0 ? `${scope.teams.join(', ')} ${periodLabel}` : periodLabel;
}

/** The file name of one rep's scorecard: "Zoë Müller – Scorecard Q3 2026.pdf". */
export function repScorecardFileName(repName: string, periodLabel: string): string {
  return `${safeFileStem(`${repName} – Scorecard ${periodLabel}`)}.pdf`;
}

/** The file name of the team summary: "Team scorecard – North Q3 2026.pdf". */
export function teamFileName(scope: PdfScorecardScope, periodLabel: string): string {
  return `${safeFileStem(`Team scorecard – ${scopeTitle(scope, periodLabel)}`)}.pdf`;
}

/** The file name of a one-on-one prep: "Zoë Müller – One-on-one prep 2026-11-27.pdf". */
export function oneOnOneFileName(repName: string, day: string): string {
  return `${safeFileStem(`${repName} – One-on-one prep ${day}`)}.pdf`;
}

/**
 * Every rep's scorecard (reps in name order), then the team summary, then optionally the pack:
 * the team summary and every scorecard in one document whose contents give the page each
 * starts on (each section starts a new page, so its length is its length printed alone).
 */
export function planEveryRep(input: EveryRepInput): EveryRepPlan {
  const { scope, paper, periodLabel } = input;
  const reps = [...input.reps].sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  const title = scopeTitle(scope, periodLabel);
  const names = uniqueFileNames(
    [
      ...reps.map((rep) => `${rep.name} – Scorecard ${periodLabel}`),
      `Team scorecard – ${title}`,
      ...(input.combined ? [`All scorecards – ${title}`] : []),
    ],
    '.pdf',
  );
  const jobs: PdfJob[] = reps.map((rep, i) => ({
    key: `rep:${rep.id}`,
    label: `${rep.name}’s scorecard`,
    fileName: names[i]!,
    route: repScorecardRoute(rep.id, scope, paper),
  }));
  jobs.push({
    key: 'team',
    label: 'the team summary',
    fileName: names[reps.length]!,
    route: teamRoute(scope, paper),
  });
  if (input.combined)
    jobs.push({
      key: 'pack',
      label: 'the document with every scorecard',
      fileName: names[reps.length + 1]!,
      route: (pages) => {
        const sections: PackSection[] = [
          { key: 'team', pages: pages.get('team') ?? 0 },
          ...reps.map((rep) => ({ key: rep.id, pages: pages.get(`rep:${rep.id}`) ?? 0 })),
        ];
        return teamPackRoute(scope, paper, sections.every((s) => s.pages > 0) ? sections : undefined);
      },
    });
  return { folderName: safeFileStem(`Scorecards ${title}`), jobs };
}

/** The number of pages of a PDF as Chromium writes it (page objects are never compressed there). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** An export that stopped: the message says what and why, for the user. */
export class PdfExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfExportError';
  }
}

class RenderTimeout extends Error {}

export type PdfRunOptions = {
  render: RenderPdf;
  /** Saves one PDF and answers where it went. */
  write: (fileName: string, pdf: Uint8Array) => Promise<string>;
  onProgress?: (progress: PdfProgress) => void;
  /** The user's Cancel. */
  signal?: AbortSignal;
  /** Longest wait for one PDF; 30 s by default. */
  timeoutMs?: number;
};

export type PdfRunResult = { status: 'saved' | 'cancelled'; files: string[] };

export const DEFAULT_PDF_TIMEOUT_MS = 30_000;

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** `render(route)`, abandoned when the user cancels or when it takes longer than `timeoutMs`. */
async function renderBounded(
  render: RenderPdf,
  route: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  const controller = new AbortController();
  const stop = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(() => controller.abort(new RenderTimeout()), timeoutMs);
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), {
      once: true,
    });
  });
  try {
    return await Promise.race([render(route, controller.signal), stopped]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
    // Whatever is still drawing is of no use any more.
    if (!controller.signal.aborted) controller.abort();
  }
}

/**
 * Runs the jobs in order: each route drawn as a PDF (within the timeout) and written, progress
 * reported before and after each. Cancel stops at once and keeps the files already written; a
 * failure or timeout stops with a PdfExportError naming the PDF.
 */
export async function runPdfJobs(jobs: PdfJob[], options: PdfRunOptions): Promise<PdfRunResult> {
  const { render, write, onProgress, signal } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  const files: string[] = [];
  const pages = new Map<string, number>();
  for (const [index, job] of jobs.entries()) {
    if (signal?.aborted) return { status: 'cancelled', files };
    onProgress?.({ done: index, total: jobs.length, current: job.label });
    const route = typeof job.route === 'string' ? job.route : job.route(pages);
    let pdf: Uint8Array;
    try {
      pdf = await renderBounded(render, route, timeoutMs, signal);
    } catch (error) {
      if (signal?.aborted) return { status: 'cancelled', files };
      if (error instanceof RenderTimeout)
        throw new PdfExportError(
          `${capitalized(job.label)} did not finish drawing within ${seconds(timeoutMs)}.${written(files)}`,
        );
      throw new PdfExportError(
        `${capitalized(job.label)} could not be made: ${sentence(error instanceof Error ? error.message : String(error))}${written(files)}`,
      );
    }
    if (signal?.aborted) return { status: 'cancelled', files };
    pages.set(job.key, countPdfPages(pdf));
    files.push(await write(job.fileName, pdf));
    onProgress?.({ done: index + 1, total: jobs.length, current: null });
  }
  return { status: 'saved', files };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A message ending with a full stop. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function written(files: string[]): string {
  return files.length === 0
    ? ''
    : ` ${files.length === 1 ? 'One PDF was' : `${files.length} PDFs were`} written before it.`;
}
