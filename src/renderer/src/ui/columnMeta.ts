import type { RowData } from '@tanstack/react-table';
import type { CsvColumn } from '@shared/csv/tableCsv';
import type { CsvCell } from '@shared/csv/csvWriter';

export type { CsvColumn };

declare module '@tanstack/react-table' {
  // TanStack Table is extended by declaration merging, which needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions, @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, tabular figures. */
    numeric?: boolean;
    /** A CSS grid track for tables laid out as grids, e.g. `minmax(180px, 2fr)`. */
    width?: string;
    /**
     * CSV export: the cell a user reads, for columns whose cell is not their accessor value (a
     * link, a badge, a bar, a sort key). Without it the accessor value is exported as it is, and a
     * column without an accessor (buttons) is left out of the file.
     */
    csv?: (row: TData) => CsvCell;
    /** CSV export: the header, when the shown one is not plain text or its unit moves from the cells. */
    csvHeader?: string;
    /** CSV export: a cell showing several facts, written as several columns (replaces `csv`). */
    csvColumns?: CsvColumn<TData>[];
  }
}
