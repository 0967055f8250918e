import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ProcessMapReport } from '@shared/metrics/reports';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { formatCount, plural } from '../format/format';
import { EmptyWorkspace } from '../overview/DemoControls';
import { isEmptyWorkspace, useWorkspace } from '../shell/workspaceContext';
import { EmptyState } from '../ui/EmptyState';
import { ExportPeriod, periodOfRange } from '../ui/ExportPeriod';
import { Icon } from '../ui/Icon';
import { ComparePicker } from './ComparePicker';
import { GraphLegend } from './GraphLegend';
import { GraphNumbers } from './GraphNumbers';
import { UNMAPPED, layoutGraph } from './graphLayout';
import { ProcessGraph } from './ProcessGraph';
import { LoadingCards, Panel, ReportScopeLabel, reportGate, ScopeBanners } from '../reports/ReportStates';
import { ReportFilterBar } from '../reports/ReportFilterBar';
import { type ReportFilter, hasPeopleFilter } from '../reports/reportFilters';
import { type ReportChange, useKept, useReportScope } from '../reports/useReportScope';
import { type ReportView, dealsLink, realityVersionPicker, reportQuery } from './reportView';
import { type Variant, VariantsTable } from './VariantsTable';
import { statusAfter } from './variantDeals';
import '../reports/reports.css';
import './processMap.css';

const outcomeWords = { won: 'won', lost: 'lost', open: 'still open' } as const;

export function ProcessMapPage() {
  const scope = useReportScope(reportQuery);
  const { view, onChange, range, filter, selected, evaluate } = scope;
  const input = useMemo(
    () => (filter ? { ...filter, ...(view.outcome ? { outcome: view.outcome } : {}) } : null),
    [filter, view.outcome],
  );
  const report = useApiQuery(() => (input ? api.reports.processMap(input) : Promise.resolve(null)), [input]);
  const data = useKept(report.data ?? undefined);
  const { data: workspace } = useWorkspace();
  const notEvaluated = report.errorCode === 'not_found';

  const header = (
    <header className="page-header">
      <div>
        <h1 className="page-title">Process map</h1>
        <p className="page-subtitle">
          The paths deals really take through the stages, laid over the workflow you defined.
        </p>
      </div>
      <div className="pm-header-actions">
        {!('problem' in range) && (
          <ReportScopeLabel
            range={range}
            selected={selected}
            loading={report.loading && !notEvaluated}
            testId="process-range"
          />
        )}
        <Link className="btn" to="/compare">
          <Icon name="layers" size={14} />
          Compare deals
        </Link>
      </div>
    </header>
  );

  if (workspace && isEmptyWorkspace(workspace))
    return (
      <div className="page">
        {header}
        <EmptyWorkspace />
      </div>
    );

  let body: ReactNode | null = reportGate({
    range,
    unknownVersion: scope.unknownVersion,
    onUseCurrent: () => onChange({ versionId: null }),
    notEvaluated,
    version: selected,
    evaluate,
    why: 'The process map is drawn from each deal’s stage visits under a workflow version.',
    error: report.error,
    errorTitle: 'The process map could not be drawn',
    onRetry: report.reload,
  });
  if (!body && data && filter)
    body = (
      <ProcessMapContent
        report={data}
        view={view}
        filter={filter}
        stale={report.loading}
        onChange={onChange}
      />
    );
  else body ??= <LoadingCards label="Loading the process map" />;

  return (
    <div className="page report-page">
      {header}
      <ReportFilterBar
        label="Filter the process map"
        view={view}
        facets={scope.facets.data}
        versions={scope.versions.data}
        presetDates={'problem' in range ? null : range}
        version={realityVersionPicker}
        withRep
        withOutcome
        clear={{ className: 'reality-clear' }}
        onChange={onChange}
      />
      <ScopeBanners scope={scope} notEvaluated={notEvaluated} />
      <ExportPeriod period={periodOfRange(filter)}>{body}</ExportPeriod>
    </div>
  );
}

type ProcessMapContentProps = {
  report: ProcessMapReport;
  view: ReportView;
  filter: ReportFilter;
  stale: boolean;
  onChange: ReportChange<ReportView>;
};

function ProcessMapContent({ report, view, filter, stale, onChange }: ProcessMapContentProps) {
  const [pinned, setPinned] = useState<string | null>(null);
  const [comparing, setComparing] = useState<Variant | null>(null);
  const names = useMemo(
    () => new Map([...report.stages.map((s) => [s.key, s.name] as const), [UNMAPPED, 'Not mapped']]),
    [report],
  );
  const outcomes = useMemo(
    () => new Map(report.stages.flatMap((s) => (s.outcome ? [[s.key, s.outcome] as const] : []))),
    [report],
  );
  const numbers = useMemo(() => layoutGraph(report, 1000), [report]);
  const pinnedEdge = numbers.edges.find((e) => e.id === pinned) ?? null;
  const move = pinnedEdge ? { from: pinnedEdge.from, to: pinnedEdge.to } : null;
  const rogue = report.map.edges.filter((e) => e.kind === 'skip' || e.kind === 'loop_back');
  const rogueDeals = rogue.reduce((sum, e) => sum + e.transitions, 0);
  const dealsLinkFor = useCallback(
    (path: string[]) => {
      const last = path.at(-1) ?? '';
      const status = statusAfter(last, outcomes);
      return {
        href: dealsLink(view, { stageKey: last === UNMAPPED ? undefined : last, status }),
        title: `Deals now in ${names.get(last) ?? last} (${status}) with these team and rep filters; the Deals screen filters by current stage, not by path`,
      };
    },
    [view, outcomes, names],
  );

  if (report.map.deals === 0)
    return (
      <Panel>
        <EmptyState
          icon="processMap"
          title={`No ${view.outcome ? `${outcomeWords[view.outcome]} ` : ''}deal entered a stage in this period`}
          actions={
            <>
              {view.outcome && (
                <button type="button" className="btn" onClick={() => onChange({ outcome: null })}>
                  Show every outcome
                </button>
              )}
              {view.period !== 'last-4-quarters' && (
                <button type="button" className="btn" onClick={() => onChange({ period: 'last-4-quarters' })}>
                  Show the last 4 quarters
                </button>
              )}
              {hasPeopleFilter(view) && (
                <button type="button" className="btn" onClick={() => onChange({ teams: [], ownerIds: [] })}>
                  Clear team and rep
                </button>
              )}
              <Link className="btn" to="/import">
                Import stage history
              </Link>
            </>
          }
        >
          <p>
            The map is drawn from the stage history of deals that moved in the period. Pick a longer period or
            other filters, or import your CRM’s stage history.
          </p>
        </EmptyState>
      </Panel>
    );

  return (
    <div className={stale ? 'report-content stale' : 'report-content'} aria-busy={stale}>
      <section className="card pm-graph-card" aria-labelledby="pm-graph-heading">
        <div className="card-header">
          <div>
            <h2 className="card-title" id="pm-graph-heading">
              How deals moved between stages
            </h2>
            <p className="card-subtitle">
              {plural(report.map.deals, 'deal')}
              {view.outcome ? ` now ${outcomeWords[view.outcome]}` : ''} that entered a stage in the period,
              against workflow v{report.version}. Hover or focus a move for its numbers; click it to list the
              paths that take it.
            </p>
          </div>
          <div className="pm-facts">
            <span className="pm-fact">
              <span className="pm-fact-value" data-testid="process-deals">
                {formatCount(report.map.deals)}
              </span>
              deals
            </span>
            <span className="pm-fact">
              <span className="pm-fact-value">{formatCount(report.map.variants.length)}</span>
              top paths
            </span>
            <span className={rogueDeals > 0 ? 'pm-fact rogue' : 'pm-fact'}>
              <span className="pm-fact-value">{formatCount(rogueDeals)}</span>
              rogue moves
            </span>
          </div>
        </div>
        <ProcessGraph report={report} pinned={pinned} onPin={setPinned} />
        <GraphLegend showGhost={numbers.ghosts.length > 0} />
        <GraphNumbers layout={numbers} />
      </section>

      <section className="card pm-variants-card" aria-labelledby="pm-variants-heading">
        <div className="card-header">
          <div>
            <h2 className="card-title" id="pm-variants-heading">
              Path variants
            </h2>
            <p className="card-subtitle">
              The {report.map.variants.length} most common paths, each deal counted once with its whole stage
              history. Median days run from the first stage entry to the last.
            </p>
          </div>
          {pinnedEdge && (
            <span className="pm-move-filter">
              Taking {pinnedEdge.fromName} → {pinnedEdge.toName}
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => setPinned(null)}
                aria-label="Show every path"
              >
                <Icon name="close" size={13} />
              </button>
            </span>
          )}
        </div>
        <VariantsTable report={report} dealsLinkFor={dealsLinkFor} move={move} onCompare={setComparing} />
      </section>
      {comparing && (
        <ComparePicker
          variant={comparing}
          filter={filter}
          names={names}
          outcomes={outcomes}
          onClose={() => setComparing(null)}
        />
      )}
    </div>
  );
}
