import { missingHistoryDetail } from '../import/derivedHistory';
import type { Criterion, RequiredAction, StageDefinition, WorkflowDefinition } from '../workflow/definition';
import { toStageVisits, type StageVisit } from '../workflow/stageVisits';
import { addWorkingHours, type WorkingHours } from './businessHours';
import type {
  ActionResult,
  CriterionResult,
  DataTrustFlag,
  DealEvaluation,
  EvalActivity,
  EvalDeal,
  HandoffResult,
  VisitEvaluation,
} from './types';

const HOUR = 3_600_000;

export type EvaluationContext = {
  now: number;
  workingHours: WorkingHours;
  /** Stage-event ids moved in bulk at a quarter end (found across deals by the caller). */
  bulkMoveEventIds?: ReadonlySet<number>;
};

type CompiledAction = RequiredAction & { pattern: RegExp | null };

function compileActions(stage: StageDefinition): CompiledAction[] {
  return stage.requiredActions.map((action) => ({
    ...action,
    pattern: action.match.subjectPattern ? new RegExp(action.match.subjectPattern, 'i') : null,
  }));
}

type CompiledStage = { stage: StageDefinition; order: number; actions: CompiledAction[] };

const compiled = new WeakMap<WorkflowDefinition, Map<string, CompiledStage>>();

/** Stages with their patterns compiled once per workflow, not once per deal. */
function compiledStages(workflow: WorkflowDefinition): Map<string, CompiledStage> {
  let stages = compiled.get(workflow);
  if (!stages) {
    stages = new Map(
      workflow.stages.map((s, i) => [s.key, { stage: s, order: i, actions: compileActions(s) }]),
    );
    compiled.set(workflow, stages);
  }
  return stages;
}

function matches(action: CompiledAction, activity: EvalActivity, ownerId: number | null): boolean {
  if (!action.match.types.includes(activity.type)) return false;
  if (action.pattern && !action.pattern.test(activity.subject ?? '')) return false;
  const by = action.match.by;
  if (by === 'owner') return ownerId !== null && activity.repId === ownerId;
  if (by === 'anyone') return true;
  return activity.repRole === by;
}

function deadline(from: number, hours: number, businessHours: boolean, context: EvaluationContext): number {
  return businessHours && context.workingHours.enabled
    ? addWorkingHours(from, hours, context.workingHours)
    : from + hours * HOUR;
}

const hoursText = (hours: number): string =>
  hours % 24 === 0 && hours >= 48 ? `${hours / 24} days` : `${hours} h`;

/**
 * One required action in one stage visit (PRODUCT.md "Action due / done / on time"): due when the
 * visit's anchor happened; done when a matching activity exists; on time inside the window, late
 * after it but before the deal left the stage; pending while an open deal's window is still
 * running — never missed before it expires.
 */
export function evaluateAction(
  action: CompiledAction,
  visit: StageVisit,
  activities: readonly EvalActivity[],
  ownerId: number | null,
  context: EvaluationContext,
  /** When a won or lost deal closed; null while the deal is open. Nothing after it counts. */
  closedAt: number | null = null,
): ActionResult {
  const base = { actionKey: action.key, label: action.label };
  const visitEnd = visit.exitedAt ?? closedAt ?? context.now;
  const open = visit.exitedAt === null && closedAt === null;
  let anchorAt: number;
  if (action.anchor.kind === 'stage_entry') anchorAt = visit.enteredAt;
  else if (action.anchor.kind === 'activity') {
    const anchorType = action.anchor.activityType;
    const anchor = activities.find(
      (a) => a.type === anchorType && a.occurredAt >= visit.enteredAt && a.occurredAt <= visitEnd,
    );
    if (!anchor) {
      return {
        ...base,
        status: 'not_due',
        anchorAt: null,
        dueAt: null,
        activityId: null,
        doneAt: null,
        reason: `no ${anchorType.replace(/_/g, ' ')} in this stage visit, so nothing was due`,
      };
    }
    anchorAt = anchor.occurredAt;
  } else {
    // "Before leaving the stage": the window is the whole visit.
    const done = activities.find(
      (a) => matches(action, a, ownerId) && a.occurredAt >= visit.enteredAt && a.occurredAt <= visitEnd,
    );
    if (done) {
      return {
        ...base,
        status: 'on_time',
        anchorAt: visit.enteredAt,
        dueAt: visit.exitedAt,
        activityId: done.id,
        doneAt: done.occurredAt,
        reason: 'done before the deal left the stage',
      };
    }
    return open
      ? {
          ...base,
          status: 'pending',
          anchorAt: visit.enteredAt,
          dueAt: null,
          activityId: null,
          doneAt: null,
          reason: 'due before the deal leaves the stage',
        }
      : {
          ...base,
          status: 'missed',
          anchorAt: visit.enteredAt,
          dueAt: visit.exitedAt,
          activityId: null,
          doneAt: null,
          reason: 'the deal left the stage without it',
        };
  }
  const dueAt = deadline(anchorAt, action.withinHours ?? 0, action.businessHours, context);
  // On time counts until the deadline even after the deal moved on; late only while still in the stage.
  // One pass, no arrays: this runs for every action of every visit of every deal.
  const until = closedAt ?? Infinity;
  let onTime: EvalActivity | undefined;
  let late: EvalActivity | undefined;
  for (const a of activities) {
    if (a.occurredAt < anchorAt || a.occurredAt > until || !matches(action, a, ownerId)) continue;
    if (a.occurredAt <= dueAt) {
      onTime = a;
      break;
    }
    if (!late && a.occurredAt <= visitEnd) late = a;
  }
  if (onTime) {
    return {
      ...base,
      status: 'on_time',
      anchorAt,
      dueAt,
      activityId: onTime.id,
      doneAt: onTime.occurredAt,
      reason: `done within ${hoursText(action.withinHours ?? 0)}`,
    };
  }
  if (late) {
    const hoursLate = (late.occurredAt - dueAt) / HOUR;
    return {
      ...base,
      status: 'late',
      anchorAt,
      dueAt,
      activityId: late.id,
      doneAt: late.occurredAt,
      reason: `done ${hoursLate < 48 ? `${hoursLate.toFixed(1)} h` : `${(hoursLate / 24).toFixed(1)} days`} after the deadline`,
    };
  }
  // Pending while the deal is open and the window still runs, even if the deal already moved on.
  if (closedAt === null && context.now < dueAt) {
    return {
      ...base,
      status: 'pending',
      anchorAt,
      dueAt,
      activityId: null,
      doneAt: null,
      reason: 'not done yet; the deadline has not passed',
    };
  }
  return {
    ...base,
    status: 'missed',
    anchorAt,
    dueAt,
    activityId: null,
    doneAt: null,
    reason: open
      ? `not done within ${hoursText(action.withinHours ?? 0)}`
      : 'not done before the deal left the stage',
  };
}

function fieldValue(deal: EvalDeal, field: string): unknown {
  return deal.fields[field];
}

function isSet(value: unknown): boolean {
  return value !== null && value !== undefined && String(value).trim() !== '';
}

/** One advancement criterion, checked at the instant the deal left the stage. */
export function evaluateCriterion(criterion: Criterion, deal: EvalDeal, at: number): CriterionResult {
  const base = { key: criterion.key, label: criterion.label };
  const before =
    criterion.kind === 'activity_present' || criterion.kind === 'stakeholders'
      ? deal.activities.filter((a) => a.occurredAt <= at)
      : [];
  switch (criterion.kind) {
    case 'field_set': {
      const held = isSet(fieldValue(deal, criterion.field));
      return { ...base, held, detail: held ? `${criterion.field} is set` : `${criterion.field} is empty` };
    }
    case 'field_in': {
      const value = fieldValue(deal, criterion.field);
      const held =
        isSet(value) && criterion.values.some((v) => v.toLowerCase() === String(value).trim().toLowerCase());
      return {
        ...base,
        held,
        detail: isSet(value) ? `${criterion.field} is "${String(value)}"` : `${criterion.field} is empty`,
      };
    }
    case 'activity_present': {
      const found = before.find((a) => criterion.activityTypes.includes(a.type));
      return {
        ...base,
        held: Boolean(found),
        detail: found
          ? `${found.type.replace(/_/g, ' ')} logged`
          : `no ${criterion.activityTypes.join(' or ').replace(/_/g, ' ')} before advancing`,
      };
    }
    case 'stakeholders': {
      const contacts = new Set(
        before.map((a) => a.contact?.trim().toLowerCase()).filter((c): c is string => Boolean(c)),
      );
      return {
        ...base,
        held: contacts.size >= criterion.minDistinctContacts,
        detail: `${contacts.size} of ${criterion.minDistinctContacts} stakeholders involved`,
      };
    }
  }
}

function quarterEnd(ms: number): boolean {
  const d = new Date(ms);
  const month = d.getUTCMonth();
  if (month % 3 !== 2) return false;
  const last = new Date(Date.UTC(d.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return d.getUTCDate() >= last - 1;
}

/** What a deal without stage history lets the figures say, in a manager's words. */
function missingHistory(deal: EvalDeal): DataTrustFlag | null {
  if (deal.events.some((e) => !e.derived)) return null;
  return {
    kind: 'no_history',
    detail: missingHistoryDetail(deal.events[0]?.derived ?? null, deal.status !== 'open'),
  };
}

function trustFlags(deal: EvalDeal, context: EvaluationContext): DataTrustFlag[] {
  const flags: DataTrustFlag[] = [];
  const missing = missingHistory(deal);
  if (missing) flags.push(missing);
  const byInstant = new Map<number, Set<string>>();
  for (const e of deal.events) {
    const stages = byInstant.get(e.enteredAt) ?? new Set<string>();
    stages.add(e.stageKey ?? e.sourceStage);
    byInstant.set(e.enteredAt, stages);
  }
  const burst = [...byInstant.values()].reduce((max, s) => Math.max(max, s.size), 0);
  if (burst >= 3) flags.push({ kind: 'same_instant', detail: `${burst} stage changes at the same instant` });
  if (deal.createdAt !== null) {
    const early = deal.events.filter((e) => e.enteredAt < deal.createdAt! - HOUR);
    if (early.length > 0)
      flags.push({
        kind: 'backfilled',
        detail: `${early.length} stage change(s) dated before the deal was created`,
      });
  }
  const bulk = deal.events.filter((e) => context.bulkMoveEventIds?.has(e.id) && quarterEnd(e.enteredAt));
  if (bulk.length > 0)
    flags.push({
      kind: 'quarter_end_bulk',
      detail: 'moved with many other deals in the same minute at quarter end',
    });
  return flags;
}

function evaluateHandoffs(
  workflow: WorkflowDefinition,
  deal: EvalDeal,
  visits: readonly StageVisit[],
  context: EvaluationContext,
): HandoffResult[] {
  const results: HandoffResult[] = [];
  for (const handoff of workflow.handoffs) {
    const trigger = visits.find((v) => v.stageKey === handoff.triggerStage);
    if (!trigger) continue;
    const dueAt = trigger.enteredAt + handoff.firstTouchWithinHours * HOUR;
    const touch = deal.activities.find(
      (a) => a.repRole === handoff.toRole && a.occurredAt >= trigger.enteredAt,
    );
    const missingFields = handoff.requiredFields.filter((f) => !isSet(fieldValue(deal, f)));
    let status: HandoffResult['status'];
    if (touch) status = touch.occurredAt <= dueAt ? 'met' : 'late';
    else {
      // A handoff the close itself triggers (the CS kickoff after a win) runs on after the close;
      // one the deal closed in the middle of is missed.
      const running =
        deal.status === 'open' || (deal.closedAt !== null && trigger.enteredAt >= deal.closedAt);
      status = running && context.now < dueAt ? 'pending' : 'missed';
    }
    results.push({
      handoffKey: handoff.key,
      label: handoff.label,
      triggeredAt: trigger.enteredAt,
      dueAt,
      firstTouchAt: touch?.occurredAt ?? null,
      activityId: touch?.id ?? null,
      status,
      missingFields,
    });
  }
  return results;
}

/**
 * Evaluates one deal under one workflow version: for every stage visit, each required action
 * (on time, late, missed, pending, or not due), each advancement criterion at the moment the
 * deal advanced, the stages it skipped; each handoff's first-touch SLA; and data-trust flags.
 * Pure: the same deal, workflow and context always give the same result.
 */
export function evaluateDeal(
  deal: EvalDeal,
  workflow: WorkflowDefinition,
  context: EvaluationContext,
): DealEvaluation {
  const stages = compiledStages(workflow);
  const isTerminal = (key: string | null): boolean => Boolean(key && stages.get(key)?.stage.outcome);
  const end = deal.status === 'open' ? context.now : (deal.closedAt ?? context.now);
  const dealClosedAt = deal.status === 'open' ? null : end;
  // A stage entry nothing in the file dates is no visit: its time and actions cannot be judged.
  const visits = toStageVisits(
    deal.events.filter((e) => e.derived !== 'created'),
    end,
    isTerminal,
  );
  const activities = [...deal.activities].sort((a, b) => a.occurredAt - b.occurredAt || a.id - b.id);
  const sortedDeal = { ...deal, activities };
  const lost = workflow.stages.find((s) => s.outcome === 'lost')?.key;

  const evaluated: VisitEvaluation[] = visits.map((visit, i) => {
    const info = visit.stageKey ? stages.get(visit.stageKey) : undefined;
    const next = visits[i + 1];
    const nextInfo = next?.stageKey ? stages.get(next.stageKey) : undefined;
    const previousInfo = i > 0 && visits[i - 1]!.stageKey ? stages.get(visits[i - 1]!.stageKey!) : undefined;
    const skipped =
      info && previousInfo && !info.stage.outcome && info.order > previousInfo.order + 1
        ? workflow.stages
            .slice(previousInfo.order + 1, info.order)
            .filter((s) => !s.outcome)
            .map((s) => s.key)
        : info && info.stage.outcome === 'won' && previousInfo
          ? workflow.stages
              .slice(previousInfo.order + 1, info.order)
              .filter((s) => !s.outcome)
              .map((s) => s.key)
          : [];
    const advanced = Boolean(info && nextInfo && next!.stageKey !== lost && nextInfo.order > info.order);
    const actions =
      info && !info.stage.outcome
        ? info.actions.map((a) => evaluateAction(a, visit, activities, deal.ownerId, context, dealClosedAt))
        : [];
    const criteria =
      info && advanced && visit.exitedAt !== null
        ? info.stage.advancementCriteria.map((c) => evaluateCriterion(c, sortedDeal, visit.exitedAt!))
        : [];
    return {
      stageKey: visit.stageKey,
      sourceStage: visit.sourceStage,
      visitNumber: visit.visitNumber,
      enteredAt: visit.enteredAt,
      exitedAt: visit.exitedAt,
      durationMs: visit.durationMs,
      skipped,
      nextStageKey: next?.stageKey ?? null,
      advanced,
      actions,
      criteria,
    };
  });

  return {
    dealId: deal.id,
    visits: evaluated,
    handoffs: evaluateHandoffs(workflow, sortedDeal, visits, context),
    flags: trustFlags(deal, context),
  };
}
