import type { RepSummary } from '@shared/domain/types';
import type { Db } from '../db/open';
import { loadMoney } from './money';

/**
 * Every rep with the counts a manager scans first: open, won and lost deals, won amount (in the
 * corporate currency, each deal at its close day's rate; null when one has no rate), activity.
 */
export function listReps(db: Db): RepSummary[] {
  const reps = db
    .prepare(
      `SELECT r.id, r.name, r.email, r.role, r.team, coalesce(m.name, r.manager_name) AS managerName,
              r.start_date AS startDate, r.source,
              coalesce(d.open, 0) AS openDeals, coalesce(d.won, 0) AS wonDeals, coalesce(d.lost, 0) AS lostDeals,
              coalesce(a.n, 0) AS activities, a.last_at AS lastActivityAt
       FROM reps r
       LEFT JOIN reps m ON m.id = r.manager_id
       LEFT JOIN (
         SELECT owner_id,
                sum(status = 'open') AS open, sum(status = 'won') AS won, sum(status = 'lost') AS lost
         FROM deals GROUP BY owner_id
       ) d ON d.owner_id = r.id
       LEFT JOIN (SELECT rep_id, count(*) AS n, max(occurred_at) AS last_at FROM activities GROUP BY rep_id) a
         ON a.rep_id = r.id
       ORDER BY r.team IS NULL, r.team, r.name COLLATE NOCASE`,
    )
    .all() as Omit<RepSummary, 'wonAmount'>[];
  const { converter } = loadMoney(db);
  const won = new Map<number, number | null>();
  const wonRows = db
    .prepare(
      `SELECT owner_id AS ownerId, amount, currency, coalesce(closed_at, crm_closed_at) AS closedAt
       FROM deals WHERE status = 'won' AND amount IS NOT NULL AND owner_id IS NOT NULL`,
    )
    .all() as { ownerId: number; amount: number; currency: string | null; closedAt: number | null }[];
  for (const row of wonRows) {
    const sum = won.has(row.ownerId) ? won.get(row.ownerId)! : 0;
    const value = converter.convertAt(row.amount, row.currency, row.closedAt);
    won.set(row.ownerId, sum === null || value === null ? null : sum + value);
  }
  return reps.map((rep) => ({ ...rep, wonAmount: won.has(rep.id) ? won.get(rep.id)! : 0 }));
}
