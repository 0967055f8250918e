import { describe, expect, it } from 'vitest';
import type { ObservationDraft } from '@shared/coaching/observation';
import { stageChecklist } from '@shared/coaching/observationChecklist';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import {
  defaultDueOn,
  effectiveStage,
  engineIssue,
  marksForStage,
  validateDraft,
  withScore,
  withStage,
} from '@shared/coaching/observationForm';

const stages = defaultWorkflow.stages.map((s) => ({
  key: s.key,
  checklist: stageChecklist(defaultWorkflow, s.key),
}));
const today = '2026-11-27';

const draft = (patch: Partial<ObservationDraft> = {}): ObservationDraft => ({
  coach: 'Hannah Brooks',
  repId: 4,
  dealId: 12,
  dealName: 'Acme — Platform',
  stageKey: null,
  stageTouched: false,
  observedOn: today,
  checklist: [],
  rubric: [],
  tags: [],
  notes: '',
  commitments: [],
  ...patch,
});

describe('the observation form’s stage', () => {
  it('follows the deal until the coach picks one', () => {
    expect(effectiveStage(draft(), 'demo', stages)).toBe('demo');
    expect(effectiveStage(withStage(draft(), 'proposal'), 'demo', stages)).toBe('proposal');
    expect(effectiveStage(withStage(draft(), null), 'demo', stages)).toBeNull();
    // A stage the workflow does not know, or no deal: the draft's own stage.
    expect(effectiveStage(draft({ stageKey: 'lead' }), 'stage_from_a_crm', stages)).toBe('lead');
    expect(effectiveStage(draft({ dealId: null, stageKey: 'lead' }), 'demo', stages)).toBe('lead');
  });

  it('counts the marks of the stage shown and a sheet’s own items, not another stage’s', () => {
    const marks = [
      { key: 'demo_held', state: 'done' as const },
      { key: 'pain_point', state: 'skipped' as const },
      { key: 'Agenda sent before the call', state: 'partial' as const },
    ];
    expect(marksForStage(marks, stageChecklist(defaultWorkflow, 'demo'), stages).map((m) => m.key)).toEqual([
      'demo_held',
      'Agenda sent before the call',
    ]);
    expect(
      marksForStage(marks, stageChecklist(defaultWorkflow, 'discovery'), stages).map((m) => m.key),
    ).toEqual(['pain_point', 'Agenda sent before the call']);
  });
});

describe('checking the form before saving', () => {
  it('reads typed dates and yields the input to save', () => {
    const result = validateDraft(
      draft({
        observedOn: 'y',
        commitments: [
          { text: 'Recap the same day', dueOn: '+1w' },
          { text: '  ', dueOn: '' },
        ],
      }),
      today,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.observedOn).toBe('2026-11-26');
    expect(result.input.commitments).toEqual([{ text: 'Recap the same day', dueOn: '2026-12-04' }]);
  });

  it('says what is missing, keyed by field', () => {
    const result = validateDraft(draft({ repId: null, coach: '', observedOn: 'soon' }), today);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([...result.issues.keys()].sort()).toEqual(['coach', 'observedOn', 'repId']);
    const future = validateDraft(draft({ observedOn: '2026-11-28' }), today);
    expect(future.ok ? null : future.issues.get('observedOn')).toMatch(/future/);
  });

  it('splits an engine refusal into its field and message', () => {
    expect(engineIssue('repId: there is no rep 9 in this workspace.')).toEqual({
      path: 'repId',
      message: 'there is no rep 9 in this workspace.',
    });
    expect(engineIssue('commitments.1.dueOn: “x” is due 2026-01-01, before…')?.path).toBe(
      'commitments.1.dueOn',
    );
    expect(engineIssue('Observation 4 was deleted.')).toBeNull();
  });

  it('sets and clears scores, and dates a new commitment two weeks after the observation', () => {
    const scored = withScore(withScore(draft(), 'crm_hygiene', 2), 'crm_hygiene', 4);
    expect(scored.rubric).toEqual([{ criterion: 'crm_hygiene', score: 4 }]);
    expect(withScore(scored, 'crm_hygiene', null).rubric).toEqual([]);
    expect(defaultDueOn(draft({ observedOn: '2026-11-20' }), today)).toBe('2026-12-04');
    expect(defaultDueOn(draft({ observedOn: 'nonsense' }), today)).toBe('2026-12-11');
  });
});
