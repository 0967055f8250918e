import type { ApiResult } from './envelope';
import type { EngineEvent } from './events';
import { type ApiMethod, apiMethodNames } from './methods';

/**
 * What the preload exposes as `window.stagecoach`: one named function per API method,
 * grouped by noun (`deals.list`), each returning the result envelope, and an event subscription.
 */
export type Bridge = {
  methods: Record<string, Record<string, (input: unknown) => Promise<ApiResult<unknown>>>>;
  onEvent: (listener: (event: EngineEvent) => void) => () => void;
  /** The path on disk of a file the user picked or dropped (Electron's webUtils.getPathForFile). */
  pathForFile: (file: unknown) => string;
  /** Desktop only: print routes saved as PDF files through a save or folder dialog. */
  pdf?: PdfBridge;
};

/** The paper a print route is laid out for. */
export type PdfPaper = 'a4' | 'letter';

/** The period, workflow version and teams of a scorecard PDF; `at` is any day of the period. */
export type PdfScorecardScope = {
  kind: 'month' | 'quarter';
  at: string;
  versionId: number | null;
  teams: string[];
};

/** What to save as PDF: one rep's scorecard, the team summary, every rep into a folder, or a prep. */
export type PdfExportRequest =
  | { kind: 'rep'; repId: number; scope: PdfScorecardScope; paper: PdfPaper }
  | { kind: 'team'; scope: PdfScorecardScope; paper: PdfPaper }
  | { kind: 'everyRep'; scope: PdfScorecardScope; paper: PdfPaper; combined: boolean }
  | { kind: 'oneOnOne'; repId: number; paper: PdfPaper };

/** How an export ended: files written (a folder for every rep), or stopped by the user. */
export type PdfExportOutcome =
  | { status: 'saved'; files: string[]; folder: string | null }
  | { status: 'cancelled'; files: string[]; folder: string | null };

/** Progress of a running export: PDFs finished of the total, and the one being drawn. */
export type PdfProgress = { done: number; total: number; current: string | null };

export type PdfBridge = {
  export: (request: PdfExportRequest) => Promise<ApiResult<PdfExportOutcome>>;
  /** Stops the running export after the PDF being drawn is abandoned. */
  cancel: () => Promise<void>;
  onProgress: (listener: (progress: PdfProgress) => void) => () => void;
};

/** Splits `noun:verb` into its two parts. */
export function splitMethod(method: ApiMethod): [noun: string, verb: string] {
  const [noun, verb] = method.split(':') as [string, string];
  return [noun, verb];
}

/** Builds the nested named-method object from one function that calls a method by name. */
export function buildNamedMethods<T>(
  call: (method: ApiMethod, input: unknown) => T,
): Record<string, Record<string, (input: unknown) => T>> {
  const tree: Record<string, Record<string, (input: unknown) => T>> = {};
  for (const method of apiMethodNames) {
    const [noun, verb] = splitMethod(method);
    (tree[noun] ??= {})[verb] = (input: unknown) => call(method, input);
  }
  return tree;
}
