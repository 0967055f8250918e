import { z } from 'zod';
import { parseIsoDate } from '../metrics/period';
import type { ChangeKind, ExperimentDecision, ExperimentDesign, ExperimentStatus } from './types';

/**
 * The experiments:* API inputs, validated at the edge. What needs the workspace (stage and action
 * keys of the workflow, reps, workflow versions) is checked by the engine, with the same kind of
 * message naming the field.
 */

const id = z.number().int().positive();
const versionId = z.number().int().positive();
const day = z
  .string()
  .refine((text) => parseIsoDate(text) !== null, 'must be a real date in YYYY-MM-DD form');
const key = z.string().trim().min(1, 'choose a stage').max(100);

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
const quarter = z.string().regex(QUARTER_PATTERN, 'must be a quarter like 2026-Q4');

export const changeKinds = [
  'advancement_criteria',
  'handoff_checklist',
  'follow_up_sequence',
  'required_action',
  'other',
] as const satisfies readonly ChangeKind[];
export const experimentDesigns = [
  'before_after',
  'treatment_control',
] as const satisfies readonly ExperimentDesign[];
export const experimentStatuses = [
  'planned',
  'running',
  'concluded',
] as const satisfies readonly ExperimentStatus[];
export const experimentDecisions = [
  'adopt',
  'refine',
  'revert',
] as const satisfies readonly ExperimentDecision[];

export const experimentMetricSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conversion'), stageKey: key }).strict(),
  z.object({ kind: z.literal('time_in_stage'), stageKey: key }).strict(),
  z
    .object({
      kind: z.literal('compliance'),
      stageKey: key,
      actionKey: z.string().trim().min(1).max(100).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('win_rate') }).strict(),
]);

const repIds = z.array(id).max(500, 'at most 500 reps');

export const experimentInputSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'give the experiment a title')
      .max(200, 'keep the title under 200 characters'),
    quarter,
    bottleneck: z.object({ stageKey: key, metric: experimentMetricSchema }).strict(),
    hypothesis: z.string().trim().max(2000, 'keep the hypothesis under 2,000 characters'),
    changeKind: z.enum(changeKinds),
    changeDescription: z.string().trim().max(2000, 'keep the description under 2,000 characters'),
    workflowVersionId: versionId.nullable(),
    baselineVersionId: versionId.nullable(),
    design: z.enum(experimentDesigns),
    treatmentRepIds: repIds,
    controlRepIds: repIds,
    primaryMetric: experimentMetricSchema,
    guardrails: z.array(experimentMetricSchema).max(10, 'at most 10 guardrail metrics'),
    startsOn: day,
    endsOn: day,
    status: z.enum(experimentStatuses),
  })
  .strict();

function checkExperiment(value: z.output<typeof experimentInputSchema>, ctx: z.RefinementCtx): void {
  const starts = parseIsoDate(value.startsOn);
  const ends = parseIsoDate(value.endsOn);
  if (starts !== null && ends !== null && ends < starts) {
    ctx.addIssue({
      code: 'custom',
      path: ['endsOn'],
      message: `endsOn (${value.endsOn}) must be on or after startsOn (${value.startsOn})`,
    });
  }
  if (value.design === 'treatment_control') {
    if (value.treatmentRepIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['treatmentRepIds'],
        message: 'a treatment vs control experiment needs at least one treatment rep',
      });
    }
    if (value.controlRepIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['controlRepIds'],
        message: 'a treatment vs control experiment needs at least one control rep',
      });
    }
    const treatment = new Set(value.treatmentRepIds);
    const both = value.controlRepIds.filter((repId) => treatment.has(repId));
    if (both.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['controlRepIds'],
        message: `a rep cannot be in both groups: rep ${both.join(', ')} is in treatmentRepIds and controlRepIds`,
      });
    }
  }
}

export const experimentInputs = {
  list: z.object({ quarter: quarter.optional() }).strict(),
  get: z.object({ id }).strict(),
  candidates: z.object({ quarter: quarter.optional() }).strict(),
  save: experimentInputSchema.extend({ id: id.optional() }).strict().superRefine(checkExperiment),
  decide: z
    .object({
      id,
      decision: z.enum(experimentDecisions),
      note: z.string().trim().max(2000, 'keep the note under 2,000 characters').default(''),
    })
    .strict(),
  delete: z.object({ id }).strict(),
};

export type ExperimentSaveInput = z.output<typeof experimentInputs.save>;
export type ExperimentDecideInput = z.output<typeof experimentInputs.decide>;
