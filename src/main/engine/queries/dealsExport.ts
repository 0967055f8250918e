import type { ApiParsedInput } from '@shared/api/contract';
import { writeCsv } from '@shared/csv/csvWriter';
import { type DealsCsvExport, dealCsvValue } from '@shared/csv/dealsCsv';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import type { Db } from '../db/open';
import { listDeals } from './deals';

/** SQLite reads a negative LIMIT as "no upper bound": every matching deal in one query. */
const NO_LIMIT = -1;

/**
 * Every deal the Deals screen's filters match — not only the pages it has loaded — in the same
 * order, as a CSV file's text with the columns and headers the screen shows. It runs the very
 * query of `deals:list`, so the file and the screen cannot disagree on filters or sort.
 */
export function exportDealsCsv(
  db: Db,
  input: ApiParsedInput<'deals:exportCsv'>,
  workflow: WorkflowDefinition,
): DealsCsvExport {
  const { columns, timeZone, ...query } = input;
  const { rows } = listDeals(db, { ...query, offset: 0, limit: NO_LIMIT }, workflow);
  const cells = rows.map((deal) => columns.map((column) => dealCsvValue(deal, column.field, timeZone)));
  return {
    csv: writeCsv(
      columns.map((column) => column.header),
      cells,
    ),
    rows: rows.length,
  };
}
