import type { AdapterOutput } from './adapter';
import type { ImportRecord } from './records';

const recordNames: Record<ImportRecord['kind'], string> = {
  rep: 'user',
  deal: 'deal',
  stageEvent: 'stage change',
  activity: 'activity',
  observation: 'observation',
  currencyRate: 'currency rate',
};

/** A record's content without the row it came from, to tell a repeated row from a conflicting one. */
function content(record: ImportRecord): string {
  const { at: _at, ...rest } = record;
  return JSON.stringify(rest);
}

/**
 * A file that lists one record twice (the same id in two rows): an exact repeat is dropped and
 * counted as skipped; two rows that disagree are an error naming both rows, because importing
 * either would be a guess — and importing both in turn would make every re-import of the file
 * "change" the record back and forth.
 */
export function dropRepeatedRecords(output: AdapterOutput): AdapterOutput {
  const seen = new Map<string, { record: ImportRecord; content: string }>();
  const records: ImportRecord[] = [];
  const issues = [...output.issues];
  const skipped = { ...output.skipped };
  for (const record of output.records) {
    const key = `${record.kind}\u0000${record.at.file}\u0000${record.externalId}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { record, content: content(record) });
      records.push(record);
      continue;
    }
    if (first.content === content(record)) {
      skipped['repeated row'] = (skipped['repeated row'] ?? 0) + 1;
      continue;
    }
    const where = first.record.at.line === record.at.line ? 'the same row' : `row ${first.record.at.line}`;
    issues.push({
      severity: 'error',
      file: record.at.file,
      line: record.at.line,
      column: null,
      message: `this row has the id of the ${recordNames[record.kind]} on ${where} with other values: a file must list each record once`,
    });
  }
  return { ...output, records, issues, skipped };
}
