/** Time arithmetic for the demo generator; everything is UTC epoch milliseconds. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The calendar date (YYYY-MM-DD, UTC) of an instant. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of the day holding `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** Midnight UTC of the first day of the calendar quarter holding `ms`, shifted by `offset` quarters. */
export function quarterStart(ms: number, offset = 0): number {
  const d = new Date(ms);
  const quarter = Math.floor(d.getUTCMonth() / 3) + offset;
  return Date.UTC(d.getUTCFullYear(), quarter * 3, 1);
}

/** Saturday and Sunday in UTC; deals are created and moved on working days. */
export function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

/** Whole months between two instants, counted in 30-day steps (enough for a ramp curve). */
export function monthsBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / (30 * DAY)));
}
