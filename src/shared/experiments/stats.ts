import { errorFunction, median, quantileSorted } from 'simple-statistics';
import type { DurationComparison, ProportionComparison } from './types';

/**
 * The statistics behind experiment results (PRODUCT.md §10). Pure and deterministic.
 *
 * Argument order everywhere: baseline (or control) first, result (or treatment) second; every
 * difference is result − baseline.
 *
 * Library choice: simple-statistics (already a dependency) supplies the normal tail through
 * `errorFunction` (Numerical Recipes' erfc approximation, relative error below 1.2e-7 everywhere,
 * so p-values keep about 7 significant digits even far in the tail), the median and the type-7
 * quantile. What it lacks — Wilson/Newcombe intervals, Fisher's exact test, a tie-corrected and
 * exact Mann–Whitney, a seeded bootstrap — is a few dozen lines of textbook formulas written out
 * below and tested against published examples. jstat would add a dependency for none of those
 * (it has no Newcombe interval, no Fisher test and no Mann–Whitney), so it was not added.
 */

/**
 * The minimum sample on each side before a result gets a verdict (callers check this before
 * testing; below it the screen says how many more are needed).
 * - proportions, 30 deals/actions per side: below 30 one deal moves a rate by more than 3 points,
 *   the 95% interval on a difference is wider than ±20 points at typical rates (useless for a
 *   decision), and the usual "np ≥ 5 and n(1−p) ≥ 5" condition for the z-test fails for any rate
 *   outside roughly 17–83%.
 * - durations, 20 stage visits per side: the Mann–Whitney normal approximation is considered
 *   adequate once both groups exceed about 20 (below that the exact distribution is needed), and a
 *   bootstrap of the median needs a couple of dozen distinct values before its percentile interval
 *   stops jumping between a handful of observed values.
 */
export const MIN_SAMPLE: { proportions: number; durations: number } = { proportions: 30, durations: 20 };

/** qnorm(0.975): the two-sided 95% normal quantile. */
const Z95 = 1.959963984540054;

/** Relative tolerance when comparing table probabilities, as in R's fisher.test (1 + 1e-7). */
const FISHER_RELATIVE_TOLERANCE = 1 + 1e-7;

/** Sample sizes up to which Mann–Whitney uses the exact distribution of U (when there are no ties). */
const MANN_WHITNEY_EXACT_MAX = 10;

const DEFAULT_BOOTSTRAP_ITERATIONS = 2000;
const DEFAULT_BOOTSTRAP_SEED = 20_240_607;

// ---------------------------------------------------------------------------------------------
// Input checks
// ---------------------------------------------------------------------------------------------

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of 0 or more (got ${String(value)}).`);
  }
}

function checkProportion(side: string, x: number, n: number): void {
  checkCount(`${side} successes`, x);
  checkCount(`${side} sample size`, n);
  if (n === 0) {
    throw new RangeError(
      `The ${side} sample is empty (n = 0): a rate needs at least one observation. Check MIN_SAMPLE before comparing.`,
    );
  }
  if (x > n) throw new RangeError(`${side} successes (${x}) cannot exceed its sample size (${n}).`);
}

function checkDurations(side: string, values: readonly number[]): void {
  if (values.length === 0) {
    throw new RangeError(
      `The ${side} sample is empty: a comparison needs at least one value per side. Check MIN_SAMPLE before comparing.`,
    );
  }
  for (const value of values) {
    if (!Number.isFinite(value)) {
      throw new RangeError(
        `The ${side} sample contains a value that is not a finite number (${String(value)}).`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Normal distribution
// ---------------------------------------------------------------------------------------------

/** Two-sided normal p-value, 2·(1 − Φ(|z|)) = erfc(|z|/√2), capped at 1. */
function twoSidedNormalP(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? 1 : 0;
  const p = 1 - errorFunction(Math.abs(z) / Math.SQRT2);
  return Math.min(1, Math.max(0, p));
}

/** Wilson score interval for x/n (Newcombe 1998a method 3, no continuity correction). */
function wilsonInterval(x: number, n: number): [number, number] {
  const z2 = Z95 * Z95;
  const p = x / n;
  const center = (2 * x + z2) / (2 * (n + z2));
  const half = (Z95 * Math.sqrt(z2 + 4 * x * (1 - p))) / (2 * (n + z2));
  // At x = 0 or x = n the bound equals the estimate exactly; guard against rounding past it.
  const lower = x === 0 ? 0 : Math.min(p, center - half);
  const upper = x === n ? 1 : Math.max(p, center + half);
  return [lower, upper];
}

// ---------------------------------------------------------------------------------------------
// Proportions
// ---------------------------------------------------------------------------------------------

/**
 * Two independent proportions x1/n1 (baseline) and x2/n2 (result).
 * - difference: p2 − p1.
 * - ci95: Newcombe's hybrid score interval (Newcombe 1998, Stat Med 17:873–890, method 10), built
 *   from the two Wilson intervals; it stays inside [−1, 1] and behaves with zero counts.
 * - z, pValue: the pooled two-proportion z-test, two-sided (equal to R's prop.test(correct = FALSE),
 *   whose X-squared is z²). When both samples are all successes or all failures the pooled variance
 *   is 0: the rates are identical, so z = 0 and p = 1.
 * Throws a RangeError when a sample is empty or a count is invalid.
 */
export function twoProportionTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): { difference: number; ci95: [number, number]; z: number; pValue: number } {
  checkProportion('baseline', x1, n1);
  checkProportion('result', x2, n2);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p2 - p1;

  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se === 0 ? 0 : difference / se;

  return { difference, ci95: newcombeInterval(x1, n1, x2, n2), z, pValue: twoSidedNormalP(z) };
}

/** Newcombe's hybrid score interval for p2 − p1 (method 10). */
function newcombeInterval(x1: number, n1: number, x2: number, n2: number): [number, number] {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p2 - p1;
  const [l1, u1] = wilsonInterval(x1, n1);
  const [l2, u2] = wilsonInterval(x2, n2);
  const lower = d - Math.hypot(p2 - l2, u1 - p1);
  const upper = d + Math.hypot(u2 - p2, p1 - l1);
  return [Math.max(-1, Math.min(d, lower)), Math.min(1, Math.max(d, upper))];
}

/** ln(k!) for k = 0…, grown on demand by summing logarithms (exact to ~1e-12 relative for the sizes used here). */
const logFactorials: number[] = [0];

function logFactorial(k: number): number {
  for (let i = logFactorials.length; i <= k; i++) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[k]!;
}

/**
 * Fisher's exact test on the 2×2 table [[a, b], [c, d]], two-sided: the sum of the probabilities
 * of every table with the same margins that is no more likely than the observed one (the
 * definition used by R's fisher.test, with the same 1e-7 relative tolerance for ties). Computed
 * from log-factorials, so counts in the thousands do not overflow.
 */
export function fisherExact(a: number, b: number, c: number, d: number): { pValue: number } {
  checkCount('Cell a', a);
  checkCount('Cell b', b);
  checkCount('Cell c', c);
  checkCount('Cell d', d);
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const lo = Math.max(0, col1 - row2);
  const hi = Math.min(row1, col1);
  if (lo === hi) return { pValue: 1 };

  // Hypergeometric log-probability of the table whose top-left cell is x (up to a constant).
  const logWeight = (x: number): number =>
    -logFactorial(x) - logFactorial(row1 - x) - logFactorial(col1 - x) - logFactorial(row2 - col1 + x);
  const logs: number[] = [];
  let maxLog = -Infinity;
  for (let x = lo; x <= hi; x++) {
    const value = logWeight(x);
    logs.push(value);
    if (value > maxLog) maxLog = value;
  }
  // Normalise relative to the most likely table, then divide by the total (self-normalising,
  // so the constant log C(grand total, col1) never has to be subtracted from huge numbers).
  let sum = 0;
  const weights = logs.map((value) => {
    const w = Math.exp(value - maxLog);
    sum += w;
    return w;
  });
  const observed = weights[a - lo]! * FISHER_RELATIVE_TOLERANCE;
  let tail = 0;
  for (const w of weights) if (w <= observed) tail += w;
  return { pValue: Math.min(1, tail / sum) };
}

/**
 * Compares baseline x1/n1 with result x2/n2. Uses Fisher's exact test when any expected cell count
 * of the 2×2 table is below 5 (where the z-test's normal approximation is unreliable), else the
 * pooled two-proportion z-test. The interval is always Newcombe's hybrid score interval on p2 − p1.
 */
export function compareProportions(x1: number, n1: number, x2: number, n2: number): ProportionComparison {
  const test = twoProportionTest(x1, n1, x2, n2);
  const total = n1 + n2;
  const successes = x1 + x2;
  const failures = total - successes;
  const smallestExpected = (Math.min(n1, n2) * Math.min(successes, failures)) / total;
  if (smallestExpected < 5) {
    return {
      kind: 'proportions',
      method: 'fisher_exact',
      difference: test.difference,
      ci95: test.ci95,
      pValue: fisherExact(x1, n1 - x1, x2, n2 - x2).pValue,
    };
  }
  return {
    kind: 'proportions',
    method: 'two_proportion_z',
    difference: test.difference,
    ci95: test.ci95,
    pValue: test.pValue,
  };
}

// ---------------------------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------------------------

/**
 * Mann–Whitney U test (Wilcoxon rank-sum), two-sided.
 * - u: U of the second sample b = (rank sum of b) − nb(nb+1)/2 = #pairs with b > a + ½·#ties,
 *   i.e. R's W from wilcox.test(b, a).
 * - z: the normal approximation with continuity correction and tie-corrected variance (as R's
 *   wilcox.test(exact = FALSE, correct = TRUE)); 0 when every value is equal (no evidence of a shift).
 * - pValue: from z; but when both samples have at most 10 values and there are no ties, the exact
 *   p-value from the permutation distribution of U (as R's exact test).
 */
export function mannWhitney(a: number[], b: number[]): { u: number; z: number; pValue: number } {
  checkDurations('baseline', a);
  checkDurations('result', b);
  const na = a.length;
  const nb = b.length;
  const n = na + nb;

  // Mid-ranks over the pooled sample.
  const pooled = [
    ...a.map((value) => ({ value, fromB: false })),
    ...b.map((value) => ({ value, fromB: true })),
  ];
  pooled.sort((left, right) => left.value - right.value);
  let rankSumB = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && pooled[j + 1]!.value === pooled[i]!.value) j++;
    const midRank = (i + j + 2) / 2;
    const size = j - i + 1;
    tieTerm += size ** 3 - size;
    for (let k = i; k <= j; k++) if (pooled[k]!.fromB) rankSumB += midRank;
    i = j + 1;
  }
  const u = rankSumB - (nb * (nb + 1)) / 2;
  const mean = (na * nb) / 2;

  const variance = ((na * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  let z = 0;
  if (variance > 0) {
    const deviation = u - mean;
    const correction = 0.5 * Math.sign(deviation);
    z = (deviation - correction) / Math.sqrt(variance);
  }

  if (tieTerm === 0 && na <= MANN_WHITNEY_EXACT_MAX && nb <= MANN_WHITNEY_EXACT_MAX) {
    return { u, z, pValue: exactMannWhitneyP(u, nb, na) };
  }
  return { u, z, pValue: variance > 0 ? twoSidedNormalP(z) : 1 };
}

/**
 * Exact two-sided p of U (of a sample of size m against one of size n), without ties: counts of
 * arrangements by U via the recursion f(u; m, n) = f(u − n; m − 1, n) + f(u; m, n − 1), then
 * R's rule p = min(1, 2·P(U ≥ u)) above the mean and min(1, 2·P(U ≤ u)) at or below it.
 */
function exactMannWhitneyP(u: number, m: number, n: number): number {
  const maxU = m * n;
  // counts[i][j][k]: arrangements of i values of the first sample and j of the second with U = k.
  let previous: number[][] = [];
  for (let i = 0; i <= m; i++) {
    const row: number[][] = [];
    for (let j = 0; j <= n; j++) {
      const dist = new Array<number>(i * j + 1).fill(0);
      if (i === 0 || j === 0) dist[0] = 1;
      else {
        const withoutLargestFirst = previous[j] ?? [];
        const withoutLargestSecond = row[j - 1];
        for (let k = 0; k <= i * j; k++) {
          // The largest value belongs to the first sample (it beats all j of the second) …
          const fromFirst = k - j >= 0 ? (withoutLargestFirst[k - j] ?? 0) : 0;
          // … or to the second sample (it adds nothing to the first sample's U).
          const fromSecond = withoutLargestSecond![k] ?? 0;
          dist[k] = fromFirst + fromSecond;
        }
      }
      row.push(dist);
    }
    previous = row;
  }
  const dist = previous[n]!;
  let total = 0;
  for (const count of dist) total += count;
  let tail = 0;
  if (u > maxU / 2) {
    for (let k = Math.ceil(u); k <= maxU; k++) tail += dist[k]!;
  } else {
    for (let k = 0; k <= Math.floor(u); k++) tail += dist[k]!;
  }
  return Math.min(1, (2 * tail) / total);
}

/** mulberry32: a small, fast, well-distributed 32-bit seeded generator returning [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The median of one bootstrap resample of `sorted`, drawn with replacement. Instead of building and
 * sorting the resample it counts how often each (sorted) position is drawn and walks the counts to
 * the middle order statistics: O(n) per resample.
 */
function resampledMedian(sorted: Float64Array, counts: Uint32Array, random: () => number): number {
  const n = sorted.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[Math.floor(random() * n)]!++;
  const lowRank = Math.floor((n - 1) / 2);
  const highRank = Math.floor(n / 2);
  let seen = 0;
  let low = Number.NaN;
  for (let index = 0; index < n; index++) {
    seen += counts[index]!;
    if (Number.isNaN(low) && seen > lowRank) low = sorted[index]!;
    if (seen > highRank) return (low + sorted[index]!) / 2;
  }
  throw new Error('Bootstrap resample lost its middle value (counts do not add up).');
}

/**
 * Difference of medians, median(b) − median(a), with a 95% percentile bootstrap interval: each of
 * `iterations` rounds (default 2,000) resamples a and b independently with replacement, and the
 * interval is the 2.5th and 97.5th percentiles (type-7 quantiles) of the resampled differences.
 * Seeded (mulberry32), so the same input always gives the same interval.
 */
export function bootstrapMedianDifference(
  a: number[],
  b: number[],
  options?: { iterations?: number; seed?: number },
): { difference: number; ci95: [number, number] } {
  checkDurations('baseline', a);
  checkDurations('result', b);
  const iterations = options?.iterations ?? DEFAULT_BOOTSTRAP_ITERATIONS;
  const seed = options?.seed ?? DEFAULT_BOOTSTRAP_SEED;
  if (!Number.isSafeInteger(iterations) || iterations < 100 || iterations > 1_000_000) {
    throw new RangeError(
      `Bootstrap iterations must be a whole number from 100 to 1,000,000 (got ${iterations}).`,
    );
  }
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`Bootstrap seed must be a whole number (got ${seed}).`);

  const sortedA = Float64Array.from(a).sort();
  const sortedB = Float64Array.from(b).sort();
  const countsA = new Uint32Array(sortedA.length);
  const countsB = new Uint32Array(sortedB.length);
  const random = mulberry32(seed);
  const differences = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const medianA = resampledMedian(sortedA, countsA, random);
    differences[i] = resampledMedian(sortedB, countsB, random) - medianA;
  }
  differences.sort();
  const sortedDifferences = Array.from(differences);
  return {
    difference: median(b) - median(a),
    ci95: [quantileSorted(sortedDifferences, 0.025), quantileSorted(sortedDifferences, 0.975)],
  };
}

/**
 * Compares baseline durations a with result durations b (same units in, same units out): the
 * Mann–Whitney two-sided p-value and the seeded bootstrap interval of median(b) − median(a).
 */
export function compareDurations(a: number[], b: number[]): DurationComparison {
  const test = mannWhitney(a, b);
  const bootstrap = bootstrapMedianDifference(a, b);
  return {
    kind: 'durations',
    method: 'mann_whitney',
    difference: bootstrap.difference,
    ci95: bootstrap.ci95,
    pValue: test.pValue,
  };
}
