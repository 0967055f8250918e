import type { RepRole, WorkflowDefinition } from '../workflow/definition';
import type { StageVisit } from '../workflow/stageVisits';
import type { MoneyInfo } from '../money/rates';

/** Timestamps cross the API as epoch milliseconds (UTC); calendar dates as YYYY-MM-DD strings. */
export type EpochMs = number;
export type IsoDate = string;

export type DealStatus = 'open' | 'won' | 'lost';

export type WorkspaceCounts = {
  reps: number;
  deals: number;
  stageEvents: number;
  activities: number;
  observations: number;
};

export type WorkspaceInfo = {
  dbPath: string;
  schemaVersion: number;
  timeZone: string;
  hasDemoData: boolean;
  counts: WorkspaceCounts;
  /** The newest imported timestamp (stage entry or activity), or null on an empty workspace. */
  newestDataAt: EpochMs | null;
  workflowVersion: { id: number; version: number; name: string; createdAt: EpochMs } | null;
  /** The currency sums are in and how each other currency converts into it. */
  money: MoneyInfo;
};

export type RepSummary = {
  id: number;
  name: string;
  email: string | null;
  role: RepRole;
  team: string | null;
  managerName: string | null;
  startDate: IsoDate | null;
  source: string;
  openDeals: number;
  wonDeals: number;
  lostDeals: number;
  /** All-time won amount in the corporate currency; null when a won deal's currency has no rate. */
  wonAmount: number | null;
  activities: number;
  lastActivityAt: EpochMs | null;
};

export type DealRow = {
  id: number;
  name: string;
  account: string | null;
  ownerId: number | null;
  ownerName: string | null;
  team: string | null;
  amount: number | null;
  currency: string | null;
  status: DealStatus;
  stageKey: string | null;
  stageName: string | null;
  pipeline: string | null;
  /** Null when the CRM export does not say when the deal was created. */
  createdAt: EpochMs | null;
  closedAt: EpochMs | null;
  lastStageChangeAt: EpochMs | null;
  source: string;
};

export const dealSortKeys = [
  'name',
  'account',
  'ownerName',
  'amount',
  'status',
  'stageName',
  'createdAt',
  'closedAt',
  'lastStageChangeAt',
] as const;
export type DealSortKey = (typeof dealSortKeys)[number];

export type DealPage = { total: number; offset: number; rows: DealRow[] };

export type DealFacets = {
  reps: { id: number; name: string; team: string | null }[];
  stages: { key: string; name: string }[];
  pipelines: string[];
  teams: string[];
  createdRange: { from: EpochMs; to: EpochMs } | null;
};

export type ActivityRow = {
  id: number;
  type: string;
  rawType: string | null;
  subject: string | null;
  occurredAt: EpochMs;
  repId: number | null;
  repName: string | null;
  contact: string | null;
  durationSeconds: number | null;
};

export type DealStageVisit = StageVisit & { stageName: string; group: string | null };

export type DealDetail = {
  deal: DealRow & { lostReason: string | null; customFields: Record<string, unknown>; externalId: string };
  visits: DealStageVisit[];
  activities: ActivityRow[];
  /** The instant the timeline ends: now for an open deal, its close for a closed one. */
  timelineEnd: EpochMs;
  /** Set when the imported file had no stage history for the deal: what the figures can say. */
  missingHistory: string | null;
};

export type WorkflowVersion = {
  id: number;
  version: number;
  createdAt: EpochMs;
  note: string | null;
  isCurrent: boolean;
  definition: WorkflowDefinition;
};
