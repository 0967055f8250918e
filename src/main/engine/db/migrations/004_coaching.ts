import type { Database } from 'better-sqlite3';

/**
 * Schema v4: what coaching needs on top of the v1 tables (observations, one_on_ones,
 * commitments).
 *
 * - `observation_drafts`: the observation form as the coach types it, saved as they go, so a
 *   crash or a closed window loses nothing; one per observation being edited (null: a new one).
 * - `one_on_ones.status`: a prep page becomes the record of the one-on-one; it is a draft until
 *   the manager marks it held.
 * - `one_on_ones.snapshot`: the rep's scorecard figures as they stood at the one-on-one, so the
 *   next prep says what changed since then even after data is re-imported.
 * - `one_on_ones.period_from`/`period_to`: the period the prep looked at.
 */
export function migration004Coaching(db: Database): void {
  db.exec(`
    CREATE TABLE observation_drafts (
      id INTEGER PRIMARY KEY,
      observation_id INTEGER REFERENCES observations(id) ON DELETE CASCADE,
      body TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX observation_drafts_observation ON observation_drafts(observation_id)
      WHERE observation_id IS NOT NULL;

    ALTER TABLE one_on_ones ADD COLUMN status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('draft', 'held'));
    ALTER TABLE one_on_ones ADD COLUMN snapshot TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE one_on_ones ADD COLUMN period_from TEXT;
    ALTER TABLE one_on_ones ADD COLUMN period_to TEXT;

    CREATE INDEX observations_deal ON observations(deal_id);
    CREATE INDEX observations_observed ON observations(observed_on);
    CREATE INDEX commitments_one_on_one ON commitments(one_on_one_id);
    CREATE INDEX commitments_observation ON commitments(observation_id);
  `);
}
