import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { RowRef, StageEventRecord } from '../../records';
import { createRowReader } from '../../rowReader';
import type { SourceTable } from '../../table';
import { withFileDateOrder } from './fileDates';
import { missingIdWarning, reportDealAliases, reportDealId } from './reportDeals';
import { shaped } from './shape';
import { createSkipCounter, skipReasons } from './skipped';
import { createStageEventKeys } from './stageEventIds';

const fields = {
  ...reportDealAliases,
  field: ['Field / Event', 'Field/Event'],
  oldValue: ['Old Value'],
  newValue: ['New Value'],
  editDate: ['Edit Date', 'Last Modified'],
} as const;

const dateColumns = [fields.editDate, fields.createdDate];
// The Stage field's label as the report writes it in the user's language.
const stageLabels = new Set([
  'stage',
  'stagename',
  'opportunity stage',
  'phase',
  'etapa',
  'fase',
  'étape',
  'etape',
]);
const createdEvent = /^(created|erstellt|creado|créé|criado|creato)\.?$/i;

type FirstChange = { at: number; oldValue: string | null };

/**
 * Reads an "Opportunity Field History" report into stage events: only Stage rows count, each
 * entering New Value at the edit date. When a deal also has its "Created." row, the Old Value
 * of its first stage change is the stage it was created in, so that entry is added too.
 */
function readFieldHistoryReport(table: SourceTable, context: ReadContext): AdapterOutput {
  const reader = createRowReader(table, withFileDateOrder(table, context, dateColumns), fields);
  const skipped = createSkipCounter();
  const keyFor = createStageEventKeys();
  const records: StageEventRecord[] = [];
  const created = new Map<string, { at: number; ref: RowRef }>();
  const firstChange = new Map<string, FirstChange>();
  for (const row of table.rows) {
    const label = (reader.text(row, 'field') ?? '').toLowerCase();
    const isStage = stageLabels.has(label);
    if (!isStage && !createdEvent.test(label)) {
      skipped.skip(skipReasons.notStage);
      continue;
    }
    const dealExternalId = reportDealId(reader, row);
    const at = reader.datetime(row, 'editDate');
    if (dealExternalId === null) {
      reader.error(row, 'name', 'the row names no opportunity (Opportunity ID or Opportunity Name)');
    }
    if (at === null && reader.text(row, 'editDate') === null) {
      reader.error(row, 'editDate', 'the row has no edit date');
    }
    if (dealExternalId === null || at === null) continue;
    if (!isStage) {
      created.set(dealExternalId, { at, ref: { file: table.fileName, line: row.line } });
      continue;
    }
    const stage = reader.text(row, 'newValue');
    if (stage === null) {
      reader.error(row, 'newValue', 'the stage change has no New Value');
      continue;
    }
    const first = firstChange.get(dealExternalId);
    if (!first || at < first.at) {
      firstChange.set(dealExternalId, { at, oldValue: reader.text(row, 'oldValue') });
    }
    records.push({
      kind: 'stageEvent',
      externalId: keyFor(dealExternalId, at, stage),
      dealExternalId,
      stage,
      enteredAt: at,
      at: { file: table.fileName, line: row.line },
    });
  }
  for (const [dealExternalId, creation] of created) {
    const first = firstChange.get(dealExternalId);
    if (!first?.oldValue || first.at < creation.at) {
      skipped.skip(skipReasons.notStage);
      continue;
    }
    records.push({
      kind: 'stageEvent',
      externalId: keyFor(dealExternalId, creation.at, first.oldValue),
      dealExternalId,
      stage: first.oldValue,
      enteredAt: creation.at,
      at: creation.ref,
    });
  }
  const warning = missingIdWarning(table, reader, 'stage changes');
  return { records, issues: warning ? [warning, ...reader.issues] : reader.issues, skipped: skipped.counts };
}

export const fieldHistoryReportAdapter: Adapter = {
  id: 'salesforce-field-history-report',
  source: 'salesforce',
  label: 'Salesforce Opportunity Field History report (exported CSV)',
  entity: 'stage history',
  ...shaped({
    required: [['Field / Event', 'Field/Event'], ['New Value'], ['Opportunity Name', 'Opportunity ID']],
    typical: ['Old Value', 'Edit Date', 'Edited By', 'Opportunity ID', 'Opportunity Owner', 'Account Name'],
    foreign: ['To Stage', 'From Stage', 'StageName'],
  }),
  read: readFieldHistoryReport,
};
