import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { csvRound, isoDay, localTimeZone } from '@shared/csv/csvValues';
import type { StalledDeal } from '@shared/metrics/reports';
import { EMPTY, formatCount, formatDate, plural } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import '../ui/columnMeta';
import { localCsvDate } from '../ui/csvCells';
import { formatDayValue } from './funnelFormat';

type StalledRow = StalledDeal & { overRatio: number; overDays: number };

type DealNameProps = { deal: StalledRow };

function DealName({ deal }: DealNameProps) {
  return (
    <Link to={`/deals/${deal.dealId}`} className="funnel-deal-link" title={deal.dealName}>
      {deal.dealName}
    </Link>
  );
}

const column = createColumnHelper<StalledRow>();

const stalledColumns = [
  column.accessor('dealName', { header: 'Deal', cell: (info) => <DealName deal={info.row.original} /> }),
  column.accessor((d) => d.ownerName ?? undefined, {
    id: 'owner',
    header: 'Owner',
    cell: (info) => info.getValue() ?? EMPTY,
    sortUndefined: 'last',
  }),
  column.accessor('stageName', { header: 'Stage' }),
  column.accessor('enteredAt', {
    header: 'In stage since',
    cell: (info) => formatDate(info.getValue()),
    meta: { csv: (row) => localCsvDate(row.enteredAt) },
  }),
  column.accessor('ageDays', {
    header: 'Days in stage',
    cell: (info) => formatDayValue(info.getValue()),
    sortDescFirst: true,
    meta: { numeric: true, csv: (row) => csvRound(row.ageDays) },
  }),
  column.accessor('targetDays', {
    header: 'Target',
    cell: (info) => formatDayValue(info.getValue()),
    meta: { numeric: true, csvHeader: 'Target (days)', csv: (row) => csvRound(row.targetDays) },
  }),
  column.accessor('overRatio', {
    header: 'Over target',
    cell: (info) => {
      const row = info.row.original;
      // The bar fills at 4× the target: beyond that every deal is simply very late.
      const fill = Math.min(1, (row.overRatio - 1) / 3);
      return (
        <span className="stalled-over" title={`${formatDayValue(row.overDays)} past the target`}>
          <span className="stalled-over-bar" aria-hidden="true">
            <span style={{ width: `${Math.max(4, Math.round(fill * 100))}%` }} />
          </span>
          <span className="stalled-over-value">+{formatDayValue(row.overDays)}</span>
          <span className="stalled-over-ratio">{row.overRatio.toFixed(1)}×</span>
        </span>
      );
    },
    sortDescFirst: true,
    meta: {
      numeric: true,
      csvColumns: [
        { header: 'Days over target', value: (row) => csvRound(row.overDays) },
        { header: 'Times the target', value: (row) => csvRound(row.overRatio) },
      ],
    },
  }),
];

export type StalledDealsProps = {
  stalled: StalledDeal[];
  /** The workflow's stages in order, to list the counts per stage in that order. */
  stages: { key: string; name: string }[];
  filtered: boolean;
};

/** Open deals sitting in a stage past its target days, the most overdue first. */
export function StalledDeals({ stalled, stages, filtered }: StalledDealsProps) {
  const rows = useMemo<StalledRow[]>(
    () =>
      stalled.map((deal) => ({
        ...deal,
        overRatio: deal.ageDays / deal.targetDays,
        overDays: deal.ageDays - deal.targetDays,
      })),
    [stalled],
  );
  const byStage = useMemo(
    () =>
      stages
        .map((stage) => ({ ...stage, count: stalled.filter((d) => d.stageKey === stage.key).length }))
        .filter((stage) => stage.count > 0),
    [stalled, stages],
  );

  return (
    <section className="card stalled-card" aria-labelledby="stalled-heading">
      <div className="card-header">
        <div>
          <h2 id="stalled-heading" className="card-title">
            Stalled deals{' '}
            <span className="stalled-count" data-testid="stalled-count">
              {formatCount(stalled.length)}
            </span>
          </h2>
          <span className="card-subtitle">
            Open deals in a stage longer than its target days, today{filtered ? ', for these reps' : ''}; the
            most overdue first.
          </span>
        </div>
        {byStage.length > 0 && (
          <ul className="stalled-stages" aria-label="Stalled deals by stage">
            {byStage.map((stage) => (
              <li key={stage.key} className="chip">
                {stage.name} · {formatCount(stage.count)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {stalled.length === 0 ? (
        <EmptyState icon="check" title="No deal is stalled">
          Every open deal{filtered ? ' of these reps' : ''} is within its stage’s target days. Stages without
          target days are never counted as stalled: set them in the workflow.
        </EmptyState>
      ) : (
        <>
          <div className="stalled-table">
            <DataTable
              label="Stalled deals"
              data={rows}
              columns={stalledColumns}
              initialSorting={[{ id: 'overRatio', desc: true }]}
              emptyMessage="No stalled deals."
              rowTestId="stalled-row"
              exportPeriod={isoDay(localTimeZone())}
            />
          </div>
          <p className="funnel-note muted">
            {plural(stalled.length, 'open deal')} over target
            {stalled.length > 12 ? ' — scroll the table for all of them' : ''}. Stages without target days are
            never counted as stalled.
          </p>
        </>
      )}
    </section>
  );
}
