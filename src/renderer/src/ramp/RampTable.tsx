import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { csvPercent } from '@shared/csv/csvValues';
import type { RampCurvePoint, RampHire, RampMetricKey, RampMonth, RampValue } from '@shared/oneOnOnes/types';
import { EMPTY, formatPercent } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { MIN_ITEMS, monthLabel } from './rampCharts';

type Row = { hire: RampHire; month: RampMonth; curve: RampCurvePoint | undefined };

const column = createColumnHelper<Row>();

/** The difference to the earlier hires' median, when the value rests on enough items to compare. */
function diffOf(value: RampValue, curve: { median: number | null } | undefined): number | null {
  const small = value.total > 0 && value.total < MIN_ITEMS;
  return value.rate !== null && !small && curve?.median != null ? value.rate - curve.median : null;
}

function Cell({
  value,
  curve,
}: {
  value: RampValue;
  curve: { median: number | null; reps: number } | undefined;
}) {
  const small = value.total > 0 && value.total < MIN_ITEMS;
  const diff = diffOf(value, curve);
  return (
    <span className="ramp-cell">
      <span className={small ? 'muted' : undefined}>{formatPercent(value.rate)}</span>
      <span className="ramp-n">{value.total > 0 ? `${value.ok}/${value.total}` : ''}</span>
      {diff !== null && (
        <span className={`ramp-diff ${diff >= 0 ? 'ramp-diff-up' : 'ramp-diff-down'}`}>
          {diff >= 0 ? '+' : '−'}
          {Math.round(Math.abs(diff) * 100)} pts
        </span>
      )}
    </span>
  );
}

function metricColumn(key: RampMetricKey, header: string) {
  return column.accessor((row) => row.month[key].rate, {
    id: key,
    header,
    meta: {
      numeric: true,
      // The cell's rate, its count and its points against earlier hires, each a CSV column.
      csvColumns: [
        { header: `${header} (%)`, value: (row) => csvPercent(row.month[key].rate) },
        { header: `${header} done`, value: (row) => row.month[key].ok },
        { header: `${header} of`, value: (row) => row.month[key].total },
        {
          header: `${header} vs earlier hires (pts)`,
          value: (row) => csvPercent(diffOf(row.month[key], row.curve?.[key])),
        },
      ],
    },
    sortUndefined: 'last',
    cell: ({ row }) => <Cell value={row.original.month[key]} curve={row.original.curve?.[key]} />,
  });
}

const columns = [
  column.accessor((row) => row.hire.name, {
    id: 'hire',
    header: 'New hire',
    cell: ({ row }) => <Link to={`/one-on-ones/${row.original.hire.repId}`}>{row.original.hire.name}</Link>,
  }),
  column.accessor((row) => row.month.index, {
    id: 'month',
    header: 'Month since start',
    meta: {
      csvColumns: [
        { header: 'Month since start', value: (row) => row.month.index + 1 },
        { header: 'Month complete', value: (row) => (row.month.complete ? 'Yes' : 'No (running)') },
      ],
    },
    cell: ({ row }) => (
      <span>
        {monthLabel(row.original.month.index)}
        {!row.original.month.complete && <span className="muted"> (running)</span>}
      </span>
    ),
  }),
  metricColumn('compliance', 'Actions on time'),
  metricColumn('conversion', 'Stage conversion'),
  metricColumn('winRate', 'Win rate'),
  column.accessor((row) => row.curve?.compliance.reps ?? 0, {
    id: 'earlier',
    header: 'Earlier hires',
    meta: {
      numeric: true,
      csv: (row) =>
        Math.max(
          row.curve?.compliance.reps ?? 0,
          row.curve?.conversion.reps ?? 0,
          row.curve?.winRate.reps ?? 0,
        ),
    },
    cell: ({ row }) => {
      const reps = Math.max(
        row.original.curve?.compliance.reps ?? 0,
        row.original.curve?.conversion.reps ?? 0,
        row.original.curve?.winRate.reps ?? 0,
      );
      return reps === 0 ? <span className="muted">{EMPTY}</span> : reps;
    },
  }),
];

export type RampTableProps = { hires: RampHire[] };

/** Every new hire's months, each figure with its count and its difference to the earlier hires' median. */
export function RampTable({ hires }: RampTableProps) {
  const rows: Row[] = hires.flatMap((hire) =>
    hire.months.map((month) => ({ hire, month, curve: hire.earlierCurve[month.index] })),
  );
  return (
    <section className="card ramp-table">
      <header className="card-header">
        <span className="card-title">Month by month</span>
        <span className="card-subtitle">
          Each figure with what it rests on; the points against the median of earlier hires in the same month
          of their own ramp.
        </span>
      </header>
      <DataTable
        data={rows}
        columns={columns}
        label="Ramp month by month"
        emptyMessage="No new hire in this window."
        rowTestId="ramp-row"
      />
    </section>
  );
}
