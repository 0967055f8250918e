import { type ReactNode, useCallback } from 'react';
import type { BottlenecksReport, FailurePointsReport, PatternsReport } from '@shared/metrics/failures';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { EmptyWorkspace } from '../overview/DemoControls';
import { LoadingCards, ReportScopeLabel, reportGate, ScopeBanners } from '../reports/ReportStates';
import { dealsLink, realityVersionPicker, reportQuery } from '../processMap/reportView';
import { ReportFilterBar } from '../reports/ReportFilterBar';
import { useKept, useReportScope } from '../reports/useReportScope';
import { isEmptyWorkspace, useWorkspace } from '../shell/workspaceContext';
import { ExportPeriod, periodOfRange } from '../ui/ExportPeriod';
import { Bottlenecks } from './Bottlenecks';
import { FailurePoints } from './FailurePoints';
import { SuccessPatterns } from './SuccessPatterns';
import '../reports/reports.css';
import './patterns.css';

type Reports = { patterns: PatternsReport; failures: FailurePointsReport; bottlenecks: BottlenecksReport };

export function PatternsPage() {
  const scope = useReportScope(reportQuery);
  const { view, onChange, range, filter, selected, evaluate } = scope;
  // One query for the three reports, so the sections always show the same period together.
  const reports = useApiQuery(async (): Promise<Reports | null> => {
    if (!filter) return null;
    const [patterns, failures, bottlenecks] = await Promise.all([
      api.reports.patterns(filter),
      api.reports.failurePoints(filter),
      api.reports.bottlenecks(filter),
    ]);
    return { patterns, failures, bottlenecks };
  }, [filter]);
  const data = useKept(reports.data ?? undefined);
  const { data: workspace } = useWorkspace();
  const notEvaluated = reports.errorCode === 'not_found';
  const stalledHref = useCallback(
    (stageKey: string) => dealsLink(view, { stageKey, status: 'open' }),
    [view],
  );

  const header = (
    <header className="page-header">
      <div>
        <h1 className="page-title">Patterns</h1>
        <p className="page-subtitle">
          What separates won deals from lost ones, where deals stop, and which stage to fix first.
        </p>
      </div>
      {!('problem' in range) && (
        <ReportScopeLabel range={range} selected={selected} loading={reports.loading && !notEvaluated} />
      )}
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
    why: 'Patterns compare what each deal did against the required actions of a workflow version.',
    error: reports.error,
    errorTitle: 'The patterns could not be computed',
    onRetry: reports.reload,
  });
  if (!body && data) {
    const stageNames = new Map(data.bottlenecks.stages.map((s) => [s.stageKey, s.stageName]));
    for (const s of [...data.failures.lost.byStage, ...data.failures.stalled.byStage])
      stageNames.set(s.stageKey, s.stageName);
    body = (
      <div
        className={reports.loading ? 'report-content stale' : 'report-content'}
        aria-busy={reports.loading}
      >
        <SuccessPatterns
          report={data.patterns}
          stageNames={stageNames}
          onWiden={view.period === 'last-4-quarters' ? null : () => onChange({ period: 'last-4-quarters' })}
        />
        <section className="pt-section" aria-labelledby="pt-failures-heading">
          <div className="pt-section-head">
            <h2 className="section-title" id="pt-failures-heading">
              Failure points
            </h2>
            <p className="card-subtitle">
              Where lost and stalled deals stopped, and what they missed before.
            </p>
          </div>
          <FailurePoints report={data.failures} stalledHref={stalledHref} />
        </section>
        <Bottlenecks report={data.bottlenecks} />
      </div>
    );
  } else body ??= <LoadingCards label="Loading the patterns" cards={3} />;

  return (
    <div className="page report-page">
      {header}
      <ReportFilterBar
        label="Filter the patterns"
        view={view}
        facets={scope.facets.data}
        versions={scope.versions.data}
        presetDates={'problem' in range ? null : range}
        version={realityVersionPicker}
        withRep
        clear={{ className: 'reality-clear' }}
        onChange={onChange}
      />
      <ScopeBanners scope={scope} notEvaluated={notEvaluated} />
      <ExportPeriod period={periodOfRange(filter)}>{body}</ExportPeriod>
    </div>
  );
}
