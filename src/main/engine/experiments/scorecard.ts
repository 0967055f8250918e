import type { ScorecardExperiment } from '@shared/scorecards/types';
import type { Db } from '../db/open';
import { listExperimentRecords } from './records';
import { experimentResults } from './results';

/**
 * The experiments of a scorecard period: those whose window (startsOn – endsOn) overlaps the
 * period's inclusive dates, earliest first, each with its primary result in one sentence.
 */
export function periodExperiments(db: Db, from: string, to: string, now: number): ScorecardExperiment[] {
  return listExperimentRecords(db)
    .filter((e) => e.startsOn <= to && e.endsOn >= from)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id - b.id)
    .map((e) => {
      const { primary } = experimentResults(db, e, now);
      return {
        id: e.id,
        title: e.title,
        quarter: e.quarter,
        status: e.status,
        decision: e.decision,
        startsOn: e.startsOn,
        endsOn: e.endsOn,
        primaryLabel: primary.label,
        verdict: primary.verdict,
        summary: primary.summary,
      };
    });
}
