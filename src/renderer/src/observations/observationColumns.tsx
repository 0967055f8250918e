import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { ChecklistCounts, ObservationListRow } from '@shared/coaching/observationViews';
import { csvRound } from '@shared/csv/csvValues';
import { EMPTY, formatIsoDate } from '../format/format';
import { Icon } from '../ui/Icon';

const column = createColumnHelper<ObservationListRow>();
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const BACK_TO_OBSERVATIONS = { back: { to: '/observations', label: 'Observations' } };

/** Done / partial / skipped as one stacked bar, with the count done in words. */
export function ChecklistBar({ counts }: { counts: ChecklistCounts }) {
  const judged = counts.done + counts.partial + counts.skipped;
  if (judged + counts.na === 0) return <span className="muted">{EMPTY}</span>;
  const width = (n: number) => `${(n / Math.max(judged, 1)) * 100}%`;
  const words = `${counts.done} done, ${counts.partial} partial, ${counts.skipped} skipped${counts.na ? `, ${counts.na} n.a.` : ''}`;
  return (
    <span className="checklist-cell" title={words}>
      <span className="checklist-bar" aria-hidden="true">
        <span className="seg-done" style={{ width: width(counts.done) }} />
        <span className="seg-partial" style={{ width: width(counts.partial) }} />
        <span className="seg-skipped" style={{ width: width(counts.skipped) }} />
      </span>
      <span className="checklist-count">
        {counts.done}/{judged}
        <span className="visually-hidden"> done ({words})</span>
      </span>
    </span>
  );
}

/** A 1–5 average as a number and five pips. */
export function RubricScore({ average }: { average: number | null }) {
  if (average === null) return <span className="muted">{EMPTY}</span>;
  const tone = average >= 3.75 ? 'high' : average >= 2.75 ? 'mid' : 'low';
  return (
    <span className={`rubric-score rubric-${tone}`}>
      <span className="rubric-pips" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((n) => (
          <span key={n} className={n <= Math.round(average) ? 'pip on' : 'pip'} />
        ))}
      </span>
      <span className="rubric-value">{oneDecimal.format(average)}</span>
    </span>
  );
}

export type ObservationColumnsOptions = {
  toneOf: (tag: string) => string;
  onDelete: (row: ObservationListRow) => void;
};

// Column value types differ per column; TanStack's own examples type the array this way.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ObservationColumn = ColumnDef<ObservationListRow, any>;

export function observationColumns({ toneOf, onDelete }: ObservationColumnsOptions): ObservationColumn[] {
  return [
    column.accessor('observedOn', {
      header: 'Observed',
      cell: (info) => (
        <Link
          to={`/observations/${info.row.original.id}`}
          className="obs-open-link"
          onClick={(event) => event.stopPropagation()}
        >
          {formatIsoDate(info.getValue())}
        </Link>
      ),
    }),
    column.accessor('repName', {
      header: 'Rep',
      cell: (info) => (
        <span className="obs-rep-cell" title={info.row.original.team ?? undefined}>
          {info.getValue()}
        </span>
      ),
    }),
    column.accessor('dealName', {
      header: 'Deal',
      cell: (info) => {
        const { dealId } = info.row.original;
        return dealId === null ? (
          <span className="muted">No deal</span>
        ) : (
          <Link
            to={`/deals/${dealId}`}
            state={BACK_TO_OBSERVATIONS}
            className="obs-deal-cell"
            title={info.getValue() ?? undefined}
            onClick={(event) => event.stopPropagation()}
          >
            {info.getValue() ?? `Deal ${dealId}`}
          </Link>
        );
      },
      meta: {
        csv: (row) => (row.dealId === null ? 'No deal' : (row.dealName ?? `Deal ${row.dealId}`)),
      },
    }),
    column.accessor('stageName', {
      header: 'Stage',
      cell: (info) => info.getValue() ?? <span className="muted">{EMPTY}</span>,
    }),
    column.accessor('coach', { header: 'Coach' }),
    column.accessor(
      (row) =>
        row.checklist.done + row.checklist.partial + row.checklist.skipped
          ? row.checklist.done / (row.checklist.done + row.checklist.partial + row.checklist.skipped)
          : -1,
      {
        id: 'checklist',
        header: 'Checklist',
        cell: (info) => <ChecklistBar counts={info.row.original.checklist} />,
        meta: {
          csvColumns: [
            { header: 'Checklist done', value: (row) => row.checklist.done },
            { header: 'Checklist partial', value: (row) => row.checklist.partial },
            { header: 'Checklist skipped', value: (row) => row.checklist.skipped },
            { header: 'Checklist n.a.', value: (row) => row.checklist.na },
          ],
        },
      },
    ),
    column.accessor((row) => row.rubricAverage ?? -1, {
      id: 'rubric',
      header: 'Rubric',
      cell: (info) => <RubricScore average={info.row.original.rubricAverage} />,
      meta: { csvHeader: 'Rubric (1–5)', csv: (row) => csvRound(row.rubricAverage) },
    }),
    column.accessor((row) => row.tags.join(', '), {
      id: 'tags',
      header: 'Tags',
      enableSorting: false,
      cell: (info) => {
        const { tags } = info.row.original;
        const shown = tags.slice(0, 1);
        return (
          <span className="obs-tags-cell" title={tags.join(', ')}>
            {shown.map((tag) => (
              <span key={tag} className={`tag-chip small tone-${toneOf(tag)}`}>
                {tag}
              </span>
            ))}
            {tags.length > shown.length && <span className="muted">+{tags.length - shown.length}</span>}
            {tags.length === 0 && <span className="muted">{EMPTY}</span>}
          </span>
        );
      },
    }),
    column.accessor('commitments', {
      header: 'Commitments',
      meta: { numeric: true },
      cell: (info) => info.getValue() || <span className="muted">{EMPTY}</span>,
    }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      cell: (info) => (
        <button
          type="button"
          className="btn btn-ghost btn-small obs-row-delete"
          aria-label={`Delete the observation of ${info.row.original.repName} on ${formatIsoDate(info.row.original.observedOn)}`}
          title="Delete"
          onClick={(event) => {
            event.stopPropagation();
            onDelete(info.row.original);
          }}
        >
          <Icon name="trash" size={14} />
        </button>
      ),
    }),
  ];
}
