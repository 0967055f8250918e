import type { Database } from 'better-sqlite3';

/**
 * Schema v3: leaner evaluation results, so a full evaluation of a large workspace writes about
 * half the rows. Evaluations are derived data: the tables are rebuilt empty and every version is
 * evaluated again on next use.
 *
 * - Advancement criteria live on their stage visit (how many were checked, how many held, and
 *   the ones that failed as JSON) instead of one row each.
 * - A visit records its `fate`: what the deal did next among workflow stages (went on to the
 *   next stage, skipped past it, or was lost), and when the deal entered the same stage before
 *   and after it — so the funnel is one covering-index scan per stage, with no grouping by deal.
 * - Actions that never came due (`not_due`) are not stored: no report counts them and the deal
 *   page judges its deal live.
 * - Compliance counts are rolled up per calendar month (UTC) for the heatmap, which adds whole
 *   months from the roll-up and reads rows only for the partial months at a period's edges; a
 *   trigger keeps the roll-up right when action rows go away.
 */
export function migration003LeanEvaluations(db: Database): void {
  db.exec(`
    DROP TABLE eval_criteria;
    DROP TABLE eval_actions;
    DROP TABLE eval_visits;
    DELETE FROM eval_handoffs;
    DELETE FROM eval_flags;
    DELETE FROM evaluation_runs;

    CREATE TABLE eval_visits (
      workflow_version_id INTEGER NOT NULL REFERENCES workflow_versions(id) ON DELETE CASCADE,
      deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
      visit_index INTEGER NOT NULL,
      owner_id INTEGER,
      stage_key TEXT,
      visit_number INTEGER NOT NULL,
      entered_at INTEGER NOT NULL,
      exited_at INTEGER,
      duration_ms INTEGER NOT NULL,
      next_stage_key TEXT,
      advanced INTEGER NOT NULL,
      fate TEXT CHECK (fate IN ('next', 'skip', 'lost')),
      prev_same_at INTEGER,
      next_same_at INTEGER,
      skipped TEXT,
      criteria_checked INTEGER NOT NULL DEFAULT 0,
      criteria_held INTEGER NOT NULL DEFAULT 0,
      criteria_failed TEXT,
      PRIMARY KEY (workflow_version_id, deal_id, visit_index)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX eval_visits_period ON eval_visits(workflow_version_id, entered_at);
    -- Covers the funnel: per stage, one range scan over the visits entered in a period.
    CREATE INDEX eval_visits_funnel ON eval_visits(workflow_version_id, stage_key, entered_at, fate, duration_ms,
      prev_same_at, next_same_at, deal_id, owner_id);

    CREATE TABLE eval_actions (
      workflow_version_id INTEGER NOT NULL REFERENCES workflow_versions(id) ON DELETE CASCADE,
      deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
      visit_index INTEGER NOT NULL,
      owner_id INTEGER,
      stage_key TEXT NOT NULL,
      action_key TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('on_time', 'late', 'missed', 'pending')),
      anchor_at INTEGER NOT NULL,
      due_at INTEGER,
      done_at INTEGER,
      activity_id INTEGER,
      reason TEXT NOT NULL,
      PRIMARY KEY (workflow_version_id, deal_id, visit_index, action_key)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX eval_actions_period ON eval_actions(workflow_version_id, anchor_at, owner_id, stage_key, action_key, status);

    CREATE TABLE eval_action_months (
      workflow_version_id INTEGER NOT NULL REFERENCES workflow_versions(id) ON DELETE CASCADE,
      month_start INTEGER NOT NULL,
      owner_id INTEGER,
      stage_key TEXT NOT NULL,
      action_key TEXT NOT NULL,
      on_time INTEGER NOT NULL,
      late INTEGER NOT NULL,
      missed INTEGER NOT NULL,
      pending INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX eval_action_months_period ON eval_action_months(workflow_version_id, month_start);

    -- Whatever removes action rows (a partial re-evaluation, or deals deleted by an undo and
    -- cascading here) takes their counts out of the roll-up as negative rows, which the heatmap
    -- sums away; a re-evaluation folds them back. A full evaluation drops this trigger while it
    -- replaces every row and rebuilds the roll-up instead.
    CREATE TRIGGER eval_actions_rollup_delete AFTER DELETE ON eval_actions BEGIN
      INSERT INTO eval_action_months (workflow_version_id, month_start, owner_id, stage_key, action_key,
        on_time, late, missed, pending)
      VALUES (OLD.workflow_version_id, unixepoch(OLD.anchor_at / 1000, 'unixepoch', 'start of month') * 1000,
        OLD.owner_id, OLD.stage_key, OLD.action_key, -(OLD.status = 'on_time'), -(OLD.status = 'late'),
        -(OLD.status = 'missed'), -(OLD.status = 'pending'));
    END;
  `);
}
