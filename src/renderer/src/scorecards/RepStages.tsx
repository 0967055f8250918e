import { createColumnHelper } from '@tanstack/react-table';
import { csvPercent, csvRound } from '@shared/csv/csvValues';
import type { StageScore } from '@shared/scorecards/types';
import { EMPTY, formatCount } from '../format/format';
import { DataTable } from '../ui/DataTable';
import '../ui/columnMeta';
import { formatValue } from './scorecardFormat';

export type RepStagesProps = { stages: StageScore[]; repName: string };

const column = createColumnHelper<StageScore>();

function days(value: number | null): string {
  return formatValue(value, 'days', null);
}

/** A value next to the team median, marked when it is on the worse side. */
function versus(
  value: number | null,
  median: number | null,
  worse: boolean,
  text: (v: number | null) => string,
) {
  return (
    <span className={value !== null && median !== null && worse ? 'stage-worse' : undefined}>
      {text(value)}
      <span className="stage-median"> / {text(median)}</span>
    </span>
  );
}

const columns = [
  column.accessor('name', { header: 'Stage' }),
  column.accessor('entered', {
    header: 'Entered',
    cell: (info) => formatCount(info.getValue()),
    meta: { numeric: true },
  }),
  column.accessor('medianDays', {
    header: 'Median days / team',
    cell: (info) => {
      const s = info.row.original;
      return versus(
        s.medianDays,
        s.medianDaysBenchmark,
        (s.medianDays ?? 0) > (s.medianDaysBenchmark ?? Infinity),
        days,
      );
    },
    sortUndefined: 'last',
    meta: {
      numeric: true,
      csvColumns: [
        { header: 'Median days', value: (s) => csvRound(s.medianDays) },
        { header: 'Team median days', value: (s) => csvRound(s.medianDaysBenchmark) },
      ],
    },
  }),
  column.accessor('targetDays', {
    header: 'Target',
    cell: (info) => (info.getValue() === null ? EMPTY : days(info.getValue())),
    meta: { numeric: true, csvHeader: 'Target (days)' },
  }),
  column.accessor('conversion', {
    header: 'Conversion / team',
    cell: (info) => {
      const s = info.row.original;
      return versus(
        s.conversion,
        s.conversionBenchmark,
        (s.conversion ?? 1) < (s.conversionBenchmark ?? -1),
        (v) => formatValue(v, 'share', null),
      );
    },
    sortUndefined: 'last',
    meta: {
      numeric: true,
      csvColumns: [
        { header: 'Conversion (%)', value: (s) => csvPercent(s.conversion) },
        { header: 'Team conversion (%)', value: (s) => csvPercent(s.conversionBenchmark) },
      ],
    },
  }),
];

/** Time in stage and conversion per stage for the rep, each next to the team median of reps. */
export function RepStages({ stages, repName }: RepStagesProps) {
  return (
    <section className="card scorecard-section" aria-labelledby="stages-title">
      <header className="card-header">
        <h2 id="stages-title" className="card-title">
          Per stage
        </h2>
        <span className="card-subtitle">
          {repName}’s deals that entered each stage in the period, against the team median of reps
        </span>
      </header>
      <DataTable
        data={stages}
        columns={columns}
        label="Time and conversion per stage"
        emptyMessage="No stages in this workflow."
        tableClassName="stage-table"
        exportName={`${repName} per stage`}
      />
    </section>
  );
}
