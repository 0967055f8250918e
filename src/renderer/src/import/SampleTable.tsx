import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../ui/DataTable';

const column = createColumnHelper<string[]>();

export type SampleTableProps = { fileName: string; headers: string[]; rows: string[][] };

/** The first rows of a file as it was read: its headers and cells, before any mapping. */
export function SampleTable({ fileName, headers, rows }: SampleTableProps) {
  const columns = useMemo(
    () =>
      headers.map((header, i) =>
        column.accessor((row) => row[i] ?? '', {
          id: `c${i}`,
          header: header || `Column ${i + 1}`,
          enableSorting: false,
          cell: (info) => <span title={info.getValue()}>{info.getValue()}</span>,
        }),
      ),
    [headers],
  );
  if (headers.length === 0) return null;
  return (
    <div className="sample-table">
      <DataTable
        label={`First rows of ${fileName}`}
        data={rows.slice(0, 5)}
        columns={columns}
        emptyMessage="The file has a header row and no data rows."
        exportName={false}
      />
    </div>
  );
}
