import { type ReactNode, useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { csvFileName, isoDay, localTimeZone } from '@shared/csv/csvValues';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { formatCount, plural } from '../format/format';
import { EmptyWorkspace } from '../overview/DemoControls';
import { useWorkspace } from '../shell/workspaceContext';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { ExportCsvButton } from '../ui/TableToolbar';
import { downloadText } from '../ui/downloadFile';
import { dealCsvColumns } from './dealColumns';
import { DealsFilterBar } from './DealsFilterBar';
import { DealsTable } from './DealsTable';
import {
  type DealSort,
  type DealsView,
  clearFilters,
  hasFilters,
  readDealsView,
  toDealsQuery,
  writeDealsView,
} from './dealsView';
import { useDealPages } from './useDealPages';
import './deals.css';

export function DealsPage() {
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const view = useMemo(() => readDealsView(new URLSearchParams(paramsKey)), [paramsKey]);
  const query = useMemo(() => toDealsQuery(view), [view]);
  const filterKey = JSON.stringify({ ...query, sort: undefined });

  const deals = useDealPages(query);
  const facets = useApiQuery(() => api.deals.facets({}), []);
  const { data: workspace } = useWorkspace();

  // Each change reads the URL as it is now, so a late debounced search never undoes another filter.
  const update = useCallback(
    (change: (view: DealsView) => DealsView, options?: { replace?: boolean }) =>
      setParams((current) => writeDealsView(change(readDealsView(current))), options),
    [setParams],
  );
  const onChange = useCallback(
    (change: Partial<DealsView>, options?: { replace?: boolean }) =>
      update((v) => ({ ...v, ...change }), options),
    [update],
  );
  const onSort = useCallback((sort: DealSort) => update((v) => ({ ...v, sort })), [update]);
  const onClear = useCallback(() => update(clearFilters), [update]);
  // The engine writes every deal of the filters, in this sort — not only the pages loaded here.
  const exportDeals = useCallback(async () => {
    const timeZone = localTimeZone();
    const { csv } = await api.deals.exportCsv({ ...query, timeZone, columns: dealCsvColumns });
    downloadText(csv, csvFileName('deals', isoDay(timeZone)));
  }, [query]);

  const filtered = hasFilters(view);
  const workspaceTotal = workspace?.counts.deals ?? null;
  const shownTotal = deals.total ?? deals.previousTotal;

  if (workspace && workspace.counts.deals === 0 && !filtered)
    return (
      <div className="page">
        <DealsHeader />
        <EmptyWorkspace />
      </div>
    );

  return (
    <div className="page page-fill deals-page">
      <DealsHeader>
        <div className="deals-count-wrap" aria-live="polite">
          {shownTotal !== null && (
            <span
              className={deals.total === null ? 'deals-count stale' : 'deals-count'}
              data-testid="deals-count"
            >
              {plural(shownTotal, 'deal')}
            </span>
          )}
          {filtered && workspaceTotal !== null && deals.total !== null && (
            <span className="muted"> of {formatCount(workspaceTotal)}</span>
          )}
          {deals.total === null && !deals.error && <span className="spinner" aria-label="Loading deals" />}
          {filtered && (
            <button type="button" className="btn btn-small btn-ghost" onClick={onClear}>
              <Icon name="close" size={13} />
              Clear filters
            </button>
          )}
          <ExportCsvButton what="Deals" onExport={exportDeals} disabled={!deals.total} />
        </div>
      </DealsHeader>
      <DealsFilterBar view={view} facets={facets.data} onChange={onChange} />
      {facets.error && (
        <ErrorBanner
          title="The filter choices could not be loaded"
          message={facets.error}
          onRetry={facets.reload}
        />
      )}
      {deals.error && (
        <ErrorBanner title="The deals could not be loaded" message={deals.error} onRetry={deals.reload} />
      )}
      <DealsTable
        deals={deals}
        sort={view.sort}
        onSort={onSort}
        resetKey={filterKey}
        empty={
          <EmptyState
            icon="search"
            title="No deals match these filters"
            actions={
              <button type="button" className="btn" onClick={onClear}>
                Clear filters
              </button>
            }
          >
            Try a shorter search, or widen the owner, stage, status or date filters.
          </EmptyState>
        }
      />
    </div>
  );
}

type DealsHeaderProps = { children?: ReactNode };

function DealsHeader({ children }: DealsHeaderProps) {
  return (
    <header className="page-header">
      <div>
        <h1 className="page-title">Deals</h1>
        <p className="page-subtitle">
          Every deal in the workspace. Open one to see its stage timeline; see <Link to="/reps">Reps</Link>{' '}
          for owners.
        </p>
      </div>
      {children}
    </header>
  );
}
