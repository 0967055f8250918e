import { DateTime } from 'luxon';

/** How to read slashed dates: month first (US) or day first. */
export type DateOrder = 'MDY' | 'DMY';

export type DateReading = { zone: string; order: DateOrder | null };

export type ParsedDate = { ok: true; ms: number } | { ok: false; message: string };

const isoWithZone = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})$/i;
const isoLocal = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const slashed =
  /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const serial = /^\d{5}(?:\.\d+)?$/;

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function local(
  zone: string,
  parts: {
    year: number;
    month: number;
    day: number;
    hour?: number;
    minute?: number;
    second?: number;
    millisecond?: number;
  },
  original: string,
): ParsedDate {
  if (zone === 'UTC') {
    // The common case of API exports, without the cost of a zone lookup.
    const { year, month, day, hour = 0, minute = 0, second = 0, millisecond = 0 } = parts;
    const ms = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
    const check = new Date(ms);
    if (
      Number.isNaN(ms) ||
      check.getUTCDate() !== day ||
      check.getUTCMonth() !== month - 1 ||
      hour > 23 ||
      minute > 59 ||
      second > 59
    ) {
      return { ok: false, message: `"${original}" is not a real date` };
    }
    return { ok: true, ms };
  }
  const dt = DateTime.fromObject({ hour: 0, minute: 0, second: 0, millisecond: 0, ...parts }, { zone });
  if (!dt.isValid || dt.day !== parts.day || dt.month !== parts.month) {
    return { ok: false, message: `"${original}" is not a real date` };
  }
  return { ok: true, ms: dt.toMillis() };
}

function twelveHour(hour: number, meridiem: string | undefined): number | null {
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

/**
 * Reads a date or datetime as CRM exports write it and returns UTC epoch ms: ISO 8601 with Z or
 * an offset (`…+0000`); zone-less `YYYY-MM-DD[ HH:MM[:SS]]`, slashed `M/D/YY` or `D/M/YYYY`
 * (by `order`) with optional 12-hour time, `D.M.YYYY`, and Excel serial day numbers — all
 * zone-less forms read as wall-clock time in `zone`.
 */
export function parseDateTime(raw: string, reading: DateReading): ParsedDate {
  const value = raw.trim();
  let m = isoWithZone.exec(value);
  if (m) {
    const offset = m[3]!.toUpperCase() === 'Z' ? 'Z' : m[3]!.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    const ms = Date.parse(`${m[1]}T${m[2]}${offset}`);
    return Number.isNaN(ms) ? { ok: false, message: `"${raw}" is not a real date` } : { ok: true, ms };
  }
  m = isoLocal.exec(value);
  if (m) {
    const fraction = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    return local(
      reading.zone,
      {
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
        hour: Number(m[4] ?? 0),
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
        millisecond: fraction,
      },
      raw,
    );
  }
  m = slashed.exec(value);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    let order = reading.order;
    if (order === null) {
      if (a > 12 && b <= 12) order = 'DMY';
      else if (b > 12 && a <= 12) order = 'MDY';
      else return { ok: false, message: `"${raw}" could be day/month or month/day; choose the date order` };
    }
    const hour = twelveHour(Number(m[4] ?? 0), m[7]);
    if (hour === null) return { ok: false, message: `"${raw}" has an hour that does not fit AM/PM` };
    return local(
      reading.zone,
      {
        year: fullYear(m[3]!),
        month: order === 'MDY' ? a : b,
        day: order === 'MDY' ? b : a,
        hour,
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
      },
      raw,
    );
  }
  m = dotted.exec(value);
  if (m) {
    return local(
      reading.zone,
      {
        year: Number(m[3]),
        month: Number(m[2]),
        day: Number(m[1]),
        hour: Number(m[4] ?? 0),
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
      },
      raw,
    );
  }
  if (serial.test(value)) {
    const days = Number(value);
    if (days >= 20000 && days <= 80000) {
      // Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
      const wall = new Date(Date.UTC(1899, 11, 30) + Math.round(days * 86_400_000));
      return local(
        reading.zone,
        {
          year: wall.getUTCFullYear(),
          month: wall.getUTCMonth() + 1,
          day: wall.getUTCDate(),
          hour: wall.getUTCHours(),
          minute: wall.getUTCMinutes(),
          second: wall.getUTCSeconds(),
        },
        raw,
      );
    }
  }
  return { ok: false, message: `"${raw}" is not a date this importer knows` };
}

/** Only a calendar date (YYYY-MM-DD) of a value, as the CRM wrote it: used for close dates. */
export function parseCalendarDate(
  raw: string,
  reading: DateReading,
): { ok: true; date: string } | { ok: false; message: string } {
  const parsed = parseDateTime(raw, {
    ...reading,
    zone: isoWithZone.test(raw.trim()) ? reading.zone : 'UTC',
  });
  if (!parsed.ok) return parsed;
  const dt = DateTime.fromMillis(parsed.ms, { zone: isoWithZone.test(raw.trim()) ? reading.zone : 'UTC' });
  return { ok: true, date: dt.toISODate() ?? '' };
}

export type OrderEvidence = 'MDY' | 'DMY' | 'ambiguous' | 'none' | 'conflict';

/**
 * Settles day/month order from a whole column: any value whose first part is over 12 means
 * day first, any whose second part is over 12 means month first; both means the column is mixed.
 */
export function inferDateOrder(values: Iterable<string>): OrderEvidence {
  let slashedSeen = false;
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    if (!value.includes('/')) continue;
    const m = slashed.exec(value.trim());
    if (!m) continue;
    slashedSeen = true;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dayFirst = true;
    if (b > 12 && a <= 12) monthFirst = true;
  }
  if (!slashedSeen) return 'none';
  if (dayFirst && monthFirst) return 'conflict';
  if (dayFirst) return 'DMY';
  if (monthFirst) return 'MDY';
  return 'ambiguous';
}
