import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { csvPercent, csvRound, isoDay, localTimeZone } from '@shared/csv/csvValues';
import type { FailurePointsReport, FailureStage } from '@shared/metrics/failures';
import { formatCount, formatPercent, plural } from '../format/format';
import { DataTable } from '../ui/DataTable';
import '../ui/columnMeta';
import { formatDayCount } from './patternFormat';

type FailureRow = FailureStage & { rank: number; dealsHref: string | null };

const column = createColumnHelper<FailureRow>();

type MissedListProps = { row: FailureRow };

/** The required actions missed at that stage, most frequent first, with the share of its deals. */
function MissedList({ row }: MissedListProps) {
  if (row.missedActions.length === 0) return <span className="muted">None missed</span>;
  return (
    <ul className="pt-missed">
      {row.missedActions.map((action) => {
        const share = row.deals === 0 ? 0 : action.deals / row.deals;
        return (
          <li
            key={action.actionKey}
            title={`${action.label}: missed on ${plural(action.deals, 'deal')} of ${formatCount(row.deals)}`}
          >
            <span className="pt-missed-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(3, share * 100)}%` }} />
            </span>
            <span className="pt-missed-label">{action.label}</span>
            <span className="pt-missed-count">
              {formatCount(action.deals)} <span className="muted">· {formatPercent(share)}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The missed actions as one cell: "Send recap: 12 (40%); Book demo: 5 (17%)". */
function missedText(row: FailureRow): string {
  if (row.missedActions.length === 0) return 'None missed';
  return row.missedActions
    .map((a) => `${a.label}: ${a.deals} (${csvPercent(row.deals === 0 ? 0 : a.deals / row.deals)}%)`)
    .join('; ');
}

const columns = [
  column.accessor('rank', { header: '#', meta: { numeric: true } }),
  column.accessor('stageName', {
    header: 'Stopped in',
    cell: (info) => {
      const href = info.row.original.dealsHref;
      return href ? (
        <Link to={href} className="pt-stage-link" title="Open the deals sitting in this stage now">
          {info.getValue()}
        </Link>
      ) : (
        <span className="pt-stage-name">{info.getValue()}</span>
      );
    },
  }),
  column.accessor('deals', {
    header: 'Deals',
    cell: (info) => formatCount(info.getValue()),
    sortDescFirst: true,
    meta: { numeric: true },
  }),
  column.accessor('share', {
    header: 'Share',
    cell: (info) => formatPercent(info.getValue()),
    sortDescFirst: true,
    meta: { numeric: true, csvHeader: 'Share (%)', csv: (row) => csvPercent(row.share) },
  }),
  column.accessor((row) => row.daysThere.medianDays ?? undefined, {
    id: 'days',
    header: () => <span title="Median days the deals sat in that stage">Median days there</span>,
    cell: (info) => formatDayCount(info.row.original.daysThere.medianDays),
    sortUndefined: 'last',
    sortDescFirst: true,
    meta: { numeric: true, csvHeader: 'Median days there', csv: (row) => csvRound(row.daysThere.medianDays) },
  }),
  column.display({
    id: 'missed',
    header: 'Required actions missed there',
    cell: (info) => <MissedList row={info.row.original} />,
    meta: { csv: missedText },
  }),
];

export type FailurePointsProps = {
  report: FailurePointsReport;
  /** The Deals screen narrowed to the open deals in a stage. */
  stalledHref: (stageKey: string) => string;
};

type FailureTableProps = {
  id: string;
  title: string;
  subtitle: string;
  rows: FailureRow[];
  empty: string;
  /** What the CSV file is named after. */
  exportName: string;
  /** Stalled deals are counted today, not over the screen's period. */
  exportPeriod?: string;
};

function FailureTable({ id, title, subtitle, rows, empty, exportName, exportPeriod }: FailureTableProps) {
  return (
    <section className="card pt-card" aria-labelledby={id}>
      <div className="card-header">
        <div>
          <h3 className="card-title" id={id}>
            {title}
          </h3>
          <p className="card-subtitle">{subtitle}</p>
        </div>
      </div>
      <div className="pt-table pt-failures">
        <DataTable
          data={rows}
          columns={columns}
          label={title}
          emptyMessage={empty}
          rowTestId="failure-row"
          exportName={exportName}
          exportPeriod={exportPeriod}
        />
      </div>
    </section>
  );
}

/** Where lost and stalled deals stopped, and which required actions they had missed there. */
export function FailurePoints({ report, stalledHref }: FailurePointsProps) {
  // Lost deals now sit in the lost stage, so the Deals screen cannot list them by where they stopped.
  const rows = (stages: FailureStage[], link: boolean): FailureRow[] =>
    stages.map((s, i) => ({ ...s, rank: i + 1, dealsHref: link ? stalledHref(s.stageKey) : null }));
  return (
    <div className="pt-failure-grid">
      <FailureTable
        id="pt-lost-heading"
        title={`Lost deals · ${formatCount(report.lost.deals)}`}
        subtitle="Deals lost in the period, by the last stage they reached before losing."
        rows={rows(report.lost.byStage, false)}
        empty="No deal was lost in this period."
        exportName="Lost deals by stage"
      />
      <FailureTable
        id="pt-stalled-heading"
        title={`Stalled deals · ${formatCount(report.stalled.deals)}`}
        subtitle="Open deals sitting in a stage longer than its target days, as of today."
        rows={rows(report.stalled.byStage, true)}
        empty="No open deal is over its stage’s target days. Stages without target days never stall."
        exportName="Stalled deals by stage"
        exportPeriod={isoDay(localTimeZone())}
      />
    </div>
  );
}
