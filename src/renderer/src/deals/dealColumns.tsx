import { createColumnHelper } from '@tanstack/react-table';
import { Link, useLocation } from 'react-router';
import type { DealCsvColumn, DealCsvField } from '@shared/csv/dealsCsv';
import type { DealRow } from '@shared/domain/types';
import { EMPTY, formatDate, formatMoney } from '../format/format';
import { StatusBadge } from '../ui/StatusBadge';
import '../ui/columnMeta';

export type DealLinkProps = { deal: DealRow };

/** The deal's name, opening its page; the back link there returns to this exact list. */
function DealLink({ deal }: DealLinkProps) {
  const location = useLocation();
  return (
    <Link
      to={`/deals/${deal.id}`}
      state={{ dealsSearch: location.search }}
      className="deal-link"
      title={deal.name}
    >
      {deal.name}
    </Link>
  );
}

const column = createColumnHelper<DealRow>();

/** The Deals table; column ids are the engine's sort keys, so sorting needs no mapping. */
export const dealColumns = [
  column.accessor('name', {
    header: 'Deal',
    cell: (info) => <DealLink deal={info.row.original} />,
    meta: { width: 'minmax(190px, 2.2fr)' },
  }),
  column.accessor('account', {
    header: 'Account',
    cell: (info) => info.getValue() ?? EMPTY,
    meta: { width: 'minmax(130px, 1.3fr)' },
  }),
  column.accessor('ownerName', {
    header: 'Owner',
    cell: (info) => info.getValue() ?? EMPTY,
    meta: { width: 'minmax(120px, 1fr)' },
  }),
  column.accessor('stageName', {
    header: 'Stage',
    cell: (info) => info.getValue() ?? EMPTY,
    meta: { width: 'minmax(112px, 0.9fr)' },
  }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => <StatusBadge status={info.getValue()} />,
    meta: { width: '86px' },
  }),
  column.accessor('amount', {
    header: 'Amount',
    cell: (info) => formatMoney(info.getValue(), info.row.original.currency),
    sortDescFirst: true,
    meta: { width: '112px', numeric: true },
  }),
  column.accessor('createdAt', {
    header: 'Created',
    cell: (info) => formatDate(info.getValue()),
    sortDescFirst: true,
    meta: { width: '118px' },
  }),
  column.accessor('closedAt', {
    header: 'Closed',
    cell: (info) => formatDate(info.getValue()),
    sortDescFirst: true,
    meta: { width: '118px' },
  }),
  column.accessor('lastStageChangeAt', {
    header: 'In stage since',
    cell: (info) => formatDate(info.getValue()),
    sortDescFirst: true,
    meta: { width: '124px' },
  }),
];

/**
 * The Deals CSV: the table's columns in their order under their headers, written by the engine for
 * every matching deal; the amount's currency follows the amount, as the cell shows both.
 */
export const dealCsvColumns: DealCsvColumn[] = dealColumns.flatMap((c): DealCsvColumn[] => {
  const column = { field: c.accessorKey as DealCsvField, header: String(c.header) };
  return column.field === 'amount' ? [column, { field: 'currency', header: 'Currency' }] : [column];
});
