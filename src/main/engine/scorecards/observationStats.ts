import type { ShadowingSummary } from '@shared/scorecards/types';
import { observationSummary } from '../coaching/observationsSummary';
import type { Db } from '../db/open';

/** A rep's shadowing with the raw sums the scorecard figures need (to pool reps into the team). */
export type ObservationStats = ShadowingSummary & { scoreSum: number; scoreCount: number };

/**
 * Per rep, the shadowing observations dated in [from, to] (inclusive calendar days, deleted ones
 * left out), from the observations' own summary: count, rubric means per criterion, checklist
 * marks by state and tags by frequency.
 */
export function observationStatsByRep(
  db: Db,
  { from, to, repId }: { from: string; to: string; repId?: number },
): Map<number, ObservationStats> {
  const summary = observationSummary(db, { from, to, repId });
  return new Map(
    summary.reps.map((rep) => {
      const scoreCount = rep.rubric.reduce((sum, c) => sum + c.scored, 0);
      return [
        rep.repId,
        {
          observations: rep.observations,
          rubric: rep.rubric.map((c) => ({ criterion: c.label, average: c.average, scores: c.scored })),
          checklist: {
            done: rep.checklist.done,
            partial: rep.checklist.partial,
            skipped: rep.checklist.skipped,
            na: rep.checklist.na,
          },
          tags: rep.tags.map((t) => ({ tag: t.tag, count: t.count })),
          scoreSum: rep.rubricAverage === null ? 0 : rep.rubricAverage * scoreCount,
          scoreCount: rep.rubricAverage === null ? 0 : scoreCount,
        },
      ];
    }),
  );
}
