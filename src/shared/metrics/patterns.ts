import { median } from 'simple-statistics';

/** A deal closed in the period with what its required actions came to. */
export type PatternDeal = {
  dealId: number;
  ownerId: number | null;
  won: boolean;
  cycleDays: number | null;
  /** Action key ("stage:action") → whether it was done on time, for actions that came due. */
  actions: Map<string, boolean>;
};

export type GroupStats = {
  deals: number;
  won: number;
  winRate: number | null;
  medianCycleDays: number | null;
};

export type ActionPattern = {
  key: string;
  stageKey: string;
  actionKey: string;
  label: string;
  withAction: GroupStats;
  withoutAction: GroupStats;
  /** Win rate with minus without, in points of share (0.12 = 12 points); null when a side is empty. */
  winRateLift: number | null;
  /** On-time rate of this action among top-quartile reps (by win rate) and among the rest. */
  topQuartileRate: number | null;
  restRate: number | null;
  /** Too few deals on one side to trust the difference. */
  smallSample: boolean;
};

export const SMALL_SAMPLE = 30;

function stats(deals: readonly PatternDeal[]): GroupStats {
  const won = deals.filter((d) => d.won);
  const cycles = won.flatMap((d) => (d.cycleDays === null ? [] : [d.cycleDays]));
  return {
    deals: deals.length,
    won: won.length,
    winRate: deals.length === 0 ? null : won.length / deals.length,
    medianCycleDays: cycles.length === 0 ? null : median(cycles),
  };
}

/** Reps in the top quartile by win rate, among reps with at least `minDeals` closed deals. */
export function topQuartileReps(deals: readonly PatternDeal[], minDeals = 5): Set<number> {
  const byRep = new Map<number, { won: number; total: number }>();
  for (const d of deals) {
    if (d.ownerId === null) continue;
    const r = byRep.get(d.ownerId) ?? { won: 0, total: 0 };
    r.total++;
    if (d.won) r.won++;
    byRep.set(d.ownerId, r);
  }
  const ranked = [...byRep.entries()]
    .filter(([, r]) => r.total >= minDeals)
    .sort((a, b) => b[1].won / b[1].total - a[1].won / a[1].total);
  return new Set(ranked.slice(0, Math.max(1, Math.ceil(ranked.length / 4))).map(([id]) => id));
}

/**
 * Success patterns: for each required action, the win rate and median cycle of closed deals
 * where it was done on time against those where it came due and was not, and how often the
 * top-quartile reps do it on time against the rest — with sample sizes, and a flag when a side
 * is too small to read much into.
 */
export function actionPatterns(
  deals: readonly PatternDeal[],
  labels: ReadonlyMap<string, string>,
): ActionPattern[] {
  const top = topQuartileReps(deals);
  const keys = new Set(deals.flatMap((d) => [...d.actions.keys()]));
  const rate = (list: readonly PatternDeal[], key: string): number | null => {
    const due = list.filter((d) => d.actions.has(key));
    return due.length === 0 ? null : due.filter((d) => d.actions.get(key)).length / due.length;
  };
  return [...keys]
    .map((key) => {
      const due = deals.filter((d) => d.actions.has(key));
      const withAction = stats(due.filter((d) => d.actions.get(key)));
      const withoutAction = stats(due.filter((d) => !d.actions.get(key)));
      const [stageKey, actionKey] = key.split(':') as [string, string];
      return {
        key,
        stageKey,
        actionKey,
        label: labels.get(key) ?? actionKey,
        withAction,
        withoutAction,
        winRateLift:
          withAction.winRate === null || withoutAction.winRate === null
            ? null
            : withAction.winRate - withoutAction.winRate,
        topQuartileRate: rate(
          due.filter((d) => d.ownerId !== null && top.has(d.ownerId)),
          key,
        ),
        restRate: rate(
          due.filter((d) => d.ownerId === null || !top.has(d.ownerId)),
          key,
        ),
        smallSample: Math.min(withAction.deals, withoutAction.deals) < SMALL_SAMPLE,
      };
    })
    .sort((a, b) => Math.abs(b.winRateLift ?? 0) - Math.abs(a.winRateLift ?? 0));
}
