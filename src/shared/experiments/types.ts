import type { EpochMs } from '../domain/types';

/**
 * Quarterly experiments (PRODUCT.md §10): one bottleneck, one change, measured against a
 * baseline (before/after on the whole team) or a control group (treatment vs control reps in the
 * same window), and decided. These types are shared by the engine, the API and the screens.
 */

/** What an experiment measures. Each metric says which direction is better. */
export type ExperimentMetric =
  /** Of the deals that entered the stage, the share that later entered a later stage (higher is better). */
  | { kind: 'conversion'; stageKey: string }
  /** Median days per visit in the stage (lower is better). */
  | { kind: 'time_in_stage'; stageKey: string }
  /** Required actions done on time among those settled; one action, or every action of the stage (higher is better). */
  | { kind: 'compliance'; stageKey: string; actionKey?: string }
  /** Won among deals closed (higher is better). */
  | { kind: 'win_rate' };

export type ExperimentDesign = 'before_after' | 'treatment_control';
export type ExperimentStatus = 'planned' | 'running' | 'concluded';
export type ExperimentDecision = 'adopt' | 'refine' | 'revert';
export type ChangeKind =
  | 'advancement_criteria'
  | 'handoff_checklist'
  | 'follow_up_sequence'
  | 'required_action'
  | 'other';

/** What a user writes when planning or editing an experiment. Dates are YYYY-MM-DD (inclusive). */
export type ExperimentInput = {
  title: string;
  /** "2026-Q4". */
  quarter: string;
  /** The bottleneck it attacks: a stage and the metric that shows the problem. */
  bottleneck: { stageKey: string; metric: ExperimentMetric };
  hypothesis: string;
  changeKind: ChangeKind;
  changeDescription: string;
  /** The workflow version that introduces the change (null while not yet saved in the editor). */
  workflowVersionId: number | null;
  /** The version the team ran before; the current one when the experiment was planned. */
  baselineVersionId: number | null;
  design: ExperimentDesign;
  /** treatment_control only: the reps who run the change, and those who do not. */
  treatmentRepIds: number[];
  controlRepIds: number[];
  primaryMetric: ExperimentMetric;
  guardrails: ExperimentMetric[];
  startsOn: string;
  endsOn: string;
  status: ExperimentStatus;
};

/** One side of a comparison: its window, its sample and its value. */
export type MetricSample = {
  /** "Before (Apr 1 – Jun 30, 2026)", "Treatment: 4 reps" … */
  label: string;
  from: string;
  to: string;
  /** Deals (conversion, win rate), settled actions (compliance) or stage visits (time in stage). */
  n: number;
  /** Proportions: the successes counted in n. */
  successes: number | null;
  /** The rate (0–1) or the median days; null when n is 0. */
  value: number | null;
};

export type ProportionComparison = {
  kind: 'proportions';
  method: 'two_proportion_z' | 'fisher_exact';
  /** result − baseline, in proportion points (0.05 = +5 points). */
  difference: number;
  ci95: [number, number];
  pValue: number;
};

export type DurationComparison = {
  kind: 'durations';
  method: 'mann_whitney';
  /** Median of result − median of baseline, in days; the interval is a seeded bootstrap. */
  difference: number;
  ci95: [number, number];
  pValue: number;
};

export type MetricVerdict = 'improved' | 'worse' | 'no_clear_change' | 'not_enough_data';

export type MetricResult = {
  metric: ExperimentMetric;
  /** Human name, e.g. "Demo → next stage conversion". */
  label: string;
  better: 'higher' | 'lower';
  baseline: MetricSample;
  result: MetricSample;
  comparison: ProportionComparison | DurationComparison | null;
  verdict: MetricVerdict;
  /** When not enough data: how many more deals (or visits/actions) each side needs; else 0. */
  moreNeeded: number;
  /** One sentence a manager reads, e.g. "Not enough data yet — 12 more deals needed." */
  summary: string;
};

export type ExperimentResults = {
  primary: MetricResult;
  guardrails: MetricResult[];
  computedAt: EpochMs;
  /** The data's newest date; results of a running experiment grow as data is imported. */
  dataUpTo: EpochMs | null;
};

export type Experiment = ExperimentInput & {
  id: number;
  decision: ExperimentDecision | null;
  decisionNote: string | null;
  decidedAt: EpochMs | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
};

/** A ranked bottleneck for the coming quarter, with the figure that shows it and its trend. */
export type BottleneckCandidate = {
  stageKey: string;
  stageName: string;
  metric: ExperimentMetric;
  /** What ranks it: drop-off × volume, days lost over target, compliance gap — in words too. */
  score: number;
  reason: string;
  /** The metric's current value (last full quarter) and the quarter before, for the trend. */
  current: number | null;
  previous: number | null;
  better: 'higher' | 'lower';
  sample: number;
};

/** One experiment on the quarter board: the experiment and a short reading of its primary metric. */
export type ExperimentSummary = Experiment & {
  primaryLabel: string;
  verdict: MetricVerdict;
  /** The primary result's summary sentence. */
  summary: string;
};
