import { useCallback, useState } from 'react';
import {
  type MetricUnit,
  type ScorecardMetricKey,
  metricDefinition,
  scorecardMetricKeys,
  scorecardMetrics,
  scorecardSections,
  sectionLabels,
} from '@shared/scorecards/metrics';
import {
  type ScorecardSettings,
  type WorkflowTarget,
  defaultScorecardSettings,
  scorecardSettingsSchema,
  weightOf,
} from '@shared/scorecards/settings';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { useAction } from '../data/useAction';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';

export type SettingsEditorProps = { settings: ScorecardSettings; onClose: () => void };

/** A target as the form edits it: thresholds of shares in percent, as a manager types them. */
type TargetDraft = { scope: 'team' | 'reps'; metric: ScorecardMetricKey; threshold: string; share: string };

type Draft = { weights: Record<ScorecardMetricKey, string>; minSample: string; targets: TargetDraft[] };

const unitSuffix: Record<MetricUnit, string> = {
  share: '%',
  days: 'days',
  money_per_day: '/day',
  percent: '%',
  score: 'of 5',
};

function toDraft(settings: ScorecardSettings): Draft {
  return {
    weights: Object.fromEntries(
      scorecardMetricKeys.map((key) => [key, String(weightOf(settings.weights, key))]),
    ) as Record<ScorecardMetricKey, string>,
    minSample: String(settings.minSample),
    targets: settings.targets.map((t) => ({
      scope: t.scope,
      metric: t.metric,
      threshold: String(metricDefinition(t.metric).unit === 'share' ? round(t.threshold * 100) : t.threshold),
      share: t.scope === 'reps' ? String(round(t.share * 100)) : '100',
    })),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The draft as settings, or the first reason it cannot be saved. */
function fromDraft(draft: Draft): { settings: ScorecardSettings } | { problem: string } {
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const targets: WorkflowTarget[] = [];
  for (const t of draft.targets) {
    const unit = metricDefinition(t.metric).unit;
    const raw = number(t.threshold);
    if (!Number.isFinite(raw))
      return { problem: `Give the ${metricDefinition(t.metric).label} target a number.` };
    const threshold = unit === 'share' ? raw / 100 : raw;
    if (t.scope === 'team') targets.push({ scope: 'team', metric: t.metric, threshold });
    else {
      const share = number(t.share);
      if (!Number.isFinite(share))
        return { problem: 'Give each “share of reps” target a percentage of reps.' };
      targets.push({ scope: 'reps', metric: t.metric, threshold, share: share / 100 });
    }
  }
  const candidate = {
    weights: Object.fromEntries(scorecardMetricKeys.map((key) => [key, number(draft.weights[key])])),
    minSample: number(draft.minSample),
    targets,
  };
  const parsed = scorecardSettingsSchema.safeParse(candidate);
  if (parsed.success) return { settings: parsed.data };
  const issue = parsed.error.issues[0];
  const key = issue?.path[0] === 'weights' ? String(issue.path[1] ?? '') : '';
  const label = (scorecardMetricKeys as readonly string[]).includes(key)
    ? `${metricDefinition(key as ScorecardMetricKey).label}: `
    : issue?.path[0] === 'minSample'
      ? 'Minimum sample: '
      : '';
  const message = issue?.message ?? 'The settings are not valid.';
  return { problem: `${label}${/expected number/i.test(message) ? 'give a number' : message}.` };
}

/** Composite weights, minimum sample and the workflow-scorecard targets, saved to the workspace. */
export function SettingsEditor({ settings, onClose }: SettingsEditorProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const result = fromDraft(draft);
  const save = useAction(
    useCallback(
      async (next: ScorecardSettings) => {
        await api.scorecards.saveSettings(next);
        invalidateData();
        onClose();
      },
      [onClose],
    ),
  );
  const totalWeight = scorecardMetricKeys.reduce((sum, key) => sum + (Number(draft.weights[key]) || 0), 0);
  const setWeight = (key: ScorecardMetricKey, value: string) =>
    setDraft((d) => ({ ...d, weights: { ...d.weights, [key]: value } }));
  const setTarget = (index: number, change: Partial<TargetDraft>) =>
    setDraft((d) => ({ ...d, targets: d.targets.map((t, i) => (i === index ? { ...t, ...change } : t)) }));

  return (
    <section className="card settings-card" aria-labelledby="settings-title">
      <header className="card-header">
        <div>
          <h2 id="settings-title" className="card-title">
            Scorecard settings
          </h2>
          <span className="card-subtitle">Saved in this workspace; every scorecard uses them.</span>
        </div>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() => setDraft(toDraft(defaultScorecardSettings))}
        >
          Restore defaults
        </button>
      </header>
      <div className="card-body settings-body">
        <fieldset className="settings-weights">
          <legend>Weights of the composite score</legend>
          <p className="settings-hint">
            Each figure counts in proportion to its weight (0 leaves it out). The share shows how much of the
            score it makes when every figure has data.
          </p>
          <div className="weights-grid">
            {scorecardSections.map((section) => (
              <div key={section} className="weights-section">
                <h3>{sectionLabels[section]}</h3>
                {scorecardMetrics
                  .filter((m) => m.section === section)
                  .map((m) => {
                    const weight = Number(draft.weights[m.key]) || 0;
                    return (
                      <label key={m.key} className="weight-row">
                        <span className="weight-label" title={m.definition}>
                          {m.label}
                        </span>
                        <input
                          type="number"
                          className="input weight-input"
                          min={0}
                          max={10}
                          step={0.5}
                          value={draft.weights[m.key]}
                          aria-label={`Weight of ${m.label}`}
                          onChange={(event) => setWeight(m.key, event.target.value)}
                        />
                        <span className="weight-share">
                          {totalWeight > 0 ? `${Math.round((weight / totalWeight) * 100)}%` : '—'}
                        </span>
                      </label>
                    );
                  })}
              </div>
            ))}
          </div>
          <label className="field settings-min-sample">
            <span className="field-label">Minimum sample to rank a rep</span>
            <span className="settings-inline">
              <input
                type="number"
                className="input weight-input"
                min={1}
                max={100}
                step={1}
                value={draft.minSample}
                onChange={(event) => setDraft((d) => ({ ...d, minSample: event.target.value }))}
              />
              deals, actions or visits behind a figure (shadowing: one observation)
            </span>
          </label>
        </fieldset>
        <fieldset className="settings-targets">
          <legend>Workflow-scorecard targets</legend>
          <ul className="target-editor">
            {draft.targets.map((target, index) => {
              const def = metricDefinition(target.metric);
              return (
                <li key={index} className="target-row" data-testid="target-row">
                  <select
                    className="input"
                    aria-label="Who the target is for"
                    value={target.scope}
                    onChange={(event) =>
                      setTarget(index, { scope: event.target.value as TargetDraft['scope'] })
                    }
                  >
                    <option value="team">The team</option>
                    <option value="reps">A share of reps</option>
                  </select>
                  {target.scope === 'reps' && (
                    <span className="settings-inline">
                      <input
                        type="number"
                        className="input weight-input"
                        aria-label="Share of reps, in percent"
                        min={0}
                        max={100}
                        value={target.share}
                        onChange={(event) => setTarget(index, { share: event.target.value })}
                      />
                      % of reps
                    </span>
                  )}
                  <select
                    className="input target-metric"
                    aria-label="Figure"
                    value={target.metric}
                    onChange={(event) =>
                      setTarget(index, { metric: event.target.value as ScorecardMetricKey })
                    }
                  >
                    {scorecardMetrics.map((m) => (
                      <option key={m.key} value={m.key}>
                        {m.label}
                      </option>
                    ))}
                  </select>
                  <span className="settings-inline">
                    {def.direction === 'higher' ? 'at least' : 'at most'}
                    <input
                      type="number"
                      className="input weight-input"
                      aria-label={`Target for ${def.label}`}
                      step="any"
                      value={target.threshold}
                      onChange={(event) => setTarget(index, { threshold: event.target.value })}
                    />
                    {unitSuffix[def.unit]}
                  </span>
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    aria-label={`Remove the ${def.label} target`}
                    onClick={() =>
                      setDraft((d) => ({ ...d, targets: d.targets.filter((_, i) => i !== index) }))
                    }
                  >
                    <Icon name="trash" size={14} />
                  </button>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              setDraft((d) => ({
                ...d,
                targets: [
                  ...d.targets,
                  { scope: 'team', metric: 'actions_on_time', threshold: '80', share: '100' },
                ],
              }))
            }
          >
            <Icon name="plus" size={14} /> Add a target
          </button>
        </fieldset>
        {'problem' in result && (
          <p className="settings-problem" role="alert">
            {result.problem}
          </p>
        )}
        {save.error && (
          <ErrorBanner title="The settings were not saved" message={save.error} onDismiss={save.clearError} />
        )}
      </div>
      <footer className="settings-actions">
        <button type="button" className="btn" onClick={onClose} disabled={save.busy}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={save.busy || 'problem' in result}
          onClick={() => {
            if ('settings' in result) void save.run(result.settings);
          }}
        >
          {save.busy && <span className="spinner" aria-hidden="true" />}
          Save settings
        </button>
      </footer>
    </section>
  );
}
