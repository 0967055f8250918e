import { createColumnHelper } from '@tanstack/react-table';
import type { EntityCounts, ImportCounts } from '@shared/import/types';
import { formatCount } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { countRows } from './importRequest';

type CountRow = { label: string } & EntityCounts;

const column = createColumnHelper<CountRow>();

function countCell(n: number) {
  return <span className={n === 0 ? 'count-zero' : undefined}>{formatCount(n)}</span>;
}

const columns = [
  column.accessor('label', { header: 'Records', enableSorting: false }),
  column.accessor('new', {
    header: 'New',
    cell: (info) => countCell(info.getValue()),
    enableSorting: false,
    meta: { numeric: true },
  }),
  column.accessor('changed', {
    header: 'Changed',
    cell: (info) => countCell(info.getValue()),
    enableSorting: false,
    meta: { numeric: true },
  }),
  column.accessor('unchanged', {
    header: 'Unchanged',
    cell: (info) => countCell(info.getValue()),
    enableSorting: false,
    meta: { numeric: true },
  }),
];

export type CountsTableProps = { counts: ImportCounts; label: string };

const optionalRows = new Set<keyof ImportCounts>(['derivedStageEvents', 'currencyRates']);

/** New, changed and unchanged records per kind: what an import writes, or wrote. */
export function CountsTable({ counts, label }: CountsTableProps) {
  // Derived entries and currency rates show only when an import has some; batches of older
  // versions have neither.
  const data = countRows.flatMap(({ key, label: rowLabel }) => {
    const row = counts[key] as EntityCounts | undefined;
    if (optionalRows.has(key) && (!row || row.new + row.changed + row.unchanged === 0)) return [];
    return [{ label: rowLabel, ...(row ?? { new: 0, changed: 0, unchanged: 0 }) }];
  });
  return (
    <div className="counts-table">
      <DataTable
        label={label}
        data={data}
        columns={columns}
        emptyMessage="Nothing to count."
        rowTestId="count-row"
      />
    </div>
  );
}
