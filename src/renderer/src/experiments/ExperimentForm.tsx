import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { RepSummary } from '@shared/domain/types';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import type {
  ChangeKind,
  ExperimentInput,
  ExperimentMetric,
  ExperimentStatus,
} from '@shared/experiments/types';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { errorMessage } from '../data/errorMessage';
import { formatDate } from '../format/format';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { Field } from './Field';
import { MetricSelect } from './MetricSelect';
import { RepGroups } from './RepGroups';
import {
  type MetricNames,
  changeKindLabels,
  designLabels,
  encodeMetric,
  quarterBounds,
  quarterName,
  shiftQuarter,
  statusLabels,
} from './experimentFormat';
import { type FieldIssue, fieldIds, issueOf } from './formIssues';
import { metricGroups, openStages, stageMetrics } from './metricOptions';

export type ExperimentFormProps = {
  experimentId: number | null;
  initial: ExperimentInput;
  definition: WorkflowDefinition;
  names: MetricNames;
  versions: WorkflowVersionSummary[];
  reps: RepSummary[];
  currentQuarter: string;
};

const sameMetric = (a: ExperimentMetric, b: ExperimentMetric) => encodeMetric(a) === encodeMetric(b);

function versionLabel(v: WorkflowVersionSummary): string {
  const note = v.note ? ` — ${v.note.length > 60 ? `${v.note.slice(0, 59)}…` : v.note}` : '';
  return `Version ${v.version}${v.isCurrent ? ' (current)' : ''} · ${formatDate(v.createdAt)}${note}`;
}

/** The plan of an experiment: what it attacks, the change, how it is measured and when. */
export function ExperimentForm({
  experimentId,
  initial,
  definition,
  names,
  versions,
  reps,
  currentQuarter,
}: ExperimentFormProps) {
  const navigate = useNavigate();
  const [form, setForm] = useState<ExperimentInput>(initial);
  const [issue, setIssue] = useState<FieldIssue | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof ExperimentInput>(key: K, value: ExperimentInput[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    // The engine's message is about what was sent: once the field changes it no longer applies.
    if (issue?.field === key) setIssue(null);
  };
  const issueFor = (field: FieldIssue['field']) => (issue?.field === field ? issue.message : undefined);

  const usedMetrics = [form.bottleneck.metric, form.primaryMetric, ...form.guardrails];
  const groups = useMemo(
    () => metricGroups(definition, names, usedMetrics),
    // The kept metrics only matter for what the experiment already held when it opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [definition, names],
  );
  const stages = openStages(definition);
  const bottleneckGroups = useMemo(() => {
    const own = stageMetrics(definition, form.bottleneck.stageKey);
    const metrics = own.some((m) => sameMetric(m, form.bottleneck.metric))
      ? own
      : [...own, form.bottleneck.metric];
    return metricGroups(definition, names, metrics)
      .map((g) => ({ ...g, options: g.options.filter((o) => metrics.some((m) => sameMetric(m, o.metric))) }))
      .filter((g) => g.options.length > 0);
  }, [definition, names, form.bottleneck]);

  const quarters = [
    ...new Set([-2, -1, 0, 1, 2].map((s) => shiftQuarter(currentQuarter, s)).concat(form.quarter)),
  ]
    .sort()
    .reverse();

  const setBottleneck = (stageKey: string, metric: ExperimentMetric) =>
    setForm((f) => ({
      ...f,
      bottleneck: { stageKey, metric },
      // The primary metric follows the bottleneck until someone picks another one.
      primaryMetric: sameMetric(f.primaryMetric, f.bottleneck.metric) ? metric : f.primaryMetric,
    }));

  const setQuarter = (quarter: string) =>
    setForm((f) => {
      const old = quarterBounds(f.quarter);
      const next = quarterBounds(quarter);
      // Dates that were the old quarter's bounds move with it; dates someone chose stay.
      const moved = old && next && f.startsOn === old.from && f.endsOn === old.to;
      return { ...f, quarter, ...(moved ? { startsOn: next.from, endsOn: next.to } : {}) };
    });

  async function save() {
    setSaving(true);
    setIssue(null);
    setFailure(null);
    try {
      const saved = await api.experiments.save({
        ...(experimentId === null ? {} : { id: experimentId }),
        ...form,
        treatmentRepIds: form.design === 'treatment_control' ? form.treatmentRepIds : [],
        controlRepIds: form.design === 'treatment_control' ? form.controlRepIds : [],
      });
      invalidateData();
      void navigate(`/experiments/${saved.id}`);
    } catch (error) {
      const message = errorMessage(error);
      const found = issueOf(message);
      if (found) {
        setIssue(found);
        requestAnimationFrame(() => document.getElementById(fieldIds[found.field])?.focus());
      } else setFailure(message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="exp-form"
      aria-label={experimentId === null ? 'New experiment' : 'Edit experiment'}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <section className="card exp-form-section" aria-labelledby="exp-form-what">
        <h2 className="exp-form-title" id="exp-form-what">
          What it attacks
        </h2>
        <div className="exp-form-grid">
          <Field id={fieldIds.title} label="Title" issue={issueFor('title')} wide>
            {(a11y) => (
              <input
                id={fieldIds.title}
                className="input"
                value={form.title}
                placeholder="e.g. Recap email within a day of every demo"
                aria-invalid={a11y.invalid}
                aria-describedby={a11y.describedBy}
                onChange={(e) => set('title', e.target.value)}
              />
            )}
          </Field>
          <Field id={fieldIds.quarter} label="Quarter" issue={issueFor('quarter')}>
            {(a11y) => (
              <select
                id={fieldIds.quarter}
                className="input"
                value={form.quarter}
                aria-invalid={a11y.invalid}
                aria-describedby={a11y.describedBy}
                onChange={(e) => setQuarter(e.target.value)}
              >
                {quarters.map((q) => (
                  <option key={q} value={q}>
                    {quarterName(q)}
                    {q === currentQuarter ? ' (this quarter)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fieldIds.status} label="Status" issue={issueFor('status')}>
            {(a11y) => (
              <select
                id={fieldIds.status}
                className="input"
                value={form.status}
                aria-invalid={a11y.invalid}
                aria-describedby={a11y.describedBy}
                onChange={(e) => set('status', e.target.value as ExperimentStatus)}
              >
                {Object.entries(statusLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fieldIds.stage} label="Bottleneck stage" issue={issueFor('stage')}>
            {(a11y) => (
              <select
                id={fieldIds.stage}
                className="input"
                value={form.bottleneck.stageKey}
                aria-invalid={a11y.invalid}
                aria-describedby={a11y.describedBy}
                onChange={(e) => {
                  const first = stageMetrics(definition, e.target.value)[0];
                  if (first) setBottleneck(e.target.value, first);
                }}
              >
                {!stages.some((s) => s.key === form.bottleneck.stageKey) && (
                  <option value={form.bottleneck.stageKey} disabled>
                    {form.bottleneck.stageKey ? names.stage(form.bottleneck.stageKey) : 'Choose a stage'}
                  </option>
                )}
                {stages.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fieldIds.bottleneckMetric} label="Where it shows" issue={issueFor('bottleneckMetric')}>
            {(a11y) => (
              <MetricSelect
                id={fieldIds.bottleneckMetric}
                value={form.bottleneck.stageKey ? form.bottleneck.metric : null}
                groups={bottleneckGroups}
                {...a11y}
                onChange={(metric) => setBottleneck(form.bottleneck.stageKey, metric)}
              />
            )}
          </Field>
          <Field
            id={fieldIds.hypothesis}
            label="Hypothesis"
            issue={issueFor('hypothesis')}
            hint="In plain words: if we change this, that figure moves, because…"
            wide
          >
            {(a11y) => (
              <textarea
                id={fieldIds.hypothesis}
                className="input exp-textarea"
                rows={3}
                value={form.hypothesis}
                aria-invalid={a11y.invalid}
                aria-describedby={a11y.describedBy}
                onChange={(e) => set('hypothesis', e.target.value)}
              />
            )}
          </Field>
        </div>
      </section>

      <section className="card exp-form-section" aria-labelledby="exp-form-change">
        <h2 className="exp-form-title" id="exp-form-change">
          The change
        </h2>
        <div className="exp-form-grid">
          <Field id={fieldIds.changeKind} label="Kind of change" issue={issueFor('changeKind')}>
            {(a11y) => (
              <select
                id={fieldIds.changeKind}
                className="input"
                value={form.changeKind}
                aria-invalid={a11y.invalid}
                aria-describedby={a11y.describedBy}
                onChange={(e) => set('changeKind', e.target.value as ChangeKind)}
              >
                {Object.entries(changeKindLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={fieldIds.workflowVersionId}
            label="Workflow version with the change"
            issue={issueFor('workflowVersionId')}
            hint={
              <>
                Save the change in the <Link to="/workflow">Workflow editor</Link> first (every save is a new
                version); adopting the experiment makes it the current one.
              </>
            }
          >
            {(a11y) => (
              <select
                id={fieldIds.workflowVersionId}
                className="input"
                value={form.workflowVersionId ?? ''}
                aria-invalid={a11y.invalid}
                aria-describedby={a11y.describedBy}
                onChange={(e) => set('workflowVersionId', e.target.value ? Number(e.target.value) : null)}
              >
                <option value="">Not saved in the editor yet</option>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {versionLabel(v)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={fieldIds.changeDescription}
            label="What changes"
            issue={issueFor('changeDescription')}
            wide
          >
            {(a11y) => (
              <textarea
                id={fieldIds.changeDescription}
                className="input exp-textarea"
                rows={3}
                value={form.changeDescription}
                aria-invalid={a11y.invalid}
                aria-describedby={a11y.describedBy}
                onChange={(e) => set('changeDescription', e.target.value)}
              />
            )}
          </Field>
          <Field
            id={fieldIds.baselineVersionId}
            label="Baseline version"
            issue={issueFor('baselineVersionId')}
            hint="The workflow the team ran before the change."
          >
            {(a11y) => (
              <select
                id={fieldIds.baselineVersionId}
                className="input"
                value={form.baselineVersionId ?? ''}
                aria-invalid={a11y.invalid}
                aria-describedby={a11y.describedBy}
                onChange={(e) => set('baselineVersionId', e.target.value ? Number(e.target.value) : null)}
              >
                <option value="">None</option>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {versionLabel(v)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </section>

      <section className="card exp-form-section" aria-labelledby="exp-form-measure">
        <h2 className="exp-form-title" id="exp-form-measure">
          How it is measured
        </h2>
        <div className="exp-form-grid">
          <Field id={fieldIds.design} label="Design" issue={issueFor('design')} wide group>
            {() => (
              <span className="segmented exp-design" id={fieldIds.design}>
                {(['before_after', 'treatment_control'] as const).map((design) => (
                  <button
                    key={design}
                    type="button"
                    className="segment"
                    aria-pressed={form.design === design}
                    onClick={() => set('design', design)}
                  >
                    {designLabels[design]}
                  </button>
                ))}
              </span>
            )}
          </Field>
          <p className="exp-field-wide exp-design-note">
            {form.design === 'before_after'
              ? 'The whole team’s window is compared with the same length of time just before it.'
              : 'Treatment reps run the change; control reps keep working as before, over the same window.'}
          </p>
          {form.design === 'treatment_control' && (
            <Field id={fieldIds.reps} label="Who is in which group" issue={issueFor('reps')} wide group>
              {(a11y) => (
                <div id={fieldIds.reps} tabIndex={-1}>
                  <RepGroups
                    reps={reps}
                    treatment={form.treatmentRepIds}
                    control={form.controlRepIds}
                    {...a11y}
                    onChange={(treatmentRepIds, controlRepIds) =>
                      setForm((f) => ({ ...f, treatmentRepIds, controlRepIds }))
                    }
                  />
                </div>
              )}
            </Field>
          )}
          <Field
            id={fieldIds.primaryMetric}
            label="Primary metric"
            issue={issueFor('primaryMetric')}
            hint="The one figure the decision rests on."
          >
            {(a11y) => (
              <MetricSelect
                id={fieldIds.primaryMetric}
                value={form.primaryMetric}
                groups={groups}
                {...a11y}
                onChange={(metric) => set('primaryMetric', metric)}
              />
            )}
          </Field>
          <Field
            id={fieldIds.guardrails}
            label="Guardrails"
            issue={issueFor('guardrails')}
            hint="Figures that must not get worse while the primary one improves."
            group
          >
            {(a11y) => (
              <div className="exp-guardrails" id={fieldIds.guardrails} tabIndex={-1}>
                {form.guardrails.map((metric, i) => (
                  <div key={i} className="exp-guardrail">
                    <MetricSelect
                      id={`${fieldIds.guardrails}-${i}`}
                      aria-label={`Guardrail ${i + 1}`}
                      value={metric}
                      groups={groups}
                      {...a11y}
                      onChange={(next) =>
                        set(
                          'guardrails',
                          form.guardrails.map((m, j) => (j === i ? next : m)),
                        )
                      }
                    />
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      aria-label={`Remove guardrail ${i + 1}`}
                      onClick={() =>
                        set(
                          'guardrails',
                          form.guardrails.filter((_, j) => j !== i),
                        )
                      }
                    >
                      <Icon name="close" size={14} />
                    </button>
                  </div>
                ))}
                {form.guardrails.length < 10 && (
                  <button
                    type="button"
                    className="btn btn-small exp-add-guardrail"
                    onClick={() => set('guardrails', [...form.guardrails, { kind: 'win_rate' }])}
                  >
                    <Icon name="plus" size={12} />
                    Add a guardrail
                  </button>
                )}
              </div>
            )}
          </Field>
          <Field id={fieldIds.startsOn} label="Starts on" issue={issueFor('startsOn')}>
            {(a11y) => (
              <input
                id={fieldIds.startsOn}
                type="date"
                className="input"
                value={form.startsOn}
                aria-invalid={a11y.invalid}
                aria-describedby={a11y.describedBy}
                onChange={(e) => set('startsOn', e.target.value)}
              />
            )}
          </Field>
          <Field id={fieldIds.endsOn} label="Ends on" issue={issueFor('endsOn')}>
            {(a11y) => (
              <input
                id={fieldIds.endsOn}
                type="date"
                className="input"
                value={form.endsOn}
                aria-invalid={a11y.invalid}
                aria-describedby={a11y.describedBy}
                onChange={(e) => set('endsOn', e.target.value)}
              />
            )}
          </Field>
        </div>
      </section>

      {failure && (
        <ErrorBanner
          title="The experiment was not saved"
          message={failure}
          onDismiss={() => setFailure(null)}
        />
      )}
      <div className="exp-form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? <span className="spinner" aria-hidden="true" /> : <Icon name="check" size={14} />}
          {experimentId === null ? 'Save experiment' : 'Save changes'}
        </button>
        <Link className="btn" to={experimentId === null ? '/experiments' : `/experiments/${experimentId}`}>
          Cancel
        </Link>
        {issue && (
          <span className="exp-form-blocked" role="alert">
            Not saved: {issue.message}
          </span>
        )}
      </div>
    </form>
  );
}
