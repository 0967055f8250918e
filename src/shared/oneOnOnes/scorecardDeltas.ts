import { periodDelta } from '../scorecards/benchmarks';
import { type ScorecardMetricKey, metricDefinition } from '../scorecards/metrics';
import type { RepScorecard } from '../scorecards/types';
import type { PrepScorecard } from './types';

/** What a held one-on-one keeps of the rep's scorecard: the period's label and each figure's value then. */
export type ScorecardSnapshot = {
  period: string;
  values: Partial<Record<ScorecardMetricKey, number | null>>;
};

/** The scorecard part of a snapshot, as a held one-on-one stores it. */
export function scorecardSnapshot(card: RepScorecard | null): ScorecardSnapshot | null {
  if (!card) return null;
  return { period: card.period.label, values: Object.fromEntries(card.figures.map((f) => [f.key, f.value])) };
}

/** Reads a one-on-one snapshot's scorecard part back; null for one-on-ones held without it. */
export function readScorecardSnapshot(snapshot: unknown): ScorecardSnapshot | null {
  if (typeof snapshot !== 'object' || snapshot === null) return null;
  const card = (snapshot as { scorecard?: unknown }).scorecard;
  if (typeof card !== 'object' || card === null) return null;
  const { period, values } = card as Partial<ScorecardSnapshot>;
  if (typeof period !== 'string' || typeof values !== 'object' || values === null) return null;
  return { period, values };
}

/**
 * The scorecard figures a prep shows: the running month's value with its sample, the team
 * median and the rep's percentile, the change against last month, and the change since the
 * scorecard as it stood when the last one-on-one was marked held (`last`), read in each
 * figure's direction.
 */
export function scorecardDeltas(card: RepScorecard, last: ScorecardSnapshot | null): PrepScorecard {
  return {
    period: { label: card.period.label, from: card.period.from, to: card.period.to },
    previousLabel: card.previousPeriod.label,
    partial: card.partial,
    lastOneOnOnePeriod: last?.period ?? null,
    figures: card.figures.map((f) => {
      const definition = metricDefinition(f.key);
      const then = last?.values[f.key] ?? null;
      const since = periodDelta(f.value, then, definition.direction);
      return {
        key: f.key,
        label: definition.label,
        unit: definition.unit,
        direction: definition.direction,
        value: f.value,
        sample: f.sample,
        sampleNoun: definition.sampleNoun,
        enough: f.enough,
        benchmark: f.benchmark,
        percentile: f.percentile,
        previous: f.previous,
        delta: f.delta,
        change: f.change,
        atLastOneOnOne: then,
        sinceLast: since.delta,
        sinceLastChange: since.change,
      };
    }),
  };
}
