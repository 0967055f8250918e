import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { csvPercent } from '@shared/csv/csvValues';
import type { RepSummary } from '@shared/domain/types';
import { EMPTY, formatCount, formatDate, formatIsoDate, formatMoney, formatPercent } from '../format/format';
import '../ui/columnMeta';
import { localCsvDate } from '../ui/csvCells';

/** Won / (won + lost), or undefined when the rep closed nothing (PRODUCT.md, "Win rate"). */
export function winRate(rep: RepSummary): number | undefined {
  const closed = rep.wonDeals + rep.lostDeals;
  return closed === 0 ? undefined : rep.wonDeals / closed;
}

const column = createColumnHelper<RepSummary>();

/** The reps table; `currency` formats the won amounts when the workspace has one. */
export function repColumns(currency: string | null) {
  return [
    column.accessor('name', {
      header: 'Rep',
      cell: (info) => (
        <>
          <Link
            to={`/deals?owner=${info.row.original.id}`}
            className="rep-link"
            title={`Deals owned by ${info.getValue()}`}
          >
            {info.getValue()}
          </Link>
          <Link
            to={`/scorecards/${info.row.original.id}`}
            className="chip rep-scorecard-link"
            title={`${info.getValue()}’s scorecard`}
          >
            Scorecard
          </Link>
        </>
      ),
    }),
    column.accessor('role', {
      header: 'Role',
      cell: (info) => <span className="chip">{info.getValue()}</span>,
    }),
    column.accessor('team', {
      header: 'Team',
      cell: (info) => info.getValue() ?? EMPTY,
      sortUndefined: 'last',
    }),
    column.accessor('managerName', { header: 'Manager', cell: (info) => info.getValue() ?? EMPTY }),
    column.accessor('startDate', { header: 'Started', cell: (info) => formatIsoDate(info.getValue()) }),
    column.accessor('openDeals', {
      header: 'Open',
      cell: (info) => formatCount(info.getValue()),
      sortDescFirst: true,
      meta: { numeric: true },
    }),
    column.accessor('wonDeals', {
      header: 'Won',
      cell: (info) => formatCount(info.getValue()),
      sortDescFirst: true,
      meta: { numeric: true },
    }),
    column.accessor('lostDeals', {
      header: 'Lost',
      cell: (info) => formatCount(info.getValue()),
      sortDescFirst: true,
      meta: { numeric: true },
    }),
    column.accessor(winRate, {
      id: 'winRate',
      header: 'Win rate',
      cell: (info) => formatPercent(info.getValue() ?? null),
      sortUndefined: 'last',
      sortDescFirst: true,
      meta: { numeric: true, csvHeader: 'Win rate (%)', csv: (rep) => csvPercent(winRate(rep)) },
    }),
    column.accessor('wonAmount', {
      header: 'Won amount',
      cell: (info) => formatMoney(info.getValue(), currency),
      sortDescFirst: true,
      meta: { numeric: true, csvHeader: currency ? `Won amount (${currency})` : 'Won amount' },
    }),
    column.accessor('activities', {
      header: 'Activities',
      cell: (info) => formatCount(info.getValue()),
      sortDescFirst: true,
      meta: { numeric: true },
    }),
    column.accessor((rep) => rep.lastActivityAt ?? undefined, {
      id: 'lastActivityAt',
      header: 'Last activity',
      cell: (info) => formatDate(info.getValue()),
      sortUndefined: 'last',
      sortDescFirst: true,
      meta: { csv: (rep) => localCsvDate(rep.lastActivityAt) },
    }),
  ];
}
