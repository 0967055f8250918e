import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { ActivityRecord, ImportRecord } from '../../records';
import { createRowReader, type RowReader } from '../../rowReader';
import { findColumn, normalizeHeader, type SourceRow, type SourceTable } from '../../table';
import { type ActivityField, activityAliases, type HubspotObject, objectColumns } from './activityAliases';
import {
  claimedColumns,
  extraFields,
  fileDateOrder,
  hasAny,
  headerSet,
  repRefFromCell,
  splitList,
  truncate,
} from './sharedCells';

const doneStatuses = new Set([
  'completed',
  'complete',
  'done',
  'erledigt',
  'abgeschlossen',
  'completada',
  'completado',
  'terminee',
  'termine',
  'concluida',
]);
const callTaskTypes = new Set(['call', 'anruf', 'llamada', 'appel', 'chamada']);
const emailTaskTypes = new Set(['email', 'e-mail', 'correo', 'correo electronico', 'courriel']);
const dateFields: ActivityField[] = ['activityDate', 'meetingStart', 'meetingEnd', 'completionDate'];

/** The activity object a header row belongs to: the one whose own columns it carries most of. */
export function hubspotObjectOf(headers: readonly string[]): HubspotObject | null {
  const set = headerSet(headers);
  let best: HubspotObject | null = null;
  let bestCount = 0;
  for (const object of Object.keys(objectColumns) as HubspotObject[]) {
    const count = objectColumns[object].filter((field) => hasAny(set, activityAliases[field])).length;
    if (count > bestCount) [best, bestCount] = [object, count];
  }
  return best;
}

/** Scores a header row as a HubSpot calls, emails, meetings, tasks or notes export. */
export function detectHubspotActivities(headers: readonly string[]): number {
  const set = headerSet(headers);
  const object = hubspotObjectOf(headers);
  if (!hasAny(set, activityAliases.recordId) || object === null) return 0;
  const own = objectColumns[object].filter((field) => hasAny(set, activityAliases[field])).length;
  const common = (['activityDate', 'assignedTo', 'dealIds'] as const).filter((f) =>
    hasAny(set, activityAliases[f]),
  ).length;
  if (common === 0) return 0;
  return Math.min(1, 0.4 + 0.1 * common + 0.1 * Math.min(own, 3));
}

/** HubSpot call durations are milliseconds; a re-saved file may show H:MM:SS or M:SS instead. */
function callSeconds(reader: RowReader<ActivityField>, row: SourceRow): number | null {
  const text = reader.text(row, 'callDuration');
  if (text === null) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) / 1000);
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (clock) {
    const [h, m, s] = clock[3] === undefined ? [0, clock[1], clock[2]] : [clock[1], clock[2], clock[3]];
    return Number(h) * 3600 + Number(m) * 60 + Number(s);
  }
  reader.error(row, 'callDuration', `"${text}" is not a call duration (milliseconds)`);
  return null;
}

type ObjectReading = {
  rawType: string;
  subject: string | null;
  occurredAt: number | null;
  durationSeconds: number | null;
  fields: Record<string, string>;
};

function put(fields: Record<string, string>, key: string, value: string | null): void {
  if (value !== null) fields[key] = truncate(value);
}

/** The object-specific part of a row: its subject, timing and the fields worth keeping by name. */
function readObject(object: HubspotObject, reader: RowReader<ActivityField>, row: SourceRow): ObjectReading {
  const fields: Record<string, string> = {};
  const activityDate = (): number | null => reader.datetime(row, 'activityDate');
  switch (object) {
    case 'call': {
      put(fields, 'notes', reader.text(row, 'callNotes'));
      put(fields, 'outcome', reader.text(row, 'callOutcome'));
      put(fields, 'direction', reader.text(row, 'callDirection'));
      put(fields, 'status', reader.text(row, 'callStatus'));
      const durationSeconds = callSeconds(reader, row);
      return {
        rawType: 'Call',
        subject: reader.text(row, 'callTitle'),
        occurredAt: activityDate(),
        durationSeconds,
        fields,
      };
    }
    case 'meeting': {
      put(fields, 'outcome', reader.text(row, 'meetingOutcome'));
      put(fields, 'body', reader.text(row, 'meetingBody'));
      const start = reader.datetime(row, 'meetingStart');
      const end = reader.datetime(row, 'meetingEnd');
      const durationSeconds =
        start !== null && end !== null && end >= start ? Math.round((end - start) / 1000) : null;
      return {
        rawType: 'Meeting',
        subject: reader.text(row, 'meetingName'),
        occurredAt: start ?? activityDate(),
        durationSeconds,
        fields,
      };
    }
    case 'task': {
      const status = reader.text(row, 'taskStatus');
      const type = reader.text(row, 'taskType');
      put(fields, 'status', status);
      put(fields, 'taskType', type);
      put(fields, 'body', reader.text(row, 'taskBody'));
      const completion = reader.datetime(row, 'completionDate');
      // Activity date is a task's due date: a done task happened when it was completed.
      const done = status === null ? completion !== null : doneStatuses.has(normalizeHeader(status));
      const kind = normalizeHeader(type ?? '');
      const rawType = callTaskTypes.has(kind) ? 'Call' : emailTaskTypes.has(kind) ? 'Email' : 'Task';
      const occurredAt = done && completion !== null ? completion : activityDate();
      return { rawType, subject: reader.text(row, 'taskTitle'), occurredAt, durationSeconds: null, fields };
    }
    case 'email':
      put(fields, 'direction', reader.text(row, 'emailDirection'));
      put(fields, 'body', reader.text(row, 'emailBody'));
      return {
        rawType: 'Email',
        subject: reader.text(row, 'emailSubject'),
        occurredAt: activityDate(),
        durationSeconds: null,
        fields,
      };
    case 'note':
      put(fields, 'body', reader.text(row, 'noteBody'));
      return { rawType: 'Note', subject: null, occurredAt: activityDate(), durationSeconds: null, fields };
  }
}

/**
 * Reads a HubSpot calls, emails, meetings, tasks or notes export: one ActivityRecord per row,
 * attributed to "Activity assigned to" (not the deal owner) and linked to the first associated
 * deal; call durations arrive in milliseconds.
 */
export function readHubspotActivities(table: SourceTable, context: ReadContext): AdapterOutput {
  const object = hubspotObjectOf(table.headers) ?? 'note';
  const dateColumns = dateFields
    .map((f) => findColumn(table.headers, activityAliases[f]))
    .filter((at) => at >= 0);
  const reader = createRowReader(
    table,
    { ...context, dateOrder: context.dateOrder ?? fileDateOrder(table, dateColumns) },
    activityAliases,
  );
  const claimed = claimedColumns(table, activityAliases);
  const records: ImportRecord[] = [];
  const skipped: Record<string, number> = {};

  for (const row of table.rows) {
    const id = reader.id(row, 'recordId');
    if (id === null) {
      reader.error(
        row,
        reader.has('recordId') ? 'recordId' : null,
        'the Record ID is empty: the activity cannot be matched on a later import',
      );
      continue;
    }
    const reading = readObject(object, reader, row);
    if (reading.occurredAt === null) {
      if (reader.text(row, 'activityDate') === null)
        reader.error(row, 'activityDate', 'the activity has no date');
      continue;
    }
    const [dealId, ...otherDeals] = splitList(reader.text(row, 'dealIds'), /[;,]/);
    const fields = { ...extraFields(table, row, claimed), ...reading.fields };
    if (otherDeals.length > 0) fields.otherDealIds = otherDeals.join(';');
    const activity: ActivityRecord = {
      kind: 'activity',
      externalId: `${object}:${id}`,
      dealExternalId: dealId ?? null,
      owner: repRefFromCell(reader.text(row, 'assignedTo')),
      rawType: reading.rawType,
      subject: reading.subject,
      occurredAt: reading.occurredAt,
      durationSeconds: reading.durationSeconds,
      contact: splitList(reader.text(row, 'contact'))[0] ?? null,
      fields,
      at: { file: table.fileName, line: row.line },
    };
    records.push(activity);
  }
  return { records, issues: reader.issues, skipped };
}

export const hubspotActivitiesAdapter: Adapter = {
  id: 'hubspot-activities',
  source: 'hubspot',
  label: 'HubSpot activities export (calls, emails, meetings, tasks, notes)',
  entity: 'activities',
  detect: detectHubspotActivities,
  read: readHubspotActivities,
};
