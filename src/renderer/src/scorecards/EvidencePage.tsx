import { createColumnHelper } from '@tanstack/react-table';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ScorecardEvidenceInput } from '@shared/scorecards/inputs';
import { csvPercent, csvRound } from '@shared/csv/csvValues';
import type { CsvCell } from '@shared/csv/csvWriter';
import { type MetricDefinition, metricDefinition } from '@shared/scorecards/metrics';
import type { EvidenceRow } from '@shared/scorecards/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { formatCount, formatDate, formatIsoDate, plural } from '../format/format';
import { LoadingCards } from '../reports/ReportStates';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import '../ui/columnMeta';
import { localCsvDate } from '../ui/csvCells';
import { formatValue } from './scorecardFormat';
import { readEvidenceView, readScorecardView, repScorecardLink, teamScorecardLink } from './scorecardView';
import './scorecards.css';

const column = createColumnHelper<EvidenceRow>();

const toneWords: Record<EvidenceRow['tone'], string> = {
  good: 'counts for the figure',
  bad: 'counts against the figure',
  neutral: 'in the sample',
};

/** The For / Against filter's words, for the CSV column saying which way a row counts. */
const toneCsv: Record<EvidenceRow['tone'], string> = { good: 'For', bad: 'Against', neutral: 'Other' };

type ValueColumn = {
  header: string;
  format: (value: number) => string;
  /** The CSV header, with the unit the bare numbers lose. */
  csvHeader: string;
  csv: (value: number | null) => CsvCell;
};

/** What a row's own number is, for the figures whose rows have one. */
function valueColumn(def: MetricDefinition): ValueColumn | null {
  const round = (v: number | null) => csvRound(v);
  switch (def.key) {
    case 'handoff_sla':
      return {
        header: 'First touch',
        format: (v) => `${v.toFixed(1)} h`,
        csvHeader: 'First touch (hours)',
        csv: round,
      };
    case 'days_in_stage':
    case 'stall_rate':
    case 'stage_conversion':
      return {
        header: 'Days in stage',
        format: (v) => formatValue(v, 'days', null),
        csvHeader: 'Days in stage',
        csv: round,
      };
    case 'cycle_days':
    case 'win_rate':
    case 'sales_velocity':
      return {
        header: 'Cycle',
        format: (v) => formatValue(v, 'days', null),
        csvHeader: 'Cycle (days)',
        csv: round,
      };
    case 'discount':
      return {
        header: 'Discount',
        format: (v) => formatValue(v, 'percent', null),
        csvHeader: 'Discount (%)',
        csv: round,
      };
    case 'rubric_average':
      return {
        header: 'Rubric',
        format: (v) => formatValue(v, 'score', null),
        csvHeader: 'Rubric (1–5)',
        csv: round,
      };
    case 'checklist_rate':
      return {
        header: 'Done',
        format: (v) => formatValue(v, 'share', null),
        csvHeader: 'Done (%)',
        csv: (v) => csvPercent(v),
      };
    default:
      return null;
  }
}

/** The evidence table: when, deal, rep (for the team), what, outcome, the row's number, detail. */
function evidenceColumns(def: MetricDefinition, withRep: boolean) {
  const value = valueColumn(def);
  return [
    column.accessor('at', {
      header: 'When',
      cell: (info) => formatDate(info.getValue()),
      sortDescFirst: true,
      meta: { csv: (row) => localCsvDate(row.at) },
    }),
    column.accessor('dealName', {
      header: def.basis === 'observations' ? 'Deal observed' : 'Deal',
      cell: (info) =>
        info.row.original.dealId === null ? (
          info.getValue()
        ) : (
          <Link to={`/deals/${info.row.original.dealId}`} className="rep-link">
            {info.getValue()}
          </Link>
        ),
    }),
    ...(withRep
      ? [column.accessor('ownerName', { header: 'Rep', cell: (info) => info.getValue() ?? '—' })]
      : []),
    column.accessor('item', { header: 'What' }),
    column.accessor('outcome', {
      header: 'Outcome',
      cell: (info) => (
        <span
          className={`evidence-outcome evidence-${info.row.original.tone}`}
          title={toneWords[info.row.original.tone]}
        >
          {info.getValue()}
        </span>
      ),
      meta: {
        csvColumns: [
          { header: 'Outcome', value: (row) => row.outcome },
          { header: 'Counts', value: (row) => toneCsv[row.tone] },
        ],
      },
    }),
    ...(value
      ? [
          column.accessor((row) => row.value ?? undefined, {
            id: 'value',
            header: value.header,
            cell: (info) => {
              const v = info.getValue();
              return v === undefined ? '—' : value.format(v);
            },
            sortUndefined: 'last',
            meta: { numeric: true, csvHeader: value.csvHeader, csv: (row) => value.csv(row.value) },
          }),
        ]
      : []),
    column.accessor('detail', {
      header: 'Detail',
      cell: (info) => <span className="evidence-detail">{info.getValue()}</span>,
    }),
  ];
}

/** The rows behind one scorecard figure, each saying whether it counts for or against it. */
export function EvidencePage() {
  const [params] = useSearchParams();
  const paramsKey = params.toString();
  const evidence = useMemo(() => readEvidenceView(new URLSearchParams(paramsKey)), [paramsKey]);
  const view = useMemo(() => readScorecardView(new URLSearchParams(paramsKey)), [paramsKey]);
  const input = useMemo<ScorecardEvidenceInput | null>(
    () =>
      evidence
        ? {
            metric: evidence.metric,
            from: evidence.from,
            to: evidence.to,
            ...(evidence.repId !== null ? { repId: evidence.repId } : {}),
            ...(view.versionId !== null ? { versionId: view.versionId } : {}),
            ...(evidence.repId === null && view.teams.length ? { teams: view.teams } : {}),
          }
        : null,
    [evidence, view.versionId, view.teams],
  );
  const query = useApiQuery(() => (input ? api.scorecards.evidence(input) : Promise.resolve(null)), [input]);
  const def = evidence ? metricDefinition(evidence.metric) : null;
  const [show, setShow] = useState<'all' | 'bad' | 'good'>('all');
  const columns = useMemo(
    () => (def && evidence ? evidenceColumns(def, evidence.repId === null) : []),
    [def, evidence],
  );
  const data = query.data;
  const back = evidence?.repId != null ? repScorecardLink(evidence.repId, view) : teamScorecardLink(view);
  const who = data ? (data.repName ?? (view.teams.length ? view.teams.join(', ') : 'The team')) : '';

  let body: ReactNode;
  if (!evidence || !def)
    body = (
      <section className="card">
        <EmptyState icon="scorecards" title="This link names no scorecard figure">
          <p>Open a scorecard and click a figure to see the deals behind it.</p>
        </EmptyState>
      </section>
    );
  else if (query.error)
    body = (
      <ErrorBanner title="The evidence could not be listed" message={query.error} onRetry={query.reload} />
    );
  else if (!data) body = <LoadingCards label="Loading the evidence" cards={1} />;
  else {
    const counts = { good: 0, bad: 0, neutral: 0 };
    for (const row of data.rows) counts[row.tone]++;
    const shown = (rows: EvidenceRow[]) => (show === 'all' ? rows : rows.filter((row) => row.tone === show));
    // The screen lists the newest 2,000 rows; the CSV holds every one of them.
    const allRows =
      input && data.total > data.rows.length
        ? async () => shown((await api.scorecards.evidence({ ...input, all: true })).rows)
        : undefined;
    body = (
      <section className="card" aria-labelledby="evidence-title">
        <header className="card-header">
          <h2 id="evidence-title" className="card-title">
            {plural(data.total, def.sampleOne.replace(/ due$/, ''), def.sampleNoun.replace(/ due$/, ''))}
          </h2>
          <span className="card-subtitle evidence-counts">
            <span className="evidence-outcome evidence-good">{formatCount(counts.good)} for</span>
            <span className="evidence-outcome evidence-bad">{formatCount(counts.bad)} against</span>
            {counts.neutral > 0 && (
              <span className="evidence-outcome evidence-neutral">{formatCount(counts.neutral)} other</span>
            )}
            {data.total > data.rows.length && <span>showing the newest {formatCount(data.rows.length)}</span>}
          </span>
          <div className="segmented evidence-filter" role="group" aria-label="Which rows to show">
            {(
              [
                ['all', 'All'],
                ['bad', 'Against'],
                ['good', 'For'],
              ] as const
            ).map(([value, label]) => (
              <button
                key={value}
                type="button"
                className="segment"
                aria-pressed={show === value}
                onClick={() => setShow(value)}
              >
                {label}
              </button>
            ))}
          </div>
        </header>
        <DataTable
          data={shown(data.rows)}
          columns={columns}
          label={`${def.label}: the rows behind it`}
          labelledBy="evidence-title"
          emptyMessage="Nothing behind this figure in the period."
          rowTestId="evidence-row"
          tableClassName="evidence-table"
          exportName={[def.label, who, show === 'all' ? '' : toneCsv[show]].join(' ')}
          exportPeriod={`${evidence.from} to ${evidence.to}`}
          exportAllRows={allRows}
        />
      </section>
    );
  }

  return (
    <div className="page scorecard-page">
      <header className="page-header">
        <div>
          <Link to={back} className="back-link">
            <Icon name="back" size={14} /> {evidence?.repId != null ? 'Rep scorecard' : 'Team scorecard'}
          </Link>
          <h1 className="page-title" data-testid="evidence-title">
            {def ? `${def.label}${who ? ` · ${who}` : ''}` : 'Evidence'}
          </h1>
          {def && evidence && (
            <p className="page-subtitle">
              {formatIsoDate(evidence.from)} – {formatIsoDate(evidence.to)} · {def.definition}
            </p>
          )}
        </div>
      </header>
      {body}
    </div>
  );
}
