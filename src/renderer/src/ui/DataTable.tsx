import {
  type ColumnDef,
  type SortingState,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
} from '@tanstack/react-table';
import { useState } from 'react';
import { csvFileName } from '@shared/csv/csvValues';
import { rowsAsShown, tableCsv, tableFileName } from '@shared/csv/tableCsv';
import './columnMeta';
import { useExportPeriod } from './ExportPeriod';
import { downloadText } from './downloadFile';
import { SortHeader, ariaSort } from './SortHeader';
import { ExportCsvButton, TableToolbar } from './TableToolbar';

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
  /**
   * The Export CSV button saves the rows as shown (sort, filters, visible columns) to
   * `stagecoach-<exportName>-<today>.csv`; `exportName` defaults to `label`, and false leaves the
   * button out.
   */
  exportName?: string | false;
  /**
   * The period the rows cover ("Q4 2026"), named in the file instead of today's date; defaults to
   * the period of the screen's ExportPeriod.
   */
  exportPeriod?: string;
  /** Every row, for the export, when `data` holds only part of them (pages, "show more", a cap). */
  exportAllRows?: () => Promise<T[]>;
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
  exportName,
  exportPeriod,
  exportAllRows,
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

  const screenPeriod = useExportPeriod();
  const period = exportPeriod ?? screenPeriod;
  const fileTitle = exportName === false ? null : (exportName ?? label);
  const exportCsv = async () => {
    if (fileTitle === null) return;
    const rows = rowsAsShown(table, exportAllRows ? await exportAllRows() : undefined);
    const fileName = period ? csvFileName(fileTitle, period) : tableFileName(fileTitle);
    downloadText(tableCsv(table, rows), fileName);
  };

  const wrapped = (
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
  if (fileTitle === null) return wrapped;
  return (
    <div className="data-table-frame">
      <TableToolbar>
        <ExportCsvButton what={label} onExport={exportCsv} disabled={data.length === 0} />
      </TableToolbar>
      {wrapped}
    </div>
  );
}
