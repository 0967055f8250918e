import { createColumnHelper } from '@tanstack/react-table';
import { Link, useLocation } from 'react-router';
import type { ComplianceDealRow } from '@shared/evaluation/views';
import { EMPTY, formatDateTime } from '../format/format';
import '../ui/columnMeta';
import { ComplianceBadge } from './ComplianceBadge';

/** How the deal page's back link returns here: to this exact view, drill-down open. */
export type BackTo = { to: string; label: string };

type DealCellProps = { row: ComplianceDealRow; showOwner: boolean; showAction: boolean };

function DealCell({ row, showOwner, showAction }: DealCellProps) {
  const location = useLocation();
  const back: BackTo = { to: `${location.pathname}${location.search}`, label: 'Execution' };
  const detail = [showAction ? row.actionLabel : null, showOwner ? (row.ownerName ?? 'No owner') : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="drill-deal">
      <Link to={`/deals/${row.dealId}`} state={{ back }} className="deal-link" title={row.dealName}>
        {row.dealName}
      </Link>
      {detail && <span className="drill-detail">{detail}</span>}
    </div>
  );
}

const column = createColumnHelper<ComplianceDealRow>();

const statusOrder = { missed: 0, late: 1, pending: 2, on_time: 3, not_due: 4 };

/** The drill-down's columns; owner and action show only when the list mixes several. */
export function drillColumns(showOwner: boolean, showAction: boolean) {
  return [
    column.accessor('dealName', {
      header: 'Deal',
      cell: (info) => <DealCell row={info.row.original} showOwner={showOwner} showAction={showAction} />,
    }),
    column.accessor((row) => statusOrder[row.status], {
      id: 'status',
      header: 'Status',
      cell: (info) => <ComplianceBadge status={info.row.original.status} />,
    }),
    column.accessor((row) => row.dueAt ?? undefined, {
      id: 'dueAt',
      header: 'Due',
      cell: (info) =>
        info.getValue() === undefined ? (
          <span className="muted">before it leaves the stage</span>
        ) : (
          formatDateTime(info.getValue())
        ),
      sortUndefined: 'last',
    }),
    column.accessor((row) => row.doneAt ?? undefined, {
      id: 'doneAt',
      header: 'Done',
      cell: (info) => (info.getValue() === undefined ? EMPTY : formatDateTime(info.getValue())),
      sortUndefined: 'last',
    }),
    column.accessor('reason', {
      header: 'Why',
      cell: (info) => (
        <span className="drill-reason" title={info.getValue()}>
          {info.getValue()}
        </span>
      ),
      enableSorting: false,
    }),
  ];
}
