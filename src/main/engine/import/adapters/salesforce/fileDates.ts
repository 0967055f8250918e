import type { ReadContext } from '../../adapter';
import { inferDateOrder } from '../../dates';
import { findColumn, type SourceTable } from '../../table';

/**
 * Files with API-name headers (Data Export Service, Data Loader, REST tools) write datetimes in
 * UTC. An Excel re-save keeps the wall-clock text it read, so a `02/23/26 08:55 PM` in an
 * API-name file is still UTC.
 */
export const apiZone = 'UTC';

/**
 * Settles day/month order once for the whole file: one tool in one locale wrote every date
 * column, so a `23` in CreatedDate also settles an all-ambiguous CloseDate. The user's choice
 * wins; a file whose columns disagree is left to the per-column check.
 */
export function withFileDateOrder(
  table: SourceTable,
  context: ReadContext,
  dateColumns: readonly (readonly string[])[],
): ReadContext {
  if (context.dateOrder) return context;
  const values: string[] = [];
  for (const aliases of dateColumns) {
    const at = findColumn(table.headers, aliases);
    if (at >= 0) for (const row of table.rows) values.push(row.cells[at] ?? '');
  }
  const evidence = inferDateOrder(values);
  return evidence === 'MDY' || evidence === 'DMY' ? { ...context, dateOrder: evidence } : context;
}
