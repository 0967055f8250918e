import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { csvPercent, csvRound } from '@shared/csv/csvValues';
import type { Bottleneck, BottlenecksReport } from '@shared/metrics/failures';
import { formatCount, formatPercent, plural } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import '../ui/columnMeta';
import { formatWholeDays } from './patternFormat';

type BottleneckRow = Bottleneck & { rank: number };

const column = createColumnHelper<BottleneckRow>();

const score = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const columns = [
  column.accessor('rank', { header: '#', meta: { numeric: true } }),
  column.accessor('stageName', {
    header: 'Stage',
    cell: (info) => (
      <span className="pt-bottleneck-stage">
        {info.getValue()}
        {info.row.original.rank === 1 && <span className="chip pt-first">First candidate</span>}
      </span>
    ),
    meta: { csv: (row) => row.stageName },
  }),
  column.accessor('score', {
    header: () => (
      <span title="Drop-off, days lost and missed actions, each relative to the worst stage, added up (0–3)">
        Score
      </span>
    ),
    cell: (info) => (
      <span className="pt-score">
        <span className="pt-score-bar" aria-hidden="true">
          <span style={{ width: `${(info.getValue() / 3) * 100}%` }} />
        </span>
        <span className="pt-score-value">{score.format(info.getValue())}</span>
      </span>
    ),
    sortDescFirst: true,
    meta: { numeric: true, csvHeader: 'Score (0–3)', csv: (row) => csvRound(row.score) },
  }),
  column.accessor('entered', {
    header: 'Entered',
    cell: (info) => formatCount(info.getValue()),
    sortDescFirst: true,
    meta: { numeric: true },
  }),
  column.accessor('dropOff', {
    header: () => (
      <span title="Deals that entered the stage in the period and went no further">Drop-off</span>
    ),
    cell: (info) => {
      const row = info.row.original;
      return (
        <span>
          {formatCount(row.dropOff)}{' '}
          <span className="muted">
            · {formatPercent(row.entered === 0 ? null : row.dropOff / row.entered)}
          </span>
        </span>
      );
    },
    sortDescFirst: true,
    meta: {
      numeric: true,
      csvColumns: [
        { header: 'Drop-off', value: (row) => row.dropOff },
        {
          header: 'Drop-off (%)',
          value: (row) => (row.entered === 0 ? null : csvPercent(row.dropOff / row.entered)),
        },
      ],
    },
  }),
  column.accessor((row) => row.conversionToNext ?? undefined, {
    id: 'conversion',
    header: () => (
      <span title="Share of the deals that entered it and later entered the next stage or one after">
        Conversion
      </span>
    ),
    cell: (info) => formatPercent(info.row.original.conversionToNext),
    sortUndefined: 'last',
    meta: { numeric: true, csvHeader: 'Conversion (%)', csv: (row) => csvPercent(row.conversionToNext) },
  }),
  column.accessor('daysLost', {
    header: () => (
      <span title="Days spent beyond the stage's target, summed over its visits in the period">
        Days lost beyond target
      </span>
    ),
    cell: (info) => {
      const row = info.row.original;
      return (
        <span title={`${plural(row.overTargetVisits, 'visit')} over the target`}>
          {formatWholeDays(row.daysLost)}{' '}
          <span className="muted">· {plural(row.overTargetVisits, 'visit')}</span>
        </span>
      );
    },
    sortDescFirst: true,
    meta: {
      numeric: true,
      csvColumns: [
        { header: 'Days lost beyond target', value: (row) => csvRound(row.daysLost) },
        { header: 'Visits over target', value: (row) => row.overTargetVisits },
      ],
    },
  }),
  column.accessor('missedActions', {
    header: () => (
      <span title="Required actions of the stage that came due in the period and were missed">
        Missed actions
      </span>
    ),
    cell: (info) => formatCount(info.getValue()),
    sortDescFirst: true,
    meta: { numeric: true, csvHeader: 'Missed actions' },
  }),
];

export type BottlenecksProps = { report: BottlenecksReport };

/** Stages ranked by what they cost: the candidates for this quarter's one experiment. */
export function Bottlenecks({ report }: BottlenecksProps) {
  const rows = report.stages.map((s, i) => ({ ...s, rank: i + 1 }));
  const anyEntered = rows.some((r) => r.entered > 0);
  return (
    <section className="card pt-card" aria-labelledby="pt-bottlenecks-heading">
      <div className="card-header">
        <div>
          <h2 className="card-title" id="pt-bottlenecks-heading">
            Bottleneck candidates
          </h2>
          <p className="card-subtitle">
            Stages ranked by drop-off, days lost beyond their target and required actions missed, each against
            the worst stage. Pick one per quarter and attack it with a small, measured experiment.
          </p>
        </div>
        <Link className="btn btn-small" to="/experiments">
          Plan an experiment
        </Link>
      </div>
      {anyEntered ? (
        <div className="pt-table pt-bottlenecks">
          <DataTable
            data={rows}
            columns={columns}
            label="Bottleneck candidates"
            emptyMessage="The workflow has no stages to rank."
            rowTestId="bottleneck-row"
          />
        </div>
      ) : (
        <EmptyState icon="funnel" title="No deal entered a stage in this period">
          <p>
            Bottlenecks are ranked from the deals that moved in the period. Pick a longer period or other
            filters.
          </p>
        </EmptyState>
      )}
    </section>
  );
}
