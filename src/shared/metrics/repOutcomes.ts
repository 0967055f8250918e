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
  /** In the workspace's corporate currency; null when the deal has no amount or its currency no rate. */
  amount: number | null;
  /** The deal's own currency as the CRM wrote it (null: the corporate one). */
  currency?: string | null;
  /** The amount in the deal's own currency, before conversion. */
  ownAmount?: number | null;
};

export type RepOutcome = {
  won: number;
  lost: number;
  /** won / (won + lost); null when nothing closed. */
  winRate: number | null;
  /** Median over won deals of (entry into the won stage − creation), in fractional days; null when none is known. */
  medianCycleDays: number | null;
  /** Sum of won amounts in the corporate currency; null when a won deal's currency has no rate. */
  wonAmount: number | null;
  /** The currencies without a rate that left `wonAmount` unknown (only when there are some). */
  missingRates?: string[];
};

/**
 * Win rate, cycle time and won amount of the deals closed in a period (PRODUCT.md: "Closed in
 * the period", "Win rate", "Cycle time"). `closed` must already be limited to the period.
 */
export function summarizeOutcomes(closed: readonly ClosedDeal[]): RepOutcome {
  const won = closed.filter((d) => d.outcome === 'won');
  const lost = closed.length - won.length;
  const cycles = won.flatMap((d) => (d.createdAt === null ? [] : [msToDays(d.closedAt - d.createdAt)]));
  const missingRates = [...new Set(won.filter(lacksRate).map((d) => d.currency ?? ''))].sort();
  return {
    won: won.length,
    lost,
    winRate: closed.length === 0 ? null : won.length / closed.length,
    medianCycleDays: cycles.length === 0 ? null : median(cycles),
    // Never a sum that silently leaves out (or adds raw) the deals in a currency without a rate.
    wonAmount: missingRates.length > 0 ? null : won.reduce((sum, d) => sum + (d.amount ?? 0), 0),
    ...(missingRates.length > 0 ? { missingRates } : {}),
  };
}

/** A deal with an amount that could not be converted into the corporate currency. */
export function lacksRate(deal: ClosedDeal): boolean {
  return deal.amount === null && deal.ownAmount !== undefined && deal.ownAmount !== null;
}

/** Won amounts in each deal's own currency, unconverted (the corporate one for deals without one). */
export function wonAmountByCurrency(
  closed: readonly ClosedDeal[],
  corporate: string | null,
): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const deal of closed) {
    const amount = deal.ownAmount ?? deal.amount;
    const currency = deal.currency ?? corporate;
    if (deal.outcome !== 'won' || amount === null || currency === null) continue;
    sums[currency] = (sums[currency] ?? 0) + amount;
  }
  return sums;
}
