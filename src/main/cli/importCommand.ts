import type { ImportIssueView, ImportPreview } from '@shared/import/types';
import { basename } from 'node:path';
import type { Db } from '../engine/db/open';
import { EngineError } from '../engine/errors';
import { expandPaths } from '../engine/import/loadFiles';
import { runImport } from '../engine/import/pipeline';
import type { DateOrder } from '../engine/import/dates';
import { currentWorkflow } from '../engine/queries/workflow';
import { getSetting } from '../engine/queries/workspace';

const counts = (c: { new: number; changed: number; unchanged: number }): string =>
  `${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged`;

export function describeIssue(issue: ImportIssueView): string {
  const where = [
    issue.file,
    issue.line === null ? null : `row ${issue.line}`,
    issue.column === null ? null : `column "${issue.column}"`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${issue.message}`;
}

/** The import summary a terminal shows: what each file was read as, and what changed. */
export function formatImportSummary(preview: ImportPreview, applied: boolean): string {
  const lines: string[] = [];
  for (const file of preview.files) {
    const reader = file.reader ? file.reader.label : 'not recognized';
    const skipped = Object.entries(file.skipped)
      .map(([reason, n]) => `${n} ${reason}`)
      .join(', ');
    lines.push(
      `${file.name}: ${reader} — ${file.rows} rows, ${file.records} records (${file.encoding}, ${file.delimiter})${skipped ? `; skipped ${skipped}` : ''}`,
    );
  }
  const c = preview.counts;
  lines.push(
    '',
    `${applied ? 'Imported' : 'Would import'}:`,
    `  reps          ${counts(c.reps)}`,
    `  deals         ${counts(c.deals)}`,
    `  stage events  ${counts(c.stageEvents)}`,
    ...(c.derivedStageEvents.new + c.derivedStageEvents.changed + c.derivedStageEvents.unchanged > 0
      ? [`    derived from deal rows (no stage history)  ${counts(c.derivedStageEvents)}`]
      : []),
    `  activities    ${counts(c.activities)}`,
    `  observations  ${counts(c.observations)}`,
    ...(c.currencyRates && c.currencyRates.new + c.currencyRates.changed + c.currencyRates.unchanged > 0
      ? [`  currency rates  ${counts(c.currencyRates)}`]
      : []),
  );
  if (preview.unmappedStages.length > 0) {
    lines.push(
      '',
      `Stages not in the workflow (kept, map them in the app): ${preview.unmappedStages.map((s) => `${s.stage} (${s.rows})`).join(', ')}`,
    );
  }
  const warnings = preview.issues.filter((i) => i.severity === 'warning');
  if (warnings.length > 0)
    lines.push(
      '',
      `${preview.warningCount} warning(s):`,
      ...warnings.slice(0, 20).map((w) => `  ${describeIssue(w)}`),
    );
  return lines.join('\n');
}

/**
 * Runs `import`: the import in one transaction; only when it refuses (or for --dry-run) a
 * preview lists every error, so a good import reads its files once.
 */
export async function importFiles(
  db: Db,
  paths: string[],
  options: { timeZone?: string; dateOrder?: DateOrder; dryRun: boolean; now: number },
): Promise<{ ok: boolean; output: string }> {
  const run = {
    now: options.now,
    timeZone: options.timeZone ?? getSetting(db, 'time_zone') ?? 'UTC',
    workflow: currentWorkflow(db).definition,
  };
  const order = options.dateOrder;
  const request = {
    paths,
    timeZone: options.timeZone,
    dateOrders: order ? Object.fromEntries(expandPaths(paths).map((p) => [basename(p), order])) : undefined,
  };
  if (!options.dryRun) {
    try {
      return { ok: true, output: formatImportSummary(await runImport(db, request, run, 'apply'), true) };
    } catch (error) {
      if (!(error instanceof EngineError) || error.code !== 'invalid_input') throw error;
    }
  }
  return previewReport(db, request, run);
}

/** The preview's verdict: every error with where it is, or what the import would change. */
async function previewReport(
  db: Db,
  request: Parameters<typeof runImport>[1],
  run: Parameters<typeof runImport>[2],
): Promise<{ ok: boolean; output: string }> {
  const preview = (await runImport(db, request, run, 'preview')) as ImportPreview;
  if (preview.errorCount > 0) {
    const errors = preview.issues.filter((i) => i.severity === 'error');
    const lines = [
      `Nothing was imported: ${preview.errorCount} error(s).`,
      ...errors.slice(0, 30).map((e) => `  ${describeIssue(e)}`),
      ...(preview.errorCount > 30 ? [`  … and ${preview.errorCount - 30} more`] : []),
    ];
    if (preview.files.some((f) => f.ambiguousDateColumns.length > 0)) {
      lines.push('Pass --date-order mdy (month first) or --date-order dmy (day first).');
    }
    return { ok: false, output: lines.join('\n') };
  }
  return { ok: true, output: formatImportSummary(preview, false) };
}
