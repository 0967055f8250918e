import { describe, expect, it } from 'vitest';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import { workflowDefinitionSchema } from '@shared/workflow/definition';
import { createStageMapper, normalizeStageName } from '@shared/workflow/stageMapping';

const map = createStageMapper(defaultWorkflow);

describe('default workflow stage mapping', () => {
  it.each([
    ['Prospecting', 'lead'],
    ['Qualification', 'discovery'],
    ['Needs Analysis', 'discovery'],
    ['Value Proposition', 'demo'],
    ['Id. Decision Makers', 'demo'],
    ['Perception Analysis', 'demo'],
    ['Proposal/Price Quote', 'proposal'],
    ['Negotiation/Review', 'negotiation'],
    ['Closed Won', 'won'],
    ['Closed Lost', 'lost'],
  ])('maps the Salesforce stage %s onto %s', (source, key) => {
    expect(map(source)).toBe(key);
  });

  it.each([
    ['Appointment Scheduled', 'lead'],
    ['Qualified To Buy', 'discovery'],
    ['Presentation Scheduled', 'demo'],
    ['Decision Maker Bought-In', 'proposal'],
    ['Contract Sent', 'negotiation'],
    ['Closed Won', 'won'],
    ['Closed Lost', 'lost'],
    ['closedwon', 'won'],
    ['Contract Sent (Sales Pipeline)', 'negotiation'],
  ])('maps the HubSpot stage %s onto %s', (source, key) => {
    expect(map(source)).toBe(key);
  });

  it('ignores case, accents and punctuation, and leaves unknown stages unmapped', () => {
    expect(normalizeStageName('  PROPOSAL / Price-Quote ')).toBe('proposal price quote');
    expect(map('proposal price quote')).toBe('proposal');
    expect(map('Négociation/Review')).toBe(null);
    expect(map('Legal review')).toBe(null);
  });
});

describe('workflow definition schema', () => {
  it('accepts the default workflow', () => {
    expect(workflowDefinitionSchema.safeParse(defaultWorkflow).success).toBe(true);
  });

  it('names the wrong field when a definition is invalid', () => {
    const broken = {
      ...defaultWorkflow,
      stages: defaultWorkflow.stages.map((s, i) => (i === 1 ? { ...s, key: 'lead' } : s)),
      handoffs: [{ ...defaultWorkflow.handoffs[0]!, triggerStage: 'legal' }],
    };
    const result = workflowDefinitionSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('stages.1.key: duplicate stage key "lead"');
    expect(messages).toContain('handoffs.0.triggerStage: unknown stage "legal"');
  });
});
