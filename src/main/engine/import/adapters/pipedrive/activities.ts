import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import { parseDateTime } from '../../dates';
import type { ActivityRecord, ImportRecord } from '../../records';
import { createRowReader, type RowReader } from '../../rowReader';
import { findColumn, type SourceRow, type SourceTable } from '../../table';
import {
  claimedColumns,
  extraFields,
  fileDateOrder,
  hasAny,
  headerSet,
  repRefFromCell,
  truncate,
} from '../hubspot/sharedCells';
import { activityAliases, activityPrefixes, type PipedriveActivityField, prefixedCount } from './aliases';
import { parseClockTime, parseDone, parseDuration } from './values';

type Field = PipedriveActivityField;

const coreFields: Field[] = ['subject', 'type', 'dueDate', 'done', 'assignedTo', 'duration'];

/** Scores a header row as a Pipedrive activities export: "Activity - …" columns, or the bare forms. */
export function detectPipedriveActivities(headers: readonly string[]): number {
  const set = headerSet(headers);
  const core = coreFields.filter((field) => hasAny(set, activityAliases[field])).length;
  const hasKey = hasAny(set, activityAliases.subject) || hasAny(set, activityAliases.type);
  if (prefixedCount(headers, activityPrefixes) >= 2 && hasKey)
    return Math.min(1, 0.5 + 0.5 * (core / coreFields.length));
  const bare =
    hasAny(set, activityAliases.subject) &&
    hasAny(set, activityAliases.type) &&
    hasAny(set, activityAliases.dueDate) &&
    (hasAny(set, activityAliases.done) || hasAny(set, activityAliases.assignedTo));
  return bare ? Math.min(0.8, 0.3 + 0.5 * (core / coreFields.length)) : 0;
}

/** Due date plus due time, read in the context zone; a due date alone keeps any time it carries itself. */
function dueAt(reader: RowReader<Field>, row: SourceRow, context: ReadContext): number | null {
  const timeText = reader.text(row, 'dueTime');
  if (timeText === null) return reader.datetime(row, 'dueDate');
  const day = reader.date(row, 'dueDate');
  if (day === null) return null;
  const time = parseClockTime(timeText);
  if (time === null) {
    reader.error(row, 'dueTime', `"${timeText}" is not a time of day`);
    return null;
  }
  const parsed = parseDateTime(`${day} ${time}`, { zone: context.timeZone, order: null });
  return parsed.ok ? parsed.ms : null;
}

function count(skipped: Record<string, number>, reason: string): void {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

/**
 * Reads a Pipedrive activities export (CSV or XLSX, where due dates may be Excel serials): a done
 * activity happened when it was marked done; an undone one at its due date, kept with
 * fields.done = "no" when it is past and skipped as "not done yet" when it is still ahead.
 */
export function readPipedriveActivities(
  table: SourceTable,
  context: ReadContext,
  now: number,
): AdapterOutput {
  const dateColumns = (['dueDate', 'markedDone'] as const)
    .map((f) => findColumn(table.headers, activityAliases[f]))
    .filter((at) => at >= 0);
  const readContext: ReadContext = {
    ...context,
    dateOrder: context.dateOrder ?? fileDateOrder(table, dateColumns),
  };
  const reader = createRowReader(table, readContext, activityAliases);
  const claimed = claimedColumns(table, activityAliases);
  const records: ImportRecord[] = [];
  const skipped: Record<string, number> = {};

  for (const row of table.rows) {
    const id = reader.id(row, 'id');
    if (id === null) {
      reader.error(
        row,
        reader.has('id') ? 'id' : null,
        'the activity has no ID: it cannot be matched on a later import',
      );
      continue;
    }
    const doneText = reader.text(row, 'done');
    const done = doneText === null ? false : parseDone(doneText);
    if (done === null) {
      reader.error(row, 'done', `"${doneText}" is not Done or Not done`);
      continue;
    }
    const due = dueAt(reader, row, context);
    const markedDone = reader.datetime(row, 'markedDone');
    const occurredAt = done ? (markedDone ?? due) : due;
    if (occurredAt === null) {
      if (!done) count(skipped, 'not done, no due date');
      else if (reader.text(row, 'dueDate') === null && reader.text(row, 'markedDone') === null) {
        reader.error(row, 'dueDate', 'the activity is done but has neither a due date nor a done time');
      }
      continue;
    }
    if (!done && occurredAt > now) {
      count(skipped, 'not done yet');
      continue;
    }
    const durationText = reader.text(row, 'duration');
    const durationSeconds = durationText === null ? null : parseDuration(durationText);
    if (durationText !== null && durationSeconds === null) {
      reader.error(row, 'duration', `"${durationText}" is not a duration (HH:MM)`);
    }
    const fields: Record<string, string> = { ...extraFields(table, row, claimed), done: done ? 'yes' : 'no' };
    const note = reader.text(row, 'note');
    if (note !== null) fields.note = truncate(note);
    const organization = reader.text(row, 'organization');
    if (organization !== null) fields.organization = organization;
    const dealTitle = reader.text(row, 'dealTitle');
    if (dealTitle !== null) fields.dealTitle = dealTitle;
    const activity: ActivityRecord = {
      kind: 'activity',
      externalId: id,
      dealExternalId: reader.id(row, 'dealId'),
      owner: repRefFromCell(reader.text(row, 'assignedTo')),
      rawType: reader.text(row, 'type'),
      subject: reader.text(row, 'subject'),
      occurredAt,
      durationSeconds,
      contact: reader.text(row, 'person'),
      fields,
      at: { file: table.fileName, line: row.line },
    };
    records.push(activity);
  }
  return { records, issues: reader.issues, skipped };
}

/** The Pipedrive activities adapter; `now` decides which undone activities are still ahead. */
export function createPipedriveActivitiesAdapter(now: () => number = () => Date.now()): Adapter {
  return {
    id: 'pipedrive-activities',
    source: 'pipedrive',
    label: 'Pipedrive activities export',
    entity: 'activities',
    detect: detectPipedriveActivities,
    read: (table, context) => readPipedriveActivities(table, context, now()),
  };
}
