import type { WorkflowVersion } from '@shared/domain/types';
import type { ExperimentMetric } from '@shared/experiments/types';
import { msToDays } from '@shared/metrics/period';
import type { Db } from '../db/open';
import { closedDealsBetween } from '../queries/metrics';
import type { Window } from './windows';

/**
 * The raw observations behind one side of a comparison, read from the stored evaluation of one
 * workflow version:
 * - conversion: the deals that entered the stage in the window (each deal once, by its first
 *   visit there in the window, as the funnel counts them), kept only once their fate is known —
 *   they reached a later stage or were lost, moved on otherwise, or the deal is closed — or once
 *   they have sat in the stage longer than its target days (30 without a target) at `now`.
 *   A deal entered yesterday has not had its chance to advance yet; counting it as a drop-off
 *   would bias a running experiment down. Success: it reached a later stage.
 * - time in stage: the visits of the stage that ended in the window, in days.
 * - compliance: the stage's required actions (or one of them) due in the window and settled —
 *   on time, late or missed; pending ones are never counted. Success: on time.
 * - win rate: deals closed in the window; success: won.
 * `owners` limits every kind to the deals of those reps (null: the whole team).
 */
export type RawSample =
  | { kind: 'proportion'; n: number; successes: number }
  | { kind: 'durations'; days: number[] };

const DEFAULT_SETTLE_DAYS = 30;

export function readSample(
  db: Db,
  version: WorkflowVersion,
  metric: ExperimentMetric,
  window: Window,
  owners: ReadonlySet<number> | null,
  now: number,
): RawSample {
  const allowed = (ownerId: number | null): boolean =>
    owners === null || (ownerId !== null && owners.has(ownerId));
  if (window.end <= window.start) {
    return metric.kind === 'time_in_stage'
      ? { kind: 'durations', days: [] }
      : { kind: 'proportion', n: 0, successes: 0 };
  }
  switch (metric.kind) {
    case 'conversion': {
      const stage = version.definition.stages.find((s) => s.key === metric.stageKey);
      const settleMs = (stage?.targetDays ?? DEFAULT_SETTLE_DAYS) * 86_400_000;
      const rows = db
        .prepare(
          `SELECT v.owner_id AS ownerId, v.fate, v.entered_at AS enteredAt, v.exited_at AS exitedAt, d.status
           FROM eval_visits v JOIN deals d ON d.id = v.deal_id
           WHERE v.workflow_version_id = ? AND v.stage_key = ? AND v.entered_at >= ? AND v.entered_at < ?
             AND (v.prev_same_at IS NULL OR v.prev_same_at < ?)`,
        )
        .all(version.id, metric.stageKey, window.start, window.end, window.start) as {
        ownerId: number | null;
        fate: 'next' | 'skip' | 'lost' | null;
        enteredAt: number;
        exitedAt: number | null;
        status: string;
      }[];
      let n = 0;
      let successes = 0;
      for (const row of rows) {
        if (!allowed(row.ownerId)) continue;
        const settled =
          row.fate !== null ||
          row.exitedAt !== null ||
          row.status !== 'open' ||
          now - row.enteredAt > settleMs;
        if (!settled) continue;
        n += 1;
        if (row.fate === 'next' || row.fate === 'skip') successes += 1;
      }
      return { kind: 'proportion', n, successes };
    }
    case 'time_in_stage': {
      const rows = db
        .prepare(
          `SELECT owner_id AS ownerId, duration_ms AS durationMs FROM eval_visits
           WHERE workflow_version_id = ? AND stage_key = ? AND exited_at >= ? AND exited_at < ?`,
        )
        .all(version.id, metric.stageKey, window.start, window.end) as {
        ownerId: number | null;
        durationMs: number;
      }[];
      return {
        kind: 'durations',
        days: rows.filter((r) => allowed(r.ownerId)).map((r) => msToDays(r.durationMs)),
      };
    }
    case 'compliance': {
      const action = metric.actionKey === undefined ? '' : ' AND action_key = ?';
      const rows = db
        .prepare(
          `SELECT owner_id AS ownerId, sum(status = 'on_time') AS onTime, count(*) AS settled FROM eval_actions
           WHERE workflow_version_id = ? AND anchor_at >= ? AND anchor_at < ? AND stage_key = ?${action}
             AND status IN ('on_time', 'late', 'missed')
           GROUP BY owner_id`,
        )
        .all(
          version.id,
          window.start,
          window.end,
          metric.stageKey,
          ...(metric.actionKey === undefined ? [] : [metric.actionKey]),
        ) as { ownerId: number | null; onTime: number; settled: number }[];
      let n = 0;
      let successes = 0;
      for (const row of rows) {
        if (!allowed(row.ownerId)) continue;
        n += row.settled;
        successes += row.onTime;
      }
      return { kind: 'proportion', n, successes };
    }
    case 'win_rate': {
      const closed = closedDealsBetween(db, version.definition, window.start, window.end).filter((d) =>
        allowed(d.ownerId),
      );
      return {
        kind: 'proportion',
        n: closed.length,
        successes: closed.filter((d) => d.outcome === 'won').length,
      };
    }
  }
}
