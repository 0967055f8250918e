import type { ActivityRow, DealDetail, DealStageVisit, EpochMs } from '@shared/domain/types';

const DAY_MS = 86_400_000;

/** A workflow stage as the comparison needs it: its key, name and whether it closes a deal. */
export type CompareStage = { key: string; name: string; outcome: 'won' | 'lost' | null };

/**
 * How a deal's window ends: it entered the to-stage, went past it into a later stage without
 * entering it (a skip), closed before reaching it, or is still open short of it.
 */
export type WindowEnd = 'reached' | 'skipped' | 'closed' | 'open';

/** A stage visit cut to the window. */
export type WindowVisit = { visit: DealStageVisit; start: EpochMs; end: EpochMs; ongoing: boolean };

export type AlignedDeal =
  | { detail: DealDetail; entered: false }
  | {
      detail: DealDetail;
      entered: true;
      /** Day 0: the deal's first entry into the from-stage. */
      start: EpochMs;
      end: EpochMs;
      ending: WindowEnd;
      /** The visit that ended the window (the to-stage, the later stage, or the closing stage). */
      endVisit: DealStageVisit | null;
      /** Days from the from-stage to the to-stage (or the later stage it skipped to); null when it never got there. */
      days: number | null;
      visits: WindowVisit[];
      activities: ActivityRow[];
    };

/**
 * Cuts a deal's history to the stretch between its first entry into `from` and its next entry
 * into `to`. A deal that skipped `to` ends at its entry into the first later stage (the won stage
 * counts as later; a lost stage does not); one that closed or is still open short of it ends there.
 */
export function alignDeal(
  detail: DealDetail,
  from: string,
  to: string,
  stages: readonly CompareStage[],
): AlignedDeal {
  const order = new Map(stages.map((s, i) => [s.key, i]));
  const outcome = new Map(stages.map((s) => [s.key, s.outcome]));
  const visits = detail.visits;
  const first = visits.findIndex((v) => v.stageKey === from);
  if (first < 0) return { detail, entered: false };
  const start = visits[first]!.enteredAt;
  const toOrder = order.get(to) ?? Infinity;
  const toIsOutcome = outcome.get(to) !== null && outcome.get(to) !== undefined;

  let ending: WindowEnd = 'open';
  let endVisit: DealStageVisit | null = null;
  for (const visit of visits.slice(first + 1)) {
    const key = visit.stageKey ?? '';
    if (key === to) {
      ending = 'reached';
      endVisit = visit;
      break;
    }
    const kind = outcome.get(key) ?? null;
    const later = !toIsOutcome && (kind === 'won' || (kind === null && (order.get(key) ?? -1) > toOrder));
    if (later) {
      ending = 'skipped';
      endVisit = visit;
      break;
    }
    if (kind !== null) {
      ending = 'closed';
      endVisit = visit;
      break;
    }
  }
  const end = endVisit ? endVisit.enteredAt : Math.max(start, detail.timelineEnd);
  return {
    detail,
    entered: true,
    start,
    end,
    ending,
    endVisit,
    days: ending === 'reached' || ending === 'skipped' ? (end - start) / DAY_MS : null,
    visits: visits.flatMap((visit) => {
      const visitEnd =
        visit.exitedAt ?? (visit.durationMs > 0 ? visit.enteredAt + visit.durationMs : visit.enteredAt);
      const from = Math.max(visit.enteredAt, start);
      const until = Math.min(visitEnd, end);
      if (until <= from) return [];
      return [{ visit, start: from, end: until, ongoing: visit.exitedAt === null && until === visitEnd }];
    }),
    activities: detail.activities
      .filter((a) => a.occurredAt >= start && a.occurredAt <= end)
      .sort((a, b) => a.occurredAt - b.occurredAt),
  };
}

/** The common length of the time axis: the longest window, and never under a day. */
export function commonSpan(deals: readonly AlignedDeal[]): number {
  let span = DAY_MS;
  for (const deal of deals) if (deal.entered) span = Math.max(span, deal.end - deal.start);
  return span;
}

export type DayTick = { days: number; left: number; label: string };

const steps = [0.25, 0.5, 1, 2, 5, 7, 10, 14, 21, 30, 60, 90, 180, 365];

/** Ticks in whole days from day 0, at a step that shows at most ten of them. */
export function dayTicks(spanMs: number): DayTick[] {
  const spanDays = spanMs / DAY_MS;
  const step = steps.find((s) => spanDays / s <= 10) ?? 365;
  const ticks: DayTick[] = [];
  for (let days = 0; days <= spanDays + 1e-9; days += step) {
    ticks.push({
      days,
      left: (days / spanDays) * 100,
      label: days === 0 ? 'Day 0' : `${formatDayNumber(days)} d`,
    });
  }
  return ticks;
}

const dayNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

function formatDayNumber(days: number): string {
  return dayNumber.format(days);
}

/** Position of an instant on a row aligned at `start`, as 0–100 of the common span. */
export function offset(start: EpochMs, at: EpochMs, spanMs: number): number {
  return Math.min(100, Math.max(0, ((at - start) / spanMs) * 100));
}

/** Days since day 0, for labels: "day 3.5". */
export function dayOf(start: EpochMs, at: EpochMs): number {
  return (at - start) / DAY_MS;
}
