import type { EpochMs } from '../domain/types';
import type { ActionStatus, DealEvaluation } from './types';

/** A workflow version as the version list shows it, with the state of its stored evaluation. */
export type WorkflowVersionSummary = {
  id: number;
  version: number;
  name: string;
  createdAt: EpochMs;
  note: string | null;
  isCurrent: boolean;
  evaluatedAt: EpochMs | null;
  /** True when data changed since the version was last evaluated. */
  stale: boolean;
};

/** One deal judged by one workflow version, for the deal page's checklist. */
export type DealChecklist = {
  versionId: number;
  version: number;
  stageNames: Record<string, string>;
  evaluation: DealEvaluation;
};

export type ComplianceCounts = {
  /** Actions due in the period (on time + late + missed + pending). */
  due: number;
  onTime: number;
  late: number;
  missed: number;
  pending: number;
  /** onTime / (onTime + late + missed); null when nothing has come due yet. */
  rate: number | null;
};

export type ComplianceReport = {
  versionId: number;
  version: number;
  from: string;
  to: string;
  reps: { id: number; name: string; team: string | null; totals: ComplianceCounts }[];
  stages: { key: string; name: string }[];
  actions: { stageKey: string; actionKey: string; label: string; totals: ComplianceCounts }[];
  /** Rep × stage cells; a rep with no action due in a stage has no cell. */
  cells: { repId: number; stageKey: string; counts: ComplianceCounts }[];
  team: ComplianceCounts;
};

export type ComplianceDealRow = {
  dealId: number;
  dealName: string;
  ownerName: string | null;
  stageKey: string;
  actionKey: string;
  actionLabel: string;
  status: ActionStatus;
  anchorAt: EpochMs | null;
  dueAt: EpochMs | null;
  doneAt: EpochMs | null;
  reason: string;
};
