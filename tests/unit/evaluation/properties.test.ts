import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWorkingHours } from '@shared/evaluation/businessHours';
import type { ActionStatus, DealEvaluation, EvalActivity, EvalDeal } from '@shared/evaluation/types';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import { type StageStep, MINUTE, T0, berlinHours, ctx, deal, evaluate, reps } from './builders';

const HALF_HOUR = 30 * MINUTE;
const stageKeys = defaultWorkflow.stages.map((s) => s.key);
const stages = new Map(defaultWorkflow.stages.map((s, i) => [s.key, { ...s, order: i }]));
const activityTypes = [
  'call',
  'email',
  'meeting',
  'note',
  'demo',
  'discovery_call',
  'proposal_sent',
  'contract_sent',
  'kickoff',
  'task',
];
const statuses: ActionStatus[] = ['on_time', 'late', 'missed', 'pending', 'not_due'];
const fieldNames = ['pain_point', 'persona', 'next_step', 'amount', 'use_case'];

type Scenario = { deal: EvalDeal; now: number; context: ReturnType<typeof ctx> };

/**
 * A random deal: a path through the default workflow's stages (repeats, skips, steps back, an
 * unmapped stage, several changes at one instant), activities of the workflow's types by random
 * reps and roles at random half hours, open or closed, with a random `now` after its history.
 */
const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    steps: fc.array(
      fc.record({
        stage: fc.constantFrom<string | null>(...stageKeys, null),
        // Half hours since the previous row; 0 often, for bursts of changes at one instant.
        gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 240 })),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    activities: fc.array(
      fc.record({
        type: fc.constantFrom(...activityTypes),
        at: fc.integer({ min: -96, max: 700 }),
        rep: fc.constantFrom(reps.owner, reps.otherAe, reps.sdr, reps.se, reps.cs, reps.unknown),
        contact: fc.constantFrom(null, 'Ann', ' ann', 'Bob', 'Cy'),
      }),
      { maxLength: 30 },
    ),
    ownerId: fc.constantFrom<number | null>(reps.owner.id, reps.otherAe.id, null),
    createdOffset: fc.option(fc.integer({ min: -96, max: 96 })),
    closedWithoutTerminal: fc.option(fc.integer({ min: 0, max: 96 })),
    nowAfter: fc.integer({ min: 0, max: 400 }),
    fields: fc.subarray(fieldNames),
    workingHours: fc.constantFrom(
      defaultWorkingHours('UTC'),
      berlinHours,
      { ...berlinHours, timeZone: 'America/New_York' },
      { ...berlinHours, enabled: false },
    ),
    bulk: fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 4 }),
  })
  .map((r) => {
    let t = T0;
    const steps: StageStep[] = r.steps.map(({ stage, gap }) => {
      t += gap * HALF_HOUR;
      return stage === null ? [null, t, 'Legal review'] : [stage, t];
    });
    const lastAt = t;
    const activities: EvalActivity[] = r.activities.map((a, i) => ({
      id: i + 1,
      type: a.type,
      subject: a.type,
      occurredAt: T0 + a.at * HALF_HOUR,
      repId: a.rep.id,
      repRole: a.rep.role,
      contact: a.contact,
    }));
    const built = deal(steps, activities, {
      ownerId: r.ownerId,
      createdAt: r.createdOffset === null ? null : T0 + r.createdOffset * HALF_HOUR,
      fields: Object.fromEntries(r.fields.map((f) => [f, 'set'])),
    });
    // A CRM can say "lost" while the history stops in an open stage (refreshDeals keeps its status).
    if (built.status === 'open' && r.closedWithoutTerminal !== null) {
      built.status = 'lost';
      built.closedAt = lastAt + r.closedWithoutTerminal * HALF_HOUR;
    }
    const now = Math.max(lastAt, built.closedAt ?? lastAt) + r.nowAfter * HALF_HOUR;
    return {
      deal: built,
      now,
      context: ctx(now, { workingHours: r.workingHours, bulkMoveEventIds: new Set(r.bulk) }),
    };
  });

const RUNS = 500;

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let s = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Every invariant one deal's evaluation must keep, whatever the deal. */
function checkInvariants({ deal: d, now, context }: Scenario, result: DealEvaluation): void {
  const open = d.status === 'open';
  const byId = new Map(d.activities.map((a) => [a.id, a]));
  const seen = new Map<string, number>();
  result.visits.forEach((visit, i) => {
    const isLast = i === result.visits.length - 1;
    const key = visit.stageKey ?? `source:${visit.sourceStage.toLowerCase()}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    expect(visit.visitNumber).toBe(seen.get(key));
    expect(visit.exitedAt === null).toBe(isLast);

    const stage = visit.stageKey ? stages.get(visit.stageKey) : undefined;
    const expectedKeys = stage && !stage.outcome ? stage.requiredActions.map((a) => a.key) : [];
    // Each (visit, action) appears exactly once, with exactly one status.
    expect(visit.actions.map((a) => a.actionKey)).toEqual(expectedKeys);

    for (const action of visit.actions) {
      const definition = stage!.requiredActions.find((a) => a.key === action.actionKey)!;
      const kind = definition.anchor.kind;
      const where = `${visit.stageKey}#${visit.visitNumber} ${action.actionKey} ${action.status}`;
      expect(statuses, where).toContain(action.status);
      const done = action.status === 'on_time' || action.status === 'late';
      expect(action.activityId !== null, where).toBe(done);
      expect(action.doneAt !== null, where).toBe(done);

      if (done) {
        const activity = byId.get(action.activityId!)!;
        expect(activity.occurredAt, where).toBe(action.doneAt);
        expect(definition.match.types, where).toContain(activity.type);
        expect(action.doneAt!, where).toBeGreaterThanOrEqual(action.anchorAt!);
        if (!open) expect(action.doneAt!, where).toBeLessThanOrEqual(d.closedAt!);
      }
      if (action.status === 'on_time' && action.dueAt !== null) {
        expect(action.doneAt!, where).toBeLessThanOrEqual(action.dueAt);
      }
      if (action.status === 'late') {
        expect(action.dueAt, where).not.toBeNull();
        expect(action.doneAt!, where).toBeGreaterThan(action.dueAt!);
        expect(action.doneAt!, where).toBeLessThanOrEqual(visit.exitedAt ?? d.closedAt ?? now);
      }
      if (action.status === 'pending') {
        expect(open, where).toBe(true);
        // Only the visit the deal is in, or an earlier one whose window still runs.
        expect(isLast || (action.dueAt !== null && now < action.dueAt), where).toBe(true);
        if (kind === 'stage_exit') expect(isLast, where).toBe(true);
      }
      if (action.status === 'missed' && kind !== 'stage_exit') {
        // Never missed before it expires while the deal is open.
        expect(open && now < action.dueAt!, where).toBe(false);
      }
      if (action.status === 'not_due') {
        expect(kind, where).toBe('activity');
        expect([action.anchorAt, action.dueAt], where).toEqual([null, null]);
        const anchorType = definition.anchor.kind === 'activity' ? definition.anchor.activityType : '';
        const end = visit.exitedAt ?? d.closedAt ?? now;
        expect(
          d.activities.some(
            (a) => a.type === anchorType && a.occurredAt >= visit.enteredAt && a.occurredAt <= end,
          ),
          where,
        ).toBe(false);
      } else {
        expect(action.anchorAt, where).not.toBeNull();
      }
    }

    if (visit.criteria.length > 0) expect(visit.advanced).toBe(true);
    if (visit.advanced) {
      const next = stages.get(visit.nextStageKey!)!;
      expect(next.order).toBeGreaterThan(stage!.order);
      expect(next.outcome).not.toBe('lost');
      expect(visit.criteria.map((c) => c.key)).toEqual(stage!.advancementCriteria.map((c) => c.key));
    }
  });

  for (const handoff of result.handoffs) {
    const touched = handoff.status === 'met' || handoff.status === 'late';
    expect(handoff.firstTouchAt !== null).toBe(touched);
    expect(handoff.activityId !== null).toBe(touched);
    if (handoff.status === 'met') expect(handoff.firstTouchAt!).toBeLessThanOrEqual(handoff.dueAt);
    if (handoff.status === 'late') expect(handoff.firstTouchAt!).toBeGreaterThan(handoff.dueAt);
    if (handoff.status === 'pending') expect(now).toBeLessThan(handoff.dueAt);
  }
  for (const flag of result.flags) {
    if (flag.kind === 'quarter_end_bulk') {
      expect(d.events.some((e) => context.bulkMoveEventIds?.has(e.id))).toBe(true);
    }
  }
}

describe('evaluateDeal on random deals (property)', () => {
  it('never reports an action both done and missed, and keeps every status consistent', () => {
    fc.assert(
      fc.property(scenario, (s) => checkInvariants(s, evaluate(s.deal, s.context))),
      { numRuns: RUNS },
    );
  });

  it('is pure: the same input twice gives identical results and the input is left untouched', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const before = structuredClone(s.deal);
        const first = evaluate(s.deal, s.context);
        const second = evaluate(s.deal, s.context);
        expect(second).toEqual(first);
        expect(s.deal).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order the rows arrive in', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 1_000_000 }), (s, seed) => {
        const reordered = {
          ...s.deal,
          events: shuffled(s.deal.events, seed),
          activities: shuffled(s.deal.activities, seed + 1),
        };
        expect(evaluate(reordered, s.context)).toEqual(evaluate(s.deal, s.context));
      }),
      { numRuns: RUNS },
    );
  });

  it('draws deals that reach every status, re-entries, skips and closed deals (the properties are not vacuous)', () => {
    const seen = new Set<string>();
    for (const s of fc.sample(scenario, { seed: 42, numRuns: RUNS })) {
      const result = evaluate(s.deal, s.context);
      seen.add(`deal:${s.deal.status}`);
      for (const visit of result.visits) {
        if (visit.visitNumber > 1) seen.add('re-entry');
        if (visit.skipped.length > 0) seen.add('skip');
        if (visit.advanced) seen.add('advanced');
        for (const action of visit.actions) seen.add(action.status);
      }
      for (const handoff of result.handoffs) seen.add(`handoff:${handoff.status}`);
      for (const flag of result.flags) seen.add(flag.kind);
    }
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        ...statuses,
        'deal:open',
        'deal:won',
        'deal:lost',
        're-entry',
        'skip',
        'advanced',
        'handoff:met',
        'handoff:late',
        'handoff:missed',
        'handoff:pending',
        'same_instant',
        'backfilled',
      ]),
    );
  });
});
