import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { ImportIssue, ImportRecord, ObservationRecord } from '../../records';
import { createRowReader } from '../../rowReader';
import { normalizeHeader, type SourceTable } from '../../table';
import { claimedColumns, hasAny, headerSet, repRefFromCell, splitList } from '../hubspot/sharedCells';
import {
  checklistItem,
  type ObservationField,
  observationAliases,
  parseChecklistState,
  rubricCriterion,
} from './columns';

type Column = { index: number; header: string; name: string };

/** Scores a header row as a shadowing-observations sheet: coach, rep and date, plus rubric or checklist columns. */
export function detectObservations(headers: readonly string[]): number {
  const set = headerSet(headers);
  const has = (field: ObservationField): boolean => hasAny(set, observationAliases[field]);
  if (!has('coach') || !has('rep') || !has('date')) return 0;
  const scored = headers.some((h) => rubricCriterion(h) !== null || checklistItem(h) !== null);
  return Math.min(
    1,
    0.6 + (has('deal') || has('dealId') ? 0.1 : 0) + (has('stage') ? 0.1 : 0) + (scored ? 0.2 : 0),
  );
}

/**
 * Sorts the columns no field claims into rubric scores (by header) and checklist items (by
 * header, or because most of their cells are checklist states); the rest are reported and left out.
 */
function classifyColumns(
  table: SourceTable,
  claimed: ReadonlySet<number>,
): { rubric: Column[]; checklist: Column[]; ignored: Column[] } {
  const rubric: Column[] = [];
  const checklist: Column[] = [];
  const ignored: Column[] = [];
  table.headers.forEach((header, index) => {
    if (claimed.has(index)) return;
    const criterion = rubricCriterion(header);
    if (criterion !== null) return void rubric.push({ index, header, name: criterion });
    const item = checklistItem(header);
    if (item !== null) return void checklist.push({ index, header, name: item });
    const values = table.rows.map((r) => (r.cells[index] ?? '').trim()).filter((v) => v !== '');
    if (values.length === 0) return;
    const states = values.filter((v) => parseChecklistState(v) !== null).length;
    // A typo in one cell must not turn a checklist column into an ignored one: majority decides.
    if (states * 2 >= values.length) checklist.push({ index, header, name: header });
    else ignored.push({ index, header, name: header });
  });
  return { rubric, checklist, ignored };
}

/** A stable key for a row without an Observation ID, so importing the same sheet again updates it. */
function observationKey(coach: string, rep: string, date: string, deal: string | null): string {
  return ['obs', coach, rep, date, deal ?? ''].map((part) => normalizeHeader(part)).join('|');
}

/** A deal cell is an id when it is one token with a digit in it ("18734", "006Ec00000AieKF"). */
function looksLikeId(value: string): boolean {
  return !/\s/.test(value) && /\d/.test(value);
}

/**
 * Reads a shadowing-observations sheet: one ObservationRecord per row with its checklist states
 * and rubric scores; a score outside 1–5 or a cell that is no checklist state is an error at its
 * row and column.
 */
export function readObservations(table: SourceTable, context: ReadContext): AdapterOutput {
  const reader = createRowReader(table, context, observationAliases);
  const claimed = claimedColumns(table, observationAliases);
  const { rubric, checklist, ignored } = classifyColumns(table, claimed);
  const cells = createRowReader<string>(
    table,
    context,
    Object.fromEntries([...rubric, ...checklist].map((c) => [String(c.index), [c.header]])),
  );
  const fileIssues: ImportIssue[] = ignored.map((c) => ({
    severity: 'warning',
    file: table.fileName,
    line: null,
    column: c.header,
    message:
      'this column is neither a rubric score nor a checklist item (done/partial/skipped/n.a.): it is not imported',
  }));
  const records: ImportRecord[] = [];
  const seen = new Map<string, number>();

  for (const row of table.rows) {
    const coach = reader.text(row, 'coach');
    const repText = reader.text(row, 'rep');
    const observedOn = reader.date(row, 'date');
    if (coach === null) reader.error(row, 'coach', 'the coach is empty');
    if (repText === null) reader.error(row, 'rep', 'the rep is empty');
    if (observedOn === null && reader.text(row, 'date') === null)
      reader.error(row, 'date', 'the date is empty');
    if (coach === null || repText === null || observedOn === null) continue;

    const dealCell = reader.text(row, 'deal');
    const dealId = reader.id(row, 'dealId') ?? (dealCell !== null && looksLikeId(dealCell) ? dealCell : null);
    const dealName = dealCell !== null && dealCell !== dealId ? dealCell : null;

    const scores: ObservationRecord['rubric'] = [];
    for (const column of rubric) {
      const score = cells.number(row, String(column.index));
      if (score === null) continue;
      if (score < 1 || score > 5) cells.error(row, String(column.index), `the score ${score} is outside 1–5`);
      else scores.push({ criterion: column.name, score });
    }
    const states: ObservationRecord['checklist'] = [];
    for (const column of checklist) {
      const value = cells.text(row, String(column.index));
      if (value === null) continue;
      const state = parseChecklistState(value);
      if (state === null)
        cells.error(row, String(column.index), `"${value}" is not done, partial, skipped or n.a.`);
      else states.push({ key: column.name, state });
    }

    let externalId =
      reader.text(row, 'observationId') ?? observationKey(coach, repText, observedOn, dealId ?? dealName);
    const repeats = (seen.get(externalId) ?? 0) + 1;
    seen.set(externalId, repeats);
    if (repeats > 1) {
      reader.warn(
        row,
        reader.has('observationId') ? 'observationId' : null,
        'the same observation appears again in this file; both are kept',
      );
      externalId = `${externalId}|${repeats}`;
    }
    records.push({
      kind: 'observation',
      externalId,
      coach,
      rep: repRefFromCell(repText) ?? { name: repText },
      dealExternalId: dealId,
      dealName,
      stage: reader.text(row, 'stage'),
      observedOn,
      checklist: states,
      rubric: scores,
      tags: [...new Set(splitList(reader.text(row, 'tags'), /[;,]/))],
      notes: reader.text(row, 'notes') ?? '',
      at: { file: table.fileName, line: row.line },
    });
  }
  const issues = [
    ...fileIssues,
    ...[...reader.issues, ...cells.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  ];
  return { records, issues, skipped: {} };
}

export const observationsAdapter: Adapter = {
  id: 'observations-sheet',
  source: 'sheet',
  label: 'Shadowing observations sheet',
  entity: 'observations',
  detect: detectObservations,
  read: readObservations,
};
