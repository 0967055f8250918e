import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { app, type BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { PdfExportOutcome, PdfProgress } from '@shared/api/bridge';
import { type ApiResult, fail, ok } from '@shared/api/envelope';
import { createPrintWindow, type PrintWindowOptions } from './electronPrintPage';
import { type EngineCall, planExport } from './exportPlans';
import { type PdfJob, PdfExportError, runPdfJobs } from './pdfJobs';
import { parsePdfExportRequest } from './pdfRequest';
import { createRouteRenderer } from './routeRenderer';

export type PdfExporter = {
  /** Asks where to save, draws the PDFs in a hidden window, writes them; one export at a time. */
  run(
    input: unknown,
    parent: BrowserWindow | null,
    onProgress: (progress: PdfProgress) => void,
  ): Promise<ApiResult<PdfExportOutcome>>;
  cancel(): void;
};

/** Writes next to the target first, so a crash never leaves half a PDF under the real name. */
async function writeWhole(path: string, pdf: Uint8Array): Promise<string> {
  const partial = `${path}.part`;
  try {
    await writeFile(partial, pdf);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return path;
}

/** A new folder named `name` in `parent`, "name (2)" when that exists already. */
async function newFolder(parent: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(parent, n === 1 ? name : `${name} (${n})`);
    try {
      await mkdir(path);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The desktop app's PDF exports over the engine (names, periods) and a hidden print window. */
export function createPdfExporter(deps: { call: EngineCall; window: PrintWindowOptions }): PdfExporter {
  let running: AbortController | null = null;
  let lastFolder: string | null = null;

  async function chooseTarget(
    plan: Awaited<ReturnType<typeof planExport>>,
    parent: BrowserWindow | null,
  ): Promise<{ dir: string; folder: string | null; jobs: PdfJob[] } | null> {
    const start = lastFolder ?? app.getPath('documents');
    if (plan.target === 'file') {
      const options: SaveDialogOptions = {
        title: plan.dialogTitle,
        defaultPath: join(start, plan.defaultName),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      };
      const answer = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      if (answer.canceled || !answer.filePath) return null;
      const path = /\.pdf$/i.test(answer.filePath) ? answer.filePath : `${answer.filePath}.pdf`;
      lastFolder = dirname(path);
      return { dir: dirname(path), folder: null, jobs: [{ ...plan.job, fileName: basename(path) }] };
    }
    const options: OpenDialogOptions = {
      title: 'Choose where to put the scorecards',
      buttonLabel: 'Export here',
      defaultPath: start,
      properties: ['openDirectory', 'createDirectory'],
    };
    const answer = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    const chosen = answer.filePaths[0];
    if (answer.canceled || !chosen) return null;
    lastFolder = chosen;
    const folder = await newFolder(chosen, plan.folderName);
    return { dir: folder, folder, jobs: plan.jobs };
  }

  return {
    async run(input, parent, onProgress) {
      const parsed = parsePdfExportRequest(input);
      if (!parsed.ok) return fail('invalid_input', parsed.message);
      if (running)
        return fail('busy', 'A PDF export is already running: wait for it to finish or cancel it.');
      const controller = new AbortController();
      running = controller;
      const printPage = createPrintWindow(deps.window);
      let target: { dir: string; folder: string | null; jobs: PdfJob[] } | null = null;
      try {
        const plan = await planExport(parsed.request, deps.call);
        target = await chooseTarget(plan, parent);
        if (!target) return ok({ status: 'cancelled', files: [], folder: null });
        const { dir, folder, jobs } = target;
        const result = await runPdfJobs(jobs, {
          render: createRouteRenderer(printPage),
          write: (fileName, pdf) => writeWhole(join(dir, fileName), pdf),
          onProgress,
          signal: controller.signal,
        });
        if (result.status === 'cancelled' && folder && result.files.length === 0)
          await rmdir(folder).catch(() => undefined);
        return ok({ status: result.status, files: result.files, folder });
      } catch (error) {
        return fail(
          'internal',
          error instanceof PdfExportError ? error.message : `The PDF could not be made: ${message(error)}`,
        );
      } finally {
        printPage.close();
        running = null;
      }
    },
    cancel() {
      running?.abort();
    },
  };
}
