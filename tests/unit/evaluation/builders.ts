import { DateTime } from 'luxon';
import { type WorkingHours, defaultWorkingHours } from '@shared/evaluation/businessHours';
import { type EvaluationContext, type evaluateAction, evaluateDeal } from '@shared/evaluation/evaluate';
import type {
  ActionResult,
  DealEvaluation,
  EvalActivity,
  EvalDeal,
  EvalStageEvent,
  HandoffResult,
  VisitEvaluation,
} from '@shared/evaluation/types';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import type { RepRole, RequiredAction, WorkflowDefinition } from '@shared/workflow/definition';

/** Small hand-built deals for the evaluator's tests: times are hours and days after T0. */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Monday 5 January 2026, 09:00 UTC: every hand-built deal starts here unless it says otherwise. */
export const T0 = Date.UTC(2026, 0, 5, 9);

/** The instant `days` days and `hours` hours after T0. */
export const at = (days: number, hours = 0): number => T0 + days * DAY + hours * HOUR;

/** The instant `hours` hours after T0. */
export const h = (hours: number): number => T0 + hours * HOUR;

/** A local wall-clock time in a zone ("2026-01-09T16:00") as epoch ms. */
export const local = (iso: string, zone = 'Europe/Berlin'): number => {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`invalid local time ${iso} in ${zone}`);
  return dt.toMillis();
};

/** An instant shown as local wall-clock time, for readable assertions. */
export const showLocal = (ms: number, zone = 'Europe/Berlin'): string =>
  DateTime.fromMillis(ms, { zone }).toFormat("ccc yyyy-LL-dd'T'HH:mm");

export type Rep = { id: number | null; role: RepRole | null };

/** The cast: rep 1 owns every hand-built deal unless told otherwise. */
export const reps = {
  owner: { id: 1, role: 'AE' },
  otherAe: { id: 4, role: 'AE' },
  sdr: { id: 2, role: 'SDR' },
  se: { id: 3, role: 'SE' },
  cs: { id: 5, role: 'CS' },
  unknown: { id: null, role: null },
} satisfies Record<string, Rep>;

export type ActivityOptions = {
  by?: Rep;
  subject?: string | null;
  contact?: string | null;
  id?: number;
};

let nextActivityId = 1000;

/** An activity of a workflow type at an instant, by the deal owner unless `by` says otherwise. */
export function act(type: string, occurredAt: number, options: ActivityOptions = {}): EvalActivity {
  const by = options.by ?? reps.owner;
  return {
    id: options.id ?? nextActivityId++,
    type,
    subject: options.subject === undefined ? type : options.subject,
    occurredAt,
    repId: by.id,
    repRole: by.role,
    contact: options.contact ?? null,
  };
}

/** A stage-history row: `[stageKey, enteredAt]`, or `[stageKey, enteredAt, sourceStage]` for unmapped ones. */
export type StageStep = [stageKey: string | null, enteredAt: number, sourceStage?: string];

/** Stage-history rows numbered 1, 2, 3… in the order given. */
export function stageEvents(steps: readonly StageStep[]): EvalStageEvent[] {
  return steps.map(([stageKey, enteredAt, sourceStage], i) => ({
    id: i + 1,
    stageKey,
    sourceStage: sourceStage ?? stageKey ?? 'Unmapped',
    enteredAt,
  }));
}

/**
 * A deal with the given stage history and activities. Its status follows the last stage (won,
 * lost, else open) and closedAt is the entry into that stage; createdAt is the first entry.
 */
export function deal(
  steps: readonly StageStep[],
  activities: readonly EvalActivity[] = [],
  overrides: Partial<EvalDeal> = {},
): EvalDeal {
  const events = stageEvents(steps);
  const last = steps.at(-1);
  const status = last?.[0] === 'won' ? 'won' : last?.[0] === 'lost' ? 'lost' : 'open';
  return {
    id: 1,
    ownerId: reps.owner.id,
    status,
    createdAt: steps[0]?.[1] ?? null,
    closedAt: status === 'open' ? null : (last?.[1] ?? null),
    fields: {},
    events,
    activities: [...activities],
    ...overrides,
  };
}

/** Berlin office hours, 9:00–17:00 Monday to Friday, turned on. */
export const berlinHours: WorkingHours = { ...defaultWorkingHours('Europe/Berlin'), enabled: true };

/** The evaluation context at `now`: working hours off (UTC) unless given. */
export function ctx(now: number, overrides: Partial<EvaluationContext> = {}): EvaluationContext {
  return { now, workingHours: defaultWorkingHours('UTC'), ...overrides };
}

/** Evaluates a deal under the default workflow. */
export function evaluate(
  d: EvalDeal,
  context: EvaluationContext,
  workflow: WorkflowDefinition = defaultWorkflow,
): DealEvaluation {
  return evaluateDeal(d, workflow, context);
}

/** The `n`th visit (1-based) of a stage; fails the test when there is none. */
export function visitOf(result: DealEvaluation, stageKey: string, visitNumber = 1): VisitEvaluation {
  const visit = result.visits.find((v) => v.stageKey === stageKey && v.visitNumber === visitNumber);
  if (!visit) throw new Error(`no visit ${visitNumber} of ${stageKey}`);
  return visit;
}

/** One action's result in the `n`th visit of a stage; fails the test when there is none. */
export function actionOf(
  result: DealEvaluation,
  stageKey: string,
  actionKey: string,
  visitNumber = 1,
): ActionResult {
  const action = visitOf(result, stageKey, visitNumber).actions.find((a) => a.actionKey === actionKey);
  if (!action) throw new Error(`no action ${actionKey} in ${stageKey} #${visitNumber}`);
  return action;
}

/** One handoff's result; fails the test when it was not triggered. */
export function handoffOf(result: DealEvaluation, handoffKey: string): HandoffResult {
  const handoff = result.handoffs.find((x) => x.handoffKey === handoffKey);
  if (!handoff) throw new Error(`handoff ${handoffKey} not triggered`);
  return handoff;
}

/** The action as `evaluateAction` takes it: with its subject pattern compiled, as the evaluator does. */
export function compiled(action: RequiredAction): Parameters<typeof evaluateAction>[0] {
  return {
    ...action,
    pattern: action.match.subjectPattern ? new RegExp(action.match.subjectPattern, 'i') : null,
  };
}

/** A required action of the default workflow, by stage and key. */
export function defaultAction(stageKey: string, actionKey: string): RequiredAction {
  const action = defaultWorkflow.stages
    .find((s) => s.key === stageKey)
    ?.requiredActions.find((a) => a.key === actionKey);
  if (!action) throw new Error(`no action ${actionKey} in ${stageKey}`);
  return action;
}
