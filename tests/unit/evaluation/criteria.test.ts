import { describe, expect, it } from 'vitest';
import { evaluateCriterion } from '@shared/evaluation/evaluate';
import type { Criterion } from '@shared/workflow/definition';
import { T0, act, at, ctx, deal, evaluate, reps, visitOf } from './builders';

const exit = at(3);
const withFields = (fields: Record<string, unknown>) => deal([['discovery', T0]], [], { fields });

describe('evaluateCriterion', () => {
  const persona: Criterion = { key: 'persona', label: 'Persona tagged', kind: 'field_set', field: 'persona' };

  it('field_set holds for any non-blank value', () => {
    for (const value of ['CFO', 0, false, 12_000]) {
      expect(evaluateCriterion(persona, withFields({ persona: value }), exit)).toEqual({
        key: 'persona',
        label: 'Persona tagged',
        held: true,
        detail: 'persona is set',
      });
    }
  });

  it('field_set fails for a missing, null, empty or blank value', () => {
    for (const fields of [{}, { persona: null }, { persona: '' }, { persona: '   ' }]) {
      expect(evaluateCriterion(persona, withFields(fields), exit)).toMatchObject({
        held: false,
        detail: 'persona is empty',
      });
    }
  });

  const buyerRole: Criterion = {
    key: 'buyer_role',
    label: 'Buyer role known',
    kind: 'field_in',
    field: 'role',
    values: ['Economic buyer', 'Champion'],
  };

  it('field_in holds for one of the values, ignoring case and surrounding blanks', () => {
    expect(evaluateCriterion(buyerRole, withFields({ role: ' CHAMPION ' }), exit)).toMatchObject({
      held: true,
      detail: 'role is " CHAMPION "',
    });
  });

  it('field_in fails for another value or an empty field', () => {
    expect(evaluateCriterion(buyerRole, withFields({ role: 'Coach' }), exit)).toMatchObject({
      held: false,
      detail: 'role is "Coach"',
    });
    expect(evaluateCriterion(buyerRole, withFields({ role: '' }), exit)).toMatchObject({
      held: false,
      detail: 'role is empty',
    });
  });

  const notes: Criterion = {
    key: 'notes',
    label: 'Notes logged',
    kind: 'activity_present',
    activityTypes: ['note'],
  };

  it('activity_present counts only activities up to the exit', () => {
    const after = deal([['discovery', T0]], [act('note', at(3, 1))]);
    expect(evaluateCriterion(notes, after, exit)).toMatchObject({
      held: false,
      detail: 'no note before advancing',
    });
    const onTheDot = deal([['discovery', T0]], [act('note', exit, { by: reps.sdr })]);
    expect(evaluateCriterion(notes, onTheDot, exit)).toMatchObject({ held: true, detail: 'note logged' });
  });

  it('activity_present accepts any of several types and names them all when none is there', () => {
    const met: Criterion = {
      key: 'met',
      label: 'Met',
      kind: 'activity_present',
      activityTypes: ['discovery_call', 'meeting'],
    };
    expect(evaluateCriterion(met, deal([['discovery', T0]], [act('call', at(1))]), exit).detail).toBe(
      'no discovery call or meeting before advancing',
    );
    expect(evaluateCriterion(met, deal([['discovery', T0]], [act('meeting', at(1))]), exit).held).toBe(true);
  });

  const twoStakeholders: Criterion = {
    key: 'stakeholders',
    label: 'Two or more stakeholders',
    kind: 'stakeholders',
    minDistinctContacts: 2,
  };

  it('stakeholders counts distinct contacts (trimmed, any case) before the exit', () => {
    const activities = [
      act('email', at(1), { contact: 'Ann' }),
      act('call', at(2), { contact: ' ann ' }),
      act('call', at(2), { contact: null }),
      act('meeting', at(2), { contact: '  ' }),
      act('meeting', at(4), { contact: 'Bob' }),
    ];
    expect(evaluateCriterion(twoStakeholders, deal([['demo', T0]], activities), exit)).toMatchObject({
      held: false,
      detail: '1 of 2 stakeholders involved',
    });
    const withBob = [...activities, act('meeting', at(2, 5), { contact: 'Bob' })];
    expect(evaluateCriterion(twoStakeholders, deal([['demo', T0]], withBob), exit)).toMatchObject({
      held: true,
      detail: '2 of 2 stakeholders involved',
    });
  });
});

describe('advancement criteria in evaluateDeal', () => {
  const qualified = { pain_point: 'Manual reporting', persona: 'RevOps lead', next_step: 'Demo on Tuesday' };
  const throughDemo = (fields: Record<string, unknown>, activities = [act('note', at(2))]) =>
    deal(
      [
        ['lead', T0],
        ['discovery', at(1)],
        ['demo', at(3)],
      ],
      [act('call', at(0, 1)), ...activities],
      { fields },
    );

  it('are checked when the deal advanced: every discovery criterion held', () => {
    const result = evaluate(throughDemo(qualified), ctx(at(4)));
    expect(visitOf(result, 'lead').criteria).toEqual([
      { key: 'contact_reached', label: 'Contact reached by phone', held: true, detail: 'call logged' },
    ]);
    expect(visitOf(result, 'discovery').criteria.map((c) => [c.key, c.held])).toEqual([
      ['pain_point', true],
      ['persona', true],
      ['next_step', true],
      ['notes_logged', true],
    ]);
  });

  it('report each criterion that did not hold, with notes logged after the exit not counting', () => {
    const result = evaluate(
      throughDemo({ ...qualified, next_step: '' }, [act('note', at(3, 2))]),
      ctx(at(4)),
    );
    expect(
      visitOf(result, 'discovery')
        .criteria.filter((c) => !c.held)
        .map((c) => c.key),
    ).toEqual(['next_step', 'notes_logged']);
  });

  it('count stakeholders from the whole deal up to the demo exit', () => {
    const d = deal(
      [
        ['discovery', T0],
        ['demo', at(1)],
        ['proposal', at(4)],
      ],
      [
        act('meeting', at(0, 3), { contact: 'Ann' }),
        act('demo', at(2), { contact: 'Bob' }),
        act('email', at(5), { contact: 'Cy' }),
      ],
    );
    expect(visitOf(evaluate(d, ctx(at(6))), 'demo').criteria).toEqual([
      { key: 'demo_done', label: 'Demo held', held: true, detail: 'demo logged' },
      {
        key: 'stakeholders',
        label: 'Two or more stakeholders involved',
        held: true,
        detail: '2 of 2 stakeholders involved',
      },
    ]);
  });

  it('are not checked while the deal is still in the stage, nor when it was lost there', () => {
    const open = evaluate(
      deal([
        ['lead', T0],
        ['discovery', at(1)],
      ]),
      ctx(at(2)),
    );
    expect(visitOf(open, 'discovery')).toMatchObject({ advanced: false, criteria: [] });
    const lost = evaluate(
      deal([
        ['lead', T0],
        ['discovery', at(1)],
        ['lost', at(2)],
      ]),
      ctx(at(3)),
    );
    expect(visitOf(lost, 'discovery')).toMatchObject({ advanced: false, criteria: [] });
  });

  it('are checked for the stage a deal won from', () => {
    const d = deal(
      [
        ['proposal', T0],
        ['won', at(2)],
      ],
      [act('proposal_sent', at(1))],
      { fields: { amount: 12_000 } },
    );
    expect(visitOf(evaluate(d, ctx(at(3))), 'proposal').criteria.map((c) => [c.key, c.held])).toEqual([
      ['proposal_present', true],
      ['amount_set', true],
    ]);
  });
});
