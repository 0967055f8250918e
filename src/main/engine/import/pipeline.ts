import { basename } from 'node:path';
import { type ColumnMapping, columnMappingSchema } from '@shared/import/mapping';
import type {
  FilePreview,
  ImportBatchView,
  ImportCounts,
  ImportIssueView,
  ImportPreview,
  ImportResult,
} from '@shared/import/types';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import type { Adapter, AdapterOutput } from './adapter';
import { builtInAdapters } from './adapters';
import { applyRecords, type SourcedRecords } from './applyRecords';
import { createChangeLog } from './changeLog';
import { dropRepeatedRecords } from './duplicates';
import { checkRecordValues } from './recordValues';
import type { DateOrder } from './dates';
import { ImportFileError } from './errors';
import { expandPaths, headerSignature, loadTable } from './loadFiles';
import { fileLimits } from './fileLimits';
import { removeDemo } from '../demo/demoWorkspace';
import { hasDemoData } from '../queries/workspace';
import { mappedAdapter, mappingProblems, suggestMapping } from './mappedAdapter';
import { describeDelimiter } from './readCsv';
import { normalizeHeader, type SourceTable } from './table';
import { bumpDataRevision } from '../queries/dataRevision';

export type ImportRequest = {
  paths: string[];
  /** Display names for uploaded files, by path (browser mode uploads to temporary names). */
  names?: Record<string, string>;
  timeZone?: string;
  dateOrders?: Record<string, DateOrder>;
  /** File name → adapter id, overriding detection. */
  formats?: Record<string, string>;
  /** File name → column mapping, for files no built-in format reads. */
  mappings?: Record<string, ColumnMapping>;
  /**
   * A mapping for every file no built-in format recognizes (the command line's bare `--mapping`),
   * used before one saved in the workspace.
   */
  fallbackMapping?: ColumnMapping;
  /** Removes the demo data in the import's own transaction (all or nothing with it). */
  removeDemo?: boolean;
};

export type ImportRun = {
  now: number;
  timeZone: string;
  workflow: WorkflowDefinition;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
};

const MAX_ISSUES_SHOWN = 500;
const DETECTION_THRESHOLD = 0.5;

class Rollback extends Error {}

type ReadFile = {
  path: string;
  table: SourceTable | null;
  adapter: Adapter | null;
  mapping: ColumnMapping | null;
  mappingSaved: boolean;
  candidates: { id: string; label: string; score: number }[];
  output: AdapterOutput | null;
  fileError: ImportIssueView | null;
};

const zeroCounts = (): ImportCounts => ({
  reps: { new: 0, changed: 0, unchanged: 0 },
  deals: { new: 0, changed: 0, unchanged: 0 },
  stageEvents: { new: 0, changed: 0, unchanged: 0 },
  derivedStageEvents: { new: 0, changed: 0, unchanged: 0 },
  currencyRates: { new: 0, changed: 0, unchanged: 0 },
  activities: { new: 0, changed: 0, unchanged: 0 },
  observations: { new: 0, changed: 0, unchanged: 0 },
});

function savedMapping(db: Db, table: SourceTable): ColumnMapping | null {
  const row = db
    .prepare('SELECT mapping FROM import_mappings WHERE signature = ?')
    .get(headerSignature(table.headers)) as { mapping: string } | undefined;
  if (!row) return null;
  const parsed = columnMappingSchema.safeParse(JSON.parse(row.mapping));
  return parsed.success ? parsed.data : null;
}

/** The CRMs whose export tools end every file with a line break. */
const lineBreakTerminated = new Set(['salesforce', 'hubspot', 'pipedrive']);

/**
 * A CRM export that stops without a line break after its last row was cut off (a download or a
 * copy stopped early): its last value may be cut ("Closed: aband", an id missing characters) and
 * nothing in the value can tell. Refused, with the way out if the file is in fact whole. Sheets
 * and mapped files, which are often saved without a final line break, are judged by readCsv's
 * value check alone.
 */
function refuseCutExport(table: SourceTable, adapter: Adapter | null): void {
  if (!table.endsMidRow || !adapter || !lineBreakTerminated.has(adapter.source)) return;
  const last = table.rows.at(-1);
  throw new ImportFileError(
    table.fileName,
    `the file is cut off: it ends inside this row, without the line break ${sourceLabel(adapter.source)} exports end with, so its last value may be incomplete. Export it again (if the file is whole, add a line break at its end); nothing was imported.`,
    last?.line ?? null,
  );
}

const quoteList = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/**
 * Why no format reads a file, in words that help: the columns it has, and the built-in format
 * it comes closest to (most of its required columns present) with the ones it lacks.
 */
export function unknownFormatMessage(headers: readonly string[]): string {
  const present = new Set(headers.map(normalizeHeader));
  const has = (group: readonly string[]): boolean =>
    group.some((alias) => present.has(normalizeHeader(alias)));
  const shown = headers.slice(0, 8);
  const columns = `${quoteList(shown)}${headers.length > shown.length ? ` and ${headers.length - shown.length} more` : ''}`;
  const closest = builtInAdapters
    .filter((adapter) => adapter.required && adapter.required.some(has))
    .map((adapter) => ({ adapter, missing: adapter.required!.filter((group) => !has(group)) }))
    .filter((c) => c.missing.length > 0)
    .sort(
      (a, b) =>
        a.missing.length - b.missing.length ||
        Number(b.adapter.entity === 'deals') - Number(a.adapter.entity === 'deals'),
    )[0];
  const near = closest
    ? ` The closest format, ${closest.adapter.label}, also needs ${closest.missing
        .map((group) => `a "${group[0]}" column`)
        .join(' and ')}.`
    : '';
  return `no known CRM export format matches these columns (${columns}).${near} Map its columns to import it.`;
}

/** Picks how to read a table: the user's choice, a mapping (given or saved), or the best-scoring format. */
function chooseReader(
  db: Db,
  table: SourceTable,
  request: ImportRequest,
): Omit<ReadFile, 'path' | 'table' | 'output' | 'fileError'> {
  const candidates = builtInAdapters
    .map((adapter) => ({ adapter, score: adapter.detect(table.headers) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score);
  const view = candidates
    .slice(0, 4)
    .map((c) => ({ id: c.adapter.id, label: c.adapter.label, score: c.score }));
  const given = request.mappings?.[table.fileName];
  if (given) return { adapter: mappedAdapter(given), mapping: given, mappingSaved: false, candidates: view };
  const forced = request.formats?.[table.fileName];
  if (forced) {
    const adapter = builtInAdapters.find((a) => a.id === forced);
    if (!adapter) throw new ImportFileError(table.fileName, `there is no import format "${forced}".`);
    return { adapter, mapping: null, mappingSaved: false, candidates: view };
  }
  const best = candidates[0];
  if (best && best.score >= DETECTION_THRESHOLD)
    return { adapter: best.adapter, mapping: null, mappingSaved: false, candidates: view };
  if (request.fallbackMapping)
    return {
      adapter: mappedAdapter(request.fallbackMapping),
      mapping: request.fallbackMapping,
      mappingSaved: false,
      candidates: view,
    };
  const saved = savedMapping(db, table);
  if (saved) return { adapter: mappedAdapter(saved), mapping: saved, mappingSaved: true, candidates: view };
  return { adapter: null, mapping: null, mappingSaved: false, candidates: view };
}

async function readFiles(db: Db, request: ImportRequest, run: ImportRun): Promise<ReadFile[]> {
  const files: ReadFile[] = [];
  for (const path of expandPaths(request.paths)) {
    const name = request.names?.[path] ?? basename(path);
    try {
      const table = await loadTable(path, name);
      const reader = chooseReader(db, table, request);
      refuseCutExport(table, reader.mapping ? null : reader.adapter);
      let output: AdapterOutput | null = null;
      if (request.formats?.[name] && reader.adapter && reader.adapter.detect(table.headers) === 0) {
        output = {
          records: [],
          skipped: {},
          issues: [
            {
              severity: 'error',
              file: name,
              line: null,
              column: null,
              message: `these columns are not those of ${reader.adapter.label}: choose another format or map the columns`,
            },
          ],
        };
      }
      if (!output && reader.mapping) {
        const problems = mappingProblems(reader.mapping, table.headers);
        if (problems.length > 0) {
          output = {
            records: [],
            skipped: {},
            issues: problems.map((message) => ({
              severity: 'error',
              file: name,
              line: null,
              column: null,
              message,
            })),
          };
        }
      }
      if (!output && reader.adapter) {
        output = dropRepeatedRecords(
          checkRecordValues(
            reader.adapter.read(table, {
              timeZone: request.timeZone ?? run.timeZone,
              dateOrder: request.dateOrders?.[name] ?? null,
            }),
          ),
        );
      }
      files.push({ path, table, ...reader, output, fileError: null });
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      const message = error.message.replace(
        `${name}${error.line === null ? '' : `, row ${error.line}`}: `,
        '',
      );
      files.push({
        path,
        table: null,
        adapter: null,
        mapping: null,
        mappingSaved: false,
        candidates: [],
        output: null,
        fileError: { severity: 'error', file: name, line: error.line, column: null, message },
      });
    }
  }
  if (files.length === 0) throw new EngineError('invalid_input', 'Choose at least one file to import.');
  return files;
}

function filePreview(file: ReadFile, issues: ImportIssueView[], staged: ReadonlySet<string>): FilePreview {
  const table = file.table;
  const name = table?.fileName ?? file.fileError?.file ?? basename(file.path);
  return {
    name,
    path: file.path,
    format: table?.format ?? 'csv',
    encoding: table?.encoding ?? '—',
    delimiter: describeDelimiter(table?.delimiter ?? null),
    sheet: table?.sheet ?? null,
    rows: table?.rows.length ?? 0,
    droppedLines: table?.droppedLines ?? 0,
    headers: table?.headers ?? [],
    sample: table?.rows.slice(0, 5).map((r) => r.cells) ?? [],
    reader: file.adapter
      ? {
          id: file.adapter.id,
          label: file.adapter.label,
          entity: file.adapter.entity,
          source: file.adapter.source,
        }
      : null,
    candidates: file.candidates,
    mapping: file.mapping,
    mappingSaved: file.mappingSaved,
    suggestedMapping: table && !file.adapter ? suggestMapping(table.headers, 'deals') : null,
    records: file.output?.records.length ?? 0,
    skipped: file.output?.skipped ?? {},
    limits: file.output ? fileLimits(file.output.records, staged) : [],
    ambiguousDateColumns: issues
      .filter((i) => i.file === name && i.column !== null && /choose the date order/.test(i.message))
      .map((i) => i.column!),
  };
}

/** How the sources write their own names. */
const sourceNames: Record<string, string> = { hubspot: 'HubSpot' };

function sourceLabel(source: string): string {
  if (source.startsWith('custom:')) return source.slice('custom:'.length);
  return sourceNames[source] ?? source.charAt(0).toUpperCase() + source.slice(1);
}

function batchLabel(files: ReadFile[]): string {
  const sources = [
    ...new Set(
      files.map((f) => f.mapping?.sourceName ?? (f.adapter ? sourceLabel(f.adapter.source) : 'Files')),
    ),
  ];
  const names = files.map((f) => f.table?.fileName ?? basename(f.path));
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` +${names.length - 3}` : '');
  return `${sources.join(' + ')}: ${shown}`;
}

/**
 * Imports files in one transaction: every file is read and mapped, every record upserted and
 * logged in a new batch, and then either committed — when there is no error and this is not a
 * preview — or rolled back, so a preview's counts are exactly what applying would do and a
 * failed or cancelled import writes nothing.
 */
export async function runImport(
  db: Db,
  request: ImportRequest,
  run: ImportRun,
  mode: 'preview' | 'apply',
): Promise<ImportPreview | ImportResult> {
  const files = await readFiles(db, request, run);
  const issues: ImportIssueView[] = [];
  for (const file of files) {
    if (file.fileError) issues.push(file.fileError);
    else if (!file.adapter) {
      issues.push({
        severity: 'error',
        file: file.table!.fileName,
        line: null,
        column: null,
        message: unknownFormatMessage(file.table!.headers),
      });
    }
    issues.push(...(file.output?.issues ?? []));
  }
  const groups: SourcedRecords[] = files
    .filter((f) => f.adapter && f.output)
    .map((f) => ({
      source: f.adapter!.source,
      sourceLabel: sourceLabel(f.adapter!.source),
      records: f.output!.records,
      systemUserIds: f.output!.systemUserIds,
    }));
  const total = groups.reduce((sum, g) => sum + g.records.length, 0);
  let done = 0;
  const tick = (): void => {
    done++;
    if (done % 2000 === 0) {
      if (run.isCancelled?.())
        throw new EngineError('cancelled', 'The import was cancelled; nothing was written.');
      run.onProgress?.(done, total);
    }
  };

  let counts = zeroCounts();
  let unmappedStages: ImportPreview['unmappedStages'] = [];
  let batchId = 0;
  let demoRemoved = false;
  const shouldWrite = (): boolean => mode === 'apply' && !issues.some((i) => i.severity === 'error');
  try {
    db.transaction(() => {
      // First, so the records match real reps only; a preview rolls it back with the rest.
      if (request.removeDemo && hasDemoData(db)) {
        removeDemo(db);
        demoRemoved = true;
      }
      batchId = Number(
        db
          .prepare(
            `INSERT INTO import_batches (source, label, files, status, started_at) VALUES (?, ?, ?, 'applied', ?)`,
          )
          .run(
            [...new Set(groups.map((g) => g.source))].join(',') || 'files',
            batchLabel(files),
            JSON.stringify(files.map((f) => f.table?.fileName ?? basename(f.path))),
            run.now,
          ).lastInsertRowid,
      );
      const result = applyRecords(db, createChangeLog(db, batchId), groups, run.workflow, run.now, tick);
      counts = result.counts;
      unmappedStages = result.unmappedStages;
      for (const { file, reason, rows } of result.skipped) {
        const output = files.find((f) => f.table?.fileName === file)?.output;
        if (output) output.skipped = { ...output.skipped, [reason]: (output.skipped[reason] ?? 0) + rows };
      }
      issues.push(...result.issues);
      if (!shouldWrite()) throw new Rollback();
      bumpDataRevision(db);
      const totals = Object.values(counts).reduce(
        (sum, c) => ({
          inserted: sum.inserted + c.new,
          updated: sum.updated + c.changed,
          unchanged: sum.unchanged + c.unchanged,
        }),
        { inserted: 0, updated: 0, unchanged: 0 },
      );
      db.prepare(
        'UPDATE import_batches SET finished_at = ?, inserted = ?, updated = ?, unchanged = ?, summary = ? WHERE id = ?',
      ).run(
        run.now,
        totals.inserted,
        totals.updated,
        totals.unchanged,
        JSON.stringify({ counts, unmappedStages }),
        batchId,
      );
      const saveMapping = db.prepare(
        `INSERT INTO import_mappings (signature, name, mapping, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (signature) DO UPDATE SET name = excluded.name, mapping = excluded.mapping, updated_at = excluded.updated_at`,
      );
      for (const file of files) {
        if (file.mapping && file.table && !file.mappingSaved) {
          saveMapping.run(
            headerSignature(file.table.headers),
            file.mapping.sourceName,
            JSON.stringify(file.mapping),
            run.now,
          );
        }
      }
    })();
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  run.onProgress?.(total, total);

  const errorCount = issues.filter((i) => i.severity === 'error').length;
  const sorted = [...issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  // Deals that a stage-history file of this import gives their stages.
  const staged = new Set(
    files.flatMap((f) =>
      (f.output?.records ?? []).flatMap((r) => (r.kind === 'stageEvent' ? [r.dealExternalId] : [])),
    ),
  );
  const preview: ImportPreview = {
    files: files.map((f) => filePreview(f, issues, staged)),
    counts,
    issues: sorted.slice(0, MAX_ISSUES_SHOWN),
    errorCount,
    warningCount: issues.length - errorCount,
    unmappedStages,
    canApply: errorCount === 0,
    timeZone: request.timeZone ?? run.timeZone,
    demoRemoved,
  };
  if (mode === 'preview') return preview;
  if (errorCount > 0) {
    const first = sorted[0]!;
    const where = [
      first.file,
      first.line === null ? null : `row ${first.line}`,
      first.column === null ? null : `column "${first.column}"`,
    ]
      .filter(Boolean)
      .join(', ');
    throw new EngineError(
      'invalid_input',
      `Nothing was imported: ${errorCount} error${errorCount === 1 ? '' : 's'}. First: ${where}: ${first.message}`,
    );
  }
  return { ...preview, batchId };
}

/** Every import batch, newest first, with what it changed and whether it can still be undone. */
export function importHistory(db: Db): ImportBatchView[] {
  const rows = db
    .prepare(
      'SELECT id, label, source, files, status, started_at, finished_at, summary FROM import_batches ORDER BY id DESC',
    )
    .all() as {
    id: number;
    label: string;
    source: string;
    files: string;
    status: 'applied' | 'undone';
    started_at: number;
    finished_at: number | null;
    summary: string;
  }[];
  const latestApplied = rows.find((r) => r.status === 'applied' && r.source !== 'demo')?.id ?? null;
  return rows.map((row) => {
    const summary = JSON.parse(row.summary) as { counts?: ImportCounts };
    return {
      id: row.id,
      label: row.label,
      source: row.source,
      files: JSON.parse(row.files) as string[],
      status: row.status,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      counts: summary.counts ?? null,
      canUndo: row.id === latestApplied,
    };
  });
}
