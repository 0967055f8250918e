import { describe, expect, it } from 'vitest';
import {
  criterionKey,
  defaultObservationTags,
  defaultRubric,
  draftToInput,
  type ObservationDraft,
  observationInputSchema,
  rubricConfigSchema,
  tagConfigSchema,
  uniqueTags,
} from '@shared/coaching/observation';
import {
  checklistRows,
  setChecklistMark,
  stageChecklist,
  stageOnDate,
} from '@shared/coaching/observationChecklist';
import { parseDateEntry, shiftIsoDate } from '@shared/coaching/observationDates';
import {
  checklistSummary,
  countTags,
  rubricByCriterion,
  summarizeObservations,
} from '@shared/coaching/observationSummary';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';

const valid = {
  coach: ' Hannah Brooks ',
  repId: 3,
  dealId: null,
  stageKey: 'discovery',
  observedOn: '2026-11-20',
  checklist: [{ key: 'pain_point', state: 'done' }],
  rubric: [{ criterion: 'discovery_questions', score: 4 }],
  tags: ['Outdated deck', ' outdated  deck ', 'rogue step'],
  notes: '',
  commitments: [{ text: 'Use the recap template', dueOn: '2026-12-04' }],
};

function firstIssue(input: unknown): { path: string; message: string } {
  const result = observationInputSchema.safeParse(input);
  if (result.success) throw new Error('expected a validation error');
  const issue = result.error.issues[0]!;
  return { path: issue.path.join('.'), message: issue.message };
}

describe('the observation input schema', () => {
  it('accepts a complete observation, trimming the coach and folding repeated tags', () => {
    const parsed = observationInputSchema.parse(valid);
    expect(parsed.coach).toBe('Hannah Brooks');
    expect(parsed.tags).toEqual(['Outdated deck', 'rogue step']);
  });

  it('names the field that is wrong', () => {
    expect(firstIssue({ ...valid, coach: '  ' })).toEqual({ path: 'coach', message: 'name the coach' });
    expect(firstIssue({ ...valid, repId: undefined })).toEqual({ path: 'repId', message: 'choose the rep' });
    expect(firstIssue({ ...valid, observedOn: '2026-02-30' }).path).toBe('observedOn');
    expect(firstIssue({ ...valid, rubric: [{ criterion: 'x', score: 6 }] })).toEqual({
      path: 'rubric.0.score',
      message: 'must be from 1 to 5',
    });
    expect(firstIssue({ ...valid, checklist: [{ key: 'a', state: 'maybe' }] }).path).toBe(
      'checklist.0.state',
    );
    expect(firstIssue({ ...valid, commitments: [{ text: '', dueOn: null }] })).toEqual({
      path: 'commitments.0.text',
      message: 'say what the rep commits to',
    });
  });

  it('refuses an item marked twice and a criterion scored twice under two spellings', () => {
    expect(
      firstIssue({
        ...valid,
        checklist: [
          { key: 'a', state: 'done' },
          { key: 'a', state: 'skipped' },
        ],
      }).path,
    ).toBe('checklist.1.key');
    expect(
      firstIssue({
        ...valid,
        rubric: [
          { criterion: 'Discovery questions', score: 3 },
          { criterion: 'discovery_questions', score: 4 },
        ],
      }),
    ).toEqual({ path: 'rubric.1.criterion', message: '"discovery_questions" is scored twice' });
  });

  it('turns a draft into the input it would save, leaving out blank new commitments', () => {
    const draft: ObservationDraft = {
      coach: 'Hannah',
      repId: null,
      dealId: 7,
      dealName: 'Acme',
      stageKey: 'demo',
      stageTouched: false,
      observedOn: ' 2026-11-20 ',
      checklist: [],
      rubric: [],
      tags: [],
      notes: 'n',
      commitments: [
        { text: '  ', dueOn: '' },
        { text: 'Recap', dueOn: '' },
        { id: 4, text: '', dueOn: '2026-12-01' },
      ],
    };
    const input = draftToInput(draft) as Record<string, unknown>;
    expect(input.observedOn).toBe('2026-11-20');
    expect(input.commitments).toEqual([
      { text: 'Recap', dueOn: null },
      { id: 4, text: '', dueOn: '2026-12-01' },
    ]);
    // No rep yet: the schema says so under the rep field.
    expect(firstIssue(input).path).toBe('repId');
  });
});

describe('rubric and tags configuration', () => {
  it('ships a valid default rubric with five plain-word anchors per criterion, keyed by label', () => {
    expect(rubricConfigSchema.parse(defaultRubric)).toEqual(defaultRubric);
    for (const criterion of defaultRubric.criteria) {
      expect(criterion.anchors).toHaveLength(5);
      expect(criterion.key).toBe(criterionKey(criterion.label));
    }
    expect(tagConfigSchema.parse(defaultObservationTags)).toEqual(defaultObservationTags);
  });

  it('keys criteria the same however a sheet spells them', () => {
    expect(criterionKey('Next-step control')).toBe('next_step_control');
    expect(criterionKey('  CRM hygiene ')).toBe('crm_hygiene');
    expect(criterionKey('Évaluation générale')).toBe('evaluation_generale');
  });

  it('refuses a rubric with a criterion twice, or a tag list with a tag twice', () => {
    const twice = { criteria: [defaultRubric.criteria[0]!, defaultRubric.criteria[0]!] };
    expect(rubricConfigSchema.safeParse(twice).success).toBe(false);
    expect(
      tagConfigSchema.safeParse([
        { tag: 'Rogue step', tone: 'negative' },
        { tag: 'rogue step', tone: 'neutral' },
      ]).success,
    ).toBe(false);
    expect(uniqueTags(['a', ' A ', '', 'b'])).toEqual(['a', 'b']);
  });
});

describe('a stage checklist', () => {
  it('lists the stage’s required actions, then its advancement criteria', () => {
    const items = stageChecklist(defaultWorkflow, 'discovery');
    expect(items.map((i) => `${i.kind}:${i.key}`)).toEqual([
      'action:discovery_call',
      'action:discovery_notes',
      'criterion:pain_point',
      'criterion:persona',
      'criterion:next_step',
      'criterion:notes_logged',
    ]);
    expect(items[0]!.label).toBe('Discovery call within 3 days');
    expect(stageChecklist(defaultWorkflow, 'nope')).toEqual([]);
    expect(stageChecklist(defaultWorkflow, null)).toEqual([]);
  });

  it('lists a key once when a stage uses it for an action and a criterion', () => {
    const workflow = structuredClone(defaultWorkflow);
    const demo = workflow.stages.find((s) => s.key === 'demo')!;
    demo.advancementCriteria[0]!.key = 'demo_held';
    expect(stageChecklist(workflow, 'demo').filter((i) => i.key === 'demo_held')).toHaveLength(1);
  });

  it('keeps marks for items the stage does not list, after its own', () => {
    const rows = checklistRows(stageChecklist(defaultWorkflow, 'lead'), [
      { key: 'Agenda sent before the call', state: 'partial' },
      { key: 'intro_email', state: 'skipped' },
    ]);
    expect(rows.map((r) => [r.key, r.kind, r.state])).toEqual([
      ['first_call', 'action', null],
      ['intro_email', 'action', 'skipped'],
      ['contact_reached', 'criterion', null],
      ['Agenda sent before the call', 'other', 'partial'],
    ]);
  });

  it('sets, changes and clears one mark', () => {
    let marks = setChecklistMark([], 'a', 'done');
    marks = setChecklistMark(marks, 'b', 'na');
    marks = setChecklistMark(marks, 'a', 'partial');
    expect(marks).toEqual([
      { key: 'a', state: 'partial' },
      { key: 'b', state: 'na' },
    ]);
    expect(setChecklistMark(marks, 'a', null)).toEqual([{ key: 'b', state: 'na' }]);
  });
});

describe('the stage of a deal on a date', () => {
  const history = [
    { id: 1, stageKey: 'lead', sourceStage: 'Lead', enteredAt: Date.UTC(2026, 10, 1, 9) },
    { id: 2, stageKey: 'discovery', sourceStage: 'Discovery', enteredAt: Date.UTC(2026, 10, 5, 15) },
    // Entered at 23:30 New York time on Nov 10, which is Nov 11 in UTC.
    { id: 3, stageKey: 'demo', sourceStage: 'Demo', enteredAt: Date.UTC(2026, 10, 11, 4, 30) },
  ];

  it('is the last stage entered before the day ended', () => {
    expect(stageOnDate(history, '2026-11-04', 'UTC')?.stageKey).toBe('lead');
    expect(stageOnDate(history, '2026-11-05', 'UTC')?.stageKey).toBe('discovery');
    expect(stageOnDate(history, '2026-12-31', 'UTC')?.stageKey).toBe('demo');
  });

  it('reads the day in the workspace’s time zone', () => {
    expect(stageOnDate(history, '2026-11-10', 'UTC')?.stageKey).toBe('discovery');
    expect(stageOnDate(history, '2026-11-10', 'America/New_York')?.stageKey).toBe('demo');
  });

  it('is none before the deal’s first stage, or for no date', () => {
    expect(stageOnDate(history, '2026-10-31', 'UTC')).toBeNull();
    expect(stageOnDate(history, 'soon', 'UTC')).toBeNull();
    expect(stageOnDate([], '2026-11-10', 'UTC')).toBeNull();
  });

  it('does not depend on the order the history comes in', () => {
    expect(stageOnDate([...history].reverse(), '2026-11-06', 'UTC')?.id).toBe(2);
  });
});

describe('observation aggregates', () => {
  it('rates the checklist over judged items, leaving n.a. out', () => {
    expect(checklistSummary({ done: 6, partial: 2, skipped: 2, na: 5 })).toEqual({
      done: 6,
      partial: 2,
      skipped: 2,
      na: 5,
      judged: 10,
      doneRate: 0.6,
      partialRate: 0.2,
      skippedRate: 0.2,
    });
    expect(checklistSummary({ done: 0, partial: 0, skipped: 0, na: 3 }).doneRate).toBeNull();
  });

  it('counts tags regardless of case, most frequent first', () => {
    expect(
      countTags([['Outdated deck', 'rogue step'], ['outdated deck'], ['great discovery', 'rogue step']]),
    ).toEqual([
      { tag: 'Outdated deck', count: 2 },
      { tag: 'rogue step', count: 2 },
      { tag: 'great discovery', count: 1 },
    ]);
  });

  it('averages each criterion across spellings, rubric order first, unknown criteria after', () => {
    const result = rubricByCriterion(
      [
        { criterion: 'Active listening', score: 3 },
        { criterion: 'CRM hygiene', score: 2 },
        { criterion: 'discovery_questions', score: 5 },
        { criterion: 'Discovery questions', score: 4 },
        { criterion: 'crm_hygiene', score: 3 },
      ],
      defaultRubric,
    );
    expect(result).toEqual([
      { key: 'discovery_questions', label: 'Discovery questions', average: 4.5, scored: 2 },
      { key: 'crm_hygiene', label: 'CRM hygiene', average: 2.5, scored: 2 },
      { key: 'active_listening', label: 'Active listening', average: 3, scored: 1 },
    ]);
  });

  it('summarizes per rep', () => {
    const reps = summarizeObservations(
      [
        {
          repId: 2,
          repName: 'Zoë',
          observedOn: '2026-11-01',
          checklist: [{ key: 'a', state: 'done' }],
          rubric: [{ criterion: 'crm_hygiene', score: 4 }],
          tags: ['rogue step'],
        },
        {
          repId: 1,
          repName: 'Amara',
          observedOn: '2026-11-03',
          checklist: [
            { key: 'a', state: 'skipped' },
            { key: 'b', state: 'na' },
          ],
          rubric: [],
          tags: [],
        },
        {
          repId: 2,
          repName: 'Zoë',
          observedOn: '2026-11-09',
          checklist: [{ key: 'a', state: 'partial' }],
          rubric: [{ criterion: 'crm_hygiene', score: 2 }],
          tags: ['Rogue step', 'outdated deck'],
        },
      ],
      defaultRubric,
    );
    expect(reps.map((r) => r.repName)).toEqual(['Amara', 'Zoë']);
    const [amara, zoe] = reps;
    expect(amara).toMatchObject({ observations: 1, rubricAverage: null, rubric: [], tags: [] });
    expect(amara!.checklist).toMatchObject({ skipped: 1, na: 1, judged: 1, skippedRate: 1 });
    expect(zoe).toMatchObject({ observations: 2, rubricAverage: 3, lastObservedOn: '2026-11-09' });
    expect(zoe!.checklist).toMatchObject({ doneRate: 0.5, partialRate: 0.5, skippedRate: 0 });
    expect(zoe!.tags).toEqual([
      { tag: 'rogue step', count: 2 },
      { tag: 'outdated deck', count: 1 },
    ]);
  });
});

describe('dates as a coach types them', () => {
  const today = '2026-03-01';
  it('reads ISO dates and shortcuts relative to today', () => {
    expect(parseDateEntry('2026-02-14', today)).toBe('2026-02-14');
    expect(parseDateEntry('20260214', today)).toBe('2026-02-14');
    expect(parseDateEntry('today', today)).toBe(today);
    expect(parseDateEntry(' T ', today)).toBe(today);
    expect(parseDateEntry('y', today)).toBe('2026-02-28');
    expect(parseDateEntry('tomorrow', today)).toBe('2026-03-02');
    expect(parseDateEntry('-3', today)).toBe('2026-02-26');
    expect(parseDateEntry('+2w', today)).toBe('2026-03-15');
    expect(parseDateEntry('+10d', today)).toBe('2026-03-11');
  });

  it('refuses what is no date', () => {
    for (const text of ['', 'next week', '2026-02-30', '20261340', '3', '+'])
      expect(parseDateEntry(text, today), text).toBeNull();
  });

  it('shifts across month and year ends', () => {
    expect(shiftIsoDate('2025-12-31', 1)).toBe('2026-01-01');
    expect(shiftIsoDate('2024-03-01', -1)).toBe('2024-02-29');
    expect(() => shiftIsoDate('nope', 1)).toThrow(RangeError);
  });
});
