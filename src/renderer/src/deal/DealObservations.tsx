import { Link } from 'react-router';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { formatIsoDate, plural } from '../format/format';
import { ChecklistBar, RubricScore } from '../observations/observationColumns';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';

export type DealObservationsProps = {
  dealId: number;
  dealName: string;
  ownerId: number | null;
};

/** What coaches saw when they shadowed this deal, newest first, and a way to log the next one. */
export function DealObservations({ dealId, dealName, ownerId }: DealObservationsProps) {
  const list = useApiQuery(() => api.observations.list({ dealId, limit: 50 }), [dealId]);
  const params = new URLSearchParams({ deal: String(dealId), dealName });
  if (ownerId !== null) params.set('rep', String(ownerId));
  const rows = list.data?.rows ?? [];
  return (
    <section className="card" aria-labelledby="deal-observations-heading">
      <div className="card-header">
        <h2 id="deal-observations-heading" className="card-title">
          Shadowing observations
        </h2>
        <span className="card-subtitle">{list.data ? plural(list.data.total, 'observation') : ''}</span>
        <Link to={`/observations/new?${params.toString()}`} className="btn btn-small deal-observe">
          <Icon name="observations" size={14} />
          Log an observation
        </Link>
      </div>
      {list.error && (
        <ErrorBanner
          title="The observations could not be loaded"
          message={list.error}
          onRetry={list.reload}
        />
      )}
      {list.data &&
        (rows.length === 0 ? (
          <p className="card-body muted">No coach has shadowed this deal yet.</p>
        ) : (
          <ul className="deal-observations">
            {rows.map((row) => (
              <li key={row.id} data-testid="deal-observation">
                <Link
                  to={`/observations/${row.id}`}
                  state={{ back: { to: `/deals/${dealId}`, label: dealName } }}
                  className="deal-observation-date"
                >
                  {formatIsoDate(row.observedOn)}
                </Link>
                <span className="deal-observation-who">
                  {row.coach}
                  {row.stageName ? ` · ${row.stageName}` : ''}
                </span>
                <ChecklistBar counts={row.checklist} />
                <RubricScore average={row.rubricAverage} />
                <span className="deal-observation-tags">{row.tags.join(' · ')}</span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
