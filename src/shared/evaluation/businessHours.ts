import { DateTime } from 'luxon';

/** The workspace's working hours: used for "within N hours" rules when the user turns them on. */
export type WorkingHours = {
  enabled: boolean;
  timeZone: string;
  /** Hour of day work starts and ends, local time (9 and 17 for 9:00–17:00). */
  startHour: number;
  endHour: number;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  days: number[];
};

export const defaultWorkingHours = (timeZone: string): WorkingHours => ({
  enabled: false,
  timeZone,
  startHour: 9,
  endHour: 17,
  days: [1, 2, 3, 4, 5],
});

const HOUR = 3_600_000;

/**
 * The instant `hours` working hours after `from`: time outside the working day and on days off
 * does not count, so a lead that arrives Friday 16:00 with a 2-hour rule is due Monday 10:00.
 * Counted in the workspace time zone, so daylight-saving changes are honoured.
 */
export function addWorkingHours(from: number, hours: number, schedule: WorkingHours): number {
  if (schedule.days.length === 0 || schedule.endHour <= schedule.startHour) return from + hours * HOUR;
  let remaining = hours * HOUR;
  let cursor = DateTime.fromMillis(from, { zone: schedule.timeZone });
  for (let guard = 0; guard < 3700; guard++) {
    const dayStart = cursor.set({ hour: schedule.startHour, minute: 0, second: 0, millisecond: 0 });
    const dayEnd = cursor.set({ hour: schedule.endHour, minute: 0, second: 0, millisecond: 0 });
    if (schedule.days.includes(cursor.weekday) && cursor < dayEnd) {
      const start = cursor < dayStart ? dayStart : cursor;
      const available = dayEnd.toMillis() - start.toMillis();
      if (remaining <= available) return start.toMillis() + remaining;
      remaining -= available;
    }
    cursor = cursor.plus({ days: 1 }).set({ hour: 0, minute: 0, second: 0, millisecond: 0 });
  }
  return from + hours * HOUR;
}
