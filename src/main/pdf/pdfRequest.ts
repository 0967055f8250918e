import { z } from 'zod';
import type { PdfExportRequest } from '@shared/api/bridge';
import { parseIsoDate } from '@shared/metrics/period';

/** An export request from the renderer, checked at the IPC edge like every API input. */
const day = z
  .string()
  .refine((text) => parseIsoDate(text) !== null, 'must be a real date in YYYY-MM-DD form');
const repId = z.number().int().positive();
const paper = z.enum(['a4', 'letter']);
const scope = z
  .object({
    kind: z.enum(['month', 'quarter']),
    at: day,
    versionId: z.number().int().positive().nullable(),
    teams: z.array(z.string().min(1).max(200)).max(100),
  })
  .strict();

export const pdfExportRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rep'), repId, scope, paper }).strict(),
  z.object({ kind: z.literal('team'), scope, paper }).strict(),
  z.object({ kind: z.literal('everyRep'), scope, paper, combined: z.boolean() }).strict(),
  z.object({ kind: z.literal('oneOnOne'), repId, paper }).strict(),
]) satisfies z.ZodType<PdfExportRequest>;

/** The request, or a message saying what is wrong with it. */
export function parsePdfExportRequest(
  input: unknown,
): { ok: true; request: PdfExportRequest } | { ok: false; message: string } {
  const parsed = pdfExportRequestSchema.safeParse(input);
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    message: `Invalid PDF export request: ${issue ? `${issue.path.join('.') || 'request'} ${issue.message}` : 'unreadable'}.`,
  };
}
