import { Link } from 'react-router';
import type { RepSummary } from '@shared/domain/types';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import type { Experiment } from '@shared/experiments/types';
import { formatIsoDate } from '../format/format';
import {
  type MetricNames,
  changeKindLabels,
  designLabels,
  metricLabel,
  quarterName,
} from './experimentFormat';

export type PlanCardProps = {
  experiment: Experiment;
  names: MetricNames;
  versions: WorkflowVersionSummary[];
  reps: RepSummary[];
};

function VersionText({ id, versions }: { id: number | null; versions: WorkflowVersionSummary[] }) {
  if (id === null) return <span className="muted">not named yet</span>;
  const v = versions.find((x) => x.id === id);
  if (!v) return <span className="muted">a version no longer in the workspace</span>;
  return (
    <Link to="/workflow" title="Open the Workflow editor and its versions">
      Version {v.version}
      {v.isCurrent ? ' (current)' : ''}
    </Link>
  );
}

function repNames(ids: number[], reps: RepSummary[]): string {
  const byId = new Map(reps.map((r) => [r.id, r.name]));
  return ids.map((id) => byId.get(id) ?? `Rep ${id}`).join(', ') || '—';
}

/** The plan as written: bottleneck, hypothesis, change, versions, design and window. */
export function PlanCard({ experiment: e, names, versions, reps }: PlanCardProps) {
  return (
    <section className="card exp-plan" aria-labelledby="exp-plan-title">
      <header className="card-header">
        <h2 className="card-title" id="exp-plan-title">
          The plan
        </h2>
        <span className="card-subtitle">{quarterName(e.quarter)}</span>
      </header>
      <div className="exp-plan-body">
        <div className="exp-plan-text">
          <h3>Hypothesis</h3>
          <p>{e.hypothesis || <span className="muted">No hypothesis written yet.</span>}</p>
          <h3>The change · {changeKindLabels[e.changeKind]}</h3>
          <p>{e.changeDescription || <span className="muted">Not described yet.</span>}</p>
        </div>
        <dl className="exp-plan-facts">
          <div>
            <dt>Bottleneck</dt>
            <dd>{metricLabel(e.bottleneck.metric, names)}</dd>
          </div>
          <div>
            <dt>Workflow version with the change</dt>
            <dd data-testid="plan-version">
              <VersionText id={e.workflowVersionId} versions={versions} />
            </dd>
          </div>
          <div>
            <dt>Baseline version</dt>
            <dd>
              <VersionText id={e.baselineVersionId} versions={versions} />
            </dd>
          </div>
          <div>
            <dt>Design</dt>
            <dd>{designLabels[e.design]}</dd>
          </div>
          {e.design === 'treatment_control' && (
            <>
              <div>
                <dt>Treatment</dt>
                <dd>{repNames(e.treatmentRepIds, reps)}</dd>
              </div>
              <div>
                <dt>Control</dt>
                <dd>{repNames(e.controlRepIds, reps)}</dd>
              </div>
            </>
          )}
          <div>
            <dt>Window</dt>
            <dd>
              {formatIsoDate(e.startsOn)} – {formatIsoDate(e.endsOn)}
            </dd>
          </div>
          <div>
            <dt>Primary metric</dt>
            <dd>{metricLabel(e.primaryMetric, names)}</dd>
          </div>
          <div>
            <dt>Guardrails</dt>
            <dd>{e.guardrails.map((m) => metricLabel(m, names)).join(' · ') || '—'}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
