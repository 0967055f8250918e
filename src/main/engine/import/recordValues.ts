import type { AdapterOutput } from './adapter';
import type { ImportRecord } from './records';

/**
 * The numbers a record carries must fit the workspace's columns: an activity's duration is a
 * whole number of seconds (a STRICT INTEGER column), an amount a finite number. A cell like
 * "1e309" or a 400-digit "duration" parses to Infinity or to a number past 2^53; such a record
 * becomes an error on its row instead of reaching SQLite, which would refuse it mid-import with
 * a datatype error that names no file.
 */
export function checkRecordValues(output: AdapterOutput): AdapterOutput {
  const issues = [...output.issues];
  const records: ImportRecord[] = [];
  for (const record of output.records) {
    const problem = valueProblem(record);
    if (problem === null) {
      records.push(record);
      continue;
    }
    issues.push({
      severity: 'error',
      file: record.at.file,
      line: record.at.line,
      column: null,
      message: problem,
    });
  }
  return { ...output, records, issues };
}

function valueProblem(record: ImportRecord): string | null {
  if (record.kind === 'activity') {
    const seconds = record.durationSeconds;
    if (seconds !== null && !(Number.isSafeInteger(seconds) && seconds >= 0))
      return `the activity's duration (${seconds} seconds) is not a length of time Stagecoach can store`;
  }
  if (record.kind === 'deal' && record.amount !== null && !Number.isFinite(record.amount))
    return `the deal's amount (${record.amount}) is not a finite number`;
  return null;
}
