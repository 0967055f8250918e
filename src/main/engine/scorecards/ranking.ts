import type { WorkflowVersion } from '@shared/domain/types';
import { percentileRank, teamMedian } from '@shared/scorecards/benchmarks';
import { type Composite, compositeScore } from '@shared/scorecards/composite';
import { type ScorecardMetricKey, metricDefinition, scorecardMetricKeys } from '@shared/scorecards/metrics';
import { type ScorecardPeriod, lastPeriods } from '@shared/scorecards/periods';
import type { ScorecardScopeInput } from '@shared/scorecards/inputs';
import { type ScorecardSettings, weightOf } from '@shared/scorecards/settings';
import type { RepIdentity, ScorecardDrill, TrendPoint } from '@shared/scorecards/types';
import type { Db } from '../db/open';
import { resolveEvaluatedVersion } from '../reports/stageReports';
import { type PeriodMeasures, measurePeriod, scopeReps } from './measure';
import { readScorecardSettings } from './settings';

/** How many periods a trend shows, ending with the scorecard's own. */
export const TREND_PERIODS = 4;

/** A figure ranked across the team in one period. */
export type Ranking = {
  /** Team median of the reps with enough data. */
  benchmark: number | null;
  /** Reps with enough data. */
  reps: number;
  percentile: (repId: number) => number | null;
};

/** Everything a scorecard reads: the version, settings, reps in scope and four periods measured. */
export type ScorecardData = {
  version: WorkflowVersion;
  settings: ScorecardSettings;
  reps: RepIdentity[];
  /** Oldest first; the last one is the scorecard's period. */
  measures: PeriodMeasures[];
  partial: boolean;
  ranking: (periodIndex: number, key: ScorecardMetricKey) => Ranking;
  composite: (periodIndex: number, repId: number) => Composite;
};

/** The rep's value when it rests on enough data to rank, else null. */
function rankable(measures: PeriodMeasures, repId: number, key: ScorecardMetricKey): number | null {
  const value = measures.reps.get(repId)?.[key];
  return value?.enough ? value.value : null;
}

/**
 * Measures the scope's four periods and ranks every rep in each (the scorecards' shared ground).
 * `include` joins a rep the teams filter would leave out, so their own scorecard still measures them.
 */
export function scorecardData(
  db: Db,
  input: ScorecardScopeInput,
  now: number,
  include?: RepIdentity,
): ScorecardData {
  const version = resolveEvaluatedVersion(db, input.versionId);
  const settings = readScorecardSettings(db);
  const reps = scopeReps(db, input.teams);
  if (include && !reps.some((r) => r.id === include.id)) reps.push(include);
  const periods = lastPeriods(input.kind, input.anchor, TREND_PERIODS);
  const narrowed = (input.teams?.length ?? 0) > 0;
  const measures = periods.map((period) =>
    measurePeriod(db, version, period, reps, { minSample: settings.minSample, narrowed }),
  );
  const today = new Date(now).toISOString().slice(0, 10);
  const rankings = new Map<string, Ranking>();
  const ranking = (index: number, key: ScorecardMetricKey): Ranking => {
    const id = `${index}:${key}`;
    const cached = rankings.get(id);
    if (cached) return cached;
    const m = measures[index]!;
    const values = new Map(reps.map((r) => [r.id, rankable(m, r.id, key)]));
    const known = [...values.values()].filter((v) => v !== null);
    const { direction } = metricDefinition(key);
    const made: Ranking = {
      benchmark: teamMedian(known),
      reps: known.length,
      percentile: (repId) =>
        percentileRank(
          values.get(repId) ?? null,
          [...values.entries()].filter(([id]) => id !== repId).map(([, v]) => v),
          direction,
        ),
    };
    rankings.set(id, made);
    return made;
  };
  const composite = (index: number, repId: number): Composite =>
    compositeScore(
      scorecardMetricKeys.map((key) => ({
        key,
        weight: weightOf(settings.weights, key),
        percentile: ranking(index, key).percentile(repId),
      })),
    );
  return {
    version,
    settings,
    reps,
    measures,
    partial: periods[periods.length - 1]!.to >= today,
    ranking,
    composite,
  };
}

/** The scorecard's period (the last measured) and the one before it. */
export function currentAndPrevious(data: ScorecardData): { current: number; previous: number } {
  const current = data.measures.length - 1;
  return { current, previous: current - 1 };
}

export function periodOf(data: ScorecardData, index: number): ScorecardPeriod {
  return data.measures[index]!.period;
}

/** A figure's trend for one rep (or the team's pooled values when `repId` is null). */
export function trendOf(data: ScorecardData, key: ScorecardMetricKey, repId: number | null): TrendPoint[] {
  return data.measures.map((m, index) => ({
    period: m.period,
    value: repId === null ? m.team[key].value : (m.reps.get(repId)?.[key].value ?? null),
    benchmark: data.ranking(index, key).benchmark,
  }));
}

export function drillOf(data: ScorecardData, key: ScorecardMetricKey, repId: number | null): ScorecardDrill {
  const { period } = data.measures[data.measures.length - 1]!;
  return {
    kind: metricDefinition(key).drill,
    metric: key,
    repId,
    from: period.from,
    to: period.to,
    versionId: data.version.id,
  };
}
