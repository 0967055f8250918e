import type { Db } from '../db/open';
import { dataRevision } from '../queries/dataRevision';
import { closedDealsBetween } from '../queries/metrics';
import { DAY_MS, type WorkflowLookup } from './workflowLookup';

/** How much more often closed deals are won when a workflow step goes right, per gap key ("action:demo:demo_recap"). */
export type LiftTable = Map<string, { lift: number | null; deals: number }>;

/** Closed deals of this many days back weigh what a workflow step is worth. */
const LIFT_WINDOW_DAYS = 365;

function winRate(won: number, total: number): number | null {
  return total === 0 ? null : won / total;
}

/** Win rate with − win rate without, and the deals on both sides. */
function lift(groups: { okWon: number; ok: number; badWon: number; bad: number }): {
  lift: number | null;
  deals: number;
} {
  const withRate = winRate(groups.okWon, groups.ok);
  const withoutRate = winRate(groups.badWon, groups.bad);
  return {
    lift: withRate === null || withoutRate === null ? null : withRate - withoutRate,
    deals: groups.ok + groups.bad,
  };
}

type LiftRow = { key: string; ok: number; okWon: number; bad: number; badWon: number };

function computeLifts(db: Db, lookup: WorkflowLookup, now: number): LiftTable {
  const closed = closedDealsBetween(
    db,
    lookup.version.definition,
    now - LIFT_WINDOW_DAYS * DAY_MS,
    now,
  ).flatMap((d) => (d.dealId === undefined ? [] : [[d.dealId, d.outcome === 'won' ? 1 : 0]]));
  const targets = [...lookup.targetMs.entries()];
  // Per closed deal and workflow step, whether it went right every time; then per step, deals won either way.
  const rows = db
    .prepare(
      `WITH closed AS MATERIALIZED (SELECT value ->> 0 AS deal_id, value ->> 1 AS won FROM json_each(@closed)),
            targets AS MATERIALIZED (SELECT value ->> 0 AS stage_key, value ->> 1 AS target FROM json_each(@targets)),
            steps AS (
              SELECT 'action:' || a.stage_key || ':' || a.action_key AS key, c.won, min(a.status = 'on_time') AS ok
              FROM closed c CROSS JOIN eval_actions a ON a.workflow_version_id = @version AND a.deal_id = c.deal_id
              WHERE a.status IN ('on_time', 'late', 'missed')
              GROUP BY a.stage_key, a.action_key, c.deal_id
              UNION ALL
              SELECT 'criteria:' || v.stage_key, c.won, min(v.criteria_held = v.criteria_checked)
              FROM closed c CROSS JOIN eval_visits v ON v.workflow_version_id = @version AND v.deal_id = c.deal_id
              WHERE v.criteria_checked > 0
              GROUP BY v.stage_key, c.deal_id
              UNION ALL
              SELECT 'time:' || v.stage_key, c.won, min(v.duration_ms <= t.target)
              FROM closed c CROSS JOIN eval_visits v ON v.workflow_version_id = @version AND v.deal_id = c.deal_id
                JOIN targets t ON t.stage_key = v.stage_key
              WHERE v.exited_at IS NOT NULL
              GROUP BY v.stage_key, c.deal_id
            )
       SELECT s.key, sum(s.ok) AS ok, sum(s.ok * s.won) AS okWon, sum(1 - s.ok) AS bad, sum((1 - s.ok) * s.won) AS badWon
       FROM steps s GROUP BY s.key`,
    )
    .all({
      closed: JSON.stringify(closed),
      targets: JSON.stringify(targets),
      version: lookup.version.id,
    }) as LiftRow[];
  return new Map(rows.map((r) => [r.key, lift(r)]));
}

const cache = new WeakMap<Db, { key: string; table: LiftTable }>();

/**
 * What each workflow step is worth, from the closed deals of the last year: for every required
 * action (on time every time it came due, or not), every stage's criteria (all met at every
 * advancement, or not) and every stage's target days (kept on every visit, or not), the win rate
 * of the deals where it went right minus the win rate of those where it did not (PRODUCT.md
 * "Find success patterns": lift in win rate, with sample sizes).
 * Kept per connection until the data, the version's evaluation or the day changes.
 */
export function liftTable(db: Db, lookup: WorkflowLookup, now: number): LiftTable {
  const run = db
    .prepare('SELECT computed_at AS computedAt FROM evaluation_runs WHERE workflow_version_id = ?')
    .get(lookup.version.id) as { computedAt: number } | undefined;
  const key = `${lookup.version.id}:${dataRevision(db)}:${run?.computedAt ?? 0}:${Math.floor(now / DAY_MS)}`;
  const cached = cache.get(db);
  if (cached?.key === key) return cached.table;
  const table = computeLifts(db, lookup, now);
  cache.set(db, { key, table });
  return table;
}
