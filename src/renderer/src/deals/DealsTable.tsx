import { type SortingState, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import type { DealRow, DealSortKey } from '@shared/domain/types';
import { SortHeader, ariaSort } from '../ui/SortHeader';
import { dealColumns } from './dealColumns';
import type { DealSort } from './dealsView';
import { type DealPages, PAGE_SIZE } from './useDealPages';

const ROW_HEIGHT = 34;
/** Rows drawn while the first page of a new query is on its way. */
const LOADING_ROWS = 18;

const gridTemplate = dealColumns.map((c) => c.meta?.width ?? '1fr').join(' ');

export type DealsTableProps = {
  deals: DealPages;
  sort: DealSort;
  onSort: (sort: DealSort) => void;
  /** Changes when the filters change: the list scrolls back to the top. */
  resetKey: string;
  /** Shown instead of rows when the query matches no deal. */
  empty: ReactNode;
};

/**
 * The deals of a query in one scrolling table: rows are virtual, pages come from the engine as
 * they scroll into view, and rows of pages still on their way show as grey bars.
 */
export function DealsTable({ deals, sort, onSort, resetKey, empty }: DealsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);

  // The table holds the loaded pages in offset order; `firstRowOf` finds a page's rows in it.
  const { data, firstRowOf } = useMemo(() => {
    const offsets = [...deals.pages.keys()].sort((a, b) => a - b);
    const rows: DealRow[] = [];
    const starts = new Map<number, number>();
    for (const offset of offsets) {
      starts.set(offset, rows.length);
      rows.push(...(deals.pages.get(offset) ?? []));
    }
    return { data: rows, firstRowOf: starts };
  }, [deals.pages]);

  const sorting = useMemo<SortingState>(() => [{ id: sort.key, desc: sort.desc }], [sort.key, sort.desc]);

  // TanStack Table returns new functions each render by design; this app does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns: dealColumns,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first) onSort({ key: first.id as DealSortKey, desc: first.desc });
    },
    defaultColumn: { sortDescFirst: false },
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
  });
  const tableRows = table.getRowModel().rows;

  const loadingFirstPage = deals.total === null && deals.error === null;
  const count = deals.total ?? (loadingFirstPage ? LOADING_ROWS : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  const { ensureRows } = deals;

  useEffect(() => {
    ensureRows(firstIndex, lastIndex);
  }, [ensureRows, firstIndex, lastIndex]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const rowAt = (index: number) => {
    const offset = Math.floor(index / PAGE_SIZE) * PAGE_SIZE;
    const start = firstRowOf.get(offset);
    const page = deals.pages.get(offset);
    if (start === undefined || !page || index - offset >= page.length) return undefined;
    return tableRows[start + index - offset];
  };

  return (
    <div
      ref={scrollRef}
      className="deals-table"
      role="table"
      aria-label="Deals"
      aria-rowcount={deals.total === null ? -1 : deals.total + 1}
      aria-busy={loadingFirstPage}
      style={{ ['--deal-grid' as string]: gridTemplate }}
    >
      <div role="rowgroup" className="deals-head">
        {table.getHeaderGroups().map((group) => (
          <div role="row" aria-rowindex={1} className="deals-row" key={group.id}>
            {group.headers.map((header) => (
              <div
                role="columnheader"
                key={header.id}
                aria-sort={ariaSort(header.column)}
                className={header.column.columnDef.meta?.numeric ? 'deals-cell num' : 'deals-cell'}
              >
                <SortHeader header={header} />
              </div>
            ))}
          </div>
        ))}
      </div>
      {deals.total === 0 ? (
        <div className="deals-empty">{empty}</div>
      ) : (
        <div role="rowgroup" className="deals-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            if (!row)
              return (
                <div
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-busy="true"
                  key={item.key}
                  className="deals-row deals-row-loading"
                  style={style}
                >
                  {dealColumns.map((c, i) => (
                    <div role="cell" key={i} className="deals-cell">
                      <span
                        className="skeleton-bar"
                        style={{ width: `${40 + ((item.index * 7 + i * 13) % 45)}%` }}
                      />
                    </div>
                  ))}
                </div>
              );
            return (
              <div
                role="row"
                aria-rowindex={item.index + 2}
                key={item.key}
                className="deals-row"
                data-testid="deal-row"
                style={style}
              >
                {row.getVisibleCells().map((cell) => (
                  <div
                    role="cell"
                    key={cell.id}
                    className={cell.column.columnDef.meta?.numeric ? 'deals-cell num' : 'deals-cell'}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
