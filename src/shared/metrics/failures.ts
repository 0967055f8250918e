import type { ActionPattern } from './patterns';
import type { DurationSummary } from './funnel';

export type FailureStage = {
  stageKey: string;
  stageName: string;
  deals: number;
  share: number;
  daysThere: DurationSummary;
  /** Required actions of that stage missed before the deal was lost or stalled, most frequent first. */
  missedActions: { actionKey: string; label: string; deals: number }[];
};

export type FailurePointsReport = {
  versionId: number;
  version: number;
  from: string;
  to: string;
  lost: { deals: number; byStage: FailureStage[] };
  stalled: { deals: number; byStage: FailureStage[] };
};

export type PatternsReport = {
  versionId: number;
  version: number;
  from: string;
  to: string;
  closedDeals: number;
  topQuartileReps: { id: number; name: string }[];
  actions: ActionPattern[];
};

export type Bottleneck = {
  stageKey: string;
  stageName: string;
  entered: number;
  dropOff: number;
  conversionToNext: number | null;
  /** Days beyond the stage's target, summed over the visits that entered it in the period. */
  daysLost: number;
  overTargetVisits: number;
  missedActions: number;
  /** 0–3: drop-off, days lost and missed actions, each relative to the worst stage. */
  score: number;
};

export type BottlenecksReport = {
  versionId: number;
  version: number;
  from: string;
  to: string;
  stages: Bottleneck[];
};
