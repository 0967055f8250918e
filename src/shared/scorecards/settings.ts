import { z } from 'zod';
import { meetsThreshold } from './benchmarks';
import {
  type MetricDefinition,
  type ScorecardMetricKey,
  metricDefinition,
  scorecardMetricKeys,
} from './metrics';

const metricKey = z.enum(scorecardMetricKeys);

/**
 * The weights of the composite score: 0 leaves a figure out; at least one must be above 0. A
 * figure the weights do not name keeps its default weight (see {@link weightOf}).
 */
export const scorecardWeightsSchema = z
  .partialRecord(
    metricKey,
    z.number().min(0, 'a weight cannot be negative').max(10, 'a weight is at most 10'),
  )
  .refine(
    (weights) => scorecardMetricKeys.some((key) => weightOf(weights, key) > 0),
    'give at least one figure a weight above 0',
  );
export type ScorecardWeights = Partial<Record<ScorecardMetricKey, number>>;

/**
 * A workflow-scorecard target the manager sets. `team`: the team's figure (all its deals pooled)
 * reaches `threshold`. `reps`: at least `share` of the reps with a value reach `threshold` each,
 * e.g. "90% of reps follow at least 80% of the shadowing checklist".
 */
export const workflowTargetSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('team'), metric: metricKey, threshold: z.number().finite() }).strict(),
  z
    .object({
      scope: z.literal('reps'),
      metric: metricKey,
      threshold: z.number().finite(),
      share: z.number().min(0, 'a share of reps is 0–100%').max(1, 'a share of reps is 0–100%'),
    })
    .strict(),
]);
export type WorkflowTarget = z.infer<typeof workflowTargetSchema>;

/** Everything a manager configures about scorecards, stored as JSON in the settings table. */
export const scorecardSettingsSchema = z
  .object({
    weights: scorecardWeightsSchema,
    /** Deal-based figures resting on fewer items than this are shown but not ranked or scored. */
    minSample: z.number().int().min(1, 'the minimum sample is at least 1').max(100),
    targets: z.array(workflowTargetSchema).max(30, 'at most 30 targets'),
  })
  .strict()
  .superRefine((settings, ctx) => {
    settings.targets.forEach((target, index) => {
      const unit = metricDefinition(target.metric).unit;
      if ((unit === 'share' && (target.threshold < 0 || target.threshold > 1)) || target.threshold < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', index, 'threshold'],
          message: `the target for ${metricDefinition(target.metric).label} is out of range`,
        });
      }
    });
  });
export type ScorecardSettings = z.infer<typeof scorecardSettingsSchema>;

/** Compliance carries the most weight: the scorecard is first about executing the workflow. */
export const defaultScorecardWeights: Record<ScorecardMetricKey, number> = {
  actions_on_time: 3,
  criteria_met: 2,
  handoff_sla: 1,
  days_in_stage: 1,
  cycle_days: 1,
  sales_velocity: 1,
  win_rate: 2,
  stage_conversion: 1,
  demo_follow_up: 1,
  proposal_follow_up: 1,
  stall_rate: 1,
  discount: 1,
  rubric_average: 1,
  checklist_rate: 1,
};

/** The seed's workflow scorecard, measured with what a CRM export records. */
export const defaultWorkflowTargets: WorkflowTarget[] = [
  { scope: 'team', metric: 'actions_on_time', threshold: 0.8 },
  { scope: 'team', metric: 'proposal_follow_up', threshold: 0.8 },
  { scope: 'reps', metric: 'demo_follow_up', threshold: 0.7, share: 1 },
  { scope: 'reps', metric: 'checklist_rate', threshold: 0.8, share: 0.9 },
  { scope: 'team', metric: 'handoff_sla', threshold: 0.9 },
];

export const defaultScorecardSettings: ScorecardSettings = {
  weights: defaultScorecardWeights,
  minSample: 5,
  targets: defaultWorkflowTargets,
};

/** The weight of a figure: the stored one, or its default when the stored weights do not name it. */
export function weightOf(weights: ScorecardWeights, key: ScorecardMetricKey): number {
  return weights[key] ?? defaultScorecardWeights[key];
}

/** A target as one sentence, e.g. "90% of reps: Checklist done ≥ 80%". */
export function describeTarget(
  target: WorkflowTarget,
  format: (metric: MetricDefinition, value: number) => string,
): string {
  const metric = metricDefinition(target.metric);
  const sign = metric.direction === 'higher' ? '≥' : '≤';
  const condition = `${metric.label} ${sign} ${format(metric, target.threshold)}`;
  if (target.scope === 'team') return `Team: ${condition}`;
  const share = Math.round(target.share * 100);
  return share === 100 ? `Every rep: ${condition}` : `${share}% of reps: ${condition}`;
}

/** The outcome of one workflow-scorecard target for a period. */
export type TargetResult = {
  /** For `team`, the team's value; for `reps`, the share of reps reaching the threshold. */
  actual: number | null;
  /** Reps with a value, for `reps` targets; null for `team` targets. */
  repsCounted: number | null;
  repsMeeting: number | null;
  met: boolean | null;
};

/**
 * Whether a target is met: a `team` target when the team's value reaches the threshold in the
 * figure's direction; a `reps` target when the share of reps with a value who reach it is at
 * least `share`. Null (not measurable) when there is no value.
 */
export function evaluateTarget(
  target: WorkflowTarget,
  teamValue: number | null,
  repValues: readonly (number | null)[],
): TargetResult {
  const { direction } = metricDefinition(target.metric);
  if (target.scope === 'team') {
    return {
      actual: teamValue,
      repsCounted: null,
      repsMeeting: null,
      met: teamValue === null ? null : meetsThreshold(teamValue, target.threshold, direction),
    };
  }
  const known = repValues.filter((v): v is number => v !== null);
  if (known.length === 0) return { actual: null, repsCounted: 0, repsMeeting: 0, met: null };
  const meeting = known.filter((v) => meetsThreshold(v, target.threshold, direction)).length;
  const actual = meeting / known.length;
  return { actual, repsCounted: known.length, repsMeeting: meeting, met: actual >= target.share - 1e-9 };
}
