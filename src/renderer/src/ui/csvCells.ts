import { csvDate, csvDateTime, localTimeZone } from '@shared/csv/csvValues';

/** Column-meta helpers for CSV cells in the user's local time zone. */

/** Epoch ms as the local day, `YYYY-MM-DD`. */
export function localCsvDate(ms: number | null | undefined): string | null {
  return csvDate(ms, localTimeZone());
}

/** Epoch ms as local date and time, `YYYY-MM-DD HH:mm`. */
export function localCsvDateTime(ms: number | null | undefined): string | null {
  return csvDateTime(ms, localTimeZone());
}
