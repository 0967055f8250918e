import {
  type SortingState,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { ComplianceReport } from '@shared/evaluation/views';
import { SortHeader, ariaSort } from '../ui/SortHeader';
import { type ActionRow, actionColumns } from './actionColumns';
import type { Drill } from './executionView';

export type ActionTableProps = {
  report: ComplianceReport;
  drill: Drill | null;
  onDrill: (drill: Drill) => void;
};

/** Every required action with its counts, sortable; a row opens the deals behind it. */
export function ActionTable({ report, drill, onDrill }: ActionTableProps) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'stageOrder', desc: false }]);
  const data = useMemo<ActionRow[]>(() => {
    const order = new Map(report.stages.map((s, i) => [s.key, { i, name: s.name }]));
    return report.actions.map((a) => ({
      ...a,
      stageName: order.get(a.stageKey)?.name ?? a.stageKey,
      stageOrder: order.get(a.stageKey)?.i ?? report.stages.length,
    }));
  }, [report]);
  const columns = useMemo(
    () => actionColumns((row) => onDrill({ repId: null, stageKey: row.stageKey, actionKey: row.actionKey })),
    [onDrill],
  );
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
    <section className="card" aria-labelledby="actions-heading">
      <div className="card-header">
        <h2 id="actions-heading" className="card-title">
          Required actions
        </h2>
        <span className="card-subtitle">Sort by any column; open an action to see its deals.</span>
      </div>
      <div className="data-table-wrap">
        <table className="data-table action-table" aria-labelledby="actions-heading">
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
            {table.getRowModel().rows.map((row) => {
              const { stageKey, actionKey } = row.original;
              const open = drill?.actionKey === actionKey && drill.stageKey === stageKey;
              return (
                <tr
                  key={row.id}
                  className={open ? 'clickable-row selected' : 'clickable-row'}
                  data-testid="action-row"
                  onClick={() => onDrill({ repId: null, stageKey, actionKey })}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? 'num' : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {data.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="muted">
                  No required action came due in this period.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
