import {
  type ColumnDef,
  type TableState,
  createColumnHelper,
  createTable,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
} from '@tanstack/table-core';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type CsvColumnMeta, csvColumnsOf, rowsAsShown, tableCsv } from '@shared/csv/tableCsv';

type Rep = { id: number; name: string; team: string | null; rate: number | null; amount: number; at: number };

const column = createColumnHelper<Rep>();
/** The CSV fields the renderer declares on TanStack's ColumnMeta, outside the renderer. */
const csvMeta = (meta: CsvColumnMeta<Rep>): object => meta;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const columns: ColumnDef<Rep, any>[] = [
  column.accessor('name', { header: 'Rep' }),
  column.accessor('team', { header: 'Team' }),
  column.accessor((r) => r.rate ?? -1, {
    id: 'rate',
    header: () => 'Win rate',
    meta: csvMeta({ csvHeader: 'Win rate (%)', csv: (r) => (r.rate === null ? null : r.rate * 100) }),
  }),
  column.accessor('amount', {
    header: 'Amount',
    meta: csvMeta({
      csvColumns: [
        { header: 'Amount', value: (r) => r.amount },
        { header: 'Currency', value: () => 'EUR' },
      ],
    }),
  }),
  column.accessor('at', { header: () => 'Hidden when asked' }),
  column.display({ id: 'actions', header: 'Actions' }),
];

const reps: Rep[] = [
  { id: 1, name: 'Zoë', team: 'North', rate: 0.5, amount: 300, at: 1 },
  { id: 2, name: '=cmd|calc', team: null, rate: null, amount: -5, at: 2 },
  { id: 3, name: 'Ana', team: 'South', rate: 0.25, amount: 100, at: 3 },
];

function table(data: Rep[], state: Partial<TableState>) {
  return createTable<Rep>({
    data,
    columns,
    state: { sorting: [], columnFilters: [], columnVisibility: {}, columnOrder: [], ...state } as TableState,
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
}

function parse(csv: string): string[][] {
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

describe('a table as CSV', () => {
  it('writes the visible columns in order, a cell of several facts as several columns, no buttons', () => {
    const t = table(reps, { columnVisibility: { at: false } });
    expect(csvColumnsOf(t, 'UTC').map((c) => c.header)).toEqual([
      'Rep',
      'Team',
      'Win rate (%)',
      'Amount',
      'Currency',
    ]);
    const rows = parse(tableCsv(t, rowsAsShown(t), 'UTC'));
    expect(rows[1]).toEqual(['Zoë', 'North', '50', '300', 'EUR']);
    // Empty team and rate stay empty (not the sort key -1); the name is neutralized; -5 stays a number.
    expect(rows[2]).toEqual(["'=cmd|calc", '', '', '-5', 'EUR']);
  });

  it('falls back to the column id for a header drawn by a function', () => {
    const t = table(reps, {});
    expect(csvColumnsOf(t, 'UTC').map((c) => c.header)).toContain('at');
  });

  it('follows the column order the table shows', () => {
    const t = table(reps, { columnOrder: ['team', 'name'], columnVisibility: { at: false } });
    expect(
      csvColumnsOf(t, 'UTC')
        .map((c) => c.header)
        .slice(0, 2),
    ).toEqual(['Team', 'Rep']);
  });

  it('writes the rows in the table’s sort and through its column filters', () => {
    const t = table(reps, { sorting: [{ id: 'amount', desc: true }] });
    expect(rowsAsShown(t).map((r) => r.original.id)).toEqual([1, 3, 2]);
    const filtered = table(reps, { columnFilters: [{ id: 'team', value: 'South' }] });
    expect(rowsAsShown(filtered).map((r) => r.original.id)).toEqual([3]);
  });

  it('runs every row through the same sort when the screen shows only some of them', () => {
    const shown = reps.slice(0, 2);
    const more: Rep[] = [...reps, { id: 4, name: 'Bo', team: 'South', rate: 0.1, amount: 1000, at: 4 }];
    const t = table(shown, { sorting: [{ id: 'name', desc: false }] });
    expect(rowsAsShown(t).map((r) => r.original.id)).toEqual([2, 1]);
    expect(rowsAsShown(t, more).map((r) => r.original.name)).toEqual(['=cmd|calc', 'Ana', 'Bo', 'Zoë']);
  });
});
