import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { DealRecord } from '../../records';
import { createRowReader, salesforceId } from '../../rowReader';
import type { SourceTable } from '../../table';
import { apiZone, withFileDateOrder } from './fileDates';
import { dealOutcome, findExtraColumns, readExtras } from './opportunityFields';
import { ownerRef } from './refs';
import { shaped } from './shape';
import { createSkipCounter, skipReasons } from './skipped';

const fields = {
  id: ['Id'],
  isDeleted: ['IsDeleted'],
  name: ['Name'],
  accountName: ['Account.Name', 'AccountName'],
  accountId: ['AccountId'],
  stage: ['StageName'],
  amount: ['Amount'],
  currency: ['CurrencyIsoCode'],
  closeDate: ['CloseDate'],
  createdDate: ['CreatedDate'],
  isClosed: ['IsClosed'],
  isWon: ['IsWon'],
  ownerId: ['OwnerId'],
  ownerName: ['Owner.Name'],
  ownerEmail: ['Owner.Email'],
  lastStageChange: ['LastStageChangeDate'],
  recordType: ['RecordType.Name', 'RecordTypeName', 'RecordType.DeveloperName'],
} as const;

const dateColumns = [fields.closeDate, fields.createdDate, fields.lastStageChange, ['LastModifiedDate']];

/** Reads an Opportunity export with API-name headers into deals; datetimes are UTC, deleted rows are left out. */
function readOpportunities(table: SourceTable, context: ReadContext): AdapterOutput {
  const reader = createRowReader(table, withFileDateOrder(table, context, dateColumns), fields);
  const extras = findExtraColumns(table.headers);
  const skipped = createSkipCounter();
  const records: DealRecord[] = [];
  for (const row of table.rows) {
    if (reader.bool(row, 'isDeleted') === true) {
      skipped.skip(skipReasons.deleted);
      continue;
    }
    const externalId = salesforceId(reader.id(row, 'id'));
    if (externalId === null) {
      reader.error(row, 'id', 'the opportunity has no Id');
      continue;
    }
    const status = dealOutcome(
      reader.has('isClosed') ? reader.bool(row, 'isClosed') : null,
      reader.has('isWon') ? reader.bool(row, 'isWon') : null,
    );
    const lastStageChange = reader.datetime(row, 'lastStageChange', apiZone);
    const { customFields, lostReason } = readExtras(row, extras);
    records.push({
      kind: 'deal',
      externalId,
      name: reader.text(row, 'name') ?? externalId,
      account: reader.text(row, 'accountName') ?? salesforceId(reader.id(row, 'accountId')),
      owner: ownerRef(
        reader.id(row, 'ownerId'),
        reader.text(row, 'ownerName'),
        reader.text(row, 'ownerEmail'),
      ),
      amount: reader.number(row, 'amount'),
      currency: reader.text(row, 'currency')?.toUpperCase() ?? null,
      createdAt: reader.datetime(row, 'createdDate', apiZone),
      closeDate: reader.date(row, 'closeDate'),
      status,
      stage: reader.text(row, 'stage'),
      stageEnteredAt: lastStageChange,
      // A closed deal's last stage change is the move into Closed Won/Lost.
      closedAt: status === 'won' || status === 'lost' ? lastStageChange : null,
      lostReason,
      pipeline: reader.text(row, 'recordType'),
      customFields,
      at: { file: table.fileName, line: row.line },
    });
  }
  return { records, issues: reader.issues, skipped: skipped.counts };
}

export const opportunityAdapter: Adapter = {
  id: 'salesforce-opportunity',
  source: 'salesforce',
  label: 'Salesforce opportunities (Opportunity.csv, Data Loader)',
  entity: 'deals',
  ...shaped({
    required: [['Id'], ['StageName'], ['Name', 'CloseDate']],
    typical: [
      'Name',
      'AccountId',
      'Amount',
      'CloseDate',
      'IsClosed',
      'IsWon',
      'OwnerId',
      'CreatedDate',
      'Probability',
      'ForecastCategory',
    ],
    foreign: ['Opportunity Name'],
    excluded: ['OpportunityId', 'FromOpportunityStageName'],
  }),
  read: readOpportunities,
};
