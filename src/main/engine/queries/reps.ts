import type { RepSummary } from '@shared/domain/types';
import type { Db } from '../db/open';

/** Every rep with the counts a manager scans first: open, won and lost deals, won amount, activity. */
export function listReps(db: Db): RepSummary[] {
  return db
    .prepare(
      `SELECT r.id, r.name, r.email, r.role, r.team, coalesce(m.name, r.manager_name) AS managerName,
              r.start_date AS startDate, r.source,
              coalesce(d.open, 0) AS openDeals, coalesce(d.won, 0) AS wonDeals, coalesce(d.lost, 0) AS lostDeals,
              coalesce(d.won_amount, 0) AS wonAmount,
              coalesce(a.n, 0) AS activities, a.last_at AS lastActivityAt
       FROM reps r
       LEFT JOIN reps m ON m.id = r.manager_id
       LEFT JOIN (
         SELECT owner_id,
                sum(status = 'open') AS open, sum(status = 'won') AS won, sum(status = 'lost') AS lost,
                sum(CASE WHEN status = 'won' THEN coalesce(amount, 0) ELSE 0 END) AS won_amount
         FROM deals GROUP BY owner_id
       ) d ON d.owner_id = r.id
       LEFT JOIN (SELECT rep_id, count(*) AS n, max(occurred_at) AS last_at FROM activities GROUP BY rep_id) a
         ON a.rep_id = r.id
       ORDER BY r.team IS NULL, r.team, r.name COLLATE NOCASE`,
    )
    .all() as RepSummary[];
}
