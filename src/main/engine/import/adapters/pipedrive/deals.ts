import type { DealStatus } from '@shared/domain/types';
import { DateTime } from 'luxon';
import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { DealRecord, ImportRecord, RowRef, StageEventRecord } from '../../records';
import { createRowReader } from '../../rowReader';
import { findColumn, type SourceTable } from '../../table';
import {
  claimedColumns,
  extraFields,
  fileDateOrder,
  hasAny,
  headerSet,
  repRefFromCell,
} from '../hubspot/sharedCells';
import {
  activityAliases,
  activityPrefixes,
  dealAliases,
  dealPrefixes,
  type PipedriveDealField,
  prefixedCount,
} from './aliases';
import { parseDealStatus } from './values';

const coreFields: PipedriveDealField[] = [
  'title',
  'value',
  'stage',
  'status',
  'owner',
  'pipeline',
  'created',
];
// Columns only Pipedrive's deal export has, for files whose headers lost the "Deal - " prefix.
const distinctive: PipedriveDealField[] = [
  'wonTime',
  'lostTime',
  'lastStageChange',
  'created',
  'expectedClose',
  'closedOn',
];
const dateFields: PipedriveDealField[] = [
  'created',
  'lastStageChange',
  'wonTime',
  'lostTime',
  'expectedClose',
  'closedOn',
];

/** Scores a header row as a Pipedrive deals export: "Deal - …" columns, or the bare forms with Pipedrive's own. */
export function detectPipedriveDeals(headers: readonly string[]): number {
  const set = headerSet(headers);
  // An activities export carries "Deal - ID"/"Deal - Title" for the linked deal: not a deals file.
  if (prefixedCount(headers, activityPrefixes) >= 2 && hasAny(set, activityAliases.subject)) return 0;
  const core = coreFields.filter((field) => hasAny(set, dealAliases[field])).length;
  const hasKey = hasAny(set, dealAliases.title) || hasAny(set, dealAliases.id);
  if (prefixedCount(headers, dealPrefixes) >= 3 && hasKey)
    return Math.min(1, 0.5 + 0.5 * (core / coreFields.length));
  const bare =
    hasAny(set, dealAliases.title) &&
    hasAny(set, dealAliases.stage) &&
    (hasAny(set, dealAliases.status) || hasAny(set, dealAliases.value)) &&
    distinctive.some((field) => hasAny(set, dealAliases[field]));
  return bare ? Math.min(0.8, 0.3 + 0.5 * (core / coreFields.length)) : 0;
}

function calendarDate(ms: number | null, zone: string): string | null {
  return ms === null ? null : DateTime.fromMillis(ms, { zone }).toISODate();
}

/**
 * Reads a Pipedrive deals export: one DealRecord per row and the coarse stage events a file
 * export allows — the current stage at "Last stage change" (keyed by stage, so a later export in
 * another stage adds an event: history by snapshots) and Won/Lost at their times.
 */
export function readPipedriveDeals(table: SourceTable, context: ReadContext): AdapterOutput {
  const dateColumns = dateFields
    .map((f) => findColumn(table.headers, dealAliases[f]))
    .filter((at) => at >= 0);
  const readContext: ReadContext = {
    ...context,
    dateOrder: context.dateOrder ?? fileDateOrder(table, dateColumns),
  };
  const reader = createRowReader(table, readContext, dealAliases);
  const claimed = claimedColumns(table, dealAliases);
  const records: ImportRecord[] = [];
  const skipped: Record<string, number> = {};

  for (const row of table.rows) {
    const at: RowRef = { file: table.fileName, line: row.line };
    const id = reader.id(row, 'id');
    if (id === null) {
      reader.error(
        row,
        reader.has('id') ? 'id' : null,
        'the deal has no ID: it cannot be matched on a later import',
      );
      continue;
    }
    const statusText = reader.text(row, 'status');
    const parsedStatus = statusText === null ? null : parseDealStatus(statusText);
    if (parsedStatus === 'deleted') {
      skipped['deleted deal'] = (skipped['deleted deal'] ?? 0) + 1;
      continue;
    }
    if (statusText !== null && parsedStatus === null) {
      reader.warn(row, 'status', `"${statusText}" is not Open, Won or Lost; the status follows the stage`);
    }
    const status: DealStatus | null = parsedStatus;
    let title = reader.text(row, 'title');
    if (title === null) {
      reader.warn(row, 'title', `the deal title is empty; it is shown as "Deal ${id}"`);
      title = `Deal ${id}`;
    }
    const stage = reader.text(row, 'stage');
    const createdAt = reader.datetime(row, 'created');
    const lastStageChange = reader.datetime(row, 'lastStageChange');
    const wonAt = reader.datetime(row, 'wonTime');
    const lostAt = reader.datetime(row, 'lostTime');
    const closedOn = reader.datetime(row, 'closedOn');
    // A deal that never moved has been in its stage since it was created.
    const stageEnteredAt = lastStageChange ?? createdAt;
    const closedAt = status === 'won' ? (wonAt ?? closedOn) : status === 'lost' ? (lostAt ?? closedOn) : null;
    const expectedClose = reader.date(row, 'expectedClose');

    const deal: DealRecord = {
      kind: 'deal',
      externalId: id,
      name: title,
      account: reader.text(row, 'organization'),
      owner: repRefFromCell(reader.text(row, 'owner')),
      amount: reader.number(row, 'value'),
      currency: reader.text(row, 'currency')?.toUpperCase() ?? null,
      createdAt,
      closeDate: calendarDate(closedAt, context.timeZone) ?? expectedClose,
      status,
      stage,
      stageEnteredAt,
      closedAt,
      lostReason: reader.text(row, 'lostReason'),
      pipeline: reader.text(row, 'pipeline'),
      customFields: extraFields(table, row, claimed),
      at,
    };
    const contact = reader.text(row, 'contact');
    if (contact !== null) deal.customFields[reader.column('contact')] = contact;
    records.push(deal);

    const events: StageEventRecord[] = [];
    const event = (suffix: string, eventStage: string, enteredAt: number): void => {
      events.push({
        kind: 'stageEvent',
        externalId: `${id}:${suffix}`,
        dealExternalId: id,
        stage: eventStage,
        enteredAt,
        at,
      });
    };
    if (stage !== null && stageEnteredAt !== null) event(`stage:${stage}`, stage, stageEnteredAt);
    // A reopened deal keeps its old won/lost time; only the outcome it has now becomes an event.
    const wonTime = wonAt ?? (status === 'won' ? closedOn : null);
    const lostTime = lostAt ?? (status === 'lost' ? closedOn : null);
    if (wonTime !== null && (status === null || status === 'won')) event('won', 'Won', wonTime);
    if (lostTime !== null && (status === null || status === 'lost')) event('lost', 'Lost', lostTime);
    records.push(...events.sort((a, b) => a.enteredAt - b.enteredAt));
  }
  return { records, issues: reader.issues, skipped };
}

export const pipedriveDealsAdapter: Adapter = {
  id: 'pipedrive-deals',
  source: 'pipedrive',
  label: 'Pipedrive deals export',
  entity: 'deals',
  detect: detectPipedriveDeals,
  required: [dealAliases.title, dealAliases.stage, [...dealAliases.status, ...dealAliases.value]],
  read: readPipedriveDeals,
};
