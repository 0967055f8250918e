import { periodDelta } from '@shared/scorecards/benchmarks';
import type { ScorecardScopeInput } from '@shared/scorecards/inputs';
import { metricDefinition, scorecardMetricKeys, type ScorecardMetricKey } from '@shared/scorecards/metrics';
import { describeTarget, evaluateTarget } from '@shared/scorecards/settings';
import type { MetricValue, TeamFigure, TeamRepRow, TeamScorecard } from '@shared/scorecards/types';
import type { Db } from '../db/open';
import { currentAndPrevious, drillOf, periodOf, scorecardData, trendOf } from './ranking';
import { periodExperiments } from '../experiments/scorecard';

/** A target's threshold as a manager reads it: shares in %, days, points of discount, scores. */
function formatThreshold(unit: string, value: number): string {
  if (unit === 'share') return `${Math.round(value * 1000) / 10}%`;
  if (unit === 'percent') return `${value}%`;
  if (unit === 'days') return `${value} days`;
  return String(value);
}

/**
 * The team scorecard for the month or quarter containing `input.anchor`: every figure for the
 * team as a whole (its deals pooled, so compliance equals the Execution heatmap's team rate),
 * the median of the reps, the previous period and a four-period trend; the reps side by side,
 * each figure with their percentile and their composite score; and the workflow-scorecard
 * targets with whether each is met.
 */
export function teamScorecard(db: Db, input: ScorecardScopeInput, now: number): TeamScorecard {
  const data = scorecardData(db, input, now);
  const { current, previous } = currentAndPrevious(data);
  const m = data.measures[current]!;
  const figures: TeamFigure[] = scorecardMetricKeys.map((key) => {
    const def = metricDefinition(key);
    const ranking = data.ranking(current, key);
    const previousValue = data.measures[previous]!.team[key].value;
    return {
      key,
      section: def.section,
      ...m.team[key],
      benchmark: ranking.benchmark,
      benchmarkReps: ranking.reps,
      previous: previousValue,
      ...periodDelta(m.team[key].value, previousValue, def.direction),
      trend: trendOf(data, key, null),
      drill: drillOf(data, key, null),
    };
  });
  const reps: TeamRepRow[] = data.reps
    .filter((rep) => scorecardMetricKeys.some((key) => m.reps.get(rep.id)?.[key].value !== null))
    .map((rep) => {
      const values = Object.fromEntries(
        scorecardMetricKeys.map((key) => [
          key,
          { ...m.reps.get(rep.id)![key], percentile: data.ranking(current, key).percentile(rep.id) },
        ]),
      ) as Record<ScorecardMetricKey, MetricValue & { percentile: number | null }>;
      return {
        ...rep,
        values,
        composite: data.composite(current, rep.id),
        previousComposite: data.composite(previous, rep.id).score,
      };
    });
  const targets = data.settings.targets.map((target) => ({
    ...target,
    ...evaluateTarget(
      target,
      m.team[target.metric].value,
      data.reps.map((rep) => {
        const value = m.reps.get(rep.id)?.[target.metric];
        return value?.enough ? value.value : null;
      }),
    ),
    sentence: describeTarget(target, (metric, value) => formatThreshold(metric.unit, value)),
  }));
  const period = periodOf(data, current);
  return {
    period,
    previousPeriod: periodOf(data, previous),
    partial: data.partial,
    versionId: data.version.id,
    version: data.version.version,
    teams: input.teams ?? [],
    figures,
    reps,
    targets,
    settings: data.settings,
    experiments: periodExperiments(db, period.from, period.to, now),
  };
}
