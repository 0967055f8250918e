import { z } from 'zod';
import type { EpochMs, IsoDate } from '../domain/types';
import type { RepRole } from '../workflow/definition';
import {
  type ChecklistEntry,
  type ChecklistState,
  type ObservationDraft,
  type RubricConfig,
  type RubricEntry,
  type TagTone,
  isoDay,
} from './observation';
import type { ChecklistItem } from './observationChecklist';

/** What the observations API answers with; inputs that are only filters live here too. */

export const observationListSchema = z
  .object({
    coaches: z.array(z.string().max(120)).max(100).optional(),
    repIds: z.array(z.number().int().positive()).max(500).optional(),
    stageKeys: z.array(z.string().max(100)).max(100).optional(),
    tags: z.array(z.string().max(60)).max(100).optional(),
    dealId: z.number().int().positive().optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ObservationListInput = z.input<typeof observationListSchema>;

export type ChecklistCounts = Record<ChecklistState, number>;

export type TagCount = { tag: string; count: number };

export type ObservationListRow = {
  id: number;
  coach: string;
  repId: number;
  repName: string;
  team: string | null;
  dealId: number | null;
  dealName: string | null;
  stageKey: string | null;
  stageName: string | null;
  observedOn: IsoDate;
  tags: string[];
  checklist: ChecklistCounts;
  /** Mean of the rubric scores; null when nothing was scored. */
  rubricAverage: number | null;
  rubricScored: number;
  commitments: number;
  /** The start of the notes, for the list. */
  notes: string;
  source: string;
};

export type ObservationPage = {
  total: number;
  offset: number;
  rows: ObservationListRow[];
  /** Over every observation that matches the filters, not only this page. */
  summary: {
    rubricAverage: number | null;
    checklist: ChecklistCounts;
    tags: TagCount[];
    reps: number;
  };
};

export type CommitmentView = {
  id: number;
  text: string;
  dueOn: IsoDate | null;
  status: 'open' | 'met' | 'not_met' | 'dropped';
};

export type ObservationDetail = {
  id: number;
  coach: string;
  repId: number;
  repName: string;
  dealId: number | null;
  dealName: string | null;
  stageKey: string | null;
  stageName: string | null;
  observedOn: IsoDate;
  checklist: ChecklistEntry[];
  rubric: RubricEntry[];
  tags: string[];
  notes: string;
  commitments: CommitmentView[];
  source: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
};

export type ObservationDraftView = {
  observationId: number | null;
  body: ObservationDraft;
  updatedAt: EpochMs;
};

export type ObservationStageOption = {
  key: string;
  name: string;
  /** Won and lost: offered last, since a coach rarely shadows a closed deal. */
  terminal: boolean;
  checklist: ChecklistItem[];
};

export type ObservationTagOption = {
  tag: string;
  tone: TagTone;
  /** Observations (not deleted) that carry it. */
  uses: number;
  /** In the workspace's tag list; false for tags seen only in observations. */
  configured: boolean;
};

export type ObservationOptions = {
  reps: { id: number; name: string; team: string | null; role: RepRole }[];
  /** Coaches who logged observations, the most active first. */
  coaches: string[];
  /** The configured tags, then tags seen only in observations (imported, or since removed). */
  tags: ObservationTagOption[];
  rubric: RubricConfig;
  stages: ObservationStageOption[];
};

export type DealStageOnDate = {
  dealId: number;
  dealName: string;
  ownerId: number | null;
  ownerName: string | null;
  /** The workflow stage the deal was in at the end of the day; null when unmapped or not yet created. */
  stageKey: string | null;
  stageName: string | null;
  enteredAt: EpochMs | null;
};

export type RubricCriterionSummary = {
  key: string;
  label: string;
  average: number;
  scored: number;
};

/** Checklist marks per state, with the rates over the items judged (n.a. left out). */
export type ChecklistSummary = ChecklistCounts & {
  judged: number;
  doneRate: number | null;
  partialRate: number | null;
  skippedRate: number | null;
};

export type RepObservationSummary = {
  repId: number;
  repName: string;
  observations: number;
  rubricAverage: number | null;
  rubric: RubricCriterionSummary[];
  checklist: ChecklistSummary;
  tags: TagCount[];
  lastObservedOn: IsoDate | null;
};

export type ObservationSummary = { from: IsoDate; to: IsoDate; reps: RepObservationSummary[] };
