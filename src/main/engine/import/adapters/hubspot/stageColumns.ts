import { normalizeHeader } from '../../table';

/** One per-stage timestamp column of a HubSpot deals export (FORMATS.md §1.3). */
export type StageColumn = {
  index: number;
  header: string;
  kind: 'entered' | 'exited';
  /** v2 labels quote with "…", legacy ones with '…'; internal names say hs_v2_ or hs_. */
  family: 'v2' | 'legacy';
  stage: string;
  pipeline: string | null;
};

// Everything up to the first quote is the prefix ("Date entered "); the quoted part runs to the
// last quote, so apostrophes inside stage names survive. A trailing " (2)" is dedupeHeaders'
// renaming: legacy and v2 labels of one stage normalize alike, so the second one gets it.
const quotedLabel = /^(.*?)(["“„”'‘’])(.+)(["“”'‘’])(?:\s*\(\d+\))?\s*$/;
const internalName = /^hs_(v2_)?date_(entered|exited)_(.+?)(?:\s*\(\d+\))?$/i;
// The prefixes in other languages are guesses; the English ones are verified.
const enteredWords = /entered|eintritt|eingetreten|eingang|entrada|ingreso|entree|entrou|ingresso/;
const exitedWords = /exited|austritt|verlassen|ausgang|salida|sortie|saida|uscita/;
const doubleQuotes = new Set(['"', '“', '„', '”']);

/** Splits "Stage (Pipeline)" at the last parenthesised group: stage names may hold parentheses too. */
export function splitStageLabel(label: string): { stage: string; pipeline: string | null } {
  const m = /^(.*\S)\s*\(([^()]*)\)\s*$/.exec(label.trim());
  if (!m) return { stage: label.trim(), pipeline: null };
  return { stage: m[1]!, pipeline: m[2]!.trim() || null };
}

/** Reads a header as a per-stage entered/exited timestamp column, or null for any other column. */
export function parseStageColumn(header: string, index: number): StageColumn | null {
  const internal = internalName.exec(header.trim());
  if (internal) {
    if (/^current_stage$/i.test(internal[3]!)) return null;
    return {
      index,
      header,
      kind: internal[2]!.toLowerCase() === 'entered' ? 'entered' : 'exited',
      family: internal[1] ? 'v2' : 'legacy',
      stage: internal[3]!,
      pipeline: null,
    };
  }
  const m = quotedLabel.exec(header.trim());
  if (!m) return null;
  const prefix = normalizeHeader(m[1]!);
  const kind = enteredWords.test(prefix) ? 'entered' : exitedWords.test(prefix) ? 'exited' : null;
  // "Cumulative time in" / "Latest time in" / "Time in" are durations in unreliable units: not used.
  if (kind === null) return null;
  const { stage, pipeline } = splitStageLabel(m[3]!);
  return { index, header, kind, family: doubleQuotes.has(m[2]!) ? 'v2' : 'legacy', stage, pipeline };
}

/** All per-stage timestamp columns of a header row. */
export function findStageColumns(headers: readonly string[]): StageColumn[] {
  return headers.flatMap((header, index) => parseStageColumn(header, index) ?? []);
}

/** One stage with its entered columns: the v2 one wins, the legacy one fills in when v2 is empty. */
export type EnteredStage = { stage: string; pipeline: string | null; columns: StageColumn[] };

/** Groups the entered columns by stage and pipeline, v2 before legacy. */
export function enteredStages(columns: readonly StageColumn[]): EnteredStage[] {
  const byKey = new Map<string, EnteredStage>();
  for (const column of columns) {
    if (column.kind !== 'entered') continue;
    const key = `${normalizeHeader(column.stage)}|${normalizeHeader(column.pipeline ?? '')}`;
    const entry = byKey.get(key) ?? { stage: column.stage, pipeline: column.pipeline, columns: [] };
    entry.columns.push(column);
    byKey.set(key, entry);
  }
  for (const entry of byKey.values()) {
    entry.columns.sort((a, b) => (a.family === b.family ? a.index - b.index : a.family === 'v2' ? -1 : 1));
    // Prefer the v2 label's spelling of the stage for the event.
    entry.stage = entry.columns[0]!.stage;
    entry.pipeline = entry.columns[0]!.pipeline;
  }
  return [...byKey.values()];
}
