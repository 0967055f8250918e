import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { useAction } from '../data/useAction';
import { useApiQuery } from '../data/useApiQuery';
import { EmptyWorkspace } from '../overview/DemoControls';
import { useWorkspace } from '../shell/workspaceContext';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ExportPeriod, periodOfRange } from '../ui/ExportPeriod';
import { ActionTable } from './ActionTable';
import { ComplianceDrilldown } from './ComplianceDrilldown';
import { ComplianceHeadline } from './ComplianceHeadline';
import { ComplianceHeatmap } from './ComplianceHeatmap';
import { ExecutionFilterBar } from './ExecutionFilterBar';
import { PeriodProblem, UnknownVersion } from '../reports/ReportStates';
import { ExecutionLoading, NothingDue, NotEvaluated } from './ExecutionStates';
import {
  type CountedStatus,
  type Drill,
  type ExecutionView,
  readExecutionView,
  toReportInput,
  writeExecutionView,
} from './executionView';
import { viewRange } from '../reports/reportFilters';
import { formatRange, isoDayOf } from '../reports/periodPresets';
import './execution.css';

const evaluate = async (versionId: number): Promise<void> => {
  await api.evaluation.refresh({ versionId });
  invalidateData();
};

export function ExecutionPage() {
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const view = useMemo(() => readExecutionView(new URLSearchParams(paramsKey)), [paramsKey]);
  const todayKey = isoDayOf(new Date());
  const range = useMemo(() => viewRange(view, new Date(`${todayKey}T12:00:00`)), [view, todayKey]);
  const validRange = 'problem' in range ? null : range;
  const input = validRange ? toReportInput(view, validRange) : null;

  const { data: workspace } = useWorkspace();
  const versions = useApiQuery(() => api.workflow.versions({}), []);
  const facets = useApiQuery(() => api.deals.facets({}), []);
  const report = useApiQuery(() => (input ? api.reports.compliance(input) : Promise.resolve(null)), [input]);
  const evaluation = useAction(evaluate);

  const update = useCallback(
    (change: (view: ExecutionView) => ExecutionView, options?: { replace?: boolean }) =>
      setParams((current) => writeExecutionView(change(readExecutionView(current))), options),
    [setParams],
  );
  const onChange = useCallback(
    (change: Partial<ExecutionView>, options?: { replace?: boolean }) =>
      update((v) => ({ ...v, ...change }), options),
    [update],
  );
  const onDrill = useCallback(
    (drill: Drill, show: CountedStatus[] = []) => update((v) => ({ ...v, drill, show })),
    [update],
  );
  const onShow = useCallback(
    (show: CountedStatus[]) => update((v) => ({ ...v, show }), { replace: true }),
    [update],
  );
  const onClose = useCallback(() => update((v) => ({ ...v, drill: null, show: [] })), [update]);
  const onEvaluate = useCallback(
    (version: WorkflowVersionSummary) => void evaluation.run(version.id),
    [evaluation],
  );

  const current = versions.data?.find((v) => v.isCurrent);
  const selected = versions.data?.find((v) => v.id === (view.versionId ?? current?.id));
  const rangeLabel = validRange ? formatRange(validRange) : '';
  const data = report.data ?? undefined;

  const header = (
    <header className="page-header">
      <div>
        <h1 className="page-title">Execution</h1>
        <p className="page-subtitle">
          Did each rep do what the workflow asks, on time? Actions count in the period they came due.
        </p>
      </div>
      {validRange && <span className="period-label">{rangeLabel}</span>}
    </header>
  );

  if (workspace && workspace.counts.deals === 0)
    return (
      <div className="page">
        {header}
        <EmptyWorkspace />
      </div>
    );

  let body;
  if ('problem' in range)
    body = <PeriodProblem message={range.problem} title="Choose the period to evaluate" />;
  else if (versions.data && view.versionId !== null && !selected)
    body = <UnknownVersion onUseCurrent={() => onChange({ versionId: null })} />;
  else if (report.errorCode === 'not_found' && selected && selected.evaluatedAt === null)
    body = <NotEvaluated version={selected} busy={evaluation.busy} onEvaluate={() => onEvaluate(selected)} />;
  else if (report.error)
    body = (
      <ErrorBanner
        title="The compliance report could not be loaded"
        message={report.error}
        onRetry={report.reload}
      />
    );
  else if (!data) body = <ExecutionLoading />;
  else if (data.team.due === 0)
    body = (
      <NothingDue
        rangeLabel={rangeLabel}
        teams={view.teams}
        onWiden={view.period === 'last-4-quarters' ? null : () => onChange({ period: 'last-4-quarters' })}
        onClearTeams={view.teams.length ? () => onChange({ teams: [] }) : null}
      />
    );
  else
    body = (
      <>
        <ComplianceHeadline report={data} onDrill={onDrill} />
        <ComplianceHeatmap report={data} drill={view.drill} onDrill={onDrill} />
        <ActionTable report={data} drill={view.drill} onDrill={onDrill} />
      </>
    );

  return (
    <div className="page execution-page">
      {header}
      <ExecutionFilterBar
        view={view}
        range={validRange}
        versions={versions.data}
        facets={facets.data}
        evaluating={evaluation.busy}
        onEvaluate={onEvaluate}
        onChange={onChange}
      />
      {versions.error && (
        <ErrorBanner
          title="The workflow versions could not be loaded"
          message={versions.error}
          onRetry={versions.reload}
        />
      )}
      {evaluation.error && (
        <ErrorBanner
          title="The evaluation did not run"
          message={evaluation.error}
          onDismiss={evaluation.clearError}
        />
      )}
      <ExportPeriod period={periodOfRange(input)}>
        {body}
        {view.drill && input && (
          <ComplianceDrilldown
            input={input}
            report={data}
            rangeLabel={rangeLabel}
            drill={view.drill}
            show={view.show}
            onShow={onShow}
            onClose={onClose}
          />
        )}
      </ExportPeriod>
    </div>
  );
}
