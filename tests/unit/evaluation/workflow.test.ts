import { describe, expect, it } from 'vitest';
import { createActivityClassifier } from '@shared/workflow/activityTypes';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import { type WorkflowDefinition, workflowDefinitionSchema } from '@shared/workflow/definition';

const clone = (): WorkflowDefinition => structuredClone(defaultWorkflow);
const messages = (input: unknown): string[] => {
  const parsed = workflowDefinitionSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('the default workflow', () => {
  it('is a valid definition that the schema leaves unchanged', () => {
    expect(workflowDefinitionSchema.parse(defaultWorkflow)).toEqual(defaultWorkflow);
  });

  it('runs lead → discovery → demo → proposal → negotiation → won / lost', () => {
    expect(defaultWorkflow.stages.map((s) => [s.key, s.outcome ?? null])).toEqual([
      ['lead', null],
      ['discovery', null],
      ['demo', null],
      ['proposal', null],
      ['negotiation', null],
      ['won', 'won'],
      ['lost', 'lost'],
    ]);
  });

  it('gives terminal stages no actions, criteria or target days, and every open stage all three', () => {
    for (const stage of defaultWorkflow.stages) {
      if (stage.outcome) {
        expect([stage.requiredActions, stage.advancementCriteria, stage.targetDays]).toEqual([
          [],
          [],
          undefined,
        ]);
      } else {
        expect(stage.requiredActions.length).toBeGreaterThan(0);
        expect(stage.advancementCriteria.length).toBeGreaterThan(0);
        expect(stage.targetDays).toBeGreaterThan(0);
      }
    }
  });

  it('gives every action a deadline unless it is due before leaving the stage', () => {
    for (const action of defaultWorkflow.stages.flatMap((s) => s.requiredActions)) {
      expect(action.withinHours === undefined, action.key).toBe(action.anchor.kind === 'stage_exit');
    }
  });

  it('uses action keys unique within their stage', () => {
    for (const stage of defaultWorkflow.stages) {
      const keys = stage.requiredActions.map((a) => a.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('only refers to activity types its activity rules produce', () => {
    const produced = new Set(defaultWorkflow.activityRules.map((r) => r.type));
    const referenced = defaultWorkflow.stages.flatMap((s) => [
      ...s.requiredActions.flatMap((a) => [
        ...a.match.types,
        ...(a.anchor.kind === 'activity' ? [a.anchor.activityType] : []),
      ]),
      ...s.advancementCriteria.flatMap((c) => (c.kind === 'activity_present' ? c.activityTypes : [])),
    ]);
    expect(referenced.filter((t) => !produced.has(t))).toEqual([]);
  });

  it('hands off SDR → AE at discovery, AE → SE at demo and AE → CS at won', () => {
    expect(
      defaultWorkflow.handoffs.map((x) => [x.fromRole, x.toRole, x.triggerStage, x.firstTouchWithinHours]),
    ).toEqual([
      ['SDR', 'AE', 'discovery', 24],
      ['AE', 'SE', 'demo', 48],
      ['AE', 'CS', 'won', 72],
    ]);
  });

  it('classifies raw CRM activities into the types its actions look for', () => {
    const classify = createActivityClassifier(defaultWorkflow.activityRules);
    expect(classify('Task', 'Demo for the buying committee')).toBe('demo');
    expect(classify('Task', 'Call back re pricing')).toBe('call');
    expect(classify('Task', 'Recap of our call')).toBe('email');
    expect(classify('Task', 'Quote sent v2')).toBe('proposal_sent');
    expect(classify('Event', 'Weekly sync')).toBe('meeting');
    expect(classify('Note', null)).toBe('note');
  });
});

describe('workflowDefinitionSchema', () => {
  it('fills defaults: anyone for `by`, no business hours, empty lists', () => {
    const parsed = workflowDefinitionSchema.parse({
      name: 'Minimal',
      stages: [
        {
          key: 'open',
          name: 'Open',
          group: 'Prospect',
          ownerRole: 'AE',
          requiredActions: [
            {
              key: 'call',
              label: 'Call',
              match: { types: ['call'] },
              anchor: { kind: 'stage_entry' },
              withinHours: 1,
            },
          ],
        },
        { key: 'won', name: 'Won', group: 'Close', ownerRole: 'AE', outcome: 'won' },
        { key: 'lost', name: 'Lost', group: 'Close', ownerRole: 'AE', outcome: 'lost' },
      ],
    });
    expect(parsed.stages[0]!.requiredActions[0]).toMatchObject({
      match: { by: 'anyone' },
      businessHours: false,
    });
    expect(parsed.stages[1]).toMatchObject({ sourceNames: [], requiredActions: [], advancementCriteria: [] });
    expect([parsed.handoffs, parsed.activityRules]).toEqual([[], []]);
  });

  it('rejects a duplicate stage key', () => {
    const def = clone();
    def.stages[1] = { ...def.stages[1]!, key: 'lead' };
    expect(messages(def)).toContain('duplicate stage key "lead"');
  });

  it('rejects a workflow without a lost stage', () => {
    const def = clone();
    def.stages = def.stages.filter((s) => s.outcome !== 'lost');
    expect(messages(def)).toContain('needs one stage with outcome "won" and one with "lost"');
  });

  it('rejects a handoff triggered by an unknown stage', () => {
    const def = clone();
    def.handoffs[0] = { ...def.handoffs[0]!, triggerStage: 'qualification' };
    expect(messages(def)).toContain('unknown stage "qualification"');
  });

  it('rejects keys that are not lowercase identifiers, and a non-positive deadline', () => {
    const badKey = clone();
    badKey.stages[0] = { ...badKey.stages[0]!, key: 'Lead Stage' };
    expect(messages(badKey).length).toBeGreaterThan(0);
    const badHours = clone();
    badHours.stages[0]!.requiredActions[0]!.withinHours = 0;
    expect(messages(badHours).length).toBeGreaterThan(0);
  });
});
