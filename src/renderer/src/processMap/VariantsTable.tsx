import { createColumnHelper } from '@tanstack/react-table';
import { Fragment, useMemo } from 'react';
import { Link } from 'react-router';
import { csvPercent, csvRound } from '@shared/csv/csvValues';
import type { EdgeKind } from '@shared/metrics/processMap';
import type { ProcessMapReport } from '@shared/metrics/reports';
import { formatCount, formatPercent } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { Icon } from '../ui/Icon';
import '../ui/columnMeta';
import { UNMAPPED, happyPath } from './graphLayout';
import { formatMedianDays } from './processFormat';

export type Variant = ProcessMapReport['map']['variants'][number];

export type VariantRow = Variant & {
  rank: number;
  happy: boolean;
  /** Kinds of the moves along the path, one fewer than its stages. */
  moves: EdgeKind[];
  dealsHref: string;
  dealsTitle: string;
};

export type VariantsTableProps = {
  report: ProcessMapReport;
  /** The Deals screen link for a path, and what it lists. */
  dealsLinkFor: (path: string[]) => { href: string; title: string };
  /** When set, only the variants that take this move (from → to) are listed. */
  move: { from: string; to: string } | null;
  onCompare: (variant: Variant) => void;
};

function stageNames(report: ProcessMapReport): Map<string, string> {
  return new Map([...report.stages.map((s) => [s.key, s.name] as const), [UNMAPPED, 'Not mapped']]);
}

function takesMove(path: readonly string[], move: { from: string; to: string }): boolean {
  return path.some((key, i) => key === move.from && path[i + 1] === move.to);
}

type PathChipsProps = { row: VariantRow; names: Map<string, string>; outcomes: Map<string, string> };

/** A path as stage chips joined by arrows; rogue moves get an arrow of their color. */
function PathChips({ row, names, outcomes }: PathChipsProps) {
  return (
    <span className="pm-path" aria-label={row.path.map((key) => names.get(key) ?? key).join(', then ')}>
      {row.path.map((key, i) => {
        const move = i > 0 ? row.moves[i - 1] : undefined;
        const outcome = outcomes.get(key);
        return (
          <Fragment key={`${key}-${i}`}>
            {move && (
              <span
                className={`pm-path-arrow kind-${move}`}
                aria-hidden="true"
                title={move.replace('_', ' ')}
              >
                →
              </span>
            )}
            <span
              className={`pm-stage-chip${outcome ? ` outcome-${outcome}` : ''}${key === UNMAPPED ? ' unmapped' : ''}`}
            >
              {names.get(key) ?? key}
            </span>
          </Fragment>
        );
      })}
      {row.happy && <span className="chip chip-accent pm-happy">Defined path</span>}
    </span>
  );
}

const column = createColumnHelper<VariantRow>();

/** The most common paths through the stages, with how many deals took each and how they ended. */
export function VariantsTable({ report, dealsLinkFor, move, onCompare }: VariantsTableProps) {
  const names = useMemo(() => stageNames(report), [report]);
  const outcomes = useMemo(
    () => new Map(report.stages.flatMap((s) => (s.outcome ? [[s.key, s.outcome] as const] : []))),
    [report],
  );
  const rows = useMemo<VariantRow[]>(() => {
    const happy = happyPath(report).join('\u0000');
    const kinds = new Map(report.map.edges.map((e) => [`${e.from}\u0000${e.to}`, e.kind]));
    return report.map.variants
      .map((variant, i) => {
        const link = dealsLinkFor(variant.path);
        return {
          ...variant,
          rank: i + 1,
          happy: variant.path.join('\u0000') === happy,
          moves: variant.path
            .slice(1)
            .map((to, j) => kinds.get(`${variant.path[j]}\u0000${to}`) ?? 'forward'),
          dealsHref: link.href,
          dealsTitle: link.title,
        };
      })
      .filter((row) => !move || takesMove(row.path, move));
  }, [report, dealsLinkFor, move]);

  const columns = useMemo(
    () => [
      column.accessor('rank', { header: '#', meta: { numeric: true } }),
      column.display({
        id: 'path',
        header: 'Path',
        cell: (info) => <PathChips row={info.row.original} names={names} outcomes={outcomes} />,
        meta: {
          csvColumns: [
            { header: 'Path', value: (row) => row.path.map((key) => names.get(key) ?? key).join(' → ') },
            { header: 'Defined path', value: (row) => (row.happy ? 'Yes' : 'No') },
          ],
        },
      }),
      column.accessor('deals', {
        header: 'Deals',
        cell: (info) => (
          <Link
            className="pm-deals-link"
            to={info.row.original.dealsHref}
            title={info.row.original.dealsTitle}
          >
            {formatCount(info.getValue())}
          </Link>
        ),
        sortDescFirst: true,
        meta: { numeric: true },
      }),
      column.accessor('share', {
        header: 'Share',
        cell: (info) => (
          <span className="pm-share">
            <span className="pm-share-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(2, info.getValue() * 100)}%` }} />
            </span>
            <span data-testid="variant-share">{formatPercent(info.getValue())}</span>
          </span>
        ),
        sortDescFirst: true,
        meta: { numeric: true, csvHeader: 'Share (%)', csv: (row) => csvPercent(row.share) },
      }),
      column.accessor('medianDays', {
        header: () => (
          <span title="From the first stage entry to the last, median over the deals">Median days</span>
        ),
        cell: (info) => formatMedianDays(info.getValue()),
        sortUndefined: 'last',
        meta: { numeric: true, csvHeader: 'Median days', csv: (row) => csvRound(row.medianDays) },
      }),
      column.accessor('won', {
        header: 'Won',
        cell: (info) =>
          info.getValue() === 0 ? <span className="muted">0</span> : formatCount(info.getValue()),
        sortDescFirst: true,
        meta: { numeric: true },
      }),
      column.accessor('lost', {
        header: 'Lost',
        cell: (info) =>
          info.getValue() === 0 ? <span className="muted">0</span> : formatCount(info.getValue()),
        sortDescFirst: true,
        meta: { numeric: true },
      }),
      column.display({
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        cell: (info) => {
          const row = info.row.original;
          // A deal that never left its first stage has no stretch to compare.
          if (new Set(row.path).size < 2) return null;
          return (
            <span className="pm-row-actions">
              <button
                type="button"
                className="btn btn-small"
                onClick={() => onCompare(row)}
                disabled={row.deals < 2}
                title={
                  row.deals < 2
                    ? 'Only one deal took this path'
                    : 'Pick two or three deals of this path and compare them'
                }
              >
                <Icon name="layers" size={13} />
                Compare
              </button>
            </span>
          );
        },
      }),
    ],
    [names, outcomes, onCompare],
  );

  return (
    <div className="pm-variants">
      <DataTable
        data={rows}
        columns={columns}
        label="Path variants"
        emptyMessage={
          move ? 'None of the most common paths takes this move.' : 'No deal moved in this period.'
        }
        rowTestId="variant-row"
      />
    </div>
  );
}
