import type { DealStatus } from '@shared/domain/types';
import type { RepRole } from '@shared/workflow/definition';

/**
 * Plain records of the demo workspace, as the generator returns them and the writer stores them.
 * Rows refer to each other by external id (rep key, deal external id), never by row id, so the
 * generator stays pure and the writer resolves ids while inserting.
 */

export type DemoRep = {
  /** Stored as rep_identities.external_id, e.g. "rep-01". */
  key: string;
  name: string;
  email: string;
  role: RepRole;
  team: string;
  managerKey: string | null;
  startDate: string;
};

export type DemoStageEvent = {
  sourceStage: string;
  stageKey: string | null;
  enteredAt: number;
  externalId: string;
  sourceRow: string;
};

export type DemoActivity = {
  externalId: string;
  repKey: string | null;
  type: string;
  rawType: string;
  subject: string;
  occurredAt: number;
  durationSeconds: number | null;
  contact: string | null;
};

export type DemoDeal = {
  externalId: string;
  name: string;
  account: string;
  ownerKey: string;
  amount: number;
  currency: string;
  pipeline: string;
  createdAt: number;
  closeDate: string;
  closedAt: number | null;
  status: DealStatus;
  stageKey: string | null;
  sourceStage: string;
  stageEnteredAt: number;
  lostReason: string | null;
  customFields: Record<string, string | number>;
  /** Stage history in time order; ties (bulk moves at one instant) keep this order. */
  history: DemoStageEvent[];
  activities: DemoActivity[];
};

export type ChecklistState = 'done' | 'partial' | 'skipped' | 'na';

export type DemoObservation = {
  externalId: string;
  coach: string;
  repKey: string;
  dealExternalId: string | null;
  stageKey: string | null;
  observedOn: string;
  checklist: { key: string; state: ChecklistState }[];
  rubric: { criterion: string; score: number }[];
  tags: string[];
  notes: string;
  createdAt: number;
};

export type DemoOneOnOne = {
  key: string;
  repKey: string;
  manager: string;
  heldOn: string;
  notes: string;
  talkingPoints: string[];
  createdAt: number;
};

export type DemoCommitment = {
  repKey: string;
  oneOnOneKey: string | null;
  observationExternalId: string | null;
  text: string;
  dueOn: string;
  status: 'open' | 'met' | 'not_met' | 'dropped';
  createdAt: number;
  resolvedAt: number | null;
  resolutionNote: string | null;
};

export type DemoWorkspace = {
  reps: DemoRep[];
  deals: DemoDeal[];
  observations: DemoObservation[];
  oneOnOnes: DemoOneOnOne[];
  commitments: DemoCommitment[];
};
