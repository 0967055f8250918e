import { describe, expect, it } from 'vitest';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import { workflowDefinitionSchema } from '@shared/workflow/definition';
import { definitionText, formatOfFile, parseDefinitionText } from '@shared/workflow/definitionText';

describe('workflow definition files', () => {
  it('round-trips the default workflow through YAML and JSON', () => {
    for (const format of ['yaml', 'json'] as const) {
      const parsed = parseDefinitionText(definitionText(defaultWorkflow, format), format);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(workflowDefinitionSchema.parse(parsed.value)).toEqual(defaultWorkflow);
    }
    expect(definitionText(defaultWorkflow, 'yaml')).toContain('name: Default B2B workflow');
    expect(formatOfFile('stagecoach-workflow-v3.YML')).toBe('yaml');
    expect(formatOfFile('stagecoach-workflow-v3.json')).toBe('json');
  });

  it('says what is wrong with a broken file, and the schema names the wrong field', () => {
    expect(parseDefinitionText('stages: [unclosed', 'yaml')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('not valid YAML'),
    });
    const edited = definitionText(defaultWorkflow, 'yaml').replace('targetDays: 7', 'targetDays: -7');
    const parsed = parseDefinitionText(edited, 'yaml');
    const result = workflowDefinitionSchema.safeParse(parsed.ok ? parsed.value : null);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join('.')).toBe('stages.0.targetDays');
  });
});
