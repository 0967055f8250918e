import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { useAction } from '../data/useAction';
import { useApiQuery } from '../data/useApiQuery';
import { formatDate, formatDateTime } from '../format/format';
import { LoadingCards } from '../reports/ReportStates';
import '../reports/reports.css';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { DecisionLog } from './DecisionLog';
import { DecisionBadge, ExperimentStatusBadge } from './ExperimentBadges';
import { MetricResultCard } from './MetricResultCard';
import { PlanCard } from './PlanCard';
import { quarterName } from './experimentFormat';
import { useWorkflowNames } from './useWorkflowNames';
import './experiments.css';
import './experimentsPrint.css';

/** #/experiments/:id — the plan, the results against the baseline or control, and the decision. */
export function ExperimentPage() {
  const { id: rawId } = useParams();
  const id = Number(rawId);
  const valid = Number.isInteger(id) && id > 0;
  const navigate = useNavigate();
  const got = useApiQuery(() => (valid ? api.experiments.get({ id }) : Promise.resolve(null)), [id]);
  const versions = useApiQuery(() => api.workflow.versions({}), []);
  const reps = useApiQuery(() => api.reps.list({}), []);
  const { names } = useWorkflowNames();
  const [deleting, setDeleting] = useState(false);
  const remove = useAction(
    useCallback(async () => {
      await api.experiments.delete({ id });
      await navigate('/experiments');
      invalidateData();
    }, [id, navigate]),
  );

  const back = (
    <Link to="/experiments" className="exp-back exp-no-print">
      <Icon name="back" size={14} />
      Experiments
    </Link>
  );

  if (!valid || got.errorCode === 'not_found')
    return (
      <div className="page">
        {back}
        <EmptyState icon="experiments" title="This experiment is not in the workspace">
          {got.error ?? 'The address names no experiment.'}
        </EmptyState>
      </div>
    );
  if (got.error)
    return (
      <div className="page">
        {back}
        <ErrorBanner title="The experiment could not be loaded" message={got.error} onRetry={got.reload} />
      </div>
    );
  if (!got.data)
    return (
      <div className="page">
        {back}
        <LoadingCards label="Loading the experiment" cards={2} />
      </div>
    );

  const { experiment: e, results } = got.data;
  const version = versions.data?.find((v) => v.id === e.workflowVersionId) ?? null;
  const baseline = versions.data?.find((v) => v.id === e.baselineVersionId) ?? null;

  return (
    <div className="page exp-detail-page">
      {back}
      <header className="page-header">
        <div>
          <p className="exp-kicker">Experiment · {quarterName(e.quarter)}</p>
          <h1 className="page-title">{e.title}</h1>
          <div className="exp-detail-badges">
            <ExperimentStatusBadge status={e.status} />
            {e.decision && <DecisionBadge decision={e.decision} />}
            <span className="muted">
              Results computed {formatDateTime(results.computedAt)}
              {results.dataUpTo !== null && ` · data up to ${formatDate(results.dataUpTo)}`}
            </span>
          </div>
        </div>
        <div className="exp-detail-actions exp-no-print">
          {got.loading && <span className="spinner" aria-label="Refreshing" />}
          <button type="button" className="btn" onClick={() => window.print()}>
            Print
          </button>
          <Link className="btn" to={`/experiments/${e.id}/edit`}>
            Edit
          </Link>
          <button type="button" className="btn btn-ghost" onClick={() => setDeleting(true)}>
            <Icon name="trash" size={14} />
            Delete
          </button>
        </div>
      </header>
      <PlanCard experiment={e} names={names} versions={versions.data ?? []} reps={reps.data ?? []} />
      <section className="exp-results" aria-labelledby="exp-results-title">
        <h2 className="section-title" id="exp-results-title">
          Results
        </h2>
        <MetricResultCard result={results.primary} kind="primary" />
        {results.guardrails.map((g, i) => (
          <MetricResultCard key={i} result={g} kind="guardrail" />
        ))}
      </section>
      <DecisionLog experiment={e} version={version} baseline={baseline} />
      <ConfirmDialog
        open={deleting}
        title="Delete this experiment?"
        confirmLabel="Delete experiment"
        danger
        busy={remove.busy}
        onConfirm={() => void remove.run()}
        onCancel={() => setDeleting(false)}
      >
        <p>
          “{e.title}” and its decision leave the quarter board. The workflow versions it names stay as they
          are.
        </p>
        {remove.error && <p className="exp-field-issue">{remove.error}</p>}
      </ConfirmDialog>
    </div>
  );
}
