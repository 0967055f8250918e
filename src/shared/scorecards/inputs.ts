import { z } from 'zod';
import { parseIsoDate } from '../metrics/period';
import { scorecardMetricKeys } from './metrics';

const day = z
  .string()
  .refine((text) => parseIsoDate(text) !== null, 'must be a real date in YYYY-MM-DD form');
const versionId = z.number().int().positive();
const teams = z.array(z.string().min(1)).max(100);

/** A scorecard's scope: the month or quarter containing `anchor`, a workflow version, optional teams. */
export const scorecardScopeInput = z
  .object({
    kind: z.enum(['month', 'quarter']),
    anchor: day,
    versionId: versionId.optional(),
    teams: teams.optional(),
  })
  .strict();
export type ScorecardScopeInput = z.input<typeof scorecardScopeInput>;

export const repScorecardInput = scorecardScopeInput.extend({ repId: z.number().int().positive() }).strict();
export type RepScorecardInput = z.input<typeof repScorecardInput>;

/** The rows behind one figure, for a rep or the team (no repId), in a period of inclusive dates. */
export const scorecardEvidenceInput = z
  .object({
    metric: z.enum(scorecardMetricKeys),
    repId: z.number().int().positive().optional(),
    from: day,
    to: day,
    versionId: versionId.optional(),
    teams: teams.optional(),
    /** Every row behind the figure, not only the newest 2,000 (a CSV export of the list). */
    all: z.boolean().optional(),
  })
  .strict()
  .refine((input) => input.from <= input.to, { message: 'the period ends before it starts', path: ['to'] });
export type ScorecardEvidenceInput = z.input<typeof scorecardEvidenceInput>;
