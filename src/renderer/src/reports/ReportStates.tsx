import type { ReactNode } from 'react';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import type { Action } from '../data/useAction';
import { type DateRange, formatRange } from './periodPresets';
import type { ReportFilters } from './reportFilters';
import type { ReportScope } from './useReportScope';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';

/** The states a reality report can be in before it has numbers to show, shared by its screens. */

export type ReportScopeLabelProps = {
  range: DateRange;
  selected: WorkflowVersionSummary | undefined;
  loading: boolean;
  /** What the spinner says while the figures load. */
  loadingLabel?: string;
  testId?: string;
};

/** The period and workflow version the figures are for, with a spinner while they load. */
export function ReportScopeLabel({
  range,
  selected,
  loading,
  loadingLabel = 'Loading the report',
  testId,
}: ReportScopeLabelProps) {
  return (
    <div className="report-scope" aria-live="polite">
      {loading && <span className="spinner" aria-label={loadingLabel} />}
      <span data-testid={testId} data-period={`${range.from}/${range.to}`}>
        {formatRange(range)}
      </span>
      {selected && (
        <span className="chip">
          Workflow v{selected.version}
          {selected.isCurrent ? '' : ' (not current)'}
        </span>
      )}
    </div>
  );
}

export type PanelProps = { children: ReactNode };

export function Panel({ children }: PanelProps) {
  return <section className="card">{children}</section>;
}

export type PeriodProblemProps = { message: string; title?: string };

export function PeriodProblem({ message, title = 'Choose the period' }: PeriodProblemProps) {
  return (
    <Panel>
      <EmptyState icon="clock" title={title}>
        <p>{message}</p>
      </EmptyState>
    </Panel>
  );
}

export type UnknownVersionProps = {
  onUseCurrent: () => void;
  title?: string;
  /** Why the version may be missing; a screen may word it its own way. */
  children?: ReactNode;
};

export function UnknownVersion({
  onUseCurrent,
  title = 'This workflow version is not in the workspace',
  children,
}: UnknownVersionProps) {
  return (
    <Panel>
      <EmptyState
        icon="workflow"
        title={title}
        actions={
          <button type="button" className="btn btn-primary" onClick={onUseCurrent}>
            Use the current version
          </button>
        }
      >
        {children ?? (
          <p>The link may come from another workspace, or from before the workflow was replaced.</p>
        )}
      </EmptyState>
    </Panel>
  );
}

export type NotEvaluatedProps = {
  version: WorkflowVersionSummary | undefined;
  evaluate: Action<[]>;
  /** What evaluating makes visible, in a sentence: "The process map is drawn from…". */
  why?: string;
  /** The whole explanation, for a screen that words it its own way instead of `why`. */
  children?: ReactNode;
};

export function NotEvaluated({ version, evaluate, why, children }: NotEvaluatedProps) {
  const number = version ? `${version.version}` : '';
  return (
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
        {children ?? (
          <p>{why} Evaluate this version once to see it; it runs on this computer and takes a few seconds.</p>
        )}
      </EmptyState>
    </Panel>
  );
}

export type StaleBannerProps = { version: WorkflowVersionSummary; evaluate: Action<[]> };

/** Data was imported after the version was evaluated: the figures miss it until it runs again. */
export function StaleBanner({ version, evaluate }: StaleBannerProps) {
  return (
    <div className="banner banner-info" role="status">
      <Icon name="info" className="banner-icon" />
      <div className="banner-body">
        <div className="banner-title">Data changed since version {version.version} was evaluated</div>
        <div>These figures leave out the latest imports until the version is evaluated again.</div>
      </div>
      <div className="banner-actions">
        <button
          type="button"
          className="btn btn-small"
          disabled={evaluate.busy}
          onClick={() => void evaluate.run()}
        >
          {evaluate.busy && <span className="spinner" aria-hidden="true" />}
          Evaluate again
        </button>
      </div>
    </div>
  );
}

export type ScopeBannersProps = {
  scope: Pick<ReportScope<ReportFilters>, 'facets' | 'versions' | 'selected' | 'evaluate'>;
  /** The version has no evaluation at all: the report says so itself, so no stale banner. */
  notEvaluated: boolean;
};

/**
 * What a report screen says above its figures about its scope: team and rep choices or the
 * workflow versions that failed to load, and results older than the data.
 */
export function ScopeBanners({ scope, notEvaluated }: ScopeBannersProps) {
  const { facets, versions, selected, evaluate } = scope;
  return (
    <>
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
        <StaleBanner version={selected} evaluate={evaluate} />
      )}
    </>
  );
}

export type LoadingCardsProps = { label: string; cards?: number };

/** Grey bars where the report will be, so the page keeps its shape while it loads. */
export function LoadingCards({ label, cards = 2 }: LoadingCardsProps) {
  return (
    <div className="report-loading" aria-busy="true" aria-label={label}>
      {Array.from({ length: cards }, (_, card) => (
        <section key={card} className="card card-body report-loading-card">
          {Array.from({ length: 5 }, (_, i) => (
            <span key={i} className="skeleton-bar" style={{ width: `${90 - i * 13}%` }} />
          ))}
        </section>
      ))}
    </div>
  );
}

export type ReportGateOptions = {
  range: DateRange | { problem: string };
  unknownVersion: boolean;
  onUseCurrent: () => void;
  notEvaluated: boolean;
  version: WorkflowVersionSummary | undefined;
  evaluate: Action<[]>;
  /** What evaluating makes visible, in a sentence. */
  why: string;
  error: string | null;
  errorTitle: string;
  onRetry: () => void;
};

/**
 * What a report shows instead of its figures — a period to fix, an unknown or unevaluated
 * version, an error — in that order; null when the figures can be shown.
 */
export function reportGate(options: ReportGateOptions): ReactNode | null {
  if ('problem' in options.range) return <PeriodProblem message={options.range.problem} />;
  if (options.unknownVersion) return <UnknownVersion onUseCurrent={options.onUseCurrent} />;
  if (options.notEvaluated)
    return <NotEvaluated version={options.version} evaluate={options.evaluate} why={options.why} />;
  if (options.error)
    return <ErrorBanner title={options.errorTitle} message={options.error} onRetry={options.onRetry} />;
  return null;
}
