import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { FunnelReport, TimeInStageReport } from '@shared/metrics/reports';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { useAction } from '../data/useAction';
import { useApiQuery } from '../data/useApiQuery';
import { formatRange } from '../execution/period';
import { EmptyWorkspace } from '../overview/DemoControls';
import { isEmptyWorkspace, useWorkspace } from '../shell/workspaceContext';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { FunnelFilterBar } from './FunnelFilterBar';
import { FunnelSection } from './FunnelSection';
import { OutcomeCards } from './OutcomeCards';
import { StageMetricsSection, type StageMetricsSectionProps } from './StageMetricsSection';
import { StalledDeals } from './StalledDeals';
import { TimeInStageSection } from './TimeInStageSection';
import {
  type FunnelView,
  dealsLink,
  hasPeopleFilter,
  readFunnelView,
  toFunnelFilter,
  viewRange,
  writeFunnelView,
} from './funnelView';
// The filter bar, segmented buttons and filter menus are styled with the Deals screen.
import '../deals/deals.css';
import './funnel.css';

/** The last answer seen, kept on screen while the next one loads so the page does not jump. */
function useKept<T>(value: T | undefined): T | undefined {
  const [kept, setKept] = useState(value);
  if (value !== undefined && value !== kept) setKept(value);
  return value ?? kept;
}

export function FunnelPage() {
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const view = useMemo(() => readFunnelView(new URLSearchParams(paramsKey)), [paramsKey]);
  const onChange = useCallback(
    (change: Partial<FunnelView>, options?: { replace?: boolean }) =>
      setParams((current) => writeFunnelView({ ...readFunnelView(current), ...change }), options),
    [setParams],
  );

  const range = viewRange(view, new Date());
  const filter = 'problem' in range ? null : toFunnelFilter(view, range);

  const { data: workspace } = useWorkspace();
  const facets = useApiQuery(() => api.deals.facets({}), []);
  const versions = useApiQuery(() => api.workflow.versions({}), []);
  // Report amounts carry no currency; the workspace's won deals tell which one they are in.
  const sample = useApiQuery(() => api.deals.list({ statuses: ['won'], limit: 1 }), []);
  const funnel = useApiQuery(() => (filter ? api.reports.funnel(filter) : Promise.resolve(null)), [filter]);
  const time = useApiQuery(
    () => (filter ? api.reports.timeInStage(filter) : Promise.resolve(null)),
    [filter],
  );
  const metrics = useApiQuery(
    () => (filter ? api.reports.stageMetrics(filter) : Promise.resolve(null)),
    [filter],
  );
  const funnelData = useKept(funnel.data);
  const timeData = useKept(time.data);
  const metricsData = useKept(metrics.data ?? undefined);

  const selected = versions.data?.find((v) =>
    view.versionId === null ? v.isCurrent : v.id === view.versionId,
  );
  const unknownVersion = view.versionId !== null && versions.data !== undefined && !selected;
  const notEvaluated = funnel.errorCode === 'not_found' || time.errorCode === 'not_found';
  const evaluate = useAction(
    useCallback(async () => {
      await api.evaluation.refresh(view.versionId === null ? {} : { versionId: view.versionId });
      invalidateData();
    }, [view.versionId]),
  );
  const stageHref = useCallback(
    (stageKey: string) => dealsLink(view, { stageKey, statuses: ['open'] }),
    [view],
  );

  const header = (
    <header className="page-header">
      <div>
        <h1 className="page-title">Funnel &amp; time in stage</h1>
        <p className="page-subtitle">Where deals convert, where they wait, and where they stall.</p>
      </div>
      {!('problem' in range) && (
        <div className="funnel-scope" aria-live="polite">
          {(funnel.loading || time.loading || metrics.loading) && !notEvaluated && (
            <span className="spinner" aria-label="Loading the reports" />
          )}
          <span data-testid="funnel-range" data-period={`${range.from}/${range.to}`}>
            {formatRange(range)}
          </span>
          {selected && (
            <span className="chip">
              Workflow v{selected.version}
              {selected.isCurrent ? '' : ' (not current)'}
            </span>
          )}
        </div>
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

  let body: ReactNode;
  if ('problem' in range) {
    body = (
      <Panel>
        <EmptyState icon="clock" title="Choose the period">
          {range.problem}
        </EmptyState>
      </Panel>
    );
  } else if (unknownVersion) {
    body = (
      <Panel>
        <EmptyState
          icon="workflow"
          title="This workflow version does not exist"
          actions={
            <button type="button" className="btn btn-primary" onClick={() => onChange({ versionId: null })}>
              Use the current version
            </button>
          }
        >
          The address asks for a version that is not in this workspace.
        </EmptyState>
      </Panel>
    );
  } else if (notEvaluated) {
    const number = selected ? selected.version : '';
    body = (
      <Panel>
        {evaluate.error && (
          <div className="card-body">
            <ErrorBanner
              title="The version was not evaluated"
              message={evaluate.error}
              onDismiss={evaluate.clearError}
            />
          </div>
        )}
        <EmptyState
          icon="workflow"
          title={`Workflow version ${number} has not been evaluated yet`}
          actions={
            <button
              type="button"
              className="btn btn-primary"
              disabled={evaluate.busy}
              onClick={() => void evaluate.run()}
            >
              {evaluate.busy && <span className="spinner" aria-hidden="true" />}
              {evaluate.busy ? 'Evaluating…' : `Evaluate version ${number}`}
            </button>
          }
        >
          The funnel and time in stage are computed from each deal’s stage visits under a workflow version.
          Evaluate this version once to see them; it takes a few seconds.
        </EmptyState>
      </Panel>
    );
  } else if (funnel.error || time.error) {
    body = (
      <ErrorBanner
        title="The funnel could not be computed"
        message={(funnel.error ?? time.error)!}
        onRetry={() => {
          funnel.reload();
          time.reload();
        }}
      />
    );
  } else if (funnelData && timeData) {
    body = (
      <FunnelContent
        view={view}
        funnel={funnelData}
        time={timeData}
        stale={funnel.loading || time.loading}
        metrics={{
          report: metricsData,
          stale: metrics.loading && metricsData !== undefined,
          error: metrics.error,
          onRetry: metrics.reload,
        }}
        currency={sample.data?.rows[0]?.currency ?? null}
        stageHref={stageHref}
        onChange={onChange}
      />
    );
  } else {
    body = <FunnelLoading />;
  }

  return (
    <div className="page funnel-page">
      {header}
      <FunnelFilterBar
        view={view}
        facets={facets.data}
        versions={versions.data}
        presetDates={'problem' in range ? null : range}
        onChange={onChange}
      />
      {facets.error && (
        <ErrorBanner
          title="The team and rep choices could not be loaded"
          message={facets.error}
          onRetry={facets.reload}
        />
      )}
      {versions.error && (
        <ErrorBanner
          title="The workflow versions could not be loaded"
          message={versions.error}
          onRetry={versions.reload}
        />
      )}
      {selected?.stale && selected.evaluatedAt !== null && !notEvaluated && (
        <div className="banner banner-info" role="status">
          <Icon name="info" className="banner-icon" />
          <div className="banner-body">
            <div className="banner-title">Data changed since version {selected.version} was evaluated</div>
            <div>These figures leave out the latest imports until the version is evaluated again.</div>
          </div>
          <div className="banner-actions">
            <button
              type="button"
              className="btn btn-small"
              disabled={evaluate.busy}
              onClick={() => void evaluate.run()}
            >
              Evaluate again
            </button>
          </div>
        </div>
      )}
      {body}
    </div>
  );
}

type PanelProps = { children: ReactNode };

function Panel({ children }: PanelProps) {
  return <section className="card">{children}</section>;
}

type FunnelContentProps = {
  view: FunnelView;
  funnel: FunnelReport;
  time: TimeInStageReport;
  stale: boolean;
  metrics: StageMetricsSectionProps;
  currency: string | null;
  stageHref: (stageKey: string) => string;
  onChange: (change: Partial<FunnelView>, options?: { replace?: boolean }) => void;
};

function FunnelContent({
  view,
  funnel,
  time,
  stale,
  metrics,
  currency,
  stageHref,
  onChange,
}: FunnelContentProps) {
  const stalledByStage = useMemo(() => {
    const counts = new Map<string, number>();
    for (const deal of time.stalled)
      if (deal.stageKey) counts.set(deal.stageKey, (counts.get(deal.stageKey) ?? 0) + 1);
    return counts;
  }, [time.stalled]);
  const anyEntered = funnel.stages.some((s) => s.entered > 0);
  const filtered = hasPeopleFilter(view);

  return (
    <div
      className={stale ? 'funnel-content stale' : 'funnel-content'}
      aria-busy={stale}
      data-testid="funnel-content"
      data-period={`${funnel.from}/${funnel.to}`}
    >
      <OutcomeCards outcomes={funnel.outcomes} currency={currency} />
      {anyEntered ? (
        <>
          <FunnelSection stages={funnel.stages} stageHref={stageHref} />
          <StageMetricsSection {...metrics} />
          <TimeInStageSection
            stages={time.stages}
            funnel={funnel.stages}
            stalledByStage={stalledByStage}
            selectedKey={view.stageKey}
            onSelect={(stageKey) => onChange({ stageKey }, { replace: true })}
          />
        </>
      ) : (
        <Panel>
          <EmptyState
            icon="funnel"
            title="No deal entered a stage in this period"
            actions={
              <>
                {view.period !== 'last-4-quarters' && (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => onChange({ period: 'last-4-quarters' })}
                  >
                    Show the last 4 quarters
                  </button>
                )}
                {filtered && (
                  <button type="button" className="btn" onClick={() => onChange({ teams: [], ownerIds: [] })}>
                    Clear team and rep
                  </button>
                )}
              </>
            }
          >
            {filtered
              ? 'These reps moved no deal into a stage in these dates. Pick a longer period or other reps.'
              : 'Pick a longer period, or import the stage history of your deals.'}
          </EmptyState>
        </Panel>
      )}
      <StalledDeals stalled={time.stalled} stages={time.stages} filtered={filtered} />
    </div>
  );
}

function FunnelLoading() {
  return (
    <div className="funnel-content" aria-busy="true" aria-label="Loading the funnel">
      <div className="funnel-outcomes">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="card funnel-outcome">
            <span className="skeleton-bar" style={{ width: '50%' }} />
            <span className="skeleton-bar" style={{ width: '35%', height: 20 }} />
          </div>
        ))}
      </div>
      <section className="card card-body funnel-loading">
        {Array.from({ length: 6 }, (_, i) => (
          <span key={i} className="skeleton-bar" style={{ width: `${92 - i * 12}%` }} />
        ))}
      </section>
    </div>
  );
}
