import { median } from 'simple-statistics';
import { msToDays } from './period';

/** A deal's final entry into a won or lost stage. */
export type ClosedDeal = {
  dealId?: number;
  ownerId: number | null;
  /** Null when the source did not say; such deals have no cycle time. */
  createdAt: number | null;
  closedAt: number;
  outcome: 'won' | 'lost';
  amount: number | null;
};

export type RepOutcome = {
  won: number;
  lost: number;
  /** won / (won + lost); null when nothing closed. */
  winRate: number | null;
  /** Median over won deals of (entry into the won stage − creation), in fractional days; null when none is known. */
  medianCycleDays: number | null;
  wonAmount: number;
};

/**
 * Win rate, cycle time and won amount of the deals closed in a period (PRODUCT.md: "Closed in
 * the period", "Win rate", "Cycle time"). `closed` must already be limited to the period.
 */
export function summarizeOutcomes(closed: readonly ClosedDeal[]): RepOutcome {
  const won = closed.filter((d) => d.outcome === 'won');
  const lost = closed.length - won.length;
  const cycles = won.flatMap((d) => (d.createdAt === null ? [] : [msToDays(d.closedAt - d.createdAt)]));
  return {
    won: won.length,
    lost,
    winRate: closed.length === 0 ? null : won.length / closed.length,
    medianCycleDays: cycles.length === 0 ? null : median(cycles),
    wonAmount: won.reduce((sum, d) => sum + (d.amount ?? 0), 0),
  };
}
