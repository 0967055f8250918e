import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { csvRound } from '@shared/csv/csvValues';
import { activityColor } from '../deal/stageTones';
import { EMPTY, formatCount, humanize } from '../format/format';
import { DataTable } from '../ui/DataTable';
import '../ui/columnMeta';
import { type AlignedDeal, dayOf } from './alignment';

export type CompareSummaryProps = {
  aligned: AlignedDeal[];
  /** The deals in the order they were picked, to number them as the chips do. */
  dealIds: number[];
  fromName: string;
  toName: string;
};

type Entered = Extract<AlignedDeal, { entered: true }>;

/** One deal's stretch in numbers: how long it took, and how many activities of each type. */
type DealRow = {
  index: number;
  name: string;
  days: number | null;
  total: number;
  counts: Map<string, number>;
};

const column = createColumnHelper<DealRow>();

const dayFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The stretch in numbers: activities per type for each deal, then every action in order. */
export function CompareSummary({ aligned, dealIds, fromName, toName }: CompareSummaryProps) {
  const deals = useMemo(() => aligned.filter((d): d is Entered => d.entered), [aligned]);
  const rows = useMemo<DealRow[]>(
    () =>
      deals.map((deal) => {
        const counts = new Map<string, number>();
        for (const a of deal.activities) counts.set(a.type, (counts.get(a.type) ?? 0) + 1);
        return {
          index: dealIds.indexOf(deal.detail.deal.id) + 1,
          name: deal.detail.deal.name,
          days: deal.days,
          total: deal.activities.length,
          counts,
        };
      }),
    [deals, dealIds],
  );
  // One column per activity type any of the deals logged, the most frequent first.
  const columns = useMemo(() => {
    const totals = new Map<string, number>();
    for (const row of rows) for (const [type, n] of row.counts) totals.set(type, (totals.get(type) ?? 0) + n);
    const types = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([type]) => type);
    return [
      column.accessor('index', {
        header: 'Deal',
        cell: (info) => (
          <span className="compare-col-head" title={info.row.original.name}>
            <span className="compare-chip-index">{info.getValue()}</span>
            <span className="compare-col-name">{info.row.original.name}</span>
          </span>
        ),
        meta: {
          csvColumns: [
            { header: '#', value: (row) => row.index },
            { header: 'Deal', value: (row) => row.name },
          ],
        },
      }),
      column.accessor((row) => row.days ?? undefined, {
        id: 'days',
        header: `Days to ${toName}`,
        cell: (info) => {
          const days = info.row.original.days;
          return days === null ? <span className="muted">not reached</span> : `${dayFormat.format(days)} d`;
        },
        sortUndefined: 'last',
        meta: {
          numeric: true,
          csv: (row) => (row.days === null ? 'not reached' : csvRound(row.days)),
        },
      }),
      column.accessor('total', {
        header: 'Activities',
        cell: (info) => formatCount(info.getValue()),
        sortDescFirst: true,
        meta: { numeric: true },
      }),
      ...types.map((type) =>
        column.accessor((row) => row.counts.get(type) ?? 0, {
          id: `type-${type}`,
          header: () => (
            <span className="activity-type">
              <span className="legend-dot" style={{ background: activityColor(type) }} />
              {humanize(type)}
            </span>
          ),
          cell: (info) =>
            info.getValue() === 0 ? <span className="muted">0</span> : formatCount(info.getValue()),
          sortDescFirst: true,
          meta: { numeric: true, csvHeader: humanize(type) },
        }),
      ),
    ] as ColumnDef<DealRow, unknown>[];
  }, [rows, toName]);

  return (
    <div className="compare-summary">
      <section className="card" aria-labelledby="compare-types-heading">
        <div className="card-header">
          <h2 className="card-title" id="compare-types-heading">
            Activities between {fromName} and {toName}
          </h2>
          <span className="card-subtitle">
            How long each took, and how many activities of each type it logged on the way
          </span>
        </div>
        <DataTable
          data={rows}
          columns={columns}
          label="Activities by type for each deal"
          emptyMessage="None of these deals logged an activity in this stretch."
          rowTestId="compare-summary-row"
          exportName={`Activities ${fromName} to ${toName}`}
        />
      </section>
      <section className="card" aria-labelledby="compare-steps-heading">
        <div className="card-header">
          <h2 className="card-title" id="compare-steps-heading">
            Action by action
          </h2>
          <span className="card-subtitle">
            Each deal’s activities in the order they happened, by day since {fromName}
          </span>
        </div>
        <div
          className="compare-steps"
          style={{ gridTemplateColumns: `repeat(${deals.length}, minmax(0, 1fr))` }}
        >
          {deals.map((deal) => (
            <div key={deal.detail.deal.id} className="compare-steps-deal">
              <h3 className="compare-steps-name" title={deal.detail.deal.name}>
                <span className="compare-chip-index">{dealIds.indexOf(deal.detail.deal.id) + 1}</span>
                <span className="compare-col-name">{deal.detail.deal.name}</span>
              </h3>
              {deal.activities.length === 0 ? (
                <p className="muted">No activity logged.</p>
              ) : (
                <ol className="compare-step-list">
                  {deal.activities.map((activity) => (
                    <li key={activity.id}>
                      <span className="compare-step-day">
                        day {dayFormat.format(dayOf(deal.start, activity.occurredAt))}
                      </span>
                      <span className="legend-dot" style={{ background: activityColor(activity.type) }} />
                      <span className="compare-step-type">{humanize(activity.type)}</span>
                      <span className="compare-step-subject" title={activity.subject ?? undefined}>
                        {activity.subject ?? EMPTY}
                      </span>
                    </li>
                  ))}
                  <li className="compare-step-end">
                    <span className="compare-step-day">
                      day {dayFormat.format(dayOf(deal.start, deal.end))}
                    </span>
                    <span className="compare-step-type">
                      {deal.endVisit ? `Entered ${deal.endVisit.stageName}` : 'Now'}
                    </span>
                  </li>
                </ol>
              )}
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
