import type { DealStatus } from '@shared/domain/types';
import { DateTime } from 'luxon';
import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { DealRecord, ImportRecord, StageEventRecord } from '../../records';
import { createRowReader, type RowReader } from '../../rowReader';
import { findColumn, normalizeHeader, type SourceRow, type SourceTable } from '../../table';
import { associationBodyHeaders, type DealField, dealAliases } from './dealAliases';
import { enteredStages, type EnteredStage, findStageColumns } from './stageColumns';
import {
  claimedColumns,
  extraFields,
  fileDateOrder,
  hasAny,
  headerSet,
  repRefFromCell,
  splitList,
} from './sharedCells';

const coreFields: DealField[] = [
  'dealName',
  'dealStage',
  'pipeline',
  'owner',
  'amount',
  'closeDate',
  'createDate',
];
const dateFields: DealField[] = ['closeDate', 'createDate', 'enteredCurrentStage'];
const bodyHeaders = new Set(associationBodyHeaders.map(normalizeHeader));

/** Scores a header row as a HubSpot deals export: Record ID plus deal properties, or per-stage timestamp columns. */
export function detectHubspotDeals(headers: readonly string[]): number {
  const set = headerSet(headers);
  const hasId = hasAny(set, dealAliases.recordId);
  const hasStageColumns = findStageColumns(headers).some((c) => c.kind === 'entered');
  const core = coreFields.filter((field) => hasAny(set, dealAliases[field])).length;
  if (!hasId && !hasStageColumns) return 0;
  // Contacts and companies exports have a Record ID too, but none of the deal properties.
  if (core === 0 && !hasStageColumns) return 0;
  if (!hasAny(set, dealAliases.dealName) && !hasAny(set, dealAliases.dealStage) && !hasStageColumns) return 0;
  return Math.min(1, (hasId ? 0.3 : 0) + 0.1 * core + (hasStageColumns ? 0.2 : 0));
}

function optionalBool(reader: RowReader<DealField>, row: SourceRow, field: DealField): boolean | null {
  return reader.text(row, field) === null ? null : reader.bool(row, field);
}

/** The outcome HubSpot states with its booleans; null (derive from the stage) when the export has none. */
function dealStatus(reader: RowReader<DealField>, row: SourceRow): DealStatus | null {
  const won = optionalBool(reader, row, 'isClosedWon');
  const lost = optionalBool(reader, row, 'isClosedLost');
  const closed = optionalBool(reader, row, 'isClosed');
  if (won === true) return 'won';
  if (lost === true) return 'lost';
  if (closed === false || (won === false && lost === false)) return 'open';
  return null;
}

function isBodyColumn(header: string): boolean {
  return bodyHeaders.has(normalizeHeader(header.replace(/\s*\(\d+\)$/, '')));
}

function stageEvents(
  stages: readonly EnteredStage[],
  reader: RowReader<string>,
  row: SourceRow,
  dealId: string,
  at: DealRecord['at'],
): (StageEventRecord & { pipeline: string | null })[] {
  const events: (StageEventRecord & { pipeline: string | null })[] = [];
  for (const entry of stages) {
    // v2 first; the legacy column only fills in for a stage v2 left empty.
    const column = entry.columns.find((c) => reader.text(row, String(c.index)) !== null);
    if (!column) continue;
    const enteredAt = reader.datetime(row, String(column.index));
    if (enteredAt === null) continue;
    const label = entry.pipeline === null ? entry.stage : `${entry.stage} (${entry.pipeline})`;
    events.push({
      kind: 'stageEvent',
      externalId: `${dealId}:entered:${label}`,
      dealExternalId: dealId,
      stage: entry.stage,
      enteredAt,
      at,
      pipeline: entry.pipeline,
    });
  }
  return events.sort((a, b) => a.enteredAt - b.enteredAt || a.stage.localeCompare(b.stage));
}

/** When the deal entered its current stage: HubSpot's own column, else the matching unpivoted event. */
function currentStageEnteredAt(
  explicit: number | null,
  stage: string | null,
  pipeline: string | null,
  events: readonly (StageEventRecord & { pipeline: string | null })[],
): number | null {
  if (explicit !== null || stage === null) return explicit;
  const same = (a: string | null, b: string | null): boolean =>
    normalizeHeader(a ?? '') === normalizeHeader(b ?? '');
  const matching = events.filter((e) => same(e.stage, stage));
  const inPipeline = matching.filter(
    (e) => pipeline === null || e.pipeline === null || same(e.pipeline, pipeline),
  );
  const candidates = inPipeline.length > 0 ? inPipeline : matching;
  return candidates.length > 0 ? candidates[candidates.length - 1]!.enteredAt : null;
}

/**
 * Reads a HubSpot deals export: one DealRecord per row and one StageEventRecord per non-empty
 * `Date entered "<Stage> (<Pipeline>)"` column — the only stage history HubSpot exports carry —
 * with zone-less portal datetimes read in the context time zone.
 */
export function readHubspotDeals(table: SourceTable, context: ReadContext): AdapterOutput {
  const stageColumns = findStageColumns(table.headers);
  const stages = enteredStages(stageColumns);
  const dateColumns = [
    ...dateFields.map((f) => findColumn(table.headers, dealAliases[f])).filter((at) => at >= 0),
    ...stageColumns.map((c) => c.index),
  ];
  const readContext: ReadContext = {
    ...context,
    dateOrder: context.dateOrder ?? fileDateOrder(table, dateColumns),
  };
  const reader = createRowReader(table, readContext, dealAliases);
  const stageReader = createRowReader<string>(
    table,
    readContext,
    Object.fromEntries(stageColumns.map((c) => [String(c.index), [c.header]])),
  );
  const claimed = claimedColumns(table, dealAliases);
  for (const stage of stages) for (const column of stage.columns) claimed.add(column.index);
  const records: ImportRecord[] = [];
  const skipped: Record<string, number> = {};

  if (!reader.has('recordId')) {
    return {
      records,
      skipped,
      issues: [
        {
          severity: 'error',
          file: table.fileName,
          line: null,
          column: null,
          message:
            'the file has no Record ID column: export the deals with it so imports can be linked and repeated',
        },
      ],
    };
  }

  for (const row of table.rows) {
    const at = { file: table.fileName, line: row.line };
    const id = reader.id(row, 'recordId');
    if (id === null) {
      reader.error(row, 'recordId', 'the Record ID is empty: the deal cannot be linked to its history');
      continue;
    }
    let name = reader.text(row, 'dealName');
    if (name === null) {
      reader.warn(row, 'dealName', `the deal name is empty; it is shown as "Deal ${id}"`);
      name = `Deal ${id}`;
    }
    const status = dealStatus(reader, row);
    const stage = reader.text(row, 'dealStage');
    const pipeline = reader.text(row, 'pipeline');
    const closeAt = reader.datetime(row, 'closeDate');
    const events = stageEvents(stages, stageReader, row, id, at);
    const deal: DealRecord = {
      kind: 'deal',
      externalId: id,
      name,
      account: splitList(reader.text(row, 'company'))[0] ?? null,
      owner: repRefFromCell(reader.text(row, 'owner')),
      amount: reader.number(row, 'amount'),
      currency: reader.text(row, 'currency')?.toUpperCase() ?? null,
      createdAt: reader.datetime(row, 'createDate'),
      // The wall-clock date in the portal's zone, as HubSpot shows it.
      closeDate:
        closeAt === null ? null : DateTime.fromMillis(closeAt, { zone: context.timeZone }).toISODate(),
      status,
      stage,
      stageEnteredAt: currentStageEnteredAt(
        reader.datetime(row, 'enteredCurrentStage'),
        stage,
        pipeline,
        events,
      ),
      // HubSpot sets the close date when a deal moves into a closed stage; without the booleans
      // the workflow decides from the stage whether it is closed, and an open deal's Close Date
      // stays its expected close (the refresh never closes an open deal at it).
      closedAt: status === 'open' ? null : closeAt,
      lostReason: reader.text(row, 'lostReason'),
      pipeline,
      customFields: extraFields(table, row, claimed, isBodyColumn),
      at,
    };
    const dealType = reader.text(row, 'dealType');
    if (dealType !== null) deal.customFields[reader.column('dealType')] = dealType;
    records.push(deal);
    for (const { pipeline: _pipeline, ...event } of events) records.push(event);
  }
  const issues = [...reader.issues, ...stageReader.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { records, issues, skipped };
}

export const hubspotDealsAdapter: Adapter = {
  id: 'hubspot-deals',
  source: 'hubspot',
  label: 'HubSpot deals export',
  entity: 'deals',
  detect: detectHubspotDeals,
  required: [dealAliases.recordId, [...dealAliases.dealName, ...dealAliases.dealStage]],
  read: readHubspotDeals,
};
