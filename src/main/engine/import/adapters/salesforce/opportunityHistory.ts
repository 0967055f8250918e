import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { StageEventRecord } from '../../records';
import { createRowReader, salesforceId } from '../../rowReader';
import type { SourceTable } from '../../table';
import { apiZone, withFileDateOrder } from './fileDates';
import { shaped } from './shape';
import { createSkipCounter, skipReasons } from './skipped';
import { createStageEventKeys } from './stageEventIds';

const fields = {
  id: ['Id'],
  isDeleted: ['IsDeleted'],
  opportunityId: ['OpportunityId'],
  createdDate: ['CreatedDate'],
  stage: ['StageName'],
} as const;

const dateColumns = [fields.createdDate, ['CloseDate'], ['SystemModstamp'], ['ValidThroughDate']];

/**
 * Reads OpportunityHistory into one stage event per row. Rows that repeat the current stage
 * (Salesforce writes one for every amount or close-date change) are kept, as the source has them;
 * the shared stage-visit logic does not count them as visits.
 */
function readOpportunityHistory(table: SourceTable, context: ReadContext): AdapterOutput {
  const reader = createRowReader(table, withFileDateOrder(table, context, dateColumns), fields);
  const skipped = createSkipCounter();
  const keyFor = createStageEventKeys();
  const records: StageEventRecord[] = [];
  for (const row of table.rows) {
    if (reader.bool(row, 'isDeleted') === true) {
      skipped.skip(skipReasons.deleted);
      continue;
    }
    const dealExternalId = salesforceId(reader.id(row, 'opportunityId'));
    const enteredAt = reader.datetime(row, 'createdDate', apiZone);
    const stage = reader.text(row, 'stage');
    if (dealExternalId === null) reader.error(row, 'opportunityId', 'the history row names no opportunity');
    if (enteredAt === null && reader.text(row, 'createdDate') === null) {
      reader.error(row, 'createdDate', 'the history row has no date');
    }
    if (stage === null) reader.error(row, 'stage', 'the history row has no stage');
    if (dealExternalId === null || enteredAt === null || stage === null) continue;
    records.push({
      kind: 'stageEvent',
      externalId: salesforceId(reader.id(row, 'id')) ?? keyFor(dealExternalId, enteredAt, stage),
      dealExternalId,
      stage,
      enteredAt,
      at: { file: table.fileName, line: row.line },
    });
  }
  return { records, issues: reader.issues, skipped: skipped.counts };
}

export const opportunityHistoryAdapter: Adapter = {
  id: 'salesforce-opportunity-history',
  source: 'salesforce',
  label: 'Salesforce stage history (OpportunityHistory.csv)',
  entity: 'stage history',
  ...shaped({
    required: [['OpportunityId'], ['StageName'], ['CreatedDate']],
    typical: [
      'Id',
      'CreatedById',
      'Amount',
      'CloseDate',
      'Probability',
      'ForecastCategory',
      'ExpectedRevenue',
      'IsDeleted',
    ],
    foreign: ['Field', 'Field / Event'],
    excluded: ['Name', 'IsClosed', 'IsWon'],
  }),
  read: readOpportunityHistory,
};
