import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { csvPercent, csvRound } from '@shared/csv/csvValues';
import type { StageFunnel } from '@shared/metrics/funnel';
import type { FunnelDealGroup } from '@shared/metrics/reports';
import { formatCount, formatPercent, plural } from '../format/format';
import '../ui/columnMeta';
import { formatDayValue } from './funnelFormat';

/** A funnel stage with the name of the stage it converts to. */
export type FunnelRow = StageFunnel & {
  nextName: string;
  dropOff: number;
  dealsHref: string;
  /** Opens the list of the deals behind one of the row's figures. */
  onDrill: (group: FunnelDealGroup) => void;
};

type DrillCountProps = { row: FunnelRow; group: FunnelDealGroup; count: number; title: string };

/** A figure of the table as a button that lists its deals. */
function DrillCount({ row, group, count, title }: DrillCountProps) {
  if (count === 0) return <>{formatCount(0)}</>;
  return (
    <button type="button" className="funnel-drill" title={title} onClick={() => row.onDrill(group)}>
      {formatCount(count)}
    </button>
  );
}

const column = createColumnHelper<FunnelRow>();

const days = (header: string, pick: (row: FunnelRow) => number | null, title: string) =>
  column.accessor(pick, {
    id: header,
    header: () => <span title={title}>{header}</span>,
    cell: (info) => formatDayValue(info.getValue()),
    meta: { numeric: true, csvHeader: `${header} (days)`, csv: (row: FunnelRow) => csvRound(pick(row)) },
  });

/** The funnel table in stage order; sorting would break the funnel's reading order. */
export const funnelColumns = [
  column.accessor('name', {
    header: 'Stage',
    cell: (info) => (
      <Link
        to={info.row.original.dealsHref}
        className="funnel-stage-link"
        title={`Open deals in ${info.getValue()} now`}
      >
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor('entered', {
    header: 'Entered',
    cell: (info) => (
      <DrillCount
        row={info.row.original}
        group="entered"
        count={info.getValue()}
        title={`List the deals that entered ${info.row.original.name}`}
      />
    ),
    meta: { numeric: true },
  }),
  column.accessor('advanced', {
    header: 'Advanced',
    cell: (info) => {
      const row = info.row.original;
      return (
        <span>
          <DrillCount
            row={row}
            group="advanced"
            count={info.getValue()}
            title={`List the deals that later entered ${row.nextName} or a stage after it`}
          />
          {row.skippedNext > 0 && (
            <button
              type="button"
              className="funnel-skipped"
              title={`List the deals that went past ${row.nextName} without entering it`}
              onClick={() => row.onDrill('skipped')}
            >
              {plural(row.skippedNext, 'skipped', 'skipped')} {row.nextName}
            </button>
          )}
        </span>
      );
    },
    meta: {
      numeric: true,
      csvColumns: [
        { header: 'Advanced', value: (row) => row.advanced },
        { header: 'Skipped next', value: (row) => row.skippedNext },
      ],
    },
  }),
  column.accessor('lost', {
    header: 'Lost',
    cell: (info) => (
      <DrillCount
        row={info.row.original}
        group="lost"
        count={info.getValue()}
        title={`List the deals lost from ${info.row.original.name}`}
      />
    ),
    meta: { numeric: true },
  }),
  column.accessor('conversionToNext', {
    header: 'Conversion to next',
    cell: (info) => {
      const rate = info.getValue();
      return (
        <span className="funnel-rate" title={`Entered ${info.row.original.nextName} or later`}>
          <span className="funnel-rate-bar" aria-hidden="true">
            <span style={{ width: `${Math.round((rate ?? 0) * 100)}%` }} />
          </span>
          <span className="funnel-rate-value">{formatPercent(rate)}</span>
        </span>
      );
    },
    meta: {
      numeric: true,
      csvHeader: 'Conversion to next (%)',
      csv: (row) => csvPercent(row.conversionToNext),
    },
  }),
  column.accessor('dropOff', {
    header: 'Drop-off',
    cell: (info) => (
      <DrillCount
        row={info.row.original}
        group="dropped"
        count={info.getValue()}
        title={`List the deals that did not move on from ${info.row.original.name}`}
      />
    ),
    meta: { numeric: true },
  }),
  days('Median / visit', (row) => row.perVisit.medianDays, 'Median days in stage, per visit'),
  days('p75 / visit', (row) => row.perVisit.p75Days, '75th percentile of days in stage, per visit'),
  days('Median / deal', (row) => row.perDeal.medianDays, 'Median days in stage, all visits of a deal'),
  days('p75 / deal', (row) => row.perDeal.p75Days, '75th percentile of days in stage, all visits of a deal'),
].map((def) => ({ ...def, enableSorting: false }));
