import type { CsvCell } from './csvWriter';

/**
 * How screen values become CSV cells: dates in ISO form in the user's time zone, numbers bare and
 * unformatted (no thousands separators, currency signs or units) so a spreadsheet can sum them.
 */

/** The IANA zone of this runtime (the renderer's: the user's local time zone). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        hourCycle: 'h23',
      });
    } catch {
      throw new Error(`"${zone}" is not a known time zone.`);
    }
    formats.set(zone, format);
  }
  return format;
}

/** How far `zone`'s wall clock is ahead of UTC at `ms`, in ms. */
function offsetAt(ms: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(ms))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = new Date(0);
  wall.setUTCFullYear(parts['year'] ?? 1970, (parts['month'] ?? 1) - 1, parts['day'] ?? 1);
  wall.setUTCHours(parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0, 0);
  return wall.getTime() - Math.floor(ms / 1000) * 1000;
}

const DAY_MS = 86_400_000;
/** Per zone, the UTC offset of each UTC day seen, or null for a day with a clock change in it. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/**
 * The local wall time of `ms` in `zone`, as an ISO string (`2026-03-08T16:30:00.000Z`, read as
 * local). A zone's offset is asked of Intl once per UTC day — formatting 100,000 rows stays cheap —
 * and for each value of a day whose offset changes (a daylight-saving switch).
 */
function localIso(ms: number, zone: string): string {
  let days = dayOffsets.get(zone);
  if (!days) dayOffsets.set(zone, (days = new Map()));
  const day = Math.floor(ms / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const first = offsetAt(day * DAY_MS, zone);
    offset = first === offsetAt(day * DAY_MS + DAY_MS - 1, zone) ? first : null;
    if (days.size > 50_000) days.clear();
    days.set(day, offset);
  }
  return new Date(ms + (offset ?? offsetAt(ms, zone))).toISOString();
}

/** Epoch ms as the local calendar day, `YYYY-MM-DD`; empty when there is no date. */
export function csvDate(ms: number | null | undefined, zone: string): string | null {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? null : localIso(ms, zone).slice(0, 10);
}

/** Epoch ms as local date and time, `YYYY-MM-DD HH:mm` (24-hour); empty when there is no date. */
export function csvDateTime(ms: number | null | undefined, zone: string): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return null;
  const iso = localIso(ms, zone);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A number rounded to `digits` decimals, without the float noise of 0.1 + 0.2. */
export function csvRound(value: number | null | undefined, digits = 2): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * A ratio shown as a percentage (0.4567 → "46%") exported as its percentage number, 45.67: the
 * column's header carries the "(%)" so the number keeps its meaning and stays summable.
 */
export function csvPercent(ratio: number | null | undefined): number | null {
  return ratio === null || ratio === undefined ? null : csvRound(ratio * 100, 2);
}

/** A duration in ms as fractional days, two decimals. */
export function csvDaysFromMs(ms: number | null | undefined): number | null {
  return ms === null || ms === undefined ? null : csvRound(ms / DAY_MS, 2);
}

/**
 * The default cell of a column that says nothing about its export: the accessor value as it is —
 * text as text, numbers as numbers, yes/no for booleans, a list joined with commas, a Date as local
 * date and time. Values that are neither (objects) are left empty rather than written as
 * "[object Object]".
 */
export function toCsvCell(value: unknown, zone: string): CsvCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return csvDateTime(value.getTime(), zone);
  if (Array.isArray(value))
    return value
      .map((item) => toCsvCell(item, zone))
      .filter((item) => item !== null && item !== undefined && item !== '')
      .join(', ');
  return null;
}

/** Lower-case words joined by hyphens, any script kept ("Q4 2026 · Ünal" → "q4-2026-ünal"). */
export function fileSlug(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('en-US')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/**
 * The name of an exported file: `stagecoach-<what>.csv`, e.g. `stagecoach-deals-2026-11-27.csv` or
 * `stagecoach-scorecards-q4-2026.csv`. `parts` say what it is (a table, a period, a date).
 */
export function csvFileName(...parts: string[]): string {
  const slug = parts.map(fileSlug).filter(Boolean).join('-');
  return `stagecoach-${slug || 'table'}.csv`;
}

/** Today (or `at`) as `YYYY-MM-DD` in `zone`. */
export function isoDay(zone: string, at: number = Date.now()): string {
  return localIso(at, zone).slice(0, 10);
}
