import { z } from 'zod';
import { maxKeptBackups } from './types';

/** Backup and restore API inputs, validated at the edge. */

/** A backup file name as the backups folder lists it: never a path. */
const backupName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', 'must be a backup file name');

export const restoreSourceInput = z.union([
  z.object({ backup: backupName }).strict(),
  z.object({ path: z.string().min(1, 'choose a file').max(4096) }).strict(),
]);

export const backupInputs = {
  list: z.object({}).strict(),
  create: z.object({}).strict(),
  verify: z.object({ name: backupName }).strict(),
  inspect: z.object({ source: restoreSourceInput }).strict(),
  restore: z.object({ source: restoreSourceInput }).strict(),
  saveSettings: z
    .object({
      automatic: z.boolean(),
      keep: z
        .number()
        .int('must be a whole number')
        .min(1, 'keep at least one automatic backup')
        .max(maxKeptBackups, `keep at most ${maxKeptBackups} automatic backups`),
    })
    .strict(),
};
