import { quantileSorted } from 'simple-statistics';
import type { StageDefinition } from '../workflow/definition';
import { msToDays } from './period';

/** A stored stage visit (eval_visits), in the deal's order. */
export type FunnelVisit = {
  dealId: number;
  ownerId: number | null;
  stageKey: string | null;
  enteredAt: number;
  exitedAt: number | null;
  durationMs: number;
};

export type StageFunnel = {
  key: string;
  name: string;
  /** Deals that entered the stage in the period (each deal once). */
  entered: number;
  /** Of those, deals that later entered the next stage or any later one (skips included). */
  advanced: number;
  /** Of those that advanced, deals that passed over the next stage. */
  skippedNext: number;
  /** Of those, deals lost before advancing. */
  lost: number;
  /** advanced / entered; null when none entered. */
  conversionToNext: number | null;
  /** Time in stage per visit and per deal (all visits of the deal to the stage), in days. */
  perVisit: DurationSummary;
  perDeal: DurationSummary;
};

export type DurationSummary = { count: number; medianDays: number | null; p75Days: number | null };

export function summarizeDurations(durationsMs: readonly number[]): DurationSummary {
  if (durationsMs.length === 0) return { count: 0, medianDays: null, p75Days: null };
  // A typed array sorts numerically, natively: several times faster on a large workspace.
  const days = Array.from(Float64Array.from(durationsMs, msToDays).sort());
  return { count: days.length, medianDays: quantileSorted(days, 0.5), p75Days: quantileSorted(days, 0.75) };
}

/** What a deal did after a stage visit, among workflow stages: see {@link visitFates}. */
export type VisitFate = 'next' | 'skip' | 'lost' | null;

/**
 * For each visit of one deal (in visit order), what the deal did next: `next` when the first
 * later workflow stage it reached is further on and is the next stage, `skip` when it is further
 * on past the next stage, `lost` when it was lost first; null when neither happened (still there,
 * or only moved back). The funnel counts a deal's first visit in the period by its fate.
 */
export function visitFates(
  stageKeys: readonly (string | null)[],
  stages: readonly StageDefinition[],
): VisitFate[] {
  const order = new Map(stages.map((s, i) => [s.key, i]));
  const lostKey = stages.find((s) => s.outcome === 'lost')?.key;
  return stageKeys.map((key, i) => {
    const index = key === null ? undefined : order.get(key);
    if (index === undefined || stages[index]!.outcome) return null;
    const nextKey = stages.slice(index + 1).find((s) => s.outcome !== 'lost')?.key;
    for (let j = i + 1; j < stageKeys.length; j++) {
      const later = stageKeys[j];
      if (later === null || later === undefined) continue;
      if (later === lostKey) return 'lost';
      if ((order.get(later) ?? -1) > index) return later === nextKey ? 'next' : 'skip';
    }
    return null;
  });
}

/**
 * The funnel of PRODUCT.md: for each open stage, the deals that entered it in [start, end) and
 * the share that later entered the next stage — or any later one, where stages were skipped
 * (counted apart) — with time in stage per visit and per deal. `visits` must be grouped by
 * deal, in visit order; a deal counts once per stage, from its first entry in the period.
 */
export function stageFunnel(
  visits: readonly FunnelVisit[],
  stages: readonly StageDefinition[],
  start: number,
  end: number,
): StageFunnel[] {
  const order = new Map(stages.map((s, i) => [s.key, i]));
  const lostKey = stages.find((s) => s.outcome === 'lost')?.key;
  const open = stages.filter((s) => !s.outcome);
  const byDeal = new Map<number, FunnelVisit[]>();
  for (const visit of visits) {
    const list = byDeal.get(visit.dealId);
    if (list) list.push(visit);
    else byDeal.set(visit.dealId, [visit]);
  }
  return open.map((stage) => {
    const index = order.get(stage.key)!;
    const nextKey = stages.slice(index + 1).find((s) => s.outcome !== 'lost')?.key;
    let entered = 0;
    let advanced = 0;
    let skippedNext = 0;
    let lost = 0;
    const perVisit: number[] = [];
    const perDeal: number[] = [];
    for (const dealVisits of byDeal.values()) {
      let firstIndex = -1;
      let total = 0;
      dealVisits.forEach((visit, i) => {
        if (visit.stageKey !== stage.key || visit.enteredAt < start || visit.enteredAt >= end) return;
        if (firstIndex < 0) firstIndex = i;
        perVisit.push(visit.durationMs);
        total += visit.durationMs;
      });
      if (firstIndex < 0) continue;
      entered++;
      perDeal.push(total);
      for (const later of dealVisits.slice(firstIndex + 1)) {
        if (later.stageKey === null) continue;
        if (later.stageKey === lostKey) {
          lost++;
          break;
        }
        if ((order.get(later.stageKey) ?? -1) > index) {
          advanced++;
          if (later.stageKey !== nextKey) skippedNext++;
          break;
        }
      }
    }
    return {
      key: stage.key,
      name: stage.name,
      entered,
      advanced,
      skippedNext,
      lost,
      conversionToNext: entered === 0 ? null : advanced / entered,
      perVisit: summarizeDurations(perVisit),
      perDeal: summarizeDurations(perDeal),
    };
  });
}
