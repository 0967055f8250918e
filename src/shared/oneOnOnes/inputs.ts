import { z } from 'zod';
import { commitmentRuleSchema } from './rules';
import { commitmentStatuses } from './types';

/** The one-on-one, commitment and ramp API inputs, validated at the edge. */

const id = z.number().int().positive();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in YYYY-MM-DD form')
  .refine((text) => {
    const ms = Date.parse(`${text}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
  }, 'is not a real calendar date');

export const oneOnOneInputs = {
  list: z.object({}).strict(),
  prep: z.object({ repId: id }).strict(),
  history: z.object({ repId: id }).strict(),
  saveDraft: z
    .object({
      repId: id,
      notes: z.string().max(20_000, 'notes are limited to 20,000 characters').optional(),
      talkingPoints: z
        .array(
          z
            .string()
            .trim()
            .min(1, 'a talking point cannot be empty')
            .max(500, 'keep a talking point under 500 characters'),
        )
        .max(30, 'at most 30 talking points')
        .optional(),
    })
    .strict(),
  hold: z.object({ repId: id, heldOn: isoDate.optional() }).strict(),
  addCommitment: z
    .object({
      repId: id,
      text: z
        .string()
        .trim()
        .min(1, 'say what the rep commits to')
        .max(300, 'keep a commitment under 300 characters'),
      dueOn: isoDate.optional(),
      rule: commitmentRuleSchema.optional(),
    })
    .strict(),
  resolveCommitment: z
    .object({
      id,
      status: z.enum(commitmentStatuses),
      note: z.string().max(500, 'keep the note under 500 characters').optional(),
    })
    .strict(),
  setCommitmentRule: z.object({ id, rule: commitmentRuleSchema.nullable() }).strict(),
  removeCommitment: z.object({ id }).strict(),
  ramp: z
    .object({ months: z.number().int().min(1, 'at least 1 month').max(24, 'at most 24 months').default(6) })
    .strict(),
};
