import type { ImportIssueView, ImportPreview } from '@shared/import/types';
import { basename } from 'node:path';
import type { Db } from '../engine/db/open';
import { EngineError } from '../engine/errors';
import { expandPaths } from '../engine/import/loadFiles';
import { type ImportRequest, runImport } from '../engine/import/pipeline';
import type { DateOrder } from '../engine/import/dates';
import { currentWorkflow, mapSourceStages } from '../engine/queries/workflow';
import { withSourceNames } from '@shared/workflow/stageMapping';
import { readImportChoices } from './importOptions';
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
export function formatImportSummary(preview: ImportPreview, applied: boolean, maxWarnings = 20): string {
  const lines: string[] = [];
  for (const file of preview.files) {
    const reader = file.reader ? file.reader.label : 'not recognized';
    const skipped = Object.entries(file.skipped)
      .map(([reason, n]) => `${n} ${reason}`)
      .join(', ');
    lines.push(
      `${file.name}: ${reader} — ${file.rows} rows, ${file.records} records (${file.encoding}, ${file.delimiter})${skipped ? `; skipped ${skipped}` : ''}`,
      ...file.limits.map((limit) => `  ! ${limit}`),
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
      ...warnings.slice(0, maxWarnings).map((w) => `  ${describeIssue(w)}`),
      ...(warnings.length > maxWarnings
        ? [`  … and ${warnings.length - maxWarnings} more (see them all with --dry-run)`]
        : []),
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
  options: {
    timeZone?: string;
    dateOrder?: DateOrder;
    dryRun: boolean;
    now: number;
    /** `--format`, `--mapping` and `--stages` as given (read and checked here). */
    choices?: { format?: string[]; mapping?: string[]; stages?: string };
  },
): Promise<{ ok: boolean; output: string }> {
  const current = currentWorkflow(db).definition;
  const choices = readImportChoices(options.choices ?? {}, current);
  // The stage file's names are imported with, and saved into the workflow only once the import
  // is written: a refused import leaves the workflow as it was.
  const run = {
    now: options.now,
    timeZone: options.timeZone ?? getSetting(db, 'time_zone') ?? 'UTC',
    workflow: choices.stages.length ? withSourceNames(current, choices.stages) : current,
  };
  const order = options.dateOrder;
  const names = expandPaths(paths).map((p) => basename(p));
  const request: ImportRequest = {
    paths,
    timeZone: options.timeZone,
    dateOrders: order ? Object.fromEntries(names.map((name) => [name, order])) : undefined,
    formats: {
      ...(choices.formatForAll ? Object.fromEntries(names.map((name) => [name, choices.formatForAll!])) : {}),
      ...choices.formats,
    },
    mappings: choices.mappings,
    ...(choices.fallbackMapping ? { fallbackMapping: choices.fallbackMapping } : {}),
  };
  for (const name of [...Object.keys(choices.formats), ...Object.keys(choices.mappings)]) {
    if (!names.includes(name))
      throw new EngineError(
        'invalid_input',
        `--format/--mapping name "${name}", which is none of the files imported (${names.join(', ')}).`,
      );
  }
  if (!options.dryRun) {
    try {
      const result = await runImport(db, request, run, 'apply');
      const mapped = choices.stages.length ? mapSourceStages(db, choices.stages, options.now) : null;
      const output = formatImportSummary(result, true);
      return {
        ok: true,
        output: mapped
          ? `${output}\n\nWorkflow v${mapped.version}: ${mapped.note ?? 'stage names mapped'}`
          : output,
      };
    } catch (error) {
      if (!(error instanceof EngineError) || error.code !== 'invalid_input') throw error;
    }
  }
  return previewReport(db, request, run, options.dryRun);
}

/** The preview's verdict: every error with where it is, or what the import would change. */
async function previewReport(
  db: Db,
  request: ImportRequest,
  run: Parameters<typeof runImport>[2],
  dryRun: boolean,
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
  return { ok: true, output: formatImportSummary(preview, false, dryRun ? Infinity : undefined) };
}
