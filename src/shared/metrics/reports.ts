import type { EpochMs } from '../domain/types';
import type { DurationSummary, StageFunnel } from './funnel';
import type { ProcessMap } from './processMap';
import type { RepOutcome } from './repOutcomes';

export type ProcessMapReport = {
  versionId: number;
  version: number;
  from: string;
  to: string;
  /** The defined workflow, in order, to lay the real paths over. */
  stages: { key: string; name: string; outcome: 'won' | 'lost' | null }[];
  map: ProcessMap;
};

export type FunnelReport = {
  versionId: number;
  version: number;
  from: string;
  to: string;
  stages: StageFunnel[];
  /** Deals closed in the period: win rate, median cycle days, won amount. */
  outcomes: RepOutcome;
};

export type StalledDeal = {
  dealId: number;
  dealName: string;
  ownerName: string | null;
  stageKey: string | null;
  stageName: string;
  enteredAt: EpochMs;
  ageDays: number;
  targetDays: number;
};

export type TimeInStageReport = {
  versionId: number;
  version: number;
  from: string;
  to: string;
  stages: {
    key: string;
    name: string;
    targetDays: number | null;
    perVisit: DurationSummary;
    histogram: { fromDays: number; toDays: number | null; visits: number }[];
    byMonth: ({ month: string } & DurationSummary)[];
  }[];
  /** Open deals sitting in a stage longer than its target days, the most overdue first. */
  stalled: StalledDeal[];
};
