import { describe, expect, it } from 'vitest';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { toStageVisits } from '@shared/workflow/stageVisits';
import { DAY, T0, act, actionOf, at, ctx, deal, evaluate, h, stageEvents, visitOf } from './builders';

describe('re-entered stages: proposal → negotiation → proposal → negotiation', () => {
  const reentered = (extra = [act('proposal_sent', at(0, 10))]) =>
    deal(
      [
        ['proposal', at(0)],
        ['negotiation', at(2)],
        ['proposal', at(5)],
        ['negotiation', at(6)],
      ],
      [...extra, act('meeting', at(0, 20)), act('contract_sent', at(3))],
    );

  it('numbers the visits 1 and 2 and bounds each one by the next entry', () => {
    const result = evaluate(reentered(), ctx(at(10)));
    expect(
      result.visits.map((v) => [v.stageKey, v.visitNumber, v.enteredAt, v.exitedAt, v.durationMs]),
    ).toEqual([
      ['proposal', 1, at(0), at(2), 2 * DAY],
      ['negotiation', 1, at(2), at(5), 3 * DAY],
      ['proposal', 2, at(5), at(6), 1 * DAY],
      ['negotiation', 2, at(6), null, 4 * DAY],
    ]);
  });

  it('evaluates each visit on its own: the proposal sent in visit 1 does not count for visit 2', () => {
    const result = evaluate(reentered(), ctx(at(10)));
    expect(actionOf(result, 'proposal', 'proposal_sent', 1)).toMatchObject({
      status: 'on_time',
      anchorAt: at(0),
      dueAt: at(3),
      doneAt: at(0, 10),
    });
    expect(actionOf(result, 'proposal', 'proposal_follow_up', 1)).toMatchObject({
      status: 'on_time',
      anchorAt: at(0, 10),
      doneAt: at(0, 20),
    });
    expect(actionOf(result, 'proposal', 'proposal_sent', 2)).toMatchObject({
      status: 'missed',
      anchorAt: at(5),
      dueAt: at(8),
    });
    expect(actionOf(result, 'proposal', 'proposal_follow_up', 2).status).toBe('not_due');
    expect(actionOf(result, 'negotiation', 'contract_sent', 1)).toMatchObject({
      status: 'on_time',
      doneAt: at(3),
    });
    expect(actionOf(result, 'negotiation', 'contract_sent', 2).status).toBe('pending');
  });

  it("gives visit 2 its own activity when it has one, and leaves visit 1's untouched", () => {
    const second = act('proposal_sent', at(5, 1));
    const result = evaluate(reentered([act('proposal_sent', at(0, 10)), second]), ctx(at(10)));
    expect(actionOf(result, 'proposal', 'proposal_sent', 1).doneAt).toBe(at(0, 10));
    expect(actionOf(result, 'proposal', 'proposal_sent', 2)).toMatchObject({
      status: 'on_time',
      activityId: second.id,
    });
  });

  it('checks advancement criteria when moving forward only, each time at that exit', () => {
    const result = evaluate(reentered(), ctx(at(10)));
    const [proposal1, negotiation1, proposal2] = result.visits;
    expect(proposal1!.advanced).toBe(true);
    expect(proposal1!.criteria.map((c) => [c.key, c.held])).toEqual([
      ['proposal_present', true],
      ['amount_set', false],
    ]);
    expect(negotiation1).toMatchObject({ advanced: false, nextStageKey: 'proposal', criteria: [] });
    expect(proposal2!.advanced).toBe(true);
    // Activities before the exit count, whichever visit they were logged in.
    expect(proposal2!.criteria.find((c) => c.key === 'proposal_present')!.held).toBe(true);
  });
});

describe('rows that repeat the current stage', () => {
  it('are no new visit and do not restart the clock of an action', () => {
    const d = deal(
      [
        ['lead', T0],
        ['lead', h(1)],
        ['lead', h(3)],
        ['discovery', at(1)],
      ],
      [act('call', h(2.5))],
    );
    const result = evaluate(d, ctx(at(2)));
    expect(result.visits.map((v) => [v.stageKey, v.visitNumber])).toEqual([
      ['lead', 1],
      ['discovery', 1],
    ]);
    expect(visitOf(result, 'lead')).toMatchObject({ enteredAt: T0, exitedAt: at(1) });
    expect(actionOf(result, 'lead', 'first_call')).toMatchObject({ status: 'late', anchorAt: T0 });
  });
});

describe('skipped stages', () => {
  it('reports lead → demo as skipping discovery, on the demo visit', () => {
    const result = evaluate(
      deal([
        ['lead', T0],
        ['demo', at(1)],
      ]),
      ctx(at(2)),
    );
    expect(visitOf(result, 'lead')).toMatchObject({ skipped: [], advanced: true, nextStageKey: 'demo' });
    expect(visitOf(result, 'demo').skipped).toEqual(['discovery']);
  });

  it('reports every open stage passed over when a deal jumps to won, none when it drops to lost', () => {
    const won = evaluate(
      deal([
        ['lead', T0],
        ['won', at(1)],
      ]),
      ctx(at(2)),
    );
    expect(visitOf(won, 'won').skipped).toEqual(['discovery', 'demo', 'proposal', 'negotiation']);
    expect(visitOf(won, 'lead').advanced).toBe(true);
    const lost = evaluate(
      deal([
        ['lead', T0],
        ['lost', at(1)],
      ]),
      ctx(at(2)),
    );
    expect(visitOf(lost, 'lost').skipped).toEqual([]);
  });

  it('reports nothing for a step forward, a step back or negotiation → won, but a jump after a step back', () => {
    const result = evaluate(
      deal([
        ['demo', T0],
        ['proposal', at(1)],
        ['discovery', at(2)],
        ['negotiation', at(3)],
        ['won', at(4)],
      ]),
      ctx(at(5)),
    );
    expect(result.visits.map((v) => v.skipped)).toEqual([[], [], [], ['demo', 'proposal'], []]);
  });
});

describe('a deal lost in a stage', () => {
  const lostInDiscovery = () =>
    deal(
      [
        ['lead', T0],
        ['discovery', at(1)],
        ['lost', at(3)],
      ],
      [act('call', h(1))],
    );

  it('checks no advancement criteria when it leaves for lost', () => {
    const discovery = visitOf(evaluate(lostInDiscovery(), ctx(at(10))), 'discovery');
    expect(discovery).toMatchObject({ advanced: false, nextStageKey: 'lost', criteria: [], exitedAt: at(3) });
  });

  it('misses the actions due before leaving the stage, and those whose deadline it did not reach', () => {
    const result = evaluate(lostInDiscovery(), ctx(at(10)));
    expect(actionOf(result, 'discovery', 'discovery_notes')).toMatchObject({
      status: 'missed',
      dueAt: at(3),
    });
    expect(actionOf(result, 'discovery', 'discovery_call')).toMatchObject({ status: 'missed', dueAt: at(4) });
    // Lost before the 72 h expired: the deal is closed, so nothing is pending any more.
    expect(actionOf(evaluate(lostInDiscovery(), ctx(at(3, 1))), 'discovery', 'discovery_call').status).toBe(
      'missed',
    );
  });

  it('gives the terminal stage no actions, no criteria and no duration', () => {
    const result = evaluate(lostInDiscovery(), ctx(at(10)));
    expect(visitOf(result, 'lost')).toMatchObject({
      actions: [],
      criteria: [],
      durationMs: 0,
      exitedAt: null,
      advanced: false,
      nextStageKey: null,
    });
  });

  it('lets a reopened deal leave the lost stage and be judged again', () => {
    const d = deal([
      ['negotiation', T0],
      ['lost', at(3)],
      ['negotiation', at(5)],
    ]);
    const result = evaluate(d, ctx(at(6)));
    expect(visitOf(result, 'lost')).toMatchObject({ exitedAt: at(5), durationMs: 2 * DAY, advanced: false });
    expect(actionOf(result, 'negotiation', 'contract_sent', 2).status).toBe('pending');
  });
});

describe('terminal and unmapped stages', () => {
  it('never evaluates actions in a terminal stage, even when a workflow lists some there', () => {
    const workflow: WorkflowDefinition = {
      ...defaultWorkflow,
      stages: defaultWorkflow.stages.map((s) =>
        s.key === 'won' ? { ...s, requiredActions: defaultWorkflow.stages[0]!.requiredActions } : s,
      ),
    };
    const d = deal([
      ['negotiation', T0],
      ['won', at(1)],
    ]);
    const result = evaluate(d, ctx(at(2)), workflow);
    expect(visitOf(result, 'won').actions).toEqual([]);
    expect(visitOf(result, 'negotiation')).toMatchObject({ advanced: true, nextStageKey: 'won' });
    expect(visitOf(result, 'negotiation').criteria.map((c) => c.key)).toEqual(['contract_present']);
  });

  it('keeps a stage the workflow does not know as a visit without actions or criteria', () => {
    const d = deal([
      ['lead', T0],
      [null, at(1), 'Legal review'],
      ['proposal', at(2)],
    ]);
    const result = evaluate(d, ctx(at(3)));
    expect(result.visits[1]).toMatchObject({
      stageKey: null,
      sourceStage: 'Legal review',
      actions: [],
      criteria: [],
      advanced: false,
    });
    expect(visitOf(result, 'lead')).toMatchObject({ advanced: false, nextStageKey: null });
  });

  it('matches toStageVisits for the visit boundaries of a won deal', () => {
    const steps: [string, number][] = [
      ['lead', T0],
      ['discovery', at(1)],
      ['discovery', at(2)],
      ['won', at(4)],
    ];
    const result = evaluate(deal(steps), ctx(at(9)));
    const visits = toStageVisits(stageEvents(steps), at(4), (k) => k === 'won' || k === 'lost');
    expect(
      result.visits.map((v) => [v.stageKey, v.enteredAt, v.exitedAt, v.durationMs, v.visitNumber]),
    ).toEqual(visits.map((v) => [v.stageKey, v.enteredAt, v.exitedAt, v.durationMs, v.visitNumber]));
  });
});
