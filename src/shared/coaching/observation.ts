import { z } from 'zod';
import { parseIsoDate } from '../metrics/period';

/**
 * A shadowing observation (PRODUCT.md, "Log shadowing observations"): a coach watched a rep work
 * a deal at a stage on a day, marked the stage's checklist, scored the rubric, tagged what they
 * saw and agreed commitments. The JSON shapes match the `observations` table: checklist
 * `[{ key, state }]`, rubric `[{ criterion, score }]`, tags `[string]`.
 */

export const checklistStates = ['done', 'partial', 'skipped', 'na'] as const;
export type ChecklistState = (typeof checklistStates)[number];

export const checklistStateLabels: Record<ChecklistState, string> = {
  done: 'Done',
  partial: 'Partial',
  skipped: 'Skipped',
  na: 'N.a.',
};

export const isoDay = z
  .string()
  .refine((text) => parseIsoDate(text) !== null, 'must be a real date in YYYY-MM-DD form');

/** A rubric criterion's stable key: "Next-step control" → "next_step_control", accents dropped. */
export function criterionKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A tag as stored: trimmed, inner whitespace collapsed; case is kept but never tells tags apart. */
export function normalizeTag(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Tags without blanks and without case-insensitive repeats, first spelling kept. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = normalizeTag(raw);
    const folded = tag.toLowerCase();
    if (tag === '' || seen.has(folded)) continue;
    seen.add(folded);
    result.push(tag);
  }
  return result;
}

const tagSchema = z
  .string()
  .transform(normalizeTag)
  .pipe(z.string().min(1, 'a tag cannot be empty').max(60, 'a tag is at most 60 characters'));

const checklistEntrySchema = z
  .object({ key: z.string().trim().min(1).max(200), state: z.enum(checklistStates) })
  .strict();
export type ChecklistEntry = z.infer<typeof checklistEntrySchema>;

const scoreSchema = z
  .number()
  .int('must be a whole number from 1 to 5')
  .min(1, 'must be from 1 to 5')
  .max(5, 'must be from 1 to 5');

const rubricEntrySchema = z
  .object({ criterion: z.string().trim().min(1).max(200), score: scoreSchema })
  .strict();
export type RubricEntry = z.infer<typeof rubricEntrySchema>;

export const commitmentInputSchema = z
  .object({
    /** Set when an existing commitment of the observation is edited. */
    id: z.number().int().positive().optional(),
    text: z.string().trim().min(1, 'say what the rep commits to').max(500),
    dueOn: isoDay.nullable(),
  })
  .strict();
export type CommitmentInput = z.infer<typeof commitmentInputSchema>;

const observationFields = {
  coach: z.string().trim().min(1, 'name the coach').max(120, 'the coach is at most 120 characters'),
  repId: z.number({ error: 'choose the rep' }).int().positive('choose the rep'),
  dealId: z.number().int().positive().nullable(),
  stageKey: z.string().min(1).max(100).nullable(),
  observedOn: isoDay,
  checklist: z.array(checklistEntrySchema).max(200),
  rubric: z.array(rubricEntrySchema).max(50),
  tags: z.array(tagSchema).max(40, 'at most 40 tags').transform(uniqueTags),
  notes: z.string().max(20_000, 'notes are at most 20,000 characters'),
  commitments: z.array(commitmentInputSchema).max(50, 'at most 50 commitments'),
};

type Fields = { checklist: ChecklistEntry[]; rubric: RubricEntry[] };

function noRepeats(value: Fields, ctx: z.RefinementCtx): void {
  const keys = new Set<string>();
  value.checklist.forEach((entry, i) => {
    if (keys.has(entry.key))
      ctx.addIssue({
        code: 'custom',
        path: ['checklist', i, 'key'],
        message: `"${entry.key}" is marked twice`,
      });
    keys.add(entry.key);
  });
  const criteria = new Set<string>();
  value.rubric.forEach((entry, i) => {
    const key = criterionKey(entry.criterion);
    if (criteria.has(key))
      ctx.addIssue({
        code: 'custom',
        path: ['rubric', i, 'criterion'],
        message: `"${entry.criterion}" is scored twice`,
      });
    criteria.add(key);
  });
}

/** What the coach saves: validated at the API edge and, for messages under each field, in the form. */
export const observationInputSchema = z.object(observationFields).strict().superRefine(noRepeats);
export type ObservationInput = z.output<typeof observationInputSchema>;

/** observations:save — a new observation, or an existing one (by id) replaced by this input. */
export const observationSaveSchema = z
  .object({ id: z.number().int().positive().optional(), ...observationFields })
  .strict()
  .superRefine(noRepeats);
export type ObservationSaveInput = z.input<typeof observationSaveSchema>;

/**
 * The form as the coach left it, autosaved while they type: nothing is required yet, so every
 * half-filled field survives a crash. Names are kept so a resumed draft shows them at once.
 */
export const observationDraftSchema = z
  .object({
    coach: z.string().max(120),
    repId: z.number().int().positive().nullable(),
    dealId: z.number().int().positive().nullable(),
    dealName: z.string().max(500).nullable(),
    stageKey: z.string().max(100).nullable(),
    /** True once the coach picked the stage, so it no longer follows the deal and the date. */
    stageTouched: z.boolean(),
    observedOn: z.string().max(40),
    checklist: z.array(checklistEntrySchema).max(200),
    rubric: z.array(rubricEntrySchema).max(50),
    tags: z.array(z.string().max(60)).max(40),
    notes: z.string().max(20_000),
    commitments: z
      .array(
        z
          .object({
            id: z.number().int().positive().optional(),
            text: z.string().max(500),
            dueOn: z.string().max(40),
          })
          .strict(),
      )
      .max(50),
  })
  .strict();
export type ObservationDraft = z.infer<typeof observationDraftSchema>;

/** Turns the form's draft into the input it would save; validation says what is still missing. */
export function draftToInput(draft: ObservationDraft): unknown {
  return {
    coach: draft.coach,
    repId: draft.repId ?? undefined,
    dealId: draft.dealId,
    stageKey: draft.stageKey,
    observedOn: draft.observedOn.trim(),
    checklist: draft.checklist,
    rubric: draft.rubric,
    tags: draft.tags,
    notes: draft.notes,
    commitments: draft.commitments
      .filter((c) => c.text.trim() !== '' || c.id !== undefined)
      .map((c) => ({
        ...(c.id === undefined ? {} : { id: c.id }),
        text: c.text,
        dueOn: c.dueOn.trim() === '' ? null : c.dueOn.trim(),
      })),
  };
}

/* Rubric and tags: configurable per workspace (settings keys below), with defaults. */

export const RUBRIC_SETTING = 'coaching_rubric';
export const TAGS_SETTING = 'observation_tags';

const anchorSchema = z.string().trim().min(1, 'describe what this score looks like').max(200);

export const rubricCriterionSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_]*$/, 'use lowercase letters, digits and underscores')
      .max(80),
    label: z.string().trim().min(1, 'name the criterion').max(80),
    /** What a 1, 2, 3, 4 and 5 look like, in plain words. */
    anchors: z.tuple([anchorSchema, anchorSchema, anchorSchema, anchorSchema, anchorSchema]),
  })
  .strict();
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const rubricConfigSchema = z
  .object({ criteria: z.array(rubricCriterionSchema).min(1, 'keep at least one criterion').max(12) })
  .strict()
  .superRefine((config, ctx) => {
    const keys = new Set<string>();
    config.criteria.forEach((criterion, i) => {
      if (keys.has(criterion.key))
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'label'],
          message: `"${criterion.label}" is in the rubric twice`,
        });
      keys.add(criterion.key);
    });
  });
export type RubricConfig = z.infer<typeof rubricConfigSchema>;

/** The default rubric: five habits a coach can judge in one shadowed call. */
export const defaultRubric: RubricConfig = {
  criteria: [
    {
      key: 'discovery_questions',
      label: 'Discovery questions',
      anchors: [
        'Pitched before asking anything',
        'Asked a few surface questions',
        'Found the pain but not its cost',
        'Found the pain, its cost and who feels it',
        'Prospect said something new about their own business',
      ],
    },
    {
      key: 'value_articulation',
      label: 'Value articulation',
      anchors: [
        'Listed features',
        'Generic benefits, not tied to this prospect',
        'Tied some features to the stated pain',
        'Value in the prospect’s own words and numbers',
        'Prospect repeated the value case back unprompted',
      ],
    },
    {
      key: 'objection_handling',
      label: 'Objection handling',
      anchors: [
        'Argued or ignored the objection',
        'Answered defensively',
        'Acknowledged and answered',
        'Asked why, then answered the real concern',
        'Turned the objection into a next step',
      ],
    },
    {
      key: 'next_step_clarity',
      label: 'Next step clarity',
      anchors: [
        'No next step',
        '“I’ll follow up” with no date',
        'Next step with a date, owner unclear',
        'Date, owner and agenda agreed on the call',
        'Mutual plan to signature agreed and sent',
      ],
    },
    {
      key: 'crm_hygiene',
      label: 'CRM hygiene',
      anchors: [
        'Nothing logged',
        'Logged days later or partly',
        'Logged the same day, required fields gaps',
        'Required fields and notes complete the same day',
        'Complete, with next step and stakeholders recorded',
      ],
    },
  ],
};

export const tagTones = ['positive', 'negative', 'neutral'] as const;
export type TagTone = (typeof tagTones)[number];

export const tagConfigSchema = z
  .array(
    z
      .object({
        tag: tagSchema,
        tone: z.enum(tagTones),
      })
      .strict(),
  )
  .max(200, 'at most 200 tags')
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach((entry, i) => {
      const folded = entry.tag.toLowerCase();
      if (seen.has(folded))
        ctx.addIssue({ code: 'custom', path: [i, 'tag'], message: `"${entry.tag}" is listed twice` });
      seen.add(folded);
    });
  });
export type TagConfig = z.infer<typeof tagConfigSchema>;

/** What coaches tag most: the habits the method looks for, good and bad. */
export const defaultObservationTags: TagConfig = [
  { tag: 'great discovery', tone: 'positive' },
  { tag: 'strong recap email', tone: 'positive' },
  { tag: 'multi-threaded early', tone: 'positive' },
  { tag: 'clear mutual action plan', tone: 'positive' },
  { tag: 'used the template', tone: 'positive' },
  { tag: 'custom email written from scratch', tone: 'negative' },
  { tag: 'outdated deck', tone: 'negative' },
  { tag: 'required field skipped', tone: 'negative' },
  { tag: 'rogue step', tone: 'negative' },
  { tag: 'no next step agreed', tone: 'negative' },
  { tag: 'talked over the prospect', tone: 'negative' },
];

/** observations:saveSettings — either or both. */
export const observationSettingsSchema = z
  .object({ rubric: rubricConfigSchema.optional(), tags: tagConfigSchema.optional() })
  .strict();
