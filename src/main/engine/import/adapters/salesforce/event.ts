import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { ActivityRecord } from '../../records';
import { createRowReader, salesforceId } from '../../rowReader';
import type { SourceTable } from '../../table';
import { apiZone, withFileDateOrder } from './fileDates';
import { clip, ownerRef, presentFields, whatLink } from './refs';
import { shaped } from './shape';
import { createSkipCounter, skipReasons } from './skipped';

const fields = {
  id: ['Id'],
  isDeleted: ['IsDeleted'],
  isChild: ['IsChild'],
  whatId: ['WhatId'],
  whoId: ['WhoId'],
  ownerId: ['OwnerId'],
  ownerName: ['Owner.Name'],
  subject: ['Subject'],
  start: ['StartDateTime'],
  end: ['EndDateTime'],
  activityDateTime: ['ActivityDateTime'],
  activityDate: ['ActivityDate'],
  durationMinutes: ['DurationInMinutes'],
  type: ['Type'],
  isAllDay: ['IsAllDayEvent'],
  location: ['Location'],
  showAs: ['ShowAs'],
  description: ['Description'],
} as const;

const dateColumns = [fields.start, fields.end, fields.activityDateTime, fields.activityDate, ['CreatedDate']];
const maxDescription = 2000;

/**
 * Reads an Event export into meetings. Invitee copies of a group event (IsChild) are left out:
 * they repeat the organizer's event, and counting them would count one meeting several times.
 */
function readEvents(table: SourceTable, context: ReadContext): AdapterOutput {
  const reader = createRowReader(table, withFileDateOrder(table, context, dateColumns), fields);
  const skipped = createSkipCounter();
  const records: ActivityRecord[] = [];
  for (const row of table.rows) {
    if (reader.bool(row, 'isDeleted') === true) {
      skipped.skip(skipReasons.deleted);
      continue;
    }
    if (reader.bool(row, 'isChild') === true) {
      skipped.skip(skipReasons.childEvent);
      continue;
    }
    const externalId = salesforceId(reader.id(row, 'id'));
    if (externalId === null) {
      reader.error(row, 'id', 'the event has no Id');
      continue;
    }
    const dateField = (['start', 'activityDateTime', 'activityDate'] as const).find(
      (f) => reader.text(row, f) !== null,
    );
    if (dateField === undefined) {
      reader.error(row, null, 'the event has no date (StartDateTime, ActivityDateTime or ActivityDate)');
      continue;
    }
    const occurredAt = reader.datetime(row, dateField, apiZone);
    if (occurredAt === null) continue;
    const end = dateField === 'start' ? reader.datetime(row, 'end', apiZone) : null;
    const minutes = reader.number(row, 'durationMinutes');
    const durationSeconds =
      end !== null && end >= occurredAt
        ? Math.round((end - occurredAt) / 1000)
        : minutes === null
          ? null
          : Math.round(minutes * 60);
    const link = whatLink(reader.id(row, 'whatId'));
    const description = reader.text(row, 'description');
    const extra: Record<string, string | null> = {
      location: reader.text(row, 'location'),
      showAs: reader.text(row, 'showAs'),
      allDay: reader.bool(row, 'isAllDay') ? 'true' : null,
      description: description === null ? null : clip(description, maxDescription),
      whatId: link.whatId,
    };
    records.push({
      kind: 'activity',
      externalId,
      dealExternalId: link.dealExternalId,
      owner: ownerRef(reader.id(row, 'ownerId'), reader.text(row, 'ownerName')),
      rawType: reader.text(row, 'type') ?? 'Meeting',
      subject: reader.text(row, 'subject'),
      occurredAt,
      durationSeconds,
      contact: salesforceId(reader.id(row, 'whoId')),
      fields: presentFields(extra),
      at: { file: table.fileName, line: row.line },
    });
  }
  return { records, issues: reader.issues, skipped: skipped.counts };
}

export const eventAdapter: Adapter = {
  id: 'salesforce-event',
  source: 'salesforce',
  label: 'Salesforce events: meetings (Event.csv)',
  entity: 'activities',
  ...shaped({
    required: [['WhatId', 'WhoId'], ['Subject'], ['StartDateTime', 'ActivityDateTime', 'DurationInMinutes']],
    typical: [
      'Id',
      'OwnerId',
      'StartDateTime',
      'EndDateTime',
      'ActivityDateTime',
      'ActivityDate',
      'DurationInMinutes',
      'IsAllDayEvent',
      'Location',
      'ShowAs',
    ],
    foreign: ['CallType', 'Priority'],
    excluded: ['TaskSubtype', 'Status', 'CallDurationInSeconds', 'CompletedDateTime'],
  }),
  read: readEvents,
};
