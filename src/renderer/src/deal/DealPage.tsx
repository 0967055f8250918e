import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { DealDetail } from '@shared/domain/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { EMPTY, formatDate, formatMoney, humanize, plural } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { StatusBadge } from '../ui/StatusBadge';
import { compareHref } from '../compare/compareView';
import { StageTimeline } from './StageTimeline';
import { DealObservations } from './DealObservations';
import { WorkflowChecklist } from './WorkflowChecklist';
import { activityColumns, visitColumns } from './dealTables';
import { outcomesOf } from './stageTones';
import './deal.css';

type BackLink = { to: string; label: string };

/** Where the back link returns: the screen that opened the deal (a filtered list, a drill-down), or Deals. */
function useBackLink(): BackLink {
  const location = useLocation();
  const state = location.state as { dealsSearch?: unknown; back?: Partial<BackLink> } | null;
  if (typeof state?.back?.to === 'string' && typeof state.back.label === 'string')
    return { to: state.back.to, label: state.back.label };
  return { to: `/deals${typeof state?.dealsSearch === 'string' ? state.dealsSearch : ''}`, label: 'Deals' };
}

export function DealPage() {
  const { id: rawId } = useParams();
  const id = Number(rawId);
  const valid = Number.isInteger(id) && id > 0;
  const backLink = useBackLink();
  const detail = useApiQuery(() => (valid ? api.deals.get({ id }) : Promise.resolve(null)), [id]);
  const workflow = useApiQuery(() => api.workflow.current({}), []);
  const outcomes = outcomesOf(workflow.data?.definition);

  const back = (
    <Link to={backLink.to} className="back-link">
      <Icon name="back" size={14} />
      {backLink.label}
    </Link>
  );

  if (!valid || detail.errorCode === 'not_found')
    return (
      <div className="page">
        {back}
        <EmptyState icon="deals" title="This deal is not in the workspace">
          It may have been removed with the demo data or by an undone import.
        </EmptyState>
      </div>
    );

  const data = detail.data;
  return (
    <div className="page deal-page">
      {back}
      {detail.error && (
        <ErrorBanner title="The deal could not be loaded" message={detail.error} onRetry={detail.reload} />
      )}
      {data ? (
        <>
          <DealHeader detail={data} />
          <section className="card" aria-labelledby="timeline-heading">
            <div className="card-header">
              <h2 id="timeline-heading" className="card-title">
                Stage timeline
              </h2>
              <span className="card-subtitle">
                {plural(data.visits.length, 'stage visit')} ·{' '}
                {plural(data.activities.length, 'activity', 'activities')} · {formatDate(data.deal.createdAt)}{' '}
                → {data.deal.status === 'open' ? 'today' : formatDate(data.timelineEnd)}
              </span>
            </div>
            <div className="card-body">
              {data.missingHistory && (
                <div className="banner banner-warn" role="note" data-testid="missing-history">
                  <Icon name="alert" className="banner-icon" size={16} />
                  <div className="banner-body">
                    <div className="banner-title">No stage history in the imported file</div>
                    <p>{data.missingHistory.charAt(0).toUpperCase() + data.missingHistory.slice(1)}.</p>
                  </div>
                </div>
              )}
              <StageTimeline detail={data} outcomes={outcomes} />
            </div>
          </section>
          <WorkflowChecklist dealId={id} activities={data.activities} outcomes={outcomes} />
          <DealObservations dealId={id} dealName={data.deal.name} ownerId={data.deal.ownerId} />
          <div className="deal-columns">
            <section className="card" aria-labelledby="visits-heading">
              <div className="card-header">
                <h2 id="visits-heading" className="card-title">
                  Stage visits
                </h2>
                <span className="card-subtitle">
                  Time in stage runs until the next entry into another stage.
                </span>
              </div>
              <DataTable
                label="Stage visits"
                data={data.visits}
                columns={visitColumns}
                emptyMessage="No stage history for this deal."
                exportName={`${data.deal.name} stage visits`}
              />
            </section>
            <CustomFields fields={data.deal.customFields} />
          </div>
          <section className="card" aria-labelledby="activities-heading">
            <div className="card-header">
              <h2 id="activities-heading" className="card-title">
                Activities
              </h2>
              <span className="card-subtitle">
                {plural(data.activities.length, 'activity', 'activities')}
              </span>
            </div>
            <DataTable
              label="Activities"
              data={data.activities}
              columns={activityColumns}
              initialSorting={[{ id: 'occurredAt', desc: false }]}
              emptyMessage="No activities were logged on this deal."
              exportName={`${data.deal.name} activities`}
            />
          </section>
        </>
      ) : (
        !detail.error && <DealLoading />
      )}
    </div>
  );
}

type DealHeaderProps = { detail: DealDetail };

function DealHeader({ detail }: DealHeaderProps) {
  const { deal } = detail;
  const facts: [string, ReactNode][] = [
    ['Owner', deal.ownerName ?? EMPTY],
    ['Team', deal.team ?? EMPTY],
    ['Stage', deal.stageName ?? EMPTY],
    ['Pipeline', deal.pipeline ?? EMPTY],
    ['Created', formatDate(deal.createdAt)],
    ['Closed', formatDate(deal.closedAt)],
    ['In stage since', formatDate(deal.lastStageChangeAt)],
    ['External id', <span className="mono">{deal.externalId}</span>],
  ];
  return (
    <header className="card deal-header">
      <div className="deal-header-top">
        <div className="deal-title-block">
          <div className="deal-title-row">
            <h1 className="page-title">{deal.name}</h1>
            <StatusBadge status={deal.status} />
          </div>
          <p className="page-subtitle">
            {deal.account ?? 'No account'} · source {deal.source}
          </p>
        </div>
        <div className="deal-header-side">
          <div className="deal-amount">
            <span className="deal-amount-value">{formatMoney(deal.amount, deal.currency)}</span>
            <span className="deal-amount-label">Amount</span>
          </div>
          <Link
            to={compareHref({ dealIds: [deal.id], from: null, to: null })}
            className="btn btn-small"
            title="Lay this deal's timeline beside up to two others, aligned on time"
          >
            <Icon name="processMap" size={14} />
            Compare with other deals
          </Link>
        </div>
      </div>
      {deal.lostReason && (
        <div className="lost-reason">
          <strong>Lost reason:</strong> {deal.lostReason}
        </div>
      )}
      <dl className="deal-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

type CustomFieldsProps = { fields: Record<string, unknown> };

function CustomFields({ fields }: CustomFieldsProps) {
  const entries = Object.entries(fields);
  return (
    <section className="card" aria-labelledby="fields-heading">
      <div className="card-header">
        <h2 id="fields-heading" className="card-title">
          Custom fields
        </h2>
      </div>
      {entries.length === 0 ? (
        <p className="card-body muted">The CRM export had no extra fields for this deal.</p>
      ) : (
        <dl className="field-list">
          {entries.map(([key, value]) => (
            <div key={key}>
              <dt>{humanize(key)}</dt>
              <dd>{fieldValue(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function fieldValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function DealLoading() {
  return (
    <div className="card deal-header" aria-busy="true" aria-label="Loading the deal">
      <span className="skeleton-bar" style={{ width: '30%', height: 18 }} />
      <span className="skeleton-bar" style={{ width: '20%' }} />
      <span className="skeleton-bar" style={{ width: '60%' }} />
    </div>
  );
}
