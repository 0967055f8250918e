import { useCallback, useMemo } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { DealDetail } from '@shared/domain/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { errorMessage } from '../data/errorMessage';
import { outcomesOf } from '../deal/stageTones';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { AlignedCard } from './AlignedCard';
import { type CompareStage, alignDeal } from './alignment';
import { CompareSetup } from './CompareSetup';
import { CompareSummary } from './CompareSummary';
import { type CompareView, compareHref, readCompareView } from './compareView';
import '../deal/deal.css';
import '../deals/deals.css';
import './compare.css';

type Loaded = { id: number; detail: DealDetail | null; error: string | null };

/** Every picked deal, each on its own: one that cannot be read does not hide the others. */
async function loadDeals(ids: number[]): Promise<Loaded[]> {
  const settled = await Promise.allSettled(ids.map((id) => api.deals.get({ id })));
  return settled.map((result, i) =>
    result.status === 'fulfilled'
      ? { id: ids[i]!, detail: result.value, error: null }
      : { id: ids[i]!, detail: null, error: errorMessage(result.reason) },
  );
}

/** The stages a comparison runs between when the address names none: the whole way to a win. */
function defaults(stages: readonly CompareStage[]): { from: string | null; to: string | null } {
  return {
    from: stages.find((s) => !s.outcome)?.key ?? null,
    to: stages.find((s) => s.outcome === 'won')?.key ?? stages.at(-1)?.key ?? null,
  };
}

export function ComparePage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const paramsKey = params.toString();
  const view = useMemo(() => readCompareView(new URLSearchParams(paramsKey)), [paramsKey]);
  const onChange = useCallback(
    (change: Partial<CompareView>) => navigate(compareHref({ ...view, ...change }), { replace: true }),
    [navigate, view],
  );

  const workflow = useApiQuery(() => api.workflow.current({}), []);
  const deals = useApiQuery(() => loadDeals(view.dealIds), [view.dealIds]);
  const stages = useMemo<CompareStage[]>(
    () =>
      (workflow.data?.definition.stages ?? []).map((s) => ({
        key: s.key,
        name: s.name,
        outcome: s.outcome ?? null,
      })),
    [workflow.data],
  );
  const outcomes = useMemo(() => outcomesOf(workflow.data?.definition), [workflow.data]);
  const fallback = defaults(stages);
  const from = view.from ?? fallback.from;
  const to = view.to ?? fallback.to;
  const order = new Map(stages.map((s, i) => [s.key, i]));
  const backwards = from !== null && to !== null && (order.get(to) ?? 0) <= (order.get(from) ?? 0);
  const fromName = stages.find((s) => s.key === from)?.name ?? from ?? '';
  const toName = stages.find((s) => s.key === to)?.name ?? to ?? '';

  const aligned = useMemo(
    () =>
      from && to && !backwards
        ? (deals.data ?? []).flatMap((d) => (d.detail ? [alignDeal(d.detail, from, to, stages)] : []))
        : [],
    [deals.data, from, to, backwards, stages],
  );
  const loaded = deals.data ?? [];
  const failed = loaded.filter((d) => d.error !== null);
  const names = new Map(loaded.flatMap((d) => (d.detail ? [[d.id, d.detail.deal.name] as const] : [])));
  const backTo = `${location.pathname}${location.search}`;

  const remove = (id: number) => onChange({ dealIds: view.dealIds.filter((d) => d !== id) });

  let body;
  if (view.dealIds.length === 0) {
    body = (
      <section className="card">
        <EmptyState
          icon="deals"
          title="Pick two or three deals to compare"
          actions={
            <Link className="btn btn-primary" to="/process-map">
              Start from a path on the Process map
            </Link>
          }
        >
          <p>
            Type a deal’s name, account or rep above. Each deal is laid out from the day it entered the
            from-stage, on the same scale, so you can see what the fast one did differently — action by
            action.
          </p>
        </EmptyState>
      </section>
    );
  } else if (workflow.error) {
    body = (
      <ErrorBanner
        title="The workflow stages could not be loaded"
        message={workflow.error}
        onRetry={workflow.reload}
      />
    );
  } else if (deals.error) {
    body = <ErrorBanner title="The deals could not be loaded" message={deals.error} onRetry={deals.reload} />;
  } else if (backwards) {
    body = (
      <section className="card">
        <EmptyState icon="clock" title={`${toName} does not come after ${fromName}`}>
          <p>
            Pick a to-stage later in the workflow than the from-stage: the comparison runs forward in time.
          </p>
        </EmptyState>
      </section>
    );
  } else if (!deals.data || !workflow.data) {
    body = (
      <section className="card card-body compare-loading" aria-busy="true" aria-label="Loading the deals">
        {view.dealIds.map((id) => (
          <span key={id} className="skeleton-bar" />
        ))}
      </section>
    );
  } else {
    body = (
      <>
        <AlignedCard
          aligned={aligned}
          dealIds={view.dealIds}
          fromName={fromName}
          toName={toName}
          outcomes={outcomes}
          backTo={backTo}
          onRemove={remove}
        />
        {aligned.some((d) => d.entered) && (
          <CompareSummary aligned={aligned} dealIds={view.dealIds} toName={toName} fromName={fromName} />
        )}
      </>
    );
  }

  return (
    <div className="page compare-page">
      <Link to="/process-map" className="back-link">
        <Icon name="back" size={14} />
        Process map
      </Link>
      <header className="page-header">
        <div>
          <h1 className="page-title">Compare deals</h1>
          <p className="page-subtitle">
            Two or three deals side by side from one stage to another, aligned on the day each entered the
            first.
          </p>
        </div>
      </header>
      <CompareSetup
        dealIds={view.dealIds}
        names={names}
        stages={stages}
        from={from}
        to={to}
        onChange={onChange}
      />
      {failed.map((d) => (
        <ErrorBanner
          key={d.id}
          title={`Deal ${d.id} could not be shown`}
          message={d.error!}
          onDismiss={() => remove(d.id)}
        />
      ))}
      {view.dealIds.length === 1 && deals.data && (
        <div className="banner banner-info" role="status">
          <Icon name="info" className="banner-icon" />
          <div className="banner-body">Add one or two more deals to compare against this one.</div>
        </div>
      )}
      {body}
    </div>
  );
}
