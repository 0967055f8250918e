import { periodDelta, teamMedian } from '@shared/scorecards/benchmarks';
import type { RepScorecardInput } from '@shared/scorecards/inputs';
import { metricDefinition, scorecardMetricKeys } from '@shared/scorecards/metrics';
import type { RepScorecard, ScorecardFigure, ShadowingSummary, StageScore } from '@shared/scorecards/types';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import type { StageMeasure } from './measure';
import { type ScorecardData, currentAndPrevious, drillOf, periodOf, scorecardData, trendOf } from './ranking';

export type { RepScorecard, RepScorecardInput };

const noShadowing: ShadowingSummary = {
  observations: 0,
  rubric: [],
  checklist: { done: 0, partial: 0, skipped: 0, na: 0 },
  tags: [],
};

function stageScores(data: ScorecardData, repId: number): StageScore[] {
  const { current } = currentAndPrevious(data);
  const m = data.measures[current]!;
  const others = [...m.stages.values()];
  const column = (key: string, pick: (s: StageMeasure) => number | null): number | null =>
    teamMedian(others.map((stages) => stages.find((s) => s.key === key)).map((s) => (s ? pick(s) : null)));
  const mine = m.stages.get(repId) ?? [];
  return data.version.definition.stages
    .filter((stage) => !stage.outcome)
    .map((stage) => {
      const own = mine.find((s) => s.key === stage.key);
      return {
        key: stage.key,
        name: stage.name,
        targetDays: stage.targetDays ?? null,
        entered: own?.entered ?? 0,
        medianDays: own?.medianDays ?? null,
        medianDaysBenchmark: column(stage.key, (s) => s.medianDays),
        conversion: own?.conversion ?? null,
        conversionBenchmark: column(stage.key, (s) => s.conversion),
      };
    });
}

/**
 * A rep's scorecard for the month or quarter containing `input.anchor`: every figure of the six
 * sections with its sample, the team median and the rep's percentile among the reps in scope
 * (all reps, or those of `input.teams`), the previous period's value and the change, a trend
 * over the last four periods and where its evidence is; the composite score with its parts;
 * time and conversion per stage; and the shadowing summary. Reads the stored evaluation of the
 * current workflow version (or `input.versionId`); `now` says whether the period is still running.
 * Throws `not_found` for an unknown rep or a version never evaluated.
 */
export function repScorecard(db: Db, input: RepScorecardInput, now: number): RepScorecard {
  const rep = db.prepare('SELECT id, name, role, team FROM reps WHERE id = ?').get(input.repId) as
    | RepScorecard['rep']
    | undefined;
  if (!rep) throw new EngineError('not_found', `Rep ${input.repId} does not exist in this workspace.`);
  const data = scorecardData(db, input, now, rep);
  const { current, previous } = currentAndPrevious(data);
  const mine = data.measures[current]!.reps.get(rep.id);
  const before = data.measures[previous]!.reps.get(rep.id);
  const figures: ScorecardFigure[] = scorecardMetricKeys.map((key) => {
    const def = metricDefinition(key);
    const value = mine?.[key] ?? { value: null, sample: 0, enough: false };
    const ranking = data.ranking(current, key);
    const previousValue = before?.[key].value ?? null;
    return {
      key,
      section: def.section,
      ...value,
      benchmark: ranking.benchmark,
      benchmarkReps: ranking.reps,
      percentile: ranking.percentile(rep.id),
      previous: previousValue,
      ...periodDelta(value.value, previousValue, def.direction),
      trend: trendOf(data, key, rep.id),
      drill: drillOf(data, key, rep.id),
    };
  });
  const composite = data.composite(current, rep.id);
  const previousComposite = data.composite(previous, rep.id).score;
  const compositeTrend = data.measures.map((m, index) => {
    const scores = data.reps.map((r) => data.composite(index, r.id).score);
    return { period: m.period, value: data.composite(index, rep.id).score, benchmark: teamMedian(scores) };
  });
  const teamSize = data.reps.filter((r) =>
    scorecardMetricKeys.some((key) => data.measures[current]!.reps.get(r.id)?.[key].enough),
  ).length;
  const observed = data.measures[current]!.observations.get(rep.id);
  return {
    rep,
    period: periodOf(data, current),
    previousPeriod: periodOf(data, previous),
    partial: data.partial,
    versionId: data.version.id,
    version: data.version.version,
    teamSize,
    figures,
    composite: {
      ...composite,
      previous: previousComposite,
      delta:
        composite.score === null || previousComposite === null ? null : composite.score - previousComposite,
      trend: compositeTrend,
    },
    stages: stageScores(data, rep.id),
    shadowing: observed
      ? {
          observations: observed.observations,
          rubric: observed.rubric,
          checklist: observed.checklist,
          tags: observed.tags,
        }
      : noShadowing,
    settings: data.settings,
  };
}
