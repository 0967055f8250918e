import type { Database } from 'better-sqlite3';

/**
 * Schema v1: everything PRODUCT.md names. Timestamps are epoch milliseconds (UTC) in INTEGER
 * columns named *_at; calendar dates are YYYY-MM-DD text in columns named *_date or *_on.
 * Every imported row points at its import batch so a batch can be listed and undone.
 */
export function migration001Initial(db: Database): void {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE import_batches (
      id INTEGER PRIMARY KEY,
      source TEXT NOT NULL,
      label TEXT NOT NULL,
      files TEXT NOT NULL DEFAULT '[]',
      status TEXT NOT NULL CHECK (status IN ('applied', 'undone')),
      started_at INTEGER NOT NULL,
      finished_at INTEGER,
      inserted INTEGER NOT NULL DEFAULT 0,
      updated INTEGER NOT NULL DEFAULT 0,
      unchanged INTEGER NOT NULL DEFAULT 0,
      summary TEXT NOT NULL DEFAULT '{}'
    ) STRICT;

    -- Rows a batch updated or deleted, as they were before; rows it inserted carry its batch_id.
    CREATE TABLE batch_changes (
      id INTEGER PRIMARY KEY,
      batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
      table_name TEXT NOT NULL,
      row_id INTEGER NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('update', 'delete')),
      before_json TEXT
    ) STRICT;
    CREATE INDEX batch_changes_batch ON batch_changes(batch_id);

    -- Saved column mappings for files no built-in adapter recognizes, keyed by header signature.
    CREATE TABLE import_mappings (
      id INTEGER PRIMARY KEY,
      signature TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      mapping TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE reps (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      email TEXT,
      role TEXT NOT NULL DEFAULT 'AE' CHECK (role IN ('SDR', 'AE', 'SE', 'CS', 'Manager', 'Other')),
      team TEXT,
      manager_id INTEGER REFERENCES reps(id) ON DELETE SET NULL,
      manager_name TEXT,
      start_date TEXT,
      is_active INTEGER NOT NULL DEFAULT 1,
      source TEXT NOT NULL,
      batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX reps_email ON reps(email COLLATE NOCASE);
    CREATE INDEX reps_name ON reps(name COLLATE NOCASE);

    -- One rep may appear under several ids (Salesforce user id, HubSpot owner, a name in a sheet).
    CREATE TABLE rep_identities (
      source TEXT NOT NULL,
      external_id TEXT NOT NULL,
      rep_id INTEGER NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
      batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      PRIMARY KEY (source, external_id)
    ) STRICT;
    CREATE INDEX rep_identities_rep ON rep_identities(rep_id);

    CREATE TABLE deals (
      id INTEGER PRIMARY KEY,
      source TEXT NOT NULL,
      external_id TEXT NOT NULL,
      name TEXT NOT NULL,
      account TEXT,
      owner_id INTEGER REFERENCES reps(id) ON DELETE SET NULL,
      amount REAL,
      currency TEXT,
      created_at INTEGER,
      close_date TEXT,
      closed_at INTEGER,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
      -- What the CRM itself says (IsWon/IsClosed, Pipedrive status, a won/lost time); status and
      -- closed_at are derived from these and the stage history.
      crm_status TEXT CHECK (crm_status IN ('open', 'won', 'lost')),
      crm_closed_at INTEGER,
      stage_key TEXT,
      source_stage TEXT,
      stage_entered_at INTEGER,
      lost_reason TEXT,
      pipeline TEXT,
      custom_fields TEXT NOT NULL DEFAULT '{}',
      batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      UNIQUE (source, external_id)
    ) STRICT;
    CREATE INDEX deals_owner ON deals(owner_id, status);
    CREATE INDEX deals_created ON deals(created_at);
    CREATE INDEX deals_status ON deals(status, closed_at);

    CREATE TABLE stage_events (
      id INTEGER PRIMARY KEY,
      deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
      source_stage TEXT NOT NULL,
      stage_key TEXT,
      entered_at INTEGER NOT NULL,
      source TEXT NOT NULL,
      external_id TEXT,
      source_row TEXT,
      batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL
    ) STRICT;
    CREATE INDEX stage_events_deal ON stage_events(deal_id, entered_at);
    CREATE INDEX stage_events_stage ON stage_events(stage_key, entered_at);
    CREATE UNIQUE INDEX stage_events_external ON stage_events(source, external_id) WHERE external_id IS NOT NULL;

    CREATE TABLE activities (
      id INTEGER PRIMARY KEY,
      source TEXT NOT NULL,
      external_id TEXT NOT NULL,
      deal_id INTEGER REFERENCES deals(id) ON DELETE CASCADE,
      rep_id INTEGER REFERENCES reps(id) ON DELETE SET NULL,
      type TEXT NOT NULL,
      raw_type TEXT,
      subject TEXT,
      occurred_at INTEGER NOT NULL,
      duration_seconds INTEGER,
      contact TEXT,
      fields TEXT NOT NULL DEFAULT '{}',
      batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      UNIQUE (source, external_id)
    ) STRICT;
    CREATE INDEX activities_deal ON activities(deal_id, occurred_at);
    CREATE INDEX activities_rep ON activities(rep_id, occurred_at);

    CREATE TABLE workflow_versions (
      id INTEGER PRIMARY KEY,
      version INTEGER NOT NULL UNIQUE,
      name TEXT NOT NULL,
      definition TEXT NOT NULL,
      note TEXT,
      author TEXT,
      created_at INTEGER NOT NULL,
      is_current INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE UNIQUE INDEX workflow_versions_current ON workflow_versions(is_current) WHERE is_current = 1;

    CREATE TABLE observations (
      id INTEGER PRIMARY KEY,
      coach TEXT NOT NULL,
      rep_id INTEGER NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
      deal_id INTEGER REFERENCES deals(id) ON DELETE SET NULL,
      stage_key TEXT,
      observed_on TEXT NOT NULL,
      checklist TEXT NOT NULL DEFAULT '[]',
      rubric TEXT NOT NULL DEFAULT '[]',
      tags TEXT NOT NULL DEFAULT '[]',
      notes TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL DEFAULT 'app',
      external_id TEXT,
      batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    ) STRICT;
    CREATE INDEX observations_rep ON observations(rep_id, observed_on);
    CREATE UNIQUE INDEX observations_external ON observations(source, external_id) WHERE external_id IS NOT NULL;

    CREATE TABLE one_on_ones (
      id INTEGER PRIMARY KEY,
      rep_id INTEGER NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
      manager TEXT,
      held_on TEXT NOT NULL,
      notes TEXT NOT NULL DEFAULT '',
      talking_points TEXT NOT NULL DEFAULT '[]',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX one_on_ones_rep ON one_on_ones(rep_id, held_on);

    CREATE TABLE commitments (
      id INTEGER PRIMARY KEY,
      rep_id INTEGER NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
      one_on_one_id INTEGER REFERENCES one_on_ones(id) ON DELETE CASCADE,
      observation_id INTEGER REFERENCES observations(id) ON DELETE CASCADE,
      text TEXT NOT NULL,
      due_on TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'met', 'not_met', 'dropped')),
      check_rule TEXT,
      created_at INTEGER NOT NULL,
      resolved_at INTEGER,
      resolution_note TEXT
    ) STRICT;
    CREATE INDEX commitments_rep ON commitments(rep_id, status);

    CREATE TABLE experiments (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      quarter TEXT NOT NULL,
      bottleneck TEXT NOT NULL DEFAULT '{}',
      hypothesis TEXT NOT NULL DEFAULT '',
      change_kind TEXT NOT NULL DEFAULT '',
      change_description TEXT NOT NULL DEFAULT '',
      workflow_version_id INTEGER REFERENCES workflow_versions(id) ON DELETE SET NULL,
      baseline_version_id INTEGER REFERENCES workflow_versions(id) ON DELETE SET NULL,
      design TEXT NOT NULL CHECK (design IN ('before_after', 'treatment_control')),
      treatment TEXT NOT NULL DEFAULT '[]',
      control TEXT NOT NULL DEFAULT '[]',
      primary_metric TEXT NOT NULL,
      guardrails TEXT NOT NULL DEFAULT '[]',
      starts_on TEXT NOT NULL,
      ends_on TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'concluded')),
      decision TEXT CHECK (decision IN ('adopt', 'refine', 'revert')),
      decision_note TEXT,
      decided_at INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
  `);
}
