import type { DealRow, DealStatus } from '../domain/types';
import { csvDate } from './csvValues';
import type { CsvCell } from './csvWriter';

/**
 * The Deals table's CSV cells, shared by the screen (which names the columns it shows, in its
 * order, with its headers) and the engine (which writes every matching deal, not only the pages
 * loaded on screen).
 */
export const dealCsvFields = [
  'name',
  'account',
  'ownerName',
  'team',
  'stageName',
  'status',
  'amount',
  'currency',
  'pipeline',
  'createdAt',
  'closedAt',
  'lastStageChangeAt',
] as const;
export type DealCsvField = (typeof dealCsvFields)[number];

/** One exported column: which value, under which header. */
export type DealCsvColumn = { field: DealCsvField; header: string };

/** The words the status badge shows. */
export const dealStatusLabels: Record<DealStatus, string> = { open: 'Open', won: 'Won', lost: 'Lost' };

/** A deal's value of one field as a CSV cell; dates are local calendar days in `zone`. */
export function dealCsvValue(deal: DealRow, field: DealCsvField, zone: string): CsvCell {
  switch (field) {
    case 'status':
      return dealStatusLabels[deal.status];
    case 'createdAt':
    case 'closedAt':
    case 'lastStageChangeAt':
      return csvDate(deal[field], zone);
    default:
      return deal[field];
  }
}

/** What the engine answers to `deals:exportCsv`. */
export type DealsCsvExport = { csv: string; rows: number };
