import { type ClosedDeal, summarizeOutcomes } from '../metrics/repOutcomes';

/**
 * Sales velocity (PRODUCT.md): open opportunities × win rate × average won amount ÷ median cycle
 * days, over the deals closed in the period — the pipeline value turned into revenue per day.
 * 0 when deals closed but none was won; null when nothing closed, no won deal has a cycle time
 * or a won deal's amount cannot be converted into the corporate currency.
 */
export function salesVelocity(closed: readonly ClosedDeal[], openOpportunities: number): number | null {
  if (closed.length === 0) return null;
  const outcome = summarizeOutcomes(closed);
  if (outcome.won === 0) return 0;
  if (outcome.medianCycleDays === null || outcome.medianCycleDays <= 0) return null;
  // A won deal in a currency without a rate: the average won amount is unknown.
  if (outcome.wonAmount === null) return null;
  return (openOpportunities * outcome.winRate! * (outcome.wonAmount / outcome.won)) / outcome.medianCycleDays;
}
