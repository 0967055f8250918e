import { DateTime } from 'luxon';

/**
 * "Now" for browser mode and the command line. Normally the system clock; when the environment
 * sets STAGECOACH_FIXED_NOW (the tests do, so the demo workspace and every "this quarter" figure
 * are the same on any day the suite runs), that instant instead. The Electron app never reads it.
 */
export const FIXED_NOW_ENV = 'STAGECOACH_FIXED_NOW';

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The pinned instant, or undefined when the variable is unset; a malformed value is an error. */
export function fixedNowFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env[FIXED_NOW_ENV];
  if (raw === undefined || raw === '') return undefined;
  // Luxon, not Date.parse: it refuses 2026-02-30 instead of rolling over into March.
  const parsed = isoInstant.test(raw) ? DateTime.fromISO(raw, { setZone: true }) : null;
  if (!parsed?.isValid)
    throw new Error(
      `${FIXED_NOW_ENV} must be a date and time with its zone, e.g. 2026-11-27T12:00:00Z, not "${raw}".`,
    );
  return parsed.toMillis();
}

/** A clock reading the pinned instant if there is one, the system clock otherwise. */
export function clockOf(fixedNow: number | undefined): () => number {
  return fixedNow === undefined ? () => Date.now() : () => fixedNow;
}

/** The line browser mode prints on start while the clock is pinned (the command line keeps its output as it is). */
export function fixedNowNotice(fixedNow: number): string {
  return `The clock is fixed at ${new Date(fixedNow).toISOString()} (${FIXED_NOW_ENV}).`;
}
