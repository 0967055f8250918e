import type { RepScorecard } from '@shared/scorecards/types';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { repScorecard } from '../scorecards/repScorecard';

/** The running month's scorecard of a rep, or null when it cannot be computed (nothing to score yet). */
export function monthScorecard(db: Db, repId: number, today: string, now: number): RepScorecard | null {
  try {
    return repScorecard(db, { repId, kind: 'month', anchor: today }, now);
  } catch (error) {
    if (error instanceof EngineError && error.code === 'not_found') return null;
    throw error;
  }
}
