import type { Database } from 'better-sqlite3';

/**
 * Schema v2: workflow evaluation results (tables without rowid: their primary key is how they
 * are read and replaced, so it is their only b-tree), materialized per workflow version so scorecards are
 * SQL aggregates and every figure can list the rows behind it. A version's rows are replaced
 * whole when it is recomputed; `data_revision` says which state of the data they describe.
 */
export function migration002Evaluations(db: Database): void {
  db.exec(`
    CREATE TABLE evaluation_runs (
      workflow_version_id INTEGER PRIMARY KEY REFERENCES workflow_versions(id) ON DELETE CASCADE,
      computed_at INTEGER NOT NULL,
      as_of INTEGER NOT NULL,
      data_revision INTEGER NOT NULL,
      deals INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE eval_visits (
      workflow_version_id INTEGER NOT NULL REFERENCES workflow_versions(id) ON DELETE CASCADE,
      deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
      visit_index INTEGER NOT NULL,
      owner_id INTEGER,
      stage_key TEXT,
      source_stage TEXT NOT NULL,
      visit_number INTEGER NOT NULL,
      entered_at INTEGER NOT NULL,
      exited_at INTEGER,
      duration_ms INTEGER NOT NULL,
      next_stage_key TEXT,
      advanced INTEGER NOT NULL,
      skipped TEXT NOT NULL DEFAULT '[]',
      PRIMARY KEY (workflow_version_id, deal_id, visit_index)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX eval_visits_stage ON eval_visits(workflow_version_id, stage_key, entered_at);

    CREATE TABLE eval_actions (
      workflow_version_id INTEGER NOT NULL REFERENCES workflow_versions(id) ON DELETE CASCADE,
      deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
      visit_index INTEGER NOT NULL,
      owner_id INTEGER,
      stage_key TEXT NOT NULL,
      action_key TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('on_time', 'late', 'missed', 'pending', 'not_due')),
      anchor_at INTEGER,
      due_at INTEGER,
      done_at INTEGER,
      activity_id INTEGER,
      reason TEXT NOT NULL,
      PRIMARY KEY (workflow_version_id, deal_id, visit_index, action_key)
    ) STRICT, WITHOUT ROWID;
    -- Covers the compliance queries: one range scan over a version's actions due in a period.
    CREATE INDEX eval_actions_period ON eval_actions(workflow_version_id, anchor_at, owner_id, stage_key, action_key, status);

    CREATE TABLE eval_criteria (
      workflow_version_id INTEGER NOT NULL REFERENCES workflow_versions(id) ON DELETE CASCADE,
      deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
      visit_index INTEGER NOT NULL,
      owner_id INTEGER,
      stage_key TEXT NOT NULL,
      criterion_key TEXT NOT NULL,
      held INTEGER NOT NULL,
      checked_at INTEGER NOT NULL,
      detail TEXT NOT NULL,
      PRIMARY KEY (workflow_version_id, deal_id, visit_index, criterion_key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE eval_handoffs (
      workflow_version_id INTEGER NOT NULL REFERENCES workflow_versions(id) ON DELETE CASCADE,
      deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
      owner_id INTEGER,
      handoff_key TEXT NOT NULL,
      triggered_at INTEGER NOT NULL,
      due_at INTEGER NOT NULL,
      first_touch_at INTEGER,
      activity_id INTEGER,
      status TEXT NOT NULL CHECK (status IN ('met', 'late', 'missed', 'pending')),
      missing_fields TEXT NOT NULL DEFAULT '[]',
      PRIMARY KEY (workflow_version_id, deal_id, handoff_key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE eval_flags (
      workflow_version_id INTEGER NOT NULL REFERENCES workflow_versions(id) ON DELETE CASCADE,
      deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      detail TEXT NOT NULL,
      PRIMARY KEY (workflow_version_id, deal_id, kind)
    ) STRICT, WITHOUT ROWID;
  `);
}
