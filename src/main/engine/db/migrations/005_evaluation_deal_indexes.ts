import type { Database } from 'better-sqlite3';

/**
 * Schema v5: an index on `deal_id` for each evaluation table that cascades from `deals`.
 *
 * Their primary keys lead with the workflow version, so deleting a deal (removing the demo, or
 * undoing an import) made SQLite scan every evaluation row once per deleted deal to find its
 * cascade: removing the 1,500-deal demo took about 15 seconds, and an undo on a large workspace
 * far longer. With these the cascade is an index lookup per deal.
 */
export function migration005EvaluationDealIndexes(db: Database): void {
  db.exec(`
    CREATE INDEX eval_visits_deal ON eval_visits(deal_id);
    CREATE INDEX eval_actions_deal ON eval_actions(deal_id);
    CREATE INDEX eval_handoffs_deal ON eval_handoffs(deal_id);
    CREATE INDEX eval_flags_deal ON eval_flags(deal_id);
  `);
}
