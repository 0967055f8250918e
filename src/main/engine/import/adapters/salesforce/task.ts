import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { ActivityRecord } from '../../records';
import { createRowReader, type RowReader, salesforceId } from '../../rowReader';
import type { SourceRow, SourceTable } from '../../table';
import { apiZone, withFileDateOrder } from './fileDates';
import { clip, idPrefix, ownerRef, presentFields, whatLink } from './refs';
import { shaped } from './shape';
import { createSkipCounter, skipReasons } from './skipped';

const fields = {
  id: ['Id'],
  isDeleted: ['IsDeleted'],
  whatId: ['WhatId'],
  whoId: ['WhoId'],
  ownerId: ['OwnerId'],
  ownerName: ['Owner.Name'],
  subject: ['Subject'],
  activityDate: ['ActivityDate'],
  status: ['Status'],
  priority: ['Priority'],
  taskSubtype: ['TaskSubtype'],
  type: ['Type'],
  callType: ['CallType'],
  callDuration: ['CallDurationInSeconds'],
  callDisposition: ['CallDisposition'],
  createdDate: ['CreatedDate'],
  completedDateTime: ['CompletedDateTime'],
  lastModifiedDate: ['LastModifiedDate'],
  isClosed: ['IsClosed'],
  description: ['Description'],
} as const;

type Field = keyof typeof fields;

const dateColumns = [
  fields.activityDate,
  fields.createdDate,
  fields.completedDateTime,
  fields.lastModifiedDate,
];
const maxDescription = 2000;

/** Reads a Task export into activities, leaving out list emails (mass mailings, not rep work) and deleted rows. */
function readTasks(table: SourceTable, context: ReadContext): AdapterOutput {
  const reader = createRowReader(table, withFileDateOrder(table, context, dateColumns), fields);
  const skipped = createSkipCounter();
  const records: ActivityRecord[] = [];
  for (const row of table.rows) {
    if (reader.bool(row, 'isDeleted') === true) {
      skipped.skip(skipReasons.deleted);
      continue;
    }
    const rawWhatId = reader.id(row, 'whatId');
    const subtype = reader.text(row, 'taskSubtype');
    if (rawWhatId?.startsWith(idPrefix.listEmail) || subtype?.toLowerCase() === 'listemail') {
      skipped.skip(skipReasons.listEmail);
      continue;
    }
    const externalId = salesforceId(reader.id(row, 'id'));
    if (externalId === null) {
      reader.error(row, 'id', 'the task has no Id');
      continue;
    }
    const occurred = occurredAt(reader, row);
    if (occurred === undefined) {
      reader.error(row, null, 'the task has no date (CompletedDateTime, ActivityDate or CreatedDate)');
      continue;
    }
    if (occurred === null) continue;
    // Salesforce writes 0 seconds on every task that is not a logged call.
    const seconds = reader.integer(row, 'callDuration');
    const callType = reader.text(row, 'callType');
    const rawType =
      subtype ?? reader.text(row, 'type') ?? ((seconds ?? 0) > 0 || callType !== null ? 'Call' : 'Task');
    const link = whatLink(rawWhatId);
    const description = reader.text(row, 'description');
    const status = reader.text(row, 'status');
    const priority = reader.text(row, 'priority');
    const closed = reader.has('isClosed')
      ? reader.bool(row, 'isClosed')
      : status === null
        ? null
        : /^complete/i.test(status);
    // Only what differs from the usual is kept: a million completed, normal-priority tasks
    // would otherwise store the same two words a million times.
    const extra: Record<string, string | null> = {
      status: status !== null && /^completed$/i.test(status) ? null : status,
      priority: priority !== null && /^normal$/i.test(priority) ? null : priority,
      // An open task is a to-do, not something that happened: the evaluator does not count it.
      done: closed === false ? 'no' : null,
      callType,
      callDisposition: reader.text(row, 'callDisposition'),
      description: description === null ? null : clip(description, maxDescription),
      whatId: link.whatId,
    };
    records.push({
      kind: 'activity',
      externalId,
      dealExternalId: link.dealExternalId,
      owner: ownerRef(reader.id(row, 'ownerId'), reader.text(row, 'ownerName')),
      rawType,
      subject: reader.text(row, 'subject'),
      occurredAt: occurred,
      durationSeconds: seconds !== null && seconds > 0 ? seconds : null,
      contact: salesforceId(reader.id(row, 'whoId')),
      fields: presentFields(extra),
      at: { file: table.fileName, line: row.line },
    });
  }
  return { records, issues: reader.issues, skipped: skipped.counts };
}

/**
 * When a task happened: its completion time; for closed tasks from API versions without
 * CompletedDateTime, the last edit; else its due date (midnight UTC); else its creation.
 * Null when a present date did not parse (already reported), undefined when there is none.
 */
function occurredAt(reader: RowReader<Field>, row: SourceRow): number | null | undefined {
  const candidates: Field[] = ['completedDateTime'];
  if (reader.bool(row, 'isClosed') === true) candidates.push('lastModifiedDate');
  candidates.push('activityDate', 'createdDate');
  for (const field of candidates) {
    if (reader.text(row, field) === null) continue;
    return reader.datetime(row, field, apiZone);
  }
  return undefined;
}

export const taskAdapter: Adapter = {
  id: 'salesforce-task',
  source: 'salesforce',
  label: 'Salesforce tasks: calls, emails, to-dos (Task.csv)',
  entity: 'activities',
  ...shaped({
    required: [
      ['WhatId', 'WhoId'],
      ['Subject'],
      ['Status', 'TaskSubtype', 'CallDurationInSeconds', 'CompletedDateTime'],
    ],
    typical: [
      'Id',
      'OwnerId',
      'ActivityDate',
      'Status',
      'Priority',
      'IsClosed',
      'CallDurationInSeconds',
      'CallType',
      'TaskSubtype',
      'CreatedDate',
    ],
    foreign: ['EndDateTime', 'ActivityDateTime', 'ShowAs'],
    excluded: ['StartDateTime', 'DurationInMinutes', 'IsAllDayEvent'],
  }),
  read: readTasks,
};
