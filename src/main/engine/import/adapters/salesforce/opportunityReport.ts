import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { DealRecord } from '../../records';
import { createRowReader } from '../../rowReader';
import { findColumn, type SourceTable } from '../../table';
import { withFileDateOrder } from './fileDates';
import { dealOutcome } from './opportunityFields';
import { missingIdWarning, reportDealAliases, reportDealId } from './reportDeals';
import { shaped } from './shape';

const fields = {
  ...reportDealAliases,
  owner: ['Opportunity Owner', 'Owner Name', 'Owner'],
  stage: ['Stage'],
  amount: ['Amount', 'Total Amount'],
  currency: ['Amount Currency', 'Total Amount Currency', 'Opportunity Currency', 'Currency'],
  closeDate: ['Close Date'],
  isClosed: ['Closed'],
  isWon: ['Won'],
  lastStageChange: ['Last Stage Change Date'],
  lostReason: ['Loss Reason', 'Lost Reason', 'Closed Lost Reason', 'Reason Lost'],
  recordType: ['Opportunity Record Type', 'Record Type'],
} as const;

type Field = keyof typeof fields;

const dateColumns = [fields.closeDate, fields.createdDate, fields.lastStageChange];
const currencyPrefix = /^([A-Z]{3})\s/;

/**
 * Reads a Details-Only opportunity report (field labels, dates in the user's locale and the
 * workspace zone) into deals. Columns the importer has no place for become custom fields.
 */
function readOpportunityReport(table: SourceTable, context: ReadContext): AdapterOutput {
  const reader = createRowReader(table, withFileDateOrder(table, context, dateColumns), fields);
  const mapped = new Set(
    (Object.keys(fields) as Field[]).map((field) => findColumn(table.headers, fields[field])),
  );
  const customColumns = table.headers
    .map((header, index) => ({ header, index }))
    .filter((c) => !mapped.has(c.index));
  const records: DealRecord[] = [];
  for (const row of table.rows) {
    const externalId = reportDealId(reader, row);
    const name = reader.text(row, 'name');
    if (externalId === null || name === null) {
      reader.error(row, 'name', 'the row has no Opportunity Name');
      continue;
    }
    const amountText = reader.text(row, 'amount');
    const status = dealOutcome(
      reader.has('isClosed') ? reader.bool(row, 'isClosed') : null,
      reader.has('isWon') ? reader.bool(row, 'isWon') : null,
    );
    const lastStageChange = reader.datetime(row, 'lastStageChange');
    const owner = reader.text(row, 'owner');
    const customFields: Record<string, string> = {};
    for (const { header, index } of customColumns) {
      const value = (row.cells[index] ?? '').trim();
      if (value !== '') customFields[header] = value;
    }
    records.push({
      kind: 'deal',
      externalId,
      name,
      account: reader.text(row, 'account'),
      owner: owner === null ? null : { name: owner },
      amount: reader.number(row, 'amount'),
      // Multi-currency orgs without a currency column write "EUR 48,000.00".
      currency:
        reader.text(row, 'currency')?.toUpperCase() ?? currencyPrefix.exec(amountText ?? '')?.[1] ?? null,
      createdAt: reader.datetime(row, 'createdDate'),
      closeDate: reader.date(row, 'closeDate'),
      status,
      stage: reader.text(row, 'stage'),
      stageEnteredAt: lastStageChange,
      closedAt: status === 'won' || status === 'lost' ? lastStageChange : null,
      lostReason: reader.text(row, 'lostReason'),
      pipeline: reader.text(row, 'recordType'),
      customFields,
      at: { file: table.fileName, line: row.line },
    });
  }
  const warning = missingIdWarning(table, reader, 'deals');
  return { records, issues: warning ? [warning, ...reader.issues] : reader.issues, skipped: {} };
}

export const opportunityReportAdapter: Adapter = {
  id: 'salesforce-opportunity-report',
  source: 'salesforce',
  label: 'Salesforce opportunity report (exported CSV)',
  entity: 'deals',
  ...shaped({
    required: [
      ['Opportunity Name'],
      ['Stage'],
      ['Close Date', 'Amount', 'Opportunity Owner', 'Opportunity ID'],
    ],
    typical: [
      'Opportunity Owner',
      'Account Name',
      'Amount',
      'Close Date',
      'Created Date',
      'Opportunity ID',
      'Type',
      'Lead Source',
      'Probability (%)',
      'Fiscal Period',
    ],
    foreign: ['From Stage', 'To Stage', 'Field / Event', 'Field/Event', 'Old Value', 'New Value'],
  }),
  read: readOpportunityReport,
};
