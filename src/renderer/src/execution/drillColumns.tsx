import { createColumnHelper } from '@tanstack/react-table';
import { Link, useLocation } from 'react-router';
import type { ComplianceDealRow } from '@shared/evaluation/views';
import { EMPTY, formatDateTime } from '../format/format';
import '../ui/columnMeta';
import type { CsvColumn } from '../ui/columnMeta';
import { localCsvDateTime } from '../ui/csvCells';
import { ComplianceBadge, complianceLabels } from './ComplianceBadge';

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

/** Shown in the Due column of an action due only when the deal leaves its stage. */
const DUE_ON_EXIT = 'before it leaves the stage';

/** The drill-down's columns; owner and action show only when the list mixes several. */
export function drillColumns(showOwner: boolean, showAction: boolean) {
  // The deal cell shows the action and the owner under the name: in the CSV each is a column.
  const dealCsv: CsvColumn<ComplianceDealRow>[] = [
    { header: 'Deal', value: (row) => row.dealName },
    ...(showAction ? [{ header: 'Action', value: (row: ComplianceDealRow) => row.actionLabel }] : []),
    ...(showOwner
      ? [{ header: 'Owner', value: (row: ComplianceDealRow) => row.ownerName ?? 'No owner' }]
      : []),
  ];
  return [
    column.accessor('dealName', {
      header: 'Deal',
      cell: (info) => <DealCell row={info.row.original} showOwner={showOwner} showAction={showAction} />,
      meta: { csvColumns: dealCsv },
    }),
    column.accessor((row) => statusOrder[row.status], {
      id: 'status',
      header: 'Status',
      cell: (info) => <ComplianceBadge status={info.row.original.status} />,
      meta: { csv: (row) => complianceLabels[row.status] },
    }),
    column.accessor((row) => row.dueAt ?? undefined, {
      id: 'dueAt',
      header: 'Due',
      cell: (info) =>
        info.getValue() === undefined ? (
          <span className="muted">{DUE_ON_EXIT}</span>
        ) : (
          formatDateTime(info.getValue())
        ),
      sortUndefined: 'last',
      meta: { csv: (row) => (row.dueAt === null ? DUE_ON_EXIT : localCsvDateTime(row.dueAt)) },
    }),
    column.accessor((row) => row.doneAt ?? undefined, {
      id: 'doneAt',
      header: 'Done',
      cell: (info) => (info.getValue() === undefined ? EMPTY : formatDateTime(info.getValue())),
      sortUndefined: 'last',
      meta: { csv: (row) => localCsvDateTime(row.doneAt) },
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
