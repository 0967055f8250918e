/** A reporting period given as inclusive calendar dates (YYYY-MM-DD), read in UTC. */
export type Period = { from: string; to: string };

const DAY_MS = 86_400_000;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Parses YYYY-MM-DD strictly (no rollover of 2026-02-30); null when it is not a real date. */
export function parseIsoDate(text: string): number | null {
  if (!isoDate.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return null;
  return ms;
}

/** The half-open instant range [start, end) covering both dates of the period in full. */
export function periodBounds(period: Period): { start: number; end: number } {
  const start = parseIsoDate(period.from);
  const last = parseIsoDate(period.to);
  if (start === null) throw new RangeError(`"${period.from}" is not a date in YYYY-MM-DD form`);
  if (last === null) throw new RangeError(`"${period.to}" is not a date in YYYY-MM-DD form`);
  if (last < start) throw new RangeError(`the period ends (${period.to}) before it starts (${period.from})`);
  return { start, end: last + DAY_MS };
}

export function msToDays(ms: number): number {
  return ms / DAY_MS;
}
