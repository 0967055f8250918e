import type { ColumnMapping } from './mapping';

export type DateOrderChoice = 'MDY' | 'DMY';

export type EntityCounts = { new: number; changed: number; unchanged: number };
/**
 * What an import writes, per kind of record. `derivedStageEvents` are the stage entries derived
 * from deal rows whose file carries no stage history (absent from batches of older versions).
 */
export type ImportCounts = Record<
  'reps' | 'deals' | 'stageEvents' | 'derivedStageEvents' | 'activities' | 'observations' | 'currencyRates',
  EntityCounts
>;

export type ImportIssueView = {
  severity: 'error' | 'warning';
  file: string;
  line: number | null;
  column: string | null;
  message: string;
};

export type FilePreview = {
  name: string;
  path: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  /** "comma", "semicolon", "tab", "pipe", or "—" for XLSX. */
  delimiter: string;
  sheet: string | null;
  rows: number;
  droppedLines: number;
  headers: string[];
  sample: string[][];
  /** The format that will read the file, or null when it needs a column mapping. */
  reader: { id: string; label: string; entity: string; source: string } | null;
  candidates: { id: string; label: string; score: number }[];
  mapping: ColumnMapping | null;
  mappingSaved: boolean;
  suggestedMapping: Record<string, string> | null;
  records: number;
  skipped: Record<string, number>;
  /** What the file will not contribute to the figures (no stage, owner or dates…), in sentences. */
  limits: string[];
  /** Columns whose slashed dates need the user to say day/month or month/day. */
  ambiguousDateColumns: string[];
};

export type ImportPreview = {
  files: FilePreview[];
  counts: ImportCounts;
  issues: ImportIssueView[];
  errorCount: number;
  warningCount: number;
  unmappedStages: { stage: string; rows: number }[];
  canApply: boolean;
  timeZone: string;
  /** The import removes (or, previewed, would remove) the demo data in its own transaction. */
  demoRemoved: boolean;
};

export type ImportResult = ImportPreview & { batchId: number };

export type ImportBatchView = {
  id: number;
  label: string;
  source: string;
  files: string[];
  status: 'applied' | 'undone';
  startedAt: number;
  finishedAt: number | null;
  counts: ImportCounts | null;
  canUndo: boolean;
};
