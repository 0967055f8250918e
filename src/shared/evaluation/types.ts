import type { DerivedBasis } from '../import/derivedHistory';
import type { RepRole } from '../workflow/definition';

/** An activity as the evaluator sees it: already typed by the workflow's activity rules. */
export type EvalActivity = {
  id: number;
  type: string;
  subject: string | null;
  occurredAt: number;
  repId: number | null;
  repRole: RepRole | null;
  contact: string | null;
};

export type EvalStageEvent = {
  id: number;
  sourceStage: string;
  stageKey: string | null;
  enteredAt: number;
  /** Set when the event was derived from a deal row without stage history: what dates it. */
  derived?: DerivedBasis | null;
};

/** Everything the evaluator needs to know about one deal. */
export type EvalDeal = {
  id: number;
  ownerId: number | null;
  status: 'open' | 'won' | 'lost';
  createdAt: number | null;
  closedAt: number | null;
  /** Deal fields by name: core ones (amount, account, pipeline…) and the CRM's custom fields. */
  fields: Record<string, unknown>;
  events: EvalStageEvent[];
  activities: EvalActivity[];
};

export type ActionStatus = 'on_time' | 'late' | 'missed' | 'pending' | 'not_due';

export type ActionResult = {
  actionKey: string;
  label: string;
  status: ActionStatus;
  anchorAt: number | null;
  dueAt: number | null;
  /** The activity that satisfied the action, when one did. */
  activityId: number | null;
  doneAt: number | null;
  /** Why, in words a manager reads on the deal page. */
  reason: string;
};

export type CriterionResult = { key: string; label: string; held: boolean; detail: string };

export type VisitEvaluation = {
  stageKey: string | null;
  sourceStage: string;
  visitNumber: number;
  enteredAt: number;
  exitedAt: number | null;
  durationMs: number;
  /** Workflow stages passed over when the deal entered this one. */
  skipped: string[];
  /** The next stage, when the deal moved on. */
  nextStageKey: string | null;
  /** True when the deal left for a later stage or won: the moment advancement criteria apply. */
  advanced: boolean;
  actions: ActionResult[];
  criteria: CriterionResult[];
};

export type HandoffStatus = 'met' | 'late' | 'missed' | 'pending';

export type HandoffResult = {
  handoffKey: string;
  label: string;
  triggeredAt: number;
  dueAt: number;
  firstTouchAt: number | null;
  activityId: number | null;
  status: HandoffStatus;
  missingFields: string[];
};

export type DataTrustFlag = {
  kind: 'same_instant' | 'backfilled' | 'quarter_end_bulk' | 'no_history';
  detail: string;
};

export type DealEvaluation = {
  dealId: number;
  visits: VisitEvaluation[];
  handoffs: HandoffResult[];
  flags: DataTrustFlag[];
};
