import { z } from 'zod';

/**
 * The workflow definition: what a manager writes down about how deals should move.
 * It is stored as JSON per version and crosses the app's edges (export/import files),
 * so it is described by a zod schema and its type is inferred from it.
 */

export const stageGroups = ['Prospect', 'Advance', 'Close', 'Expand'] as const;
export const repRoles = ['SDR', 'AE', 'SE', 'CS', 'Manager', 'Other'] as const;

/** A case-insensitive regular expression, refused when it does not compile. */
const pattern = z.string().refine((text) => {
  try {
    new RegExp(text, 'i');
    return true;
  } catch {
    return false;
  }
}, 'is not a valid regular expression');

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'use lowercase letters, digits and underscores, starting with a letter');

export const anchorSchema = z.union([
  z.object({ kind: z.literal('stage_entry') }),
  z.object({ kind: z.literal('activity'), activityType: key }),
  z.object({ kind: z.literal('stage_exit') }),
]);

export const activityMatcherSchema = z.object({
  /** Normalized activity types that satisfy the action (any of). */
  types: z.array(key).min(1),
  /** Case-insensitive regular expression over the activity subject. */
  subjectPattern: pattern.optional(),
  /** Who must have done it: the deal owner, or anyone holding a role. */
  by: z.union([z.literal('owner'), z.literal('anyone'), z.enum(repRoles)]).default('anyone'),
});

export const requiredActionSchema = z.object({
  key,
  label: z.string().min(1),
  match: activityMatcherSchema,
  anchor: anchorSchema,
  /** Deadline after the anchor; omitted with a stage_exit anchor ("before leaving the stage"). */
  withinHours: z.number().positive().optional(),
  businessHours: z.boolean().default(false),
});

export const criterionSchema = z.discriminatedUnion('kind', [
  z.object({ key, label: z.string().min(1), kind: z.literal('field_set'), field: z.string().min(1) }),
  z.object({
    key,
    label: z.string().min(1),
    kind: z.literal('field_in'),
    field: z.string().min(1),
    values: z.array(z.string()).min(1),
  }),
  z.object({
    key,
    label: z.string().min(1),
    kind: z.literal('activity_present'),
    activityTypes: z.array(key).min(1),
  }),
  z.object({
    key,
    label: z.string().min(1),
    kind: z.literal('stakeholders'),
    minDistinctContacts: z.number().int().positive(),
  }),
]);

export const stageSchema = z.object({
  key,
  name: z.string().min(1),
  group: z.enum(stageGroups),
  ownerRole: z.enum(repRoles),
  /** Days a deal may stay before it counts as stalled; omitted for terminal stages. */
  targetDays: z.number().positive().optional(),
  /** won / lost mark the terminal stages used for win rate and cycle time. */
  outcome: z.enum(['won', 'lost']).optional(),
  /** Stage names as CRMs write them that map onto this stage (matched after normalizing). */
  sourceNames: z.array(z.string().min(1)).default([]),
  requiredActions: z.array(requiredActionSchema).default([]),
  advancementCriteria: z.array(criterionSchema).default([]),
});

export const handoffSchema = z.object({
  key,
  label: z.string().min(1),
  fromRole: z.enum(repRoles),
  toRole: z.enum(repRoles),
  /** The handoff triggers when the deal enters this stage. */
  triggerStage: key,
  requiredFields: z.array(z.string().min(1)).default([]),
  firstTouchWithinHours: z.number().positive(),
});

export const activityRuleSchema = z.object({
  /** The normalized type a matching raw activity becomes. */
  type: key,
  /** Raw CRM types this rule applies to (any of, case-insensitive); empty means any. */
  rawTypes: z.array(z.string()).default([]),
  /** Case-insensitive regular expression over the subject. */
  subjectPattern: pattern.optional(),
});

export const workflowDefinitionSchema = z
  .object({
    name: z.string().min(1),
    stages: z.array(stageSchema).min(2),
    handoffs: z.array(handoffSchema).default([]),
    activityRules: z.array(activityRuleSchema).default([]),
  })
  .superRefine((def, ctx) => {
    const keys = new Set<string>();
    def.stages.forEach((stage, i) => {
      if (keys.has(stage.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'key'],
          message: `duplicate stage key "${stage.key}"`,
        });
      }
      keys.add(stage.key);
    });
    if (!def.stages.some((s) => s.outcome === 'won') || !def.stages.some((s) => s.outcome === 'lost')) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages'],
        message: 'needs one stage with outcome "won" and one with "lost"',
      });
    }
    def.stages.forEach((stage, i) =>
      stage.requiredActions.forEach((action, j) => {
        if (action.anchor.kind !== 'stage_exit' && action.withinHours === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['stages', i, 'requiredActions', j, 'withinHours'],
            message: 'a deadline in hours is needed unless the action is due before leaving the stage',
          });
        }
      }),
    );
    def.handoffs.forEach((h, i) => {
      if (!keys.has(h.triggerStage)) {
        ctx.addIssue({
          code: 'custom',
          path: ['handoffs', i, 'triggerStage'],
          message: `unknown stage "${h.triggerStage}"`,
        });
      }
    });
  });

export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
export type StageDefinition = z.infer<typeof stageSchema>;
export type RequiredAction = z.infer<typeof requiredActionSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Handoff = z.infer<typeof handoffSchema>;
export type ActivityRule = z.infer<typeof activityRuleSchema>;
export type StageGroup = (typeof stageGroups)[number];
export type RepRole = (typeof repRoles)[number];
