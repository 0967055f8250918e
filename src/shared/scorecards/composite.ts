import type { ScorecardMetricKey } from './metrics';

/** One figure's entry into the composite: its weight and the rep's percentile in the team. */
export type CompositeInput = { key: ScorecardMetricKey; weight: number; percentile: number | null };

/** How one figure counted in a composite score. */
export type CompositePart = {
  key: ScorecardMetricKey;
  weight: number;
  percentile: number;
  /** weight ÷ the sum of the weights that counted: this figure's share of the score. */
  share: number;
  /** percentile × share: the points this figure adds to the score; the parts sum to the score. */
  points: number;
};

export type Composite = {
  /** 0–100, or null when no weighted figure has a percentile. */
  score: number | null;
  parts: CompositePart[];
  /** Weighted figures that could not count: the rep had no value, or nobody to rank against. */
  leftOut: ScorecardMetricKey[];
};

/**
 * The composite score: the weighted mean of the rep's percentiles within the team (each figure
 * normalized to 0–100, 100 the best of the team, whatever the figure's unit or direction).
 * Figures with weight 0 do not count; weighted figures without a percentile are left out and
 * the remaining weights renormalized, so a missing figure neither helps nor hurts.
 */
export function compositeScore(inputs: readonly CompositeInput[]): Composite {
  for (const input of inputs) {
    if (!Number.isFinite(input.weight) || input.weight < 0)
      throw new RangeError(`the weight of ${input.key} must be a number of at least 0`);
  }
  const weighted = inputs.filter((i) => i.weight > 0);
  const counted = weighted.filter((i): i is CompositeInput & { percentile: number } => i.percentile !== null);
  const leftOut = weighted.filter((i) => i.percentile === null).map((i) => i.key);
  const total = counted.reduce((sum, i) => sum + i.weight, 0);
  if (total === 0) return { score: null, parts: [], leftOut };
  const parts = counted.map((i) => {
    const share = i.weight / total;
    return { key: i.key, weight: i.weight, percentile: i.percentile, share, points: i.percentile * share };
  });
  return { score: parts.reduce((sum, p) => sum + p.points, 0), parts, leftOut };
}
