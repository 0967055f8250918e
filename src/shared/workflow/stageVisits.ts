/** A stage-history row as stored: the stage as the source wrote it and the workflow stage it maps to. */
export type StageEventInput = {
  id: number;
  sourceStage: string;
  stageKey: string | null;
  enteredAt: number;
};

/** One stay of a deal in a stage. */
export type StageVisit = {
  stageKey: string | null;
  sourceStage: string;
  enteredAt: number;
  /** Entry into the next, different stage; null while the deal is still there. */
  exitedAt: number | null;
  /** exitedAt (or the end given for a deal still in the stage) minus enteredAt, in ms. */
  durationMs: number;
  /** 1 for the first visit of this stage in the deal, 2 for a re-entry, and so on. */
  visitNumber: number;
  eventId: number;
};

function identity(event: StageEventInput): string {
  return event.stageKey ?? `source:${event.sourceStage.trim().toLowerCase()}`;
}

/**
 * Turns a deal's stage-history rows into stage visits (PRODUCT.md, "Stage visit" and "Time in
 * stage"): a row that repeats the stage the deal is already in is no visit; a visit lasts from
 * its entry until the next entry into any other stage, or until `openUntil` for the last one
 * (now for an open deal). Rows are ordered by time, then by id, so ties keep import order.
 * A visit of a terminal stage (won, lost) has no duration: the deal ended there.
 */
export function toStageVisits(
  events: readonly StageEventInput[],
  openUntil: number,
  isTerminal: (stageKey: string | null) => boolean = () => false,
): StageVisit[] {
  const sorted = [...events].sort((a, b) => a.enteredAt - b.enteredAt || a.id - b.id);
  const visits: StageVisit[] = [];
  const seen = new Map<string, number>();
  let current: string | null = null;
  for (const event of sorted) {
    const id = identity(event);
    if (id === current) continue;
    const previous = visits.at(-1);
    if (previous) {
      previous.exitedAt = event.enteredAt;
      previous.durationMs = event.enteredAt - previous.enteredAt;
    }
    const visitNumber = (seen.get(id) ?? 0) + 1;
    seen.set(id, visitNumber);
    visits.push({
      stageKey: event.stageKey,
      sourceStage: event.sourceStage,
      enteredAt: event.enteredAt,
      exitedAt: null,
      durationMs: isTerminal(event.stageKey) ? 0 : Math.max(0, openUntil - event.enteredAt),
      visitNumber,
      eventId: event.id,
    });
    current = id;
  }
  return visits;
}

/** Sums the time spent per stage over all visits of one deal (the per-deal total of PRODUCT.md). */
export function timeInStagePerDeal(visits: readonly StageVisit[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const visit of visits) {
    const key = visit.stageKey ?? visit.sourceStage;
    totals.set(key, (totals.get(key) ?? 0) + visit.durationMs);
  }
  return totals;
}
