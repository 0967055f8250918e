import type { Change } from './benchmarks';
import type { Composite } from './composite';
import type { DrillKind, ScorecardMetricKey, ScorecardSection } from './metrics';
import type { ScorecardPeriod } from './periods';
import type { ExperimentDecision, ExperimentStatus, MetricVerdict } from '../experiments/types';
import type { ScorecardSettings, TargetResult, WorkflowTarget } from './settings';

/** What a figure links to: the Execution drill-down, the deals of `scorecards:evidence`, or observations. */
export type ScorecardDrill = {
  kind: DrillKind;
  metric: ScorecardMetricKey;
  /** null: the whole team. */
  repId: number | null;
  from: string;
  to: string;
  versionId: number;
};

/** A rep's (or the team's) value of one figure in one period, and what it rests on. */
export type MetricValue = {
  value: number | null;
  /** How many items the value rests on (actions due, closed deals, observations…). */
  sample: number;
  /** False when the sample is under the minimum: the value is shown, but not ranked or scored. */
  enough: boolean;
};

/** One point of a figure's trend: a period, the value in it and the team median. */
export type TrendPoint = { period: ScorecardPeriod; value: number | null; benchmark: number | null };

/** One figure of a rep scorecard, with everything it is compared against. */
export type ScorecardFigure = MetricValue & {
  key: ScorecardMetricKey;
  section: ScorecardSection;
  /** The team median of the reps' values (reps without enough data left out). */
  benchmark: number | null;
  /** Reps the benchmark and the percentile rest on. */
  benchmarkReps: number;
  /** 0–100 within the team, 100 the best; null when unranked. */
  percentile: number | null;
  previous: number | null;
  delta: number | null;
  change: Change | null;
  /** The last four periods, oldest first, ending with this one. */
  trend: TrendPoint[];
  drill: ScorecardDrill;
};

/** A stage's time and conversion for a rep, against the team median of reps. */
export type StageScore = {
  key: string;
  name: string;
  targetDays: number | null;
  entered: number;
  medianDays: number | null;
  medianDaysBenchmark: number | null;
  conversion: number | null;
  conversionBenchmark: number | null;
};

export type ShadowingSummary = {
  observations: number;
  /** Mean score per rubric criterion, in the order first seen. */
  rubric: { criterion: string; average: number; scores: number }[];
  checklist: { done: number; partial: number; skipped: number; na: number };
  /** Tags seen, most frequent first. */
  tags: { tag: string; count: number }[];
};

export type RepIdentity = { id: number; name: string; role: string; team: string | null };

export type RepScorecard = {
  rep: RepIdentity;
  period: ScorecardPeriod;
  previousPeriod: ScorecardPeriod;
  /** True when the period has not ended yet (figures to date). */
  partial: boolean;
  versionId: number;
  version: number;
  /** Reps the rep is compared with (the team), including the rep. */
  teamSize: number;
  figures: ScorecardFigure[];
  composite: Composite & { previous: number | null; delta: number | null; trend: TrendPoint[] };
  stages: StageScore[];
  shadowing: ShadowingSummary;
  /** Composite weights and minimum sample used. */
  settings: ScorecardSettings;
};

/** The team's row of a figure: its pooled value, the median of reps, last period and trend. */
export type TeamFigure = MetricValue & {
  key: ScorecardMetricKey;
  section: ScorecardSection;
  benchmark: number | null;
  benchmarkReps: number;
  previous: number | null;
  delta: number | null;
  change: Change | null;
  trend: TrendPoint[];
  drill: ScorecardDrill;
};

/** One rep's column of the team table: each figure with its percentile, and the composite. */
export type TeamRepRow = RepIdentity & {
  values: Record<ScorecardMetricKey, MetricValue & { percentile: number | null }>;
  composite: Composite;
  previousComposite: number | null;
};

export type TeamTargetResult = WorkflowTarget & TargetResult & { sentence: string };

export type TeamScorecard = {
  period: ScorecardPeriod;
  previousPeriod: ScorecardPeriod;
  partial: boolean;
  versionId: number;
  version: number;
  teams: string[];
  figures: TeamFigure[];
  reps: TeamRepRow[];
  targets: TeamTargetResult[];
  settings: ScorecardSettings;
  /** The experiments whose window overlaps the period, with their primary result in one sentence. */
  experiments: ScorecardExperiment[];
};

/** An experiment as the team scorecard (and the leadership PDF) lists it. */
export type ScorecardExperiment = {
  id: number;
  title: string;
  quarter: string;
  status: ExperimentStatus;
  decision: ExperimentDecision | null;
  startsOn: string;
  endsOn: string;
  primaryLabel: string;
  verdict: MetricVerdict;
  summary: string;
};

/** One row behind a figure, as `scorecards:evidence` lists them. */
export type EvidenceRow = {
  dealId: number | null;
  dealName: string;
  ownerName: string | null;
  /** When the row counts in the period (anchor, exit, trigger, close, observation date). */
  at: number;
  /** What the row is, e.g. "Proposal · Recap email within 24 hours". */
  item: string;
  /** Its outcome in words, e.g. "Missed", "Won", "Stalled". */
  outcome: string;
  /** Whether it counts for (good), against (bad) the figure, or only in its sample (neutral). */
  tone: 'good' | 'bad' | 'neutral';
  /** The row's own number, when it has one (days, percent, score). */
  value: number | null;
  detail: string;
};

export type ScorecardEvidence = {
  metric: ScorecardMetricKey;
  repId: number | null;
  repName: string | null;
  from: string;
  to: string;
  rows: EvidenceRow[];
  /** Rows that exist before the list was cut at its limit. */
  total: number;
};
