import type { ExperimentMetric } from '@shared/experiments/types';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { type MetricNames, encodeMetric, metricLabel } from './experimentFormat';

export type MetricOption = { value: string; metric: ExperimentMetric; label: string };
export type MetricGroup = { label: string; options: MetricOption[] };

/** The metrics of one stage: its conversion, its time, its compliance overall and per required action. */
export function stageMetrics(definition: WorkflowDefinition, stageKey: string): ExperimentMetric[] {
  const stage = definition.stages.find((s) => s.key === stageKey);
  if (!stage || stage.outcome) return [];
  const metrics: ExperimentMetric[] = [
    { kind: 'conversion', stageKey },
    { kind: 'time_in_stage', stageKey },
  ];
  if (stage.requiredActions.length > 0) {
    metrics.push({ kind: 'compliance', stageKey });
    if (stage.requiredActions.length > 1)
      for (const action of stage.requiredActions)
        metrics.push({ kind: 'compliance', stageKey, actionKey: action.key });
  }
  return metrics;
}

/** The stages an experiment can attack: every stage a deal passes through, not the won and lost ends. */
export function openStages(definition: WorkflowDefinition): { key: string; name: string }[] {
  return definition.stages.filter((s) => !s.outcome).map((s) => ({ key: s.key, name: s.name }));
}

/**
 * Every metric the workflow offers, grouped by stage, then win rate; `keep` adds metrics an
 * experiment already uses that the current workflow no longer has, so editing never drops them.
 */
export function metricGroups(
  definition: WorkflowDefinition,
  names: MetricNames,
  keep: ExperimentMetric[] = [],
): MetricGroup[] {
  const option = (metric: ExperimentMetric): MetricOption => ({
    value: encodeMetric(metric),
    metric,
    label: metricLabel(metric, names),
  });
  const groups: MetricGroup[] = openStages(definition).map((stage) => ({
    label: stage.name,
    options: stageMetrics(definition, stage.key).map(option),
  }));
  groups.push({ label: 'Outcome', options: [option({ kind: 'win_rate' })] });
  const known = new Set(groups.flatMap((g) => g.options.map((o) => o.value)));
  const missing = keep.filter((m) => !known.has(encodeMetric(m)));
  if (missing.length > 0)
    groups.push({ label: 'Not in the current workflow', options: [...new Set(missing)].map(option) });
  return groups;
}
