import { type Column, type Row, type Table, createTable } from '@tanstack/table-core';
import { csvFileName, isoDay, localTimeZone, toCsvCell } from './csvValues';
import { type CsvCell, writeCsv } from './csvWriter';

/**
 * A TanStack table written as CSV the way it is shown: its visible columns in their order under
 * their headers, its rows through its filters and sort. (The table library holds no React: this
 * runs, and is tested, outside the renderer.)
 */

/** A column of an exported CSV file that a table column adds: its header and each row's cell. */
export type CsvColumn<TData> = { header: string; value: (row: TData) => CsvCell };

/** The CSV fields of a column's meta (declared on TanStack's ColumnMeta in the renderer). */
export type CsvColumnMeta<TData> = {
  csv?: (row: TData) => CsvCell;
  csvHeader?: string;
  csvColumns?: CsvColumn<TData>[];
};

/** The header a column shows: its text, or its id when the header is drawn by a function. */
function shownHeader<T>(column: Column<T, unknown>): string {
  const { header } = column.columnDef;
  return typeof header === 'string' ? header : column.id;
}

/**
 * The CSV columns of a table's visible columns, in the order shown. A column that says how to
 * export itself (meta.csv / csvColumns) is written that way; a plain accessor column as its value;
 * a column with neither (buttons, icons) is left out.
 */
export function csvColumnsOf<T>(table: Table<T>, zone: string): CsvColumn<T>[] {
  return table.getVisibleLeafColumns().flatMap((column): CsvColumn<T>[] => {
    const meta = column.columnDef.meta as CsvColumnMeta<T> | undefined;
    if (meta?.csvColumns) return meta.csvColumns;
    const header = meta?.csvHeader ?? shownHeader(column);
    if (meta?.csv) return [{ header, value: meta.csv }];
    const accessor = column.accessorFn;
    if (!accessor) return [];
    return [{ header, value: (row: T) => toCsvCell(accessor(row, 0), zone) }];
  });
}

/**
 * The rows as the table shows them — its filters and sort applied — for `data`: the table's own
 * rows, or (when the screen shows only part of them) every row, run through the table's state.
 */
export function rowsAsShown<T>(table: Table<T>, data?: T[]): Row<T>[] {
  if (!data) return table.getPrePaginationRowModel().rows;
  const all = createTable<T>({
    ...table.options,
    data,
    state: table.getState(),
    onStateChange: () => {},
  });
  return all.getPrePaginationRowModel().rows;
}

/** A table's rows as a CSV file's text, with the table's visible columns and headers. */
export function tableCsv<T>(table: Table<T>, rows: Row<T>[], zone = localTimeZone()): string {
  const columns = csvColumnsOf(table, zone);
  if (columns.length === 0) throw new Error('This table has no column to export.');
  const cells: CsvCell[][] = rows.map((row) => columns.map((column) => column.value(row.original)));
  return writeCsv(
    columns.map((column) => column.header),
    cells,
  );
}

/** The file name for a table of no particular period: its name and the day of the export. */
export function tableFileName(name: string): string {
  return csvFileName(name, isoDay(localTimeZone()));
}
