import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { RepSummary, WorkflowVersion } from '@shared/domain/types';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import type { Experiment, ExperimentInput, ExperimentMetric } from '@shared/experiments/types';
import { api } from '../api/client';
import { type LoadOnce, useLoadOnce } from '../data/useLoadOnce';
import { isoDayOf } from '../reports/periodPresets';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { ExperimentForm } from './ExperimentForm';
import { decodeMetric, isQuarter, quarterBounds, quarterOf, shiftQuarter } from './experimentFormat';
import { openStages, stageMetrics } from './metricOptions';
import { namesOf } from './useWorkflowNames';
import './experiments.css';

type Loaded = {
  workflow: WorkflowVersion;
  versions: WorkflowVersionSummary[];
  reps: RepSummary[];
  experiment: Experiment | null;
};

type LoadState = LoadOnce<Loaded>;

/** The form's inputs, read once when it opens: data changing elsewhere must not reset what is typed. */
function useFormData(experimentId: number | null, attempt: number): LoadState {
  return useLoadOnce(`${experimentId}#${attempt}`, async () => {
    const [workflow, versions, reps, got] = await Promise.all([
      api.workflow.current({}),
      api.workflow.versions({}),
      api.reps.list({}),
      experimentId === null ? Promise.resolve(null) : api.experiments.get({ id: experimentId }),
    ]);
    return {
      workflow,
      versions: versions.toSorted((a, b) => b.version - a.version),
      reps,
      experiment: got?.experiment ?? null,
    };
  });
}

/**
 * A new experiment, prefilled from a bottleneck candidate when the address names one:
 * `#/experiments/new?stage=demo&metric=conversion` (`&action=…` for one required action).
 */
function newExperiment(params: URLSearchParams, data: Loaded, today: string): ExperimentInput {
  const definition = data.workflow.definition;
  const stages = openStages(definition);
  const asked = params.get('stage');
  const stageKey = stages.some((s) => s.key === asked) ? asked! : (stages[0]?.key ?? '');
  const kind = params.get('metric');
  const action = params.get('action');
  const wanted = decodeMetric(
    kind === 'win_rate' ? kind : `${kind}:${stageKey}${kind === 'compliance' && action ? `:${action}` : ''}`,
  );
  const offered = stageMetrics(definition, stageKey);
  const metric: ExperimentMetric = (wanted &&
    offered.find((m) => JSON.stringify(m) === JSON.stringify(wanted))) ??
    offered[0] ?? { kind: 'win_rate' };
  const quarter = shiftQuarter(quarterOf(today), 1);
  const bounds = quarterBounds(quarter)!;
  return {
    title: '',
    quarter,
    bottleneck: { stageKey, metric },
    hypothesis: '',
    changeKind: 'required_action',
    changeDescription: '',
    workflowVersionId: null,
    baselineVersionId: data.workflow.id,
    design: 'before_after',
    treatmentRepIds: [],
    controlRepIds: [],
    primaryMetric: metric,
    // Win rate is the guardrail every change must hold, unless it is the primary metric itself.
    guardrails: metric.kind === 'win_rate' ? [] : [{ kind: 'win_rate' }],
    startsOn: bounds.from,
    endsOn: bounds.to,
    status: 'planned',
  };
}

function inputOf(e: Experiment): ExperimentInput {
  return {
    title: e.title,
    quarter: isQuarter(e.quarter) ? e.quarter : quarterOf(e.startsOn),
    bottleneck: e.bottleneck,
    hypothesis: e.hypothesis,
    changeKind: e.changeKind,
    changeDescription: e.changeDescription,
    workflowVersionId: e.workflowVersionId,
    baselineVersionId: e.baselineVersionId,
    design: e.design,
    treatmentRepIds: e.treatmentRepIds,
    controlRepIds: e.controlRepIds,
    primaryMetric: e.primaryMetric,
    guardrails: e.guardrails,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    status: e.status,
  };
}

/** #/experiments/new and #/experiments/:id/edit. */
export function ExperimentFormPage() {
  const { id: rawId } = useParams();
  const experimentId = rawId === undefined ? null : Number(rawId);
  const valid = experimentId === null || (Number.isInteger(experimentId) && experimentId > 0);
  const [attempt, setAttempt] = useState(0);
  const data = useFormData(valid ? experimentId : null, attempt);
  const [params] = useSearchParams();
  const [today] = useState(() => isoDayOf(new Date()));
  const editing = experimentId !== null;

  const header = (
    <>
      <Link to={editing ? `/experiments/${experimentId}` : '/experiments'} className="exp-back">
        <Icon name="back" size={14} />
        {editing ? 'The experiment' : 'Experiments'}
      </Link>
      <header className="page-header">
        <div>
          <h1 className="page-title">{editing ? 'Edit experiment' : 'New experiment'}</h1>
          <p className="page-subtitle">
            One bottleneck, one change in a workflow version, one primary metric and a window to measure it.
          </p>
        </div>
      </header>
    </>
  );

  let body;
  if (!valid || data.state === 'missing')
    body = (
      <EmptyState icon="experiments" title="This experiment is not in the workspace">
        {data.state === 'missing' ? data.message : 'The address names no experiment.'}
      </EmptyState>
    );
  else if (data.state === 'failed')
    body = (
      <ErrorBanner
        title="The experiment form could not be opened"
        message={data.message}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    );
  else if (data.state === 'loading')
    body = (
      <div className="card exp-loading">
        <span className="spinner" aria-label="Loading the form" />
      </div>
    );
  else {
    const names = namesOf(data.workflow.definition);
    body = (
      <ExperimentForm
        experimentId={experimentId}
        initial={data.experiment ? inputOf(data.experiment) : newExperiment(params, data, today)}
        definition={data.workflow.definition}
        names={names}
        versions={data.versions}
        reps={data.reps}
        currentQuarter={quarterOf(today)}
      />
    );
  }

  return (
    <div className="page exp-form-page">
      {header}
      {body}
    </div>
  );
}
