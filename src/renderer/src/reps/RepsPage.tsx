import { useMemo } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { formatPercent, plural } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { CurrencyNote } from '../ui/CurrencyNote';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { useWorkspace } from '../shell/workspaceContext';
import { repColumns } from './repColumns';
import './reps.css';

export function RepsPage() {
  const reps = useApiQuery(() => api.reps.list({}), []);
  // Rep totals are in the workspace's corporate currency.
  const { data: workspace } = useWorkspace();
  const currency = workspace?.money.corporate ?? null;
  const columns = useMemo(() => repColumns(currency), [currency]);
  const list = reps.data;

  const teams = new Set(list?.map((r) => r.team).filter(Boolean));
  const won = list?.reduce((n, r) => n + r.wonDeals, 0) ?? 0;
  const lost = list?.reduce((n, r) => n + r.lostDeals, 0) ?? 0;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">Reps</h1>
          <p className="page-subtitle">
            Everyone who owns deals or logs activities. Open a rep to see their deals.
          </p>
        </div>
        {list && list.length > 0 && (
          <div className="reps-summary">
            <span>{plural(list.length, 'rep')}</span>
            <span>{plural(teams.size, 'team')}</span>
            <span>
              Team win rate <strong>{formatPercent(won + lost === 0 ? null : won / (won + lost))}</strong>
            </span>
          </div>
        )}
      </header>
      {reps.error && (
        <ErrorBanner title="The reps could not be loaded" message={reps.error} onRetry={reps.reload} />
      )}
      {list && list.length > 0 && <CurrencyNote />}
      {list && list.length === 0 ? (
        <section className="card">
          <EmptyState
            icon="reps"
            title="No reps in this workspace yet"
            actions={
              <Link className="btn btn-primary" to="/import">
                Go to Import
              </Link>
            }
          >
            Reps come in with your CRM exports: users, deal owners and the people who logged activities.
          </EmptyState>
        </section>
      ) : (
        <section className="card reps-card" aria-busy={reps.loading && !list}>
          {list ? (
            <DataTable
              label="Reps"
              data={list}
              columns={columns}
              emptyMessage="No reps."
              rowTestId="rep-row"
            />
          ) : (
            !reps.error && (
              <div className="card-body reps-loading">
                {Array.from({ length: 8 }, (_, i) => (
                  <span key={i} className="skeleton-bar" />
                ))}
              </div>
            )
          )}
        </section>
      )}
      {list && list.length > 0 && (
        <p className="muted reps-note">
          Win rate is won ÷ (won + lost) over every closed deal the rep owns; “—” when they have closed none.
        </p>
      )}
    </div>
  );
}
