import { z } from 'zod';
import {
  isoDay,
  observationDraftSchema,
  observationSaveSchema,
  observationSettingsSchema,
} from './observation';
import { observationListSchema } from './observationViews';

const id = z.number().int().positive();
/** A draft belongs to an existing observation, or (null) to a new one. */
const draftOwner = z.object({ observationId: id.nullable() }).strict();

/** The input schema of every observations:* method, for the API contract. */
export const observationInputs = {
  list: observationListSchema,
  get: z.object({ id }).strict(),
  save: observationSaveSchema,
  delete: z.object({ id }).strict(),
  restore: z.object({ id }).strict(),
  draft: draftOwner,
  saveDraft: z.object({ observationId: id.nullable(), body: observationDraftSchema }).strict(),
  discardDraft: draftOwner,
  options: z.object({}).strict(),
  saveSettings: observationSettingsSchema,
  dealStage: z.object({ dealId: id, observedOn: isoDay }).strict(),
  summary: z.object({ repId: id.optional(), from: isoDay, to: isoDay }).strict(),
};
