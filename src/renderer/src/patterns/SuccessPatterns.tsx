import { createColumnHelper } from '@tanstack/react-table';
import { csvPercent, csvRound } from '@shared/csv/csvValues';
import type { PatternsReport } from '@shared/metrics/failures';
import type { ActionPattern, GroupStats } from '@shared/metrics/patterns';
import { formatCount, formatPercent, plural } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { Icon } from '../ui/Icon';
import '../ui/columnMeta';
import { formatDayCount, formatPoints } from './patternFormat';

type PatternRow = ActionPattern & { stageName: string };

const column = createColumnHelper<PatternRow>();

type RateProps = { stats: GroupStats };

function Rate({ stats }: RateProps) {
  return (
    <span
      className="pt-rate"
      title={`${formatCount(stats.won)} won of ${plural(stats.deals, 'closed deal')}`}
    >
      <span className="pt-rate-value">{formatPercent(stats.winRate)}</span>
      <span className="pt-rate-deals">{plural(stats.deals, 'deal')}</span>
    </span>
  );
}

type LiftProps = { lift: number | null };

/** The lift as a bar growing right (helps) or left (hurts) from the middle, 50 points to a side. */
function Lift({ lift }: LiftProps) {
  const size = lift === null ? 0 : Math.min(1, Math.abs(lift) / 0.5) * 50;
  const tone = lift === null || Math.abs(lift) < 0.005 ? 'flat' : lift > 0 ? 'up' : 'down';
  return (
    <span className={`pt-lift ${tone}`}>
      <span className="pt-lift-bar" aria-hidden="true">
        <span
          style={tone === 'down' ? { right: '50%', width: `${size}%` } : { left: '50%', width: `${size}%` }}
        />
      </span>
      <span className="pt-lift-value">{formatPoints(lift)}</span>
    </span>
  );
}

type HeadProps = { title: string; top: string; bottom: string };

/** A two-line column header: what is measured, then for which deals. */
function Head({ title, top, bottom }: HeadProps) {
  return (
    <span className="pt-head" title={title}>
      <span>{top}</span>
      <span className="pt-head-sub">{bottom}</span>
    </span>
  );
}

const columns = [
  column.accessor('label', {
    header: 'Required action',
    meta: {
      csvColumns: [
        { header: 'Required action', value: (row) => row.label },
        { header: 'Stage', value: (row) => row.stageName },
        { header: 'Few deals', value: (row) => (row.smallSample ? 'Yes' : 'No') },
      ],
    },
    cell: (info) => {
      const row = info.row.original;
      return (
        <span className="pt-action">
          <span className="pt-action-label">{row.label}</span>
          <span className="pt-action-meta">
            <span className="chip">{row.stageName}</span>
            {row.smallSample && (
              <span
                className="chip pt-caveat"
                title="Fewer than 30 closed deals on one side of the comparison"
              >
                <Icon name="alert" size={12} />
                few deals: read with care
              </span>
            )}
          </span>
        </span>
      );
    },
  }),
  column.accessor((row) => row.withAction.winRate ?? undefined, {
    id: 'with',
    header: () => (
      <Head title="Win rate of closed deals where the action was done on time" top="Win rate" bottom="done" />
    ),
    cell: (info) => <Rate stats={info.row.original.withAction} />,
    sortUndefined: 'last',
    sortDescFirst: true,
    meta: {
      numeric: true,
      csvColumns: [
        { header: 'Win rate done (%)', value: (row) => csvPercent(row.withAction.winRate) },
        { header: 'Deals done', value: (row) => row.withAction.deals },
      ],
    },
  }),
  column.accessor((row) => row.withoutAction.winRate ?? undefined, {
    id: 'without',
    header: () => (
      <Head
        title="Win rate of closed deals where the action came due and was not done on time"
        top="Win rate"
        bottom="not done"
      />
    ),
    cell: (info) => <Rate stats={info.row.original.withoutAction} />,
    sortUndefined: 'last',
    sortDescFirst: true,
    meta: {
      numeric: true,
      csvColumns: [
        { header: 'Win rate not done (%)', value: (row) => csvPercent(row.withoutAction.winRate) },
        { header: 'Deals not done', value: (row) => row.withoutAction.deals },
      ],
    },
  }),
  column.accessor((row) => row.winRateLift ?? undefined, {
    id: 'lift',
    header: () => (
      <Head
        title="Win rate when done minus win rate when not, in percentage points"
        top="Lift"
        bottom="win rate"
      />
    ),
    cell: (info) => <Lift lift={info.row.original.winRateLift} />,
    sortUndefined: 'last',
    sortDescFirst: true,
    meta: { numeric: true, csvHeader: 'Lift (pts)', csv: (row) => csvPercent(row.winRateLift) },
  }),
  column.accessor((row) => row.withAction.medianCycleDays ?? undefined, {
    id: 'cycleWith',
    header: () => (
      <Head
        title="Median days from creation to win, over won deals where the action was done"
        top="Median cycle"
        bottom="done"
      />
    ),
    cell: (info) => formatDayCount(info.row.original.withAction.medianCycleDays),
    sortUndefined: 'last',
    meta: {
      numeric: true,
      csvHeader: 'Median cycle done (days)',
      csv: (row) => csvRound(row.withAction.medianCycleDays),
    },
  }),
  column.accessor((row) => row.withoutAction.medianCycleDays ?? undefined, {
    id: 'cycleWithout',
    header: () => (
      <Head
        title="Median days from creation to win, over won deals where the action was not done"
        top="Median cycle"
        bottom="not done"
      />
    ),
    cell: (info) => formatDayCount(info.row.original.withoutAction.medianCycleDays),
    sortUndefined: 'last',
    meta: {
      numeric: true,
      csvHeader: 'Median cycle not done (days)',
      csv: (row) => csvRound(row.withoutAction.medianCycleDays),
    },
  }),
  column.accessor((row) => row.topQuartileRate ?? undefined, {
    id: 'top',
    header: () => (
      <Head
        title="How often top-quartile reps did it on time when it came due"
        top="On time"
        bottom="top quartile"
      />
    ),
    cell: (info) => {
      const row = info.row.original;
      const ahead =
        row.topQuartileRate !== null && row.restRate !== null && row.topQuartileRate - row.restRate >= 0.05;
      return <span className={ahead ? 'pt-ahead' : undefined}>{formatPercent(row.topQuartileRate)}</span>;
    },
    sortUndefined: 'last',
    sortDescFirst: true,
    meta: {
      numeric: true,
      csvHeader: 'On time top quartile (%)',
      csv: (row) => csvPercent(row.topQuartileRate),
    },
  }),
  column.accessor((row) => row.restRate ?? undefined, {
    id: 'rest',
    header: () => (
      <Head
        title="How often the other reps did it on time when it came due"
        top="On time"
        bottom="the rest"
      />
    ),
    cell: (info) => formatPercent(info.row.original.restRate),
    sortUndefined: 'last',
    sortDescFirst: true,
    meta: { numeric: true, csvHeader: 'On time the rest (%)', csv: (row) => csvPercent(row.restRate) },
  }),
];

export type SuccessPatternsProps = {
  report: PatternsReport;
  stageNames: Map<string, string>;
  /** Offered when nothing closed: widen the period. */
  onWiden: (() => void) | null;
};

/** Which required actions go with winning, and which of them the top quartile does more often. */
export function SuccessPatterns({ report, stageNames, onWiden }: SuccessPatternsProps) {
  const rows: PatternRow[] = report.actions.map((a) => ({
    ...a,
    stageName: stageNames.get(a.stageKey) ?? a.stageKey,
  }));
  const few = rows.filter((r) => r.smallSample).length;

  return (
    <section className="card pt-card" aria-labelledby="pt-success-heading">
      <div className="card-header pt-header">
        <div>
          <h2 className="card-title" id="pt-success-heading">
            Success patterns
          </h2>
          <p className="card-subtitle">
            {plural(report.closedDeals, 'deal')} closed in the period. For each required action: closed deals
            where it was done on time, against those where it came due and was not.
          </p>
        </div>
        {report.topQuartileReps.length > 0 && (
          <div className="pt-top-reps">
            <span
              className="field-label"
              title="The top quarter of reps by win rate, among reps with 5 or more closed deals"
            >
              Top-quartile reps
            </span>
            <ul aria-label="Top-quartile reps">
              {report.topQuartileReps.map((rep) => (
                <li key={rep.id} className="chip chip-accent">
                  {rep.name}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {report.closedDeals === 0 ? (
        <EmptyState
          icon="patterns"
          title="No deal closed in this period"
          actions={
            onWiden && (
              <button type="button" className="btn" onClick={onWiden}>
                Show the last 4 quarters
              </button>
            )
          }
        >
          <p>
            Success patterns compare won and lost deals. Pick a longer period, or import deals that closed in
            it.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="pt-table pt-success">
            <DataTable
              data={rows}
              columns={columns}
              label="Success patterns"
              initialSorting={[{ id: 'lift', desc: true }]}
              emptyMessage="No required action came due on these closed deals. Add required actions to the workflow's stages."
              rowTestId="pattern-row"
            />
          </div>
          <p className="pt-note">
            Lift is the win rate when done minus the win rate when not, in percentage points. It shows what
            goes with winning, not what causes it.
            {few > 0 &&
              ` ${plural(few, 'action')} rest on fewer than 30 deals on one side: read those with care.`}
          </p>
        </>
      )}
    </section>
  );
}
