import type { RowData } from '@tanstack/react-table';

declare module '@tanstack/react-table' {
  // TanStack Table is extended by declaration merging, which needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions, @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, tabular figures. */
    numeric?: boolean;
    /** A CSS grid track for tables laid out as grids, e.g. `minmax(180px, 2fr)`. */
    width?: string;
  }
}
