import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { StageEventRecord } from '../../records';
import { createRowReader } from '../../rowReader';
import type { SourceTable } from '../../table';
import { withFileDateOrder } from './fileDates';
import { missingIdWarning, reportDealAliases, reportDealId } from './reportDeals';
import { shaped } from './shape';
import { createStageEventKeys } from './stageEventIds';

const fields = {
  ...reportDealAliases,
  toStage: ['To Stage'],
  editDate: ['Last Modified', 'Edit Date', 'Last Modified Date'],
} as const;

const dateColumns = [fields.editDate, fields.createdDate, ['Close Date']];

/**
 * Reads an "Opportunity History" report into stage events: each row puts its deal into
 * To Stage at the edit date. Rows that repeat the stage (amount or date edits) are kept.
 */
function readOpportunityHistoryReport(table: SourceTable, context: ReadContext): AdapterOutput {
  const reader = createRowReader(table, withFileDateOrder(table, context, dateColumns), fields);
  const keyFor = createStageEventKeys();
  const records: StageEventRecord[] = [];
  for (const row of table.rows) {
    const dealExternalId = reportDealId(reader, row);
    const stage = reader.text(row, 'toStage');
    const enteredAt = reader.datetime(row, 'editDate');
    if (dealExternalId === null) {
      reader.error(row, 'name', 'the row names no opportunity (Opportunity ID or Opportunity Name)');
    }
    if (stage === null) reader.error(row, 'toStage', 'the row has no To Stage');
    if (enteredAt === null && reader.text(row, 'editDate') === null) {
      reader.error(row, 'editDate', 'the row has no edit date');
    }
    if (dealExternalId === null || stage === null || enteredAt === null) continue;
    records.push({
      kind: 'stageEvent',
      externalId: keyFor(dealExternalId, enteredAt, stage),
      dealExternalId,
      stage,
      enteredAt,
      at: { file: table.fileName, line: row.line },
    });
  }
  const warning = missingIdWarning(table, reader, 'stage changes');
  return { records, issues: warning ? [warning, ...reader.issues] : reader.issues, skipped: {} };
}

export const opportunityHistoryReportAdapter: Adapter = {
  id: 'salesforce-opportunity-history-report',
  source: 'salesforce',
  label: 'Salesforce Opportunity History report (exported CSV)',
  entity: 'stage history',
  ...shaped({
    required: [
      ['Opportunity Name', 'Opportunity ID'],
      ['To Stage'],
      ['Last Modified', 'Edit Date', 'Last Modified Date'],
    ],
    typical: [
      'From Stage',
      'Stage Duration',
      'Amount',
      'Close Date',
      'Probability (%)',
      'Opportunity Owner',
      'Opportunity ID',
      'Last Modified By',
    ],
    foreign: ['Field / Event', 'Field/Event', 'StageName', 'OpportunityId'],
  }),
  read: readOpportunityHistoryReport,
};
