import { type Column, type Header, flexRender } from '@tanstack/react-table';

/** The aria-sort value of a column header. */
export function ariaSort<T>(column: Column<T, unknown>): 'ascending' | 'descending' | 'none' | undefined {
  if (!column.getCanSort()) return undefined;
  const sorted = column.getIsSorted();
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
}

export type SortHeaderProps<T> = { header: Header<T, unknown> };

/** A header label that sorts its column when clicked, with an arrow showing the direction. */
export function SortHeader<T>({ header }: SortHeaderProps<T>) {
  const label = flexRender(header.column.columnDef.header, header.getContext());
  if (!header.column.getCanSort()) return <>{label}</>;
  const sorted = header.column.getIsSorted();
  return (
    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
      {label}
      <span className="sort-indicator" aria-hidden="true">
        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
      </span>
    </button>
  );
}
