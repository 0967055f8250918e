import { type ReactNode, useCallback, useMemo } from 'react';
import type { FunnelReport, TimeInStageReport } from '@shared/metrics/reports';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { EmptyWorkspace } from '../overview/DemoControls';
import { ReportFilterBar, versionWithStateLabel } from '../reports/ReportFilterBar';
import { formatRange } from '../reports/periodPresets';
import { hasPeopleFilter } from '../reports/reportFilters';
import {
  NotEvaluated,
  Panel,
  PeriodProblem,
  ReportScopeLabel,
  ScopeBanners,
  UnknownVersion,
} from '../reports/ReportStates';
import { type ReportChange, useKept, useReportScope } from '../reports/useReportScope';
import { isEmptyWorkspace, useWorkspace } from '../shell/workspaceContext';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { CurrencyNote } from '../ui/CurrencyNote';
import { Icon } from '../ui/Icon';
import { plural } from '../format/format';
import { ExportPeriod, periodOfRange } from '../ui/ExportPeriod';
import { FunnelDrilldown } from './FunnelDrilldown';
import { FunnelSection } from './FunnelSection';
import { OutcomeCards } from './OutcomeCards';
import { StageMetricsSection, type StageMetricsSectionProps } from './StageMetricsSection';
import { StalledDeals } from './StalledDeals';
import { TimeInStageSection } from './TimeInStageSection';
import { type FunnelView, dealsLink, funnelQuery } from './funnelView';
import '../reports/reports.css';
import './funnel.css';

/** Deals whose file had no stage history are only partly in these figures: say so, with how many. */
function MissingHistoryNote({ deals, closed }: FunnelReport['withoutHistory']) {
  if (deals === 0) return null;
  return (
    <div className="banner banner-warn" role="note" data-testid="funnel-missing-history">
      <Icon name="alert" className="banner-icon" size={16} />
      <div className="banner-body">
        <div className="banner-title">
          {plural(deals, 'deal')} in this period {deals === 1 ? 'has' : 'have'} no stage history in the
          imported file
        </div>
        <p>
          The funnel and time in stage know at most the stage each is in now, and only where the file dates
          it: the stages before are missing, so conversion here leaves {deals === 1 ? 'it' : 'them'} out.
          {closed > 0 &&
            ` ${plural(closed, 'closed deal')} ${closed === 1 ? 'counts' : 'count'} in the win rate and cycle time by ${closed === 1 ? 'its' : 'their'} Close Date.`}{' '}
          Import the stage history (Salesforce OpportunityHistory.csv, HubSpot’s “Date entered” columns) for
          the whole path.
        </p>
      </div>
    </div>
  );
}

export function FunnelPage() {
  const scope = useReportScope(funnelQuery);
  const { view, onChange, range, filter, facets, versions, selected, evaluate } = scope;

  const { data: workspace } = useWorkspace();
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

  const notEvaluated = funnel.errorCode === 'not_found' || time.errorCode === 'not_found';
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
        <ReportScopeLabel
          range={range}
          selected={selected}
          loading={(funnel.loading || time.loading || metrics.loading) && !notEvaluated}
          loadingLabel="Loading the reports"
          testId="funnel-range"
        />
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
  let drawer: ReactNode = null;
  if ('problem' in range) {
    body = <PeriodProblem message={range.problem} />;
  } else if (scope.unknownVersion) {
    body = (
      <UnknownVersion
        onUseCurrent={() => onChange({ versionId: null })}
        title="This workflow version does not exist"
      >
        The address asks for a version that is not in this workspace.
      </UnknownVersion>
    );
  } else if (notEvaluated) {
    body = (
      <NotEvaluated version={selected} evaluate={evaluate}>
        The funnel and time in stage are computed from each deal’s stage visits under a workflow version.
        Evaluate this version once to see them; it takes a few seconds.
      </NotEvaluated>
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
        currency={workspace?.money.corporate ?? null}
        stageHref={stageHref}
        onChange={onChange}
      />
    );
    drawer = view.drill && filter && (
      <FunnelDrilldown
        filter={filter}
        drill={view.drill}
        stageNames={stageNames(funnelData)}
        closing={funnelData.closingStages.some((s) => s.key === view.drill!.stageKey)}
        rangeLabel={'problem' in range ? '' : formatRange(range)}
        onGroup={(group) => onChange({ drill: { ...view.drill!, group } }, { replace: true })}
        onClose={() => onChange({ drill: null })}
      />
    );
  } else {
    body = <FunnelLoading />;
  }

  return (
    <div className="page report-page">
      {header}
      <ReportFilterBar
        label="Filter the funnel"
        view={view}
        facets={facets.data}
        versions={versions.data}
        presetDates={'problem' in range ? null : range}
        version={{ kind: 'listed', className: 'funnel-select', label: versionWithStateLabel }}
        withRep
        clear={{ className: 'funnel-clear', short: true }}
        onChange={onChange}
      />
      <ScopeBanners scope={scope} notEvaluated={notEvaluated} />
      <ExportPeriod period={periodOfRange(filter)}>
        {body}
        {drawer}
      </ExportPeriod>
    </div>
  );
}

/** Every stage of the report's version by key, the won and lost ones included. */
function stageNames(funnel: FunnelReport): Map<string, string> {
  return new Map([...funnel.stages, ...funnel.closingStages].map((s) => [s.key, s.name]));
}

type FunnelContentProps = {
  view: FunnelView;
  funnel: FunnelReport;
  time: TimeInStageReport;
  stale: boolean;
  metrics: StageMetricsSectionProps;
  currency: string | null;
  stageHref: (stageKey: string) => string;
  onChange: ReportChange<FunnelView>;
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
      className={stale ? 'report-content stale' : 'report-content'}
      aria-busy={stale}
      data-testid="funnel-content"
      data-period={`${funnel.from}/${funnel.to}`}
    >
      <MissingHistoryNote {...funnel.withoutHistory} />
      <CurrencyNote />
      <OutcomeCards
        outcomes={funnel.outcomes}
        currency={currency}
        onDrill={(outcome) => {
          const stage = funnel.closingStages.find((s) => s.outcome === outcome);
          if (stage) onChange({ drill: { stageKey: stage.key, group: 'entered' } });
        }}
      />
      {anyEntered ? (
        <>
          <FunnelSection
            stages={funnel.stages}
            stageHref={stageHref}
            onDrill={(stageKey, group) => onChange({ drill: { stageKey, group } })}
          />
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
    <div className="report-content" aria-busy="true" aria-label="Loading the funnel">
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
