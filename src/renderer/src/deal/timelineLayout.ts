import type { ActivityRow, DealStageVisit, EpochMs } from '@shared/domain/types';

/** Where things sit on the stage timeline, as percentages of its width. */

const DAY_MS = 86_400_000;

export type TimeDomain = { start: EpochMs; end: EpochMs };

export type Band = { visit: DealStageVisit; left: number; width: number; ongoing: boolean };
export type Tick = { at: EpochMs; left: number; label: string };
export type Marker = { activity: ActivityRow; left: number };

/** The span the timeline covers: from creation (or anything earlier) to its end (or anything later). */
export function timeDomain(
  createdAt: EpochMs | null,
  timelineEnd: EpochMs,
  visits: readonly DealStageVisit[],
  activities: readonly ActivityRow[],
): TimeDomain {
  // Some CRM exports carry no creation date; the first stage entry or activity starts the axis then.
  let start = createdAt ?? timelineEnd;
  let end = timelineEnd;
  for (const v of visits) {
    start = Math.min(start, v.enteredAt);
    end = Math.max(end, v.exitedAt ?? v.enteredAt);
  }
  for (const a of activities) {
    start = Math.min(start, a.occurredAt);
    end = Math.max(end, a.occurredAt);
  }
  // A deal a few minutes old still gets an axis wide enough to read.
  if (end - start < DAY_MS / 4) end = start + DAY_MS / 4;
  return { start, end };
}

/** A timestamp's position in the domain, 0–100. */
export function position(domain: TimeDomain, at: EpochMs): number {
  const ratio = (at - domain.start) / (domain.end - domain.start);
  return Math.min(100, Math.max(0, ratio * 100));
}

/** One band per stage visit with a duration; a terminal visit (won, lost) has none and is drawn as an end mark. */
export function stageBands(domain: TimeDomain, visits: readonly DealStageVisit[]): Band[] {
  return visits
    .filter((v) => v.durationMs > 0)
    .map((visit) => {
      const left = position(domain, visit.enteredAt);
      const right = position(domain, visit.enteredAt + visit.durationMs);
      return { visit, left, width: Math.max(0, right - left), ongoing: visit.exitedAt === null };
    });
}

export function activityMarkers(domain: TimeDomain, activities: readonly ActivityRow[]): Marker[] {
  return activities.map((activity) => ({ activity, left: position(domain, activity.occurredAt) }));
}

const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'short' });
const monthYearLabel = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
const dayLabel = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/**
 * Axis ticks in local time: month starts (every 1, 2, 3, 6 or 12 months so at most ten show),
 * or Mondays, or days for short timelines. The year shows on the first tick and on each January.
 */
export function axisTicks(domain: TimeDomain): Tick[] {
  const spanDays = (domain.end - domain.start) / DAY_MS;
  if (spanDays <= 70) return dayTicks(domain, spanDays <= 12 ? 1 : 7);
  const first = new Date(domain.start);
  const months = spanDays / 30.4;
  const step = [1, 2, 3, 6, 12].find((s) => months / s <= 10) ?? 12;
  const cursor = new Date(first.getFullYear(), first.getMonth() + 1, 1);
  // Align multi-month steps to calendar quarters and halves.
  while (cursor.getMonth() % step !== 0) cursor.setMonth(cursor.getMonth() + 1);
  const ticks: Tick[] = [];
  while (cursor.getTime() <= domain.end) {
    const at = cursor.getTime();
    const label =
      ticks.length === 0 || cursor.getMonth() === 0 ? monthYearLabel.format(at) : monthLabel.format(at);
    ticks.push({ at, left: position(domain, at), label });
    cursor.setMonth(cursor.getMonth() + step);
  }
  return ticks;
}

function dayTicks(domain: TimeDomain, everyDays: 1 | 7): Tick[] {
  const first = new Date(domain.start);
  const cursor = new Date(first.getFullYear(), first.getMonth(), first.getDate() + 1);
  if (everyDays === 7) while (cursor.getDay() !== 1) cursor.setDate(cursor.getDate() + 1);
  const ticks: Tick[] = [];
  while (cursor.getTime() <= domain.end) {
    const at = cursor.getTime();
    ticks.push({ at, left: position(domain, at), label: dayLabel.format(at) });
    cursor.setDate(cursor.getDate() + everyDays);
  }
  return ticks;
}
