import { median } from 'simple-statistics';
import type { Direction } from './metrics';

/**
 * The team benchmark of a figure: the median of the reps' values, leaving out reps with no value
 * (nothing to measure, or too small a sample). Null when no rep has a value.
 */
export function teamMedian(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return known.length === 0 ? null : median(known);
}

/** True when `a` is a better value than `b` for a figure whose better side is `direction`. */
export function isBetter(a: number, b: number, direction: Direction): boolean {
  return direction === 'higher' ? a > b : a < b;
}

/**
 * A rep's percentile within the team, 0–100: the share of the *other* reps with a value whose
 * value the rep beats, a tie counting half. "Beats" follows the figure's direction, so 100 is
 * always the best of the team and 0 the worst, for cycle days as for win rate. Null when the
 * rep has no value or no other rep has one (nothing to rank against).
 */
export function percentileRank(
  value: number | null,
  others: readonly (number | null)[],
  direction: Direction,
): number | null {
  if (value === null) return null;
  const peers = others.filter((v): v is number => v !== null && Number.isFinite(v));
  if (peers.length === 0) return null;
  let score = 0;
  for (const peer of peers) {
    if (peer === value) score += 0.5;
    else if (isBetter(value, peer, direction)) score += 1;
  }
  return (100 * score) / peers.length;
}

/** How a figure moved against the previous period, read in its direction. */
export type Change = 'better' | 'worse' | 'same';

export type Delta = { delta: number | null; change: Change | null };

/**
 * The change against the previous period: `current − previous` in the figure's own unit (points
 * of a share, days, …), and whether that is better, worse or the same given the figure's
 * direction. Both null when either period has no value.
 */
export function periodDelta(current: number | null, previous: number | null, direction: Direction): Delta {
  if (current === null || previous === null) return { delta: null, change: null };
  const delta = current - previous;
  return {
    delta,
    change: delta === 0 ? 'same' : isBetter(current, previous, direction) ? 'better' : 'worse',
  };
}

/** True when `value` reaches `threshold` on the figure's better side (equal counts as reached). */
export function meetsThreshold(value: number, threshold: number, direction: Direction): boolean {
  return direction === 'higher' ? value >= threshold : value <= threshold;
}
