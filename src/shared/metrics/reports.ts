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
  /** The workflow's won and lost stages, whose deals the outcome figures list. */
  closingStages: { key: string; name: string; outcome: 'won' | 'lost' }[];
  /**
   * Deals in scope and alive in the period whose imported file had no stage history (a data-trust
   * flag): the funnel knows at most the stage each is in now; closed ones count by their Close Date.
   */
  withoutHistory: { deals: number; closed: number };
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

/** Which deals of a funnel figure: all that entered the stage, or those that went on, skipped, were lost or stayed. */
export const funnelDealGroups = ['entered', 'advanced', 'skipped', 'lost', 'dropped'] as const;
export type FunnelDealGroup = (typeof funnelDealGroups)[number];

/** One deal behind a funnel figure: its first visit of the stage in the period and what followed. */
export type FunnelDealRow = {
  dealId: number;
  dealName: string;
  ownerName: string | null;
  status: 'open' | 'won' | 'lost';
  enteredAt: EpochMs;
  /** Time in that visit, in days (until now for a deal still there). */
  durationDays: number;
  /** What the deal did next among workflow stages; null: still there or only moved back. */
  fate: 'next' | 'skip' | 'lost' | null;
  /** The stage the deal went to after this visit, when it moved. */
  nextStageKey: string | null;
};
