import {
  type ColumnDef,
  type SortingState,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
} from '@tanstack/react-table';
import { useState } from 'react';
import './columnMeta';
import { SortHeader, ariaSort } from './SortHeader';

export type DataTableProps<T> = {
  data: T[];
  // Column value types differ per column; TanStack's own examples type the array this way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  label: string;
  initialSorting?: SortingState;
  emptyMessage: string;
  rowTestId?: string;
  /** Names the table by a visible heading instead of `label`. */
  labelledBy?: string;
  /** Extra class on the table element, for screen-specific column widths. */
  tableClassName?: string;
  /** Makes rows clickable (with the selected one marked), e.g. to open the deals behind a row. */
  onRowClick?: (row: T) => void;
  isRowSelected?: (row: T) => boolean;
};

/** A client-sorted table for tens to hundreds of rows, as real table elements. */
export function DataTable<T>({
  data,
  columns,
  label,
  initialSorting = [],
  emptyMessage,
  rowTestId,
  labelledBy,
  tableClassName,
  onRowClick,
  isRowSelected,
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  // TanStack Table returns new functions each render by design; this app does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  return (
    <div className="data-table-wrap">
      <table
        className={tableClassName ? `data-table ${tableClassName}` : 'data-table'}
        aria-label={labelledBy ? undefined : label}
        aria-labelledby={labelledBy}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className={header.column.columnDef.meta?.numeric ? 'num' : undefined}
                  aria-sort={ariaSort(header.column)}
                >
                  <SortHeader header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              data-testid={rowTestId}
              className={
                onRowClick
                  ? isRowSelected?.(row.original)
                    ? 'clickable-row selected'
                    : 'clickable-row'
                  : undefined
              }
              onClick={onRowClick ? () => onRowClick(row.original) : undefined}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? 'num' : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
          {data.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="muted">
                {emptyMessage}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
