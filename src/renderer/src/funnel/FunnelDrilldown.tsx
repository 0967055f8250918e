import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { Link, useLocation } from 'react-router';
import { csvRound } from '@shared/csv/csvValues';
import { dealStatusLabels } from '@shared/csv/dealsCsv';
import type { FunnelDealGroup, FunnelDealRow } from '@shared/metrics/reports';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import type { BackTo } from '../execution/drillColumns';
import { formatDate, plural } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { Drawer, DrawerLoading } from '../ui/Drawer';
import { ErrorBanner } from '../ui/ErrorBanner';
import { StatusBadge } from '../ui/StatusBadge';
import '../ui/columnMeta';
import { localCsvDate } from '../ui/csvCells';
import { formatDayValue } from './funnelFormat';
import type { ReportFilter } from '../reports/reportFilters';
import type { FunnelDrill } from './funnelView';

export type FunnelDrilldownProps = {
  filter: ReportFilter;
  drill: FunnelDrill;
  /** Stage names by key, the won and lost stages included. */
  stageNames: ReadonlyMap<string, string>;
  /** The stage is a won or lost one: the panel lists the deals closed that way. */
  closing: boolean;
  rangeLabel: string;
  onGroup: (group: FunnelDealGroup) => void;
  onClose: () => void;
};

const groupTitles: Record<FunnelDealGroup, string> = {
  entered: 'entered',
  advanced: 'moved on',
  skipped: 'skipped the next stage',
  lost: 'were lost',
  dropped: 'did not move on',
};

const groupOrder: FunnelDealGroup[] = ['entered', 'advanced', 'skipped', 'lost', 'dropped'];

/** A side panel listing the deals behind a funnel figure, each with what it did after the stage. */
export function FunnelDrilldown({
  filter,
  drill,
  stageNames,
  closing,
  rangeLabel,
  onGroup,
  onClose,
}: FunnelDrilldownProps) {
  const query = { ...filter, stageKey: drill.stageKey, group: drill.group };
  const rows = useApiQuery(() => api.reports.funnelDeals(query), [query]);
  const stage = stageNames.get(drill.stageKey) ?? drill.stageKey;
  const columns = useMemo(() => funnelDealColumns(stageNames), [stageNames]);
  const title = closing
    ? `${stage} · deals closed this way`
    : `${stage} · deals that ${groupTitles[drill.group]}`;
  // The panel lists the latest 2,000 deals; the CSV holds every one of them.
  const exportAll = () => api.reports.funnelDeals({ ...query, all: true });

  return (
    <Drawer
      title={title}
      subtitle={
        <>
          {closing
            ? `Deals that entered ${stage}, ${rangeLabel}`
            : `Each deal once, by its first entry into ${stage}, ${rangeLabel}`}
          {filter.teams?.length ? ` · ${filter.teams.join(', ')}` : ''}
        </>
      }
      testId="funnel-drilldown"
      onClose={onClose}
      toolbar={
        !closing && (
          <>
            <span className="field-label" id="funnel-drill-label">
              Show
            </span>
            <div className="segmented" role="group" aria-labelledby="funnel-drill-label">
              {groupOrder.map((group) => (
                <button
                  key={group}
                  type="button"
                  className="segment"
                  aria-pressed={drill.group === group}
                  onClick={() => onGroup(group)}
                >
                  {groupLabel(group)}
                </button>
              ))}
            </div>
            {rows.data && (
              <span className="drawer-count" aria-live="polite">
                {plural(rows.data.length, 'deal')}
              </span>
            )}
          </>
        )
      }
    >
      {rows.error && (
        <ErrorBanner title="The deals could not be loaded" message={rows.error} onRetry={rows.reload} />
      )}
      {rows.data ? (
        <DataTable
          label={title}
          data={rows.data}
          columns={columns}
          initialSorting={[{ id: 'enteredAt', desc: true }]}
          emptyMessage="No deal here in this period."
          rowTestId="funnel-drill-row"
          exportName={`Funnel ${stage} ${closing ? 'closed' : groupLabel(drill.group)}`}
          exportAllRows={exportAll}
        />
      ) : (
        !rows.error && <DrawerLoading label="Loading the deals" />
      )}
    </Drawer>
  );
}

function groupLabel(group: FunnelDealGroup): string {
  return {
    entered: 'Entered',
    advanced: 'Moved on',
    skipped: 'Skipped next',
    lost: 'Lost',
    dropped: 'Drop-off',
  }[group];
}

function DealLink({ row }: { row: FunnelDealRow }) {
  const location = useLocation();
  const back: BackTo = { to: `${location.pathname}${location.search}`, label: 'Funnel' };
  return (
    <div className="drill-deal">
      <Link to={`/deals/${row.dealId}`} state={{ back }} className="deal-link" title={row.dealName}>
        {row.dealName}
      </Link>
      <span className="drill-detail">{row.ownerName ?? 'No owner'}</span>
    </div>
  );
}

const column = createColumnHelper<FunnelDealRow>();

function funnelDealColumns(stageNames: ReadonlyMap<string, string>) {
  const name = (key: string | null): string => (key ? (stageNames.get(key) ?? key) : 'an unmapped stage');
  const next = (row: FunnelDealRow): string => {
    if (row.fate === 'next') return `Moved on to ${name(row.nextStageKey)}`;
    if (row.fate === 'skip') return `Skipped ahead to ${name(row.nextStageKey)}`;
    if (row.fate === 'lost') return 'Lost';
    if (row.nextStageKey) return `Went back to ${name(row.nextStageKey)}`;
    return row.status === 'open' ? 'Still there' : '—';
  };
  return [
    column.accessor('dealName', {
      header: 'Deal',
      cell: (info) => <DealLink row={info.row.original} />,
      meta: {
        csvColumns: [
          { header: 'Deal', value: (row) => row.dealName },
          { header: 'Owner', value: (row) => row.ownerName ?? 'No owner' },
        ],
      },
    }),
    column.accessor('enteredAt', {
      header: 'Entered',
      cell: (info) => formatDate(info.getValue()),
      meta: { csv: (row) => localCsvDate(row.enteredAt) },
    }),
    column.accessor('durationDays', {
      header: 'Days in stage',
      cell: (info) => formatDayValue(info.getValue()),
      meta: { numeric: true, csv: (row) => csvRound(row.durationDays) },
    }),
    column.accessor(next, { id: 'next', header: 'Then' }),
    column.accessor('status', {
      header: 'Now',
      cell: (info) => <StatusBadge status={info.getValue()} />,
      meta: { csv: (row) => dealStatusLabels[row.status] },
    }),
  ];
}
