import type { ImportIssue } from '../../records';
import { type RowReader, salesforceId } from '../../rowReader';
import type { SourceRow, SourceTable } from '../../table';

/** How report exports name the opportunity a row belongs to. */
export const reportDealAliases = {
  id: ['Opportunity ID', 'Opportunity Id (18)', 'Opportunity 18 Digit ID', 'Opp ID'],
  name: ['Opportunity Name'],
  account: ['Account Name'],
  createdDate: ['Created Date', 'Opportunity Created Date'],
} as const;

export type ReportDealField = keyof typeof reportDealAliases;

/**
 * The external id of a report row's opportunity: its Opportunity ID (folded to 15 characters,
 * so it upserts onto Data Export and Data Loader rows) or, without one, a key from name, account
 * and created date that every report of the same columns rebuilds identically.
 */
export function reportDealId(reader: RowReader<ReportDealField>, row: SourceRow): string | null {
  const id = salesforceId(reader.id(row, 'id'));
  if (id !== null) return id;
  const name = reader.text(row, 'name');
  if (name === null) return null;
  return ['report', name, reader.text(row, 'account') ?? '', reader.date(row, 'createdDate') ?? ''].join('|');
}

/** The once-per-file warning for reports without an Opportunity ID column; null when the column is there. */
export function missingIdWarning(
  table: SourceTable,
  reader: RowReader<ReportDealField>,
  what: string,
): ImportIssue | null {
  if (reader.has('id')) return null;
  return {
    severity: 'warning',
    file: table.fileName,
    line: null,
    column: null,
    message: `no Opportunity ID column: re-imports match ${what} by name, account and created date; add Opportunity ID to the report to match them exactly`,
  };
}
