import fc from 'fast-check';
import { median } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  MIN_SAMPLE,
  bootstrapMedianDifference,
  compareDurations,
  compareProportions,
  fisherExact,
  mannWhitney,
  twoProportionTest,
} from '@shared/experiments/stats';

/**
 * Reference values come from published worked examples (cited next to each) or, where no published
 * value exists, from a second independent computation: exact rational arithmetic (BigInt) or brute
 * force enumeration inside this file, or 30-digit evaluation with Python's mpmath/fractions (noted
 * as "mpmath" below; those values were computed once outside the app and pasted here).
 */

const Z95 = 1.959963984540054;

/** Upper Wilson bound of 0/n in closed form: z²/(n + z²). */
const wilsonUpperOfZero = (n: number): number => (Z95 * Z95) / (n + Z95 * Z95);

describe('twoProportionTest: Newcombe hybrid score interval (Newcombe 1998, Stat Med 17:873–890, method 10)', () => {
  it('reproduces Newcombe 1998 Table II example (a): 56/70 vs 48/80 → 0.2000 (0.0524 to 0.3339)', () => {
    // The paper writes the difference as p1 − p2 = 56/70 − 48/80; our order is baseline first,
    // so 48/80 is the baseline and 56/70 the result. The same limits are asserted by the R package
    // propint (m-Py/propint, tests/testthat/test_Two_Independent_Props_CI.R) "as reported in Newcombe 1998".
    // (The brief quoted "difference 0.1333" for this example; 56/70 − 48/80 is 0.8 − 0.6 = 0.2.)
    const result = twoProportionTest(48, 80, 56, 70);
    expect(result.difference).toBeCloseTo(0.2, 12);
    expect(result.ci95[0]).toBeCloseTo(0.0524, 4);
    expect(result.ci95[1]).toBeCloseTo(0.3339, 4);
  });

  it('reproduces Newcombe 1998 Table II example (b): 9/10 vs 3/10 → 0.6000 (0.1705 to 0.8090)', () => {
    const result = twoProportionTest(3, 10, 9, 10);
    expect(result.difference).toBeCloseTo(0.6, 12);
    expect(result.ci95[0]).toBeCloseTo(0.1705, 4);
    expect(result.ci95[1]).toBeCloseTo(0.809, 4);
  });

  it('handles a zero count on one side: 5/56 vs 0/29 (mpmath: −0.0381371479 to 0.1925600139)', () => {
    const result = twoProportionTest(0, 29, 5, 56);
    expect(result.difference).toBeCloseTo(5 / 56, 12);
    expect(result.ci95[0]).toBeCloseTo(-0.0381371479, 9);
    expect(result.ci95[1]).toBeCloseTo(0.1925600139, 9);
  });

  it('handles zero counts on both sides: 0/10 vs 0/12 gives [−u(10), u(12)] with u(n) = z²/(n+z²), z = 0, p = 1', () => {
    const result = twoProportionTest(0, 10, 0, 12);
    expect(result.difference).toBe(0);
    // With both rates 0 the Newcombe limits reduce to the Wilson upper bounds of 0/n (closed form).
    expect(result.ci95[0]).toBeCloseTo(-wilsonUpperOfZero(10), 12);
    expect(result.ci95[1]).toBeCloseTo(wilsonUpperOfZero(12), 12);
    expect(result.ci95[0]).toBeCloseTo(-0.2775, 4); // Newcombe 1998 Table II: 0/10 Wilson upper 0.2775
    expect(result.z).toBe(0);
    expect(result.pValue).toBe(1);
  });

  it('handles all successes on both sides (pooled variance 0): z = 0, p = 1', () => {
    const result = twoProportionTest(15, 15, 40, 40);
    expect(result.difference).toBe(0);
    expect(result.z).toBe(0);
    expect(result.pValue).toBe(1);
    expect(result.ci95[0]).toBeCloseTo(-wilsonUpperOfZero(40), 12);
    expect(result.ci95[1]).toBeCloseTo(wilsonUpperOfZero(15), 12);
  });

  it('0/20 vs 5/20: each Wilson limit solves (p̂ − p)² = z²·p(1 − p)/n (independent check) and combine as Newcombe says', () => {
    const result = twoProportionTest(0, 20, 5, 20);
    expect(result.difference).toBeCloseTo(0.25, 12);
    // mpmath evaluation of method 10: 0.03776544557 to 0.4687008776.
    expect(result.ci95[0]).toBeCloseTo(0.03776544557, 9);
    expect(result.ci95[1]).toBeCloseTo(0.4687008776, 9);
    // Independent route: solve the Wilson quadratic for 5/20 with the quadratic formula, then combine.
    const n = 20;
    const pHat = 0.25;
    const z2 = Z95 * Z95;
    const qa = 1 + z2 / n;
    const qb = -(2 * pHat + z2 / n);
    const qc = pHat * pHat;
    const disc = Math.sqrt(qb * qb - 4 * qa * qc);
    const l2 = (-qb - disc) / (2 * qa);
    const u2 = (-qb + disc) / (2 * qa);
    const u1 = wilsonUpperOfZero(20);
    expect(result.ci95[0]).toBeCloseTo(0.25 - Math.hypot(pHat - l2, u1), 12);
    expect(result.ci95[1]).toBeCloseTo(0.25 + (u2 - pHat), 12);
  });

  it('pooled z matches a published score statistic: 56/70 vs 48/80 → 2.65 (GSK-Biostatistics/cicalc, Mee statistic at Δ = 0)', () => {
    // Mee's score statistic evaluated at Δ = 0 is exactly the pooled two-proportion z.
    // mpmath: z = 2.650171951258533, two-sided p = 0.008045081368196585.
    const result = twoProportionTest(48, 80, 56, 70);
    expect(result.z).toBeCloseTo(2.65, 2);
    expect(result.z).toBeCloseTo(2.650171951258533, 10);
    expect(result.pValue).toBeCloseTo(0.008045081368196585, 8);
  });

  it("textbook data, Physicians' Health Study (Agresti, Categorical Data Analysis §2.2): placebo 189/11034 vs aspirin 104/11037", () => {
    const result = twoProportionTest(189, 11034, 104, 11037);
    // z² equals Pearson's X² of the 2×2 table (no continuity correction): compute X² independently.
    const table = [
      [189, 11034 - 189],
      [104, 11037 - 104],
    ];
    const total = 11034 + 11037;
    const rows = [11034, 11037];
    const cols = [189 + 104, total - 189 - 104];
    let chiSquare = 0;
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        const expected = (rows[i]! * cols[j]!) / total;
        chiSquare += (table[i]![j]! - expected) ** 2 / expected;
      }
    }
    expect(result.z * result.z).toBeCloseTo(chiSquare, 9);
    // mpmath: z = −5.001388204008377, p = 5.69189697374086e-7.
    expect(result.z).toBeCloseTo(-5.001388204008377, 9);
    expect(result.pValue / 5.69189697374086e-7).toBeCloseTo(1, 5);
    expect(result.difference).toBeCloseTo(104 / 11037 - 189 / 11034, 12);
  });

  it('rejects empty samples and impossible counts with a clear RangeError', () => {
    expect(() => twoProportionTest(0, 0, 3, 10)).toThrow(RangeError);
    expect(() => twoProportionTest(0, 0, 3, 10)).toThrow(/baseline sample is empty/);
    expect(() => twoProportionTest(1, 10, 0, 0)).toThrow(/result sample is empty/);
    expect(() => twoProportionTest(11, 10, 3, 10)).toThrow(/cannot exceed/);
    expect(() => twoProportionTest(-1, 10, 3, 10)).toThrow(/whole number/);
    expect(() => twoProportionTest(1.5, 10, 3, 10)).toThrow(/whole number/);
  });
});

/** Exact two-sided Fisher p by BigInt enumeration (independent of the log-factorial implementation). */
function fisherByBigInt(a: number, b: number, c: number, d: number): number {
  const choose = (n: number, k: number): bigint => {
    let result = 1n;
    for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
    return result;
  };
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const weights: bigint[] = [];
  for (let x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x++) {
    weights.push(choose(row1, x) * choose(row2, col1 - x));
  }
  const observed = choose(row1, a) * choose(row2, col1 - a);
  const total = weights.reduce((sum, w) => sum + w, 0n);
  const tail = weights.filter((w) => w <= observed).reduce((sum, w) => sum + w, 0n);
  // Scale before dividing so the ratio keeps 15 digits.
  const scale = 10n ** 18n;
  return Number((tail * scale) / total) / 1e18;
}

describe('fisherExact', () => {
  it("lady tasting tea (Fisher 1935; R's ?fisher.test TeaTasting): [[3,1],[1,3]] → p = 0.4857 (= 17/35)", () => {
    expect(fisherExact(3, 1, 1, 3).pValue).toBeCloseTo(17 / 35, 12);
    expect(fisherExact(3, 1, 1, 3).pValue).toBeCloseTo(0.4857, 4);
  });

  it("R's ?fisher.test Convictions example: [[2,10],[15,3]] → two-sided p = 0.0005367", () => {
    const { pValue } = fisherExact(2, 10, 15, 3);
    expect(pValue).toBeCloseTo(0.0005367, 7);
    expect(pValue / fisherByBigInt(2, 10, 15, 3)).toBeCloseTo(1, 9);
  });

  it('zero counts: 0/20 vs 5/20 → p = 68/1443; 0/10 vs 0/12 → p = 1', () => {
    expect(fisherExact(0, 20, 5, 15).pValue).toBeCloseTo(68 / 1443, 12);
    expect(fisherExact(0, 10, 0, 12).pValue).toBe(1);
    expect(fisherExact(0, 0, 0, 0).pValue).toBe(1);
  });

  it('an extreme table: [[10,0],[0,20]] → p = 1/C(30,10) (fractions: 3.328339160423119e-8)', () => {
    expect(fisherExact(10, 0, 0, 20).pValue / 3.328339160423119e-8).toBeCloseTo(1, 9);
  });

  it('counts in the thousands do not overflow: [[1200,800],[1100,900]] matches exact BigInt enumeration', () => {
    const { pValue } = fisherExact(1200, 800, 1100, 900);
    const exact = fisherByBigInt(1200, 800, 1100, 900);
    expect(exact).toBeCloseTo(0.0015395077387717407, 15); // Python fractions, exact rational
    expect(pValue / exact).toBeCloseTo(1, 8);
  });

  it('is symmetric in rows and columns and matches BigInt enumeration on random small tables', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 25 }),
        fc.nat({ max: 25 }),
        fc.nat({ max: 25 }),
        fc.nat({ max: 25 }),
        (a, b, c, d) => {
          const { pValue } = fisherExact(a, b, c, d);
          expect(pValue).toBeGreaterThan(0);
          expect(pValue).toBeLessThanOrEqual(1);
          expect(pValue).toBeCloseTo(fisherByBigInt(a, b, c, d), 9);
          expect(fisherExact(c, d, a, b).pValue).toBeCloseTo(pValue, 12);
          expect(fisherExact(a, c, b, d).pValue).toBeCloseTo(pValue, 12);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects negative or fractional cells', () => {
    expect(() => fisherExact(-1, 2, 3, 4)).toThrow(RangeError);
    expect(() => fisherExact(1, 2.5, 3, 4)).toThrow(/Cell b must be a whole number/);
  });
});

describe('compareProportions', () => {
  it('uses Fisher when an expected count is below 5 (0/20 vs 5/20: expected successes 2.5)', () => {
    const result = compareProportions(0, 20, 5, 20);
    expect(result).toEqual({
      kind: 'proportions',
      method: 'fisher_exact',
      difference: 0.25,
      ci95: twoProportionTest(0, 20, 5, 20).ci95,
      pValue: fisherExact(0, 20, 5, 15).pValue,
    });
    expect(result.pValue).toBeCloseTo(68 / 1443, 12);
  });

  it('uses Fisher for zero counts on both sides (0/10 vs 0/12): p = 1, interval still Newcombe', () => {
    const result = compareProportions(0, 10, 0, 12);
    expect(result.method).toBe('fisher_exact');
    expect(result.pValue).toBe(1);
    expect(result.ci95[0]).toBeCloseTo(-0.2775327999, 9);
    expect(result.ci95[1]).toBeCloseTo(0.2424940067, 9);
  });

  it('uses the z-test when every expected count is at least 5 (48/80 vs 56/70)', () => {
    const result = compareProportions(48, 80, 56, 70);
    expect(result.method).toBe('two_proportion_z');
    expect(result.pValue).toBeCloseTo(0.008045081368196585, 8);
    expect(result.ci95[0]).toBeCloseTo(0.0524, 4);
  });

  it('switches exactly at an expected count of 5', () => {
    // 10 successes over 40 deals, 20 per side: expected successes per side = 20·10/40 = 5 → z-test.
    expect(compareProportions(3, 20, 7, 20).method).toBe('two_proportion_z');
    // 9 successes: expected 4.5 → Fisher.
    expect(compareProportions(3, 20, 6, 20).method).toBe('fisher_exact');
  });

  it('property: the interval contains the difference, stays in [−1, 1], p ∈ [0, 1]; swapping sides mirrors it', () => {
    const side = fc
      .integer({ min: 1, max: 400 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(side, side, ([x1, n1], [x2, n2]) => {
        const result = compareProportions(x1, n1, x2, n2);
        expect(result.difference).toBeCloseTo(x2 / n2 - x1 / n1, 12);
        expect(result.ci95[0]).toBeLessThanOrEqual(result.difference);
        expect(result.ci95[1]).toBeGreaterThanOrEqual(result.difference);
        expect(result.ci95[0]).toBeGreaterThanOrEqual(-1);
        expect(result.ci95[1]).toBeLessThanOrEqual(1);
        expect(result.pValue).toBeGreaterThanOrEqual(0);
        expect(result.pValue).toBeLessThanOrEqual(1);
        const swapped = compareProportions(x2, n2, x1, n1);
        expect(swapped.method).toBe(result.method);
        expect(swapped.pValue).toBeCloseTo(result.pValue, 9);
        expect(swapped.ci95[0]).toBeCloseTo(-result.ci95[1], 12);
        expect(swapped.ci95[1]).toBeCloseTo(-result.ci95[0], 12);
      }),
      { numRuns: 500 },
    );
  });
});

/** U of b by counting pairs (b > a counts 1, ties ½): the definition, independent of ranks. */
function uByPairs(a: number[], b: number[]): number {
  let u = 0;
  for (const y of b) for (const x of a) u += y > x ? 1 : y === x ? 0.5 : 0;
  return u;
}

/** Exact two-sided p by enumerating every split of the pooled values (brute force, R's doubling rule). */
function exactPByEnumeration(a: number[], b: number[]): number {
  const pooled = [...a, ...b];
  const observed = uByPairs(a, b);
  const mean = (a.length * b.length) / 2;
  let hits = 0;
  let total = 0;
  const choose = (start: number, picked: number[]): void => {
    if (picked.length === b.length) {
      const chosen = new Set(picked);
      const bb = picked.map((i) => pooled[i]!);
      const aa = pooled.filter((_, i) => !chosen.has(i));
      const u = uByPairs(aa, bb);
      total++;
      if (observed > mean ? u >= observed : u <= observed) hits++;
      return;
    }
    for (let i = start; i < pooled.length; i++) choose(i + 1, [...picked, i]);
  };
  choose(0, []);
  return Math.min(1, (2 * hits) / total);
}

describe('mannWhitney', () => {
  it("SciPy's mannwhitneyu docs example (males vs females): U = 17, exact p = 0.1111, asymptotic p = 0.11134688653314041", () => {
    // scipy.stats.mannwhitneyu documentation: males = [19, 22, 16, 29, 24], females = [20, 11, 17, 12];
    // mannwhitneyu(males, females) → statistic 17.0, pvalue 0.1111 (exact) and 0.11134688653314041
    // (method="asymptotic", continuity-corrected). U is reported for the second argument here.
    const females = [20, 11, 17, 12];
    const males = [19, 22, 16, 29, 24];
    const result = mannWhitney(females, males);
    expect(result.u).toBe(17);
    expect(result.pValue).toBeCloseTo(1 / 9, 12);
    // The z we report is the continuity-corrected approximation; its p is SciPy's asymptotic one.
    expect(result.z).toBeCloseTo(1.592168332809066, 10);
  });

  it("R's ?wilcox.test two-sample example: W = 35, one-sided p = 0.1272 → two-sided exact p = 0.2544 (= 764/3003)", () => {
    // x <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46); y <- c(1.15, 0.88, 0.90, 0.74, 1.21)
    // wilcox.test(x, y, alternative = "g") → W = 35, p-value = 0.1272. W is U of x, so x is our second sample.
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const result = mannWhitney(y, x);
    expect(result.u).toBe(35);
    expect(result.pValue).toBeCloseTo(0.2544, 4);
    expect(result.pValue / 2).toBeCloseTo(0.1272, 4);
    expect(result.pValue).toBeCloseTo(764 / 3003, 12);
    expect(result.pValue).toBeCloseTo(exactPByEnumeration(y, x), 12);
  });

  it("R's depression data (?wilcox.test, Hollander & Wolfe p. 29) as two independent samples, with ties: W = 58, p = 0.1329", () => {
    // wilcox.test(x, y) (exact = FALSE because y has ties, correct = TRUE) → W = 58, p-value = 0.1329.
    // mpmath with the tie-corrected variance: z = 1.502688234205555, p = 0.1329194581853188.
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const result = mannWhitney(y, x);
    expect(result.u).toBe(58);
    expect(result.u).toBe(uByPairs(y, x));
    expect(result.z).toBeCloseTo(1.502688234205555, 10);
    expect(result.pValue).toBeCloseTo(0.1329, 4);
    expect(result.pValue).toBeCloseTo(0.1329194581853188, 7);
    const reversed = mannWhitney(x, y);
    expect(reversed.u).toBe(81 - 58);
    expect(reversed.z).toBeCloseTo(-result.z, 12);
    expect(reversed.pValue).toBeCloseTo(result.pValue, 12);
  });

  it('uses the normal approximation above 10 per side even without ties (mpmath: z = 2.307965455862489, p = 0.0210010578909911)', () => {
    const a = Array.from({ length: 12 }, (_, i) => i + 1);
    const b = Array.from({ length: 11 }, (_, i) => i + 5.5);
    const result = mannWhitney(a, b);
    expect(result.u).toBe(104);
    expect(result.z).toBeCloseTo(2.307965455862489, 10);
    expect(result.pValue).toBeCloseTo(0.0210010578909911, 7);
  });

  it('tiny samples get the exact p: [1] vs [2] → U = 1, p = 1; [1,2] vs [3,4] → U = 4, p = 1/3', () => {
    expect(mannWhitney([1], [2])).toMatchObject({ u: 1, pValue: 1 });
    const two = mannWhitney([1, 2], [3, 4]);
    expect(two.u).toBe(4);
    expect(two.pValue).toBeCloseTo(1 / 3, 12);
    const three = mannWhitney([1, 2, 3], [4, 5, 6]);
    expect(three.pValue).toBeCloseTo(0.1, 12); // 2 · 1/C(6,3)
  });

  it('all-equal values carry no evidence of a shift: z = 0, p = 1, U at its mean', () => {
    expect(mannWhitney([5, 5, 5], [5, 5])).toEqual({ u: 3, z: 0, pValue: 1 });
    expect(mannWhitney([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2])).toEqual({
      u: 66,
      z: 0,
      pValue: 1,
    });
  });

  it('property: the exact p matches brute-force enumeration for tiny samples without ties', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 11 }),
        fc.integer({ min: 1, max: 10 }),
        (values, cut) => {
          const split = Math.min(cut, values.length - 1);
          const a = values.slice(0, split);
          const b = values.slice(split);
          fc.pre(b.length <= 10);
          const result = mannWhitney(a, b);
          expect(result.u).toBe(uByPairs(a, b));
          expect(result.pValue).toBeCloseTo(exactPByEnumeration(a, b), 12);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: U = pair count, U(a,b) + U(b,a) = na·nb, p ∈ [0, 1] and symmetric', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const forward = mannWhitney(a, b);
        const backward = mannWhitney(b, a);
        expect(forward.u).toBe(uByPairs(a, b));
        expect(forward.u + backward.u).toBe(a.length * b.length);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects empty samples and non-finite values', () => {
    expect(() => mannWhitney([], [1, 2])).toThrow(/baseline sample is empty/);
    expect(() => mannWhitney([1], [])).toThrow(/result sample is empty/);
    expect(() => mannWhitney([1, Number.NaN], [2])).toThrow(/not a finite number/);
  });
});

describe('bootstrapMedianDifference', () => {
  it('the difference is median(b) − median(a) exactly, and a seed makes it reproducible', () => {
    const a = [3, 9, 4, 12, 6, 8, 15, 2, 7];
    const b = [2, 5, 3, 6, 4, 11, 3, 5];
    const first = bootstrapMedianDifference(a, b);
    expect(first.difference).toBe(median(b) - median(a));
    expect(first.difference).toBe(4.5 - 7);
    expect(bootstrapMedianDifference(a, b)).toEqual(first);
    expect(bootstrapMedianDifference(a, b, { seed: 7 })).toEqual(
      bootstrapMedianDifference(a, b, { seed: 7 }),
    );
    // A different seed draws different resamples (the interval may move, but the estimate cannot).
    expect(bootstrapMedianDifference(a, b, { seed: 8 }).difference).toBe(first.difference);
  });

  it('equals a naive bootstrap (build each resample, take its median) driven by the canonical mulberry32', () => {
    // mulberry32 as published by Tommy Ettinger (the widely copied JavaScript form), written
    // independently of the implementation under test.
    const canonicalMulberry32 = (seed: number) => {
      let a = seed;
      return () => {
        a |= 0;
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    };
    const naive = (a: number[], b: number[], iterations: number, seed: number): [number, number] => {
      const random = canonicalMulberry32(seed);
      const sortedA = [...a].sort((x, y) => x - y);
      const sortedB = [...b].sort((x, y) => x - y);
      const draw = (sorted: number[]) => sorted.map(() => sorted[Math.floor(random() * sorted.length)]!);
      const differences: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const medianA = median(draw(sortedA));
        differences.push(median(draw(sortedB)) - medianA);
      }
      differences.sort((x, y) => x - y);
      // Type-7 percentile written out: position (m − 1)·q, linear interpolation.
      const percentile = (q: number) => {
        const position = (differences.length - 1) * q;
        const low = Math.floor(position);
        const high = Math.min(low + 1, differences.length - 1);
        return differences[low]! + (position - low) * (differences[high]! - differences[low]!);
      };
      return [percentile(0.025), percentile(0.975)];
    };
    const a = [12, 3, 7, 7, 21, 5, 9, 14, 2, 30, 6, 8];
    const b = [4, 6, 2, 9, 5, 3, 11, 1, 5, 7];
    for (const seed of [1, 42, 20_240_607]) {
      const [lo, hi] = naive(a, b, 500, seed);
      const result = bootstrapMedianDifference(a, b, { iterations: 500, seed });
      expect(result.ci95[0]).toBeCloseTo(lo, 12);
      expect(result.ci95[1]).toBeCloseTo(hi, 12);
    }
    // The default run (2,000 iterations, default seed) is one of those.
    const [lo, hi] = naive(a, b, 2000, 20_240_607);
    expect(bootstrapMedianDifference(a, b).ci95).toEqual([lo, hi]);
  });

  it('known resampling distribution: a = [3], b = [1, 2] → medians of b are 1, 1.5, 2 (¼, ½, ¼) → interval [−2, −1]', () => {
    const result = bootstrapMedianDifference([3], [1, 2]);
    expect(result.difference).toBe(-1.5);
    expect(result.ci95).toEqual([-2, -1]);
  });

  it('all-equal values give a zero-width interval at 0', () => {
    expect(bootstrapMedianDifference([4, 4, 4], [4, 4])).toEqual({ difference: 0, ci95: [0, 0] });
  });

  it('a pure shift of 5 days is estimated as 5 with an interval around it', () => {
    const a = [1, 2, 2, 3, 4, 5, 5, 6, 8, 9, 11, 13, 14, 18, 21, 25, 30, 34, 40, 55];
    const b = a.map((value) => value + 5);
    const result = bootstrapMedianDifference(a, b);
    expect(result.difference).toBe(5);
    expect(result.ci95[0]).toBeLessThan(5);
    expect(result.ci95[1]).toBeGreaterThan(5);
  });

  it('matches the large-sample theory: half-width ≈ 1.96·√(π/2)·σ·√(1/na + 1/nb) for normal data', () => {
    // Independent check: the asymptotic standard error of a sample median is √(π/2)·σ/√n.
    // Data: 400 evenly spaced standard normal quantiles per side (deterministic), b shifted by 1.
    const normalQuantile = (p: number): number => {
      // Bisection on the erf-based CDF (erf below, independent of the code under test).
      let lo = -10;
      let hi = 10;
      for (let i = 0; i < 80; i++) {
        const mid = (lo + hi) / 2;
        const cdf = 0.5 * (1 + erf(mid / Math.SQRT2));
        if (cdf < p) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    const n = 400;
    const a = Array.from({ length: n }, (_, i) => normalQuantile((i + 0.5) / n));
    const b = a.map((value) => value + 1);
    const result = bootstrapMedianDifference(a, b);
    const expectedHalfWidth = Z95 * Math.sqrt(Math.PI / 2) * Math.sqrt(2 / n);
    const halfWidth = (result.ci95[1] - result.ci95[0]) / 2;
    expect(halfWidth / expectedHalfWidth).toBeGreaterThan(0.8);
    expect(halfWidth / expectedHalfWidth).toBeLessThan(1.2);
    expect((result.ci95[0] + result.ci95[1]) / 2).toBeCloseTo(1, 1);
  });

  it('property: the interval is ordered and within the range of possible differences', () => {
    const sample = fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: 0, max: 1_000_000 }), (a, b, seed) => {
        const result = bootstrapMedianDifference(a, b, { iterations: 200, seed });
        expect(result.ci95[0]).toBeLessThanOrEqual(result.ci95[1]);
        expect(result.ci95[0]).toBeGreaterThanOrEqual(Math.min(...b) - Math.max(...a));
        expect(result.ci95[1]).toBeLessThanOrEqual(Math.max(...b) - Math.min(...a));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects empty samples and unusable options', () => {
    expect(() => bootstrapMedianDifference([], [1])).toThrow(/baseline sample is empty/);
    expect(() => bootstrapMedianDifference([1], [2], { iterations: 10 })).toThrow(/iterations/);
    expect(() => bootstrapMedianDifference([1], [2], { seed: 1.5 })).toThrow(/seed/);
  });
});

describe('compareDurations', () => {
  it('combines the Mann–Whitney p with the bootstrap median difference, in the input units', () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const result = compareDurations(y, x);
    expect(result.kind).toBe('durations');
    expect(result.method).toBe('mann_whitney');
    expect(result.pValue).toBeCloseTo(0.1329194581853188, 7);
    expect(result.difference).toBeCloseTo(1.68 - 1.06, 12);
    expect(result.ci95).toEqual(bootstrapMedianDifference(y, x).ci95);
    expect(result.ci95[0]).toBeLessThan(result.difference);
    expect(result.ci95[1]).toBeGreaterThan(result.difference);
  });
});

describe('MIN_SAMPLE', () => {
  it('asks for at least 30 deals/actions and 20 stage visits per side', () => {
    expect(MIN_SAMPLE).toEqual({ proportions: 30, durations: 20 });
  });
});

/** erf by its Maclaurin series (converges fast for |x| ≤ 6; used only to build test data). */
function erf(x: number): number {
  if (Math.abs(x) > 6) return Math.sign(x);
  let term = x;
  let sum = x;
  for (let k = 1; k < 200; k++) {
    term *= (-x * x) / k;
    sum += term / (2 * k + 1);
    if (Math.abs(term / (2 * k + 1)) < 1e-17) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
