import { describe, expect, it } from 'vitest';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import { workflowDefinitionSchema } from '@shared/workflow/definition';

describe('workflow definition schema at the API edge', () => {
  it('refuses a subject pattern that is not a regular expression, naming where it is', () => {
    const broken = structuredClone(defaultWorkflow);
    broken.activityRules[0]!.subjectPattern = '(demo';
    const result = workflowDefinitionSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toContain(
      'activityRules.0.subjectPattern: is not a valid regular expression',
    );
  });

  it('refuses an action counted from stage entry with no deadline', () => {
    const broken = structuredClone(defaultWorkflow);
    delete broken.stages[0]!.requiredActions[0]!.withinHours;
    const result = workflowDefinitionSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join('.')).toBe('stages.0.requiredActions.0.withinHours');
  });
});
