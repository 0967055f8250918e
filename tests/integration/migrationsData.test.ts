import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import { backupFolder, migrate } from '../../src/main/engine/db/migrate';
import { latestSchemaVersion, migrations } from '../../src/main/engine/db/migrations';
import { type Db, openDatabase } from '../../src/main/engine/db/open';
import { EngineError } from '../../src/main/engine/errors';
import { startEngineHost } from '../../src/main/engine/host';
import { fixedClockEnv, testNow } from '../helpers/clock';
import { built, tempFolder } from '../helpers/workspace';

/**
 * One test per shipped migration: a workspace at the schema before it, with data in every table,
 * upgraded by that step alone. The data must survive and the new shape must be right.
 */

const now = testNow;
const day = 86_400_000;
const folders: { remove: () => void }[] = [];
function folder() {
  const f = tempFolder();
  folders.push(f);
  return f;
}
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

/** A workspace file at schema `version`, built by the shipped steps up to it. */
function workspaceAt(dbPath: string, version: number): Db {
  const db = openDatabase(dbPath, { role: 'writer' });
  const result = migrate(
    db,
    dbPath,
    now,
    migrations.filter((m) => m.version <= version),
  );
  expect(result.to).toBe(version);
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  return db;
}

/** What a user has in a v1 workspace: a roster, an import, deals with history, coaching records. */
function seedV1(db: Db): void {
  const t0 = now - 90 * day;
  db.exec(`
    INSERT INTO settings (key, value) VALUES ('time_zone', '"Europe/Berlin"'), ('data_revision', '7');
    INSERT INTO import_batches (id, source, label, files, status, started_at, finished_at, inserted, updated, unchanged, summary)
      VALUES (1, 'salesforce', 'Salesforce export, October', '["Opportunity.csv","OpportunityHistory.csv"]', 'applied', ${t0}, ${t0 + 5000}, 14, 2, 0, '{"deals":4}');
    INSERT INTO reps (id, name, email, role, team, manager_id, manager_name, start_date, is_active, source, batch_id, created_at) VALUES
      (1, 'Maria Jensen', 'maria@example.com', 'Manager', 'Nordics', NULL, NULL, '2021-03-01', 1, 'salesforce', 1, ${t0}),
      (2, 'Tom Becker', 'tom@example.com', 'AE', 'Nordics', 1, 'Maria Jensen', '2024-02-12', 1, 'salesforce', 1, ${t0}),
      (3, 'Aiko Tanaka', 'aiko@example.com', 'SDR', 'Nordics', 1, 'Maria Jensen', '2025-06-02', 1, 'salesforce', 1, ${t0}),
      (4, 'Zoë Müller', NULL, 'AE', 'DACH', NULL, 'Jonas Weber', NULL, 0, 'sheet', NULL, ${t0});
    INSERT INTO rep_identities (source, external_id, rep_id, batch_id) VALUES
      ('salesforce', '0058d000001AbCd', 2, 1), ('salesforce', '0058d000001EfGh', 3, 1), ('sheet', 'Zoë Müller', 4, NULL);
    INSERT INTO batch_changes (id, batch_id, table_name, row_id, action, before_json) VALUES
      (1, 1, 'deals', 2, 'update', '{"amount":12000}');
    INSERT INTO import_mappings (id, signature, name, mapping, updated_at) VALUES
      (1, 'deal,owner,stage,date', 'Regional sheet', '{"deal":"deal","owner":"owner"}', ${t0});
    INSERT INTO deals (id, source, external_id, name, account, owner_id, amount, currency, created_at, close_date, closed_at, status, crm_status, crm_closed_at, stage_key, source_stage, stage_entered_at, lost_reason, pipeline, custom_fields, batch_id) VALUES
      (1, 'salesforce', '0068d00000A1', 'Acme renewal', 'Acme GmbH', 2, 48000, 'EUR', ${t0}, '2026-10-30', ${t0 + 40 * day}, 'won', 'won', ${t0 + 40 * day}, 'won', 'Closed Won', ${t0 + 40 * day}, NULL, 'New business', '{"Region":"North"}', 1),
      (2, 'salesforce', '0068d00000A2', 'Globex expansion', 'Globex', 2, 12500.5, 'EUR', ${t0 + day}, '2026-12-15', NULL, 'open', 'open', NULL, 'proposal', 'Proposal/Price Quote', ${t0 + 20 * day}, NULL, 'New business', '{}', 1),
      (3, 'salesforce', '0068d00000A3', 'Initech pilot', 'Initech', 3, NULL, NULL, ${t0 + 2 * day}, NULL, ${t0 + 30 * day}, 'lost', 'lost', ${t0 + 30 * day}, 'lost', 'Closed Lost', ${t0 + 30 * day}, 'No budget', 'New business', '{}', 1),
      (4, 'sheet', 'row-7', '株式会社サンプル', 'サンプル', 4, 3000, 'JPY', ${t0 + 3 * day}, NULL, NULL, 'open', NULL, NULL, 'lead', 'Lead', ${t0 + 3 * day}, NULL, NULL, '{}', NULL);
    INSERT INTO stage_events (id, deal_id, source_stage, stage_key, entered_at, source, external_id, source_row, batch_id) VALUES
      (1, 1, 'Prospecting', 'lead', ${t0}, 'salesforce', 'h1', '{"row":2}', 1),
      (2, 1, 'Needs Analysis', 'discovery', ${t0 + 5 * day}, 'salesforce', 'h2', '{"row":3}', 1),
      (3, 1, 'Closed Won', 'won', ${t0 + 40 * day}, 'salesforce', 'h3', '{"row":4}', 1),
      (4, 2, 'Prospecting', 'lead', ${t0 + day}, 'salesforce', 'h4', NULL, 1),
      (5, 2, 'Proposal/Price Quote', 'proposal', ${t0 + 20 * day}, 'salesforce', 'h5', NULL, 1),
      (6, 3, 'Prospecting', 'lead', ${t0 + 2 * day}, 'salesforce', 'h6', NULL, 1),
      (7, 3, 'Closed Lost', 'lost', ${t0 + 30 * day}, 'salesforce', 'h7', NULL, 1),
      (8, 4, 'Lead', 'lead', ${t0 + 3 * day}, 'sheet', NULL, NULL, NULL);
    INSERT INTO activities (id, source, external_id, deal_id, rep_id, type, raw_type, subject, occurred_at, duration_seconds, contact, fields, batch_id) VALUES
      (1, 'salesforce', 'T1', 1, 2, 'call', 'Call', 'Intro call', ${t0 + 3600000}, 900, 'Ann Schmidt', '{}', 1),
      (2, 'salesforce', 'T2', 1, 2, 'email', 'Email', 'Follow-up', ${t0 + day}, NULL, NULL, '{}', 1),
      (3, 'salesforce', 'T3', 2, 2, 'meeting', 'Event', 'Demo', ${t0 + 10 * day}, 3600, NULL, '{"Location":"Zoom"}', 1),
      (4, 'salesforce', 'T4', 3, 3, 'call', 'Call', NULL, ${t0 + 2 * day + 7200000}, 60, NULL, '{}', 1);
    INSERT INTO observations (id, coach, rep_id, deal_id, stage_key, observed_on, checklist, rubric, tags, notes, source, external_id, batch_id, created_at, updated_at, deleted_at) VALUES
      (1, 'Maria Jensen', 2, 2, 'discovery', '2026-10-02', '[{"key":"agenda","state":"done"},{"key":"pain","state":"partial"}]', '[{"criterion":"questioning","score":4}]', '["discovery","ride-along"]', 'Good open questions; confirm budget earlier.', 'app', NULL, NULL, ${t0 + 10 * day}, ${t0 + 10 * day}, NULL),
      (2, 'Maria Jensen', 3, NULL, 'lead', '2026-10-09', '[{"key":"opener","state":"skipped"}]', '[{"criterion":"tone","score":3}]', '[]', '', 'app', NULL, NULL, ${t0 + 17 * day}, ${t0 + 18 * day}, NULL),
      (3, 'Maria Jensen', 2, NULL, NULL, '2026-09-01', '[]', '[]', '[]', 'removed', 'app', NULL, NULL, ${t0}, ${t0}, ${t0 + day});
    INSERT INTO one_on_ones (id, rep_id, manager, held_on, notes, talking_points, created_at, updated_at) VALUES
      (1, 2, 'Maria Jensen', '2026-10-05', 'Pipeline review; focus on proposals.', '["Globex next step","Demo prep"]', ${t0 + 12 * day}, ${t0 + 12 * day}),
      (2, 3, 'Maria Jensen', '2026-10-12', '', '[]', ${t0 + 19 * day}, ${t0 + 19 * day});
    INSERT INTO commitments (id, rep_id, one_on_one_id, observation_id, text, due_on, status, check_rule, created_at, resolved_at, resolution_note) VALUES
      (1, 2, 1, NULL, 'Send a mutual action plan with every proposal', '2026-10-31', 'open', '{"kind":"manual"}', ${t0 + 12 * day}, NULL, NULL),
      (2, 2, NULL, 1, 'Ask for budget in the first call', '2026-10-20', 'met', NULL, ${t0 + 10 * day}, ${t0 + 25 * day}, 'Heard it twice'),
      (3, 3, 2, NULL, 'Call new leads within 2 hours', NULL, 'dropped', NULL, ${t0 + 19 * day}, ${t0 + 20 * day}, NULL);
  `);
  db.prepare(
    `INSERT INTO workflow_versions (id, version, name, definition, note, author, created_at, is_current)
     VALUES (1, 1, ?, ?, 'Default B2B workflow shipped with Stagecoach', NULL, ?, 1)`,
  ).run(defaultWorkflow.name, JSON.stringify(defaultWorkflow), t0);
  db.prepare(
    `INSERT INTO experiments (id, title, quarter, bottleneck, hypothesis, change_kind, change_description,
       workflow_version_id, baseline_version_id, design, treatment, control, primary_metric, guardrails,
       starts_on, ends_on, status, created_at, updated_at)
     VALUES (1, 'Faster first call', '2026-Q4', '{"stage":"lead"}', 'Calling within 2 hours lifts lead → discovery',
       'deadline', 'First call within 2 hours', 1, 1, 'treatment_control', '[2]', '[3]', 'conversion', '["cycle_time"]',
       '2026-10-01', '2026-12-31', 'running', ?, ?)`,
  ).run(t0, t0);
}

/** Evaluation results as schema v2 stored them (derived data, recomputed from the rows above). */
function seedV2Evaluations(db: Db): void {
  const t0 = now - 90 * day;
  db.exec(`
    INSERT INTO evaluation_runs (workflow_version_id, computed_at, as_of, data_revision, deals) VALUES (1, ${now - day}, ${now - day}, 7, 4);
    INSERT INTO eval_visits (workflow_version_id, deal_id, visit_index, owner_id, stage_key, source_stage, visit_number, entered_at, exited_at, duration_ms, next_stage_key, advanced, skipped) VALUES
      (1, 1, 0, 2, 'lead', 'Prospecting', 1, ${t0}, ${t0 + 5 * day}, ${5 * day}, 'discovery', 1, '[]'),
      (1, 2, 0, 2, 'lead', 'Prospecting', 1, ${t0 + day}, ${t0 + 20 * day}, ${19 * day}, 'proposal', 1, '["discovery","demo"]');
    INSERT INTO eval_actions (workflow_version_id, deal_id, visit_index, owner_id, stage_key, action_key, status, anchor_at, due_at, done_at, activity_id, reason) VALUES
      (1, 1, 0, 2, 'lead', 'first_call', 'on_time', ${t0}, ${t0 + 7200000}, ${t0 + 3600000}, 1, 'Call within 2 hours'),
      (1, 2, 1, 2, 'proposal', 'send_proposal', 'not_due', NULL, NULL, NULL, NULL, 'not due yet');
    INSERT INTO eval_criteria (workflow_version_id, deal_id, visit_index, owner_id, stage_key, criterion_key, held, checked_at, detail) VALUES
      (1, 1, 0, 2, 'lead', 'budget_known', 1, ${t0 + 5 * day}, 'Amount set');
    INSERT INTO eval_handoffs (workflow_version_id, deal_id, owner_id, handoff_key, triggered_at, due_at, first_touch_at, activity_id, status, missing_fields) VALUES
      (1, 1, 2, 'sdr_to_ae', ${t0 + 5 * day}, ${t0 + 6 * day}, ${t0 + 5 * day}, 2, 'met', '[]');
    INSERT INTO eval_flags (workflow_version_id, deal_id, kind, detail) VALUES (1, 2, 'skipped_stage', 'discovery, demo');
  `);
}

/** Every user table's rows, in the columns it has now, so a later shape can be compared with it. */
function snapshot(
  db: Db,
  except: readonly string[] = [],
): Map<string, { columns: string[]; rows: unknown[] }> {
  const names = (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((name) => !except.includes(name));
  return new Map(
    names.map((name) => {
      const columns = (db.pragma(`table_info(${name})`) as { name: string }[]).map((c) => c.name);
      const rows = db
        .prepare(
          `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${name}" ORDER BY ${columns.map((_, i) => i + 1).join(', ')}`,
        )
        .all();
      return [name, { columns, rows }];
    }),
  );
}

/** The same tables and columns read again: what survived the upgrade. */
function reread(
  db: Db,
  before: ReturnType<typeof snapshot>,
): Map<string, { columns: string[]; rows: unknown[] }> {
  return new Map(
    [...before].map(([name, { columns }]) => [
      name,
      {
        columns,
        rows: db
          .prepare(
            `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${name}" ORDER BY ${columns.map((_, i) => i + 1).join(', ')}`,
          )
          .all(),
      },
    ]),
  );
}

function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

function columns(db: Db, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

function schemaObjects(db: Db, type: 'table' | 'index' | 'trigger'): string[] {
  return (
    db.prepare('SELECT name FROM sqlite_schema WHERE type = ? ORDER BY name').all(type) as { name: string }[]
  ).map((r) => r.name);
}

/** The file must be sound after every step: pages, indexes and every foreign key. */
function expectSound(db: Db): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
}

function upgradeOneStep(dbPath: string, db: Db, to: number) {
  const result = migrate(
    db,
    dbPath,
    now,
    migrations.filter((m) => m.version <= to),
  );
  expect(result).toMatchObject({ from: to - 1, to });
  expect(db.pragma('user_version', { simple: true })).toBe(to);
  // The step backed the workspace up first, as it was.
  expect(result.backupPath).not.toBe(null);
  const backup = new Database(result.backupPath!, { readonly: true });
  expect(backup.pragma('user_version', { simple: true })).toBe(to - 1);
  expect(backup.prepare('SELECT count(*) AS n FROM deals').get()).toEqual({ n: 4 });
  backup.close();
  return result;
}

describe('each migration, on a workspace with data in it', () => {
  it('v1 → v2 adds the evaluation tables, empty, and keeps every row', () => {
    const { dbPath } = folder();
    const db = workspaceAt(dbPath, 1);
    seedV1(db);
    const before = snapshot(db);
    upgradeOneStep(dbPath, db, 2);
    expect(reread(db, before)).toEqual(before);
    for (const table of [
      'evaluation_runs',
      'eval_visits',
      'eval_actions',
      'eval_criteria',
      'eval_handoffs',
      'eval_flags',
    ])
      expect(count(db, table), table).toBe(0);
    expect(columns(db, 'eval_visits')).toContain('source_stage');
    // The new tables take rows that point at the old ones.
    db.prepare(
      'INSERT INTO evaluation_runs (workflow_version_id, computed_at, as_of, data_revision, deals) VALUES (1, ?, ?, 7, 4)',
    ).run(now, now);
    expectSound(db);
    db.close();
  });

  it('v2 → v3 rebuilds the evaluation tables empty (they recompute) and keeps every other row', () => {
    const { dbPath } = folder();
    const db = workspaceAt(dbPath, 2);
    seedV1(db);
    seedV2Evaluations(db);
    const evaluationTables = [
      'evaluation_runs',
      'eval_visits',
      'eval_actions',
      'eval_criteria',
      'eval_handoffs',
      'eval_flags',
    ];
    const before = snapshot(db, evaluationTables);
    upgradeOneStep(dbPath, db, 3);
    expect(reread(db, before)).toEqual(before);
    // Derived results are dropped so every version is evaluated again on next use.
    for (const table of [
      'evaluation_runs',
      'eval_visits',
      'eval_actions',
      'eval_handoffs',
      'eval_flags',
      'eval_action_months',
    ])
      expect(count(db, table), table).toBe(0);
    expect(schemaObjects(db, 'table')).not.toContain('eval_criteria');
    expect(columns(db, 'eval_visits')).toEqual(
      expect.arrayContaining([
        'fate',
        'prev_same_at',
        'next_same_at',
        'criteria_checked',
        'criteria_held',
        'criteria_failed',
      ]),
    );
    expect(columns(db, 'eval_visits')).not.toContain('source_stage');
    expect(schemaObjects(db, 'index')).toEqual(
      expect.arrayContaining(['eval_visits_funnel', 'eval_action_months_period']),
    );
    expect(schemaObjects(db, 'trigger')).toContain('eval_actions_rollup_delete');
    // 'not_due' actions are no longer stored.
    expect(() =>
      db
        .prepare(
          `INSERT INTO eval_actions (workflow_version_id, deal_id, visit_index, owner_id, stage_key, action_key, status, anchor_at, reason)
           VALUES (1, 2, 1, 2, 'proposal', 'send_proposal', 'not_due', ?, 'x')`,
        )
        .run(now),
    ).toThrow(/CHECK constraint/);
    // The roll-up trigger works on the new shape: a removed action leaves a negative row.
    db.prepare(
      `INSERT INTO eval_actions (workflow_version_id, deal_id, visit_index, owner_id, stage_key, action_key, status, anchor_at, reason)
       VALUES (1, 1, 0, 2, 'lead', 'first_call', 'late', ?, 'Call within 2 hours')`,
    ).run(Date.UTC(2026, 9, 14));
    db.exec('DELETE FROM eval_actions');
    expect(db.prepare('SELECT month_start, late, on_time FROM eval_action_months').all()).toEqual([
      { month_start: Date.UTC(2026, 9, 1), late: -1, on_time: 0 },
    ]);
    expectSound(db);
    db.close();
  });

  it('v3 → v4 adds observation drafts and one-on-one records, with defaults for existing one-on-ones', () => {
    const { dbPath } = folder();
    const db = workspaceAt(dbPath, 3);
    seedV1(db);
    const before = snapshot(db);
    upgradeOneStep(dbPath, db, 4);
    expect(reread(db, before)).toEqual(before);
    // One-on-ones held before v4 are records of meetings that happened, with no snapshot or period.
    expect(
      db.prepare('SELECT id, status, snapshot, period_from, period_to FROM one_on_ones ORDER BY id').all(),
    ).toEqual([
      { id: 1, status: 'held', snapshot: '{}', period_from: null, period_to: null },
      { id: 2, status: 'held', snapshot: '{}', period_from: null, period_to: null },
    ]);
    expect(() => db.prepare("UPDATE one_on_ones SET status = 'cancelled' WHERE id = 1").run()).toThrow(
      /CHECK constraint/,
    );
    expect(count(db, 'observation_drafts')).toBe(0);
    expect(schemaObjects(db, 'index')).toEqual(
      expect.arrayContaining([
        'observation_drafts_observation',
        'observations_deal',
        'observations_observed',
        'commitments_one_on_one',
        'commitments_observation',
      ]),
    );
    // A draft of an existing observation, and of a new one; one draft per observation.
    const draft = db.prepare(
      'INSERT INTO observation_drafts (observation_id, body, updated_at) VALUES (?, ?, ?)',
    );
    draft.run(1, '{"notes":"editing"}', now);
    draft.run(null, '{"notes":"new"}', now);
    draft.run(null, '{"notes":"another new"}', now);
    expect(() => draft.run(1, '{}', now)).toThrow(/UNIQUE/);
    expectSound(db);
    db.close();
  });

  it('v4 → v5 indexes evaluation rows by deal, so deleting a deal no longer scans every evaluation row', () => {
    const { dbPath } = folder();
    const db = workspaceAt(dbPath, 4);
    seedV1(db);
    const before = snapshot(db);
    const cascadePlan = (table: string): string =>
      (
        db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM ${table} WHERE deal_id = 1`).all() as {
          detail: string;
        }[]
      )
        .map((row) => row.detail)
        .join(' ');
    expect(cascadePlan('eval_actions')).toMatch(/^SCAN/);
    upgradeOneStep(dbPath, db, 5);
    expect(reread(db, before)).toEqual(before);
    expect(schemaObjects(db, 'index')).toEqual(
      expect.arrayContaining([
        'eval_visits_deal',
        'eval_actions_deal',
        'eval_handoffs_deal',
        'eval_flags_deal',
      ]),
    );
    for (const table of ['eval_visits', 'eval_actions', 'eval_handoffs', 'eval_flags']) {
      expect(cascadePlan(table)).toMatch(new RegExp(`SEARCH ${table} USING (COVERING )?INDEX ${table}_deal`));
    }
    expectSound(db);
    db.close();
  });

  it('v5 → v6 adds the export currency rates table, empty, keeping every row and every amount', () => {
    const { dbPath } = folder();
    const db = workspaceAt(dbPath, 5);
    seedV1(db);
    const before = snapshot(db);
    upgradeOneStep(dbPath, db, 6);
    expect(latestSchemaVersion).toBe(6);
    expect(reread(db, before)).toEqual(before);
    expect(schemaObjects(db, 'table')).toContain('currency_rates');
    expect(db.prepare('SELECT count(*) AS n FROM currency_rates').get()).toEqual({ n: 0 });
    // A rate is positive and keyed by the CRM's id within its source, as imports upsert it.
    const insert = db.prepare(
      "INSERT INTO currency_rates (source, external_id, currency, rate) VALUES ('salesforce', ?, 'PEN', ?)",
    );
    expect(() => insert.run('01L1', 0)).toThrow(/CHECK constraint failed/);
    insert.run('01L1', 3.7);
    expect(() => insert.run('01L1', 3.8)).toThrow(/UNIQUE constraint failed/);
    expectSound(db);
    db.close();
  });
});

describe('opening an old workspace in the app', () => {
  it('upgrades a v1 workspace with data to the latest schema and recomputes its evaluation', async () => {
    const { dbPath } = folder();
    const db = workspaceAt(dbPath, 1);
    seedV1(db);
    db.close();
    const host = await startEngineHost({
      dbPath,
      workerPath: built.workerPath,
      seedDemoIfNew: true,
      fixedNow: now,
      automaticBackupEveryMs: false,
    });
    try {
      expect(host.migration).toMatchObject({ from: 1, to: latestSchemaVersion });
      expect(host.migration?.backupPath).toMatch(/backups/);
      expect(host.seeded).toBe(false);
      const info = await host.call('workspace:info', {});
      expect(info).toMatchObject({
        ok: true,
        value: { counts: { reps: 4, deals: 4, activities: 4, observations: 2 } },
      });
    } finally {
      await host.close();
    }
    const after = new Database(dbPath, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    // The stored evaluation of the current workflow was computed on start, over the kept deals.
    expect(after.prepare('SELECT workflow_version_id, deals FROM evaluation_runs').all()).toEqual([
      { workflow_version_id: 1, deals: 4 },
    ]);
    expect(after.prepare('SELECT name FROM reps WHERE id = 4').get()).toEqual({ name: 'Zoë Müller' });
    after.close();
  });
});

describe('a migration that fails', () => {
  /** A v3 workspace in which step v4 cannot run: a table of the name it creates is already there. */
  function blockedV3(dbPath: string): Map<string, { columns: string[]; rows: unknown[] }> {
    const db = workspaceAt(dbPath, 3);
    seedV1(db);
    db.exec('CREATE TABLE observation_drafts (note TEXT)');
    db.exec("INSERT INTO observation_drafts VALUES ('a table of that name, made by hand')");
    const state = snapshot(db);
    db.close();
    return state;
  }

  function schemaSql(dbPath: string): unknown[] {
    const db = new Database(dbPath, { readonly: true });
    const rows = db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    db.close();
    return rows;
  }

  it('leaves the workspace exactly as it was, and the engine says which step failed and where the backup is', async () => {
    const { dbPath } = folder();
    const before = blockedV3(dbPath);
    const schemaBefore = schemaSql(dbPath);
    let error: unknown;
    try {
      const host = await startEngineHost({
        dbPath,
        workerPath: built.workerPath,
        seedDemoIfNew: true,
        fixedNow: now,
        automaticBackupEveryMs: false,
      });
      await host.close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('migration_failed');
    const message = (error as EngineError).message;
    expect(message).toContain(
      `Upgrading ${dbPath} failed at step v4 (coaching: observation drafts, one-on-one records)`,
    );
    expect(message).toContain('The workspace was left as it was.');
    const backups = readdirSync(backupFolder(dbPath));
    expect(backups).toHaveLength(1);
    const backupPath = join(backupFolder(dbPath), backups[0]!);
    expect(message).toContain(`A backup taken before the upgrade is at ${backupPath}.`);

    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(snapshot(db)).toEqual(before);
    db.close();
    expect(schemaSql(dbPath)).toEqual(schemaBefore);
    const backup = new Database(backupPath, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(3);
    expect(snapshot(backup)).toEqual(before);
    backup.close();
  });

  it('browser mode prints that message and exits without serving', () => {
    const { dbPath } = folder();
    blockedV3(dbPath);
    const run = spawnSync(process.execPath, [built.webEntry, '--db', dbPath, '--port', '0'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: fixedClockEnv(),
    });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('running at');
    expect(run.stderr).toContain('failed at step v4 (coaching: observation drafts, one-on-one records)');
    const backups = readdirSync(backupFolder(dbPath));
    expect(backups).toHaveLength(1);
    expect(run.stderr).toContain(join(backupFolder(dbPath), backups[0]!));
    expect(existsSync(dbPath)).toBe(true);
  });

  it('the desktop app shows the engine’s message as it is', () => {
    // index.ts cannot run without Electron: its start-up error path passes the EngineError's
    // message (step and backup path) to the error box unchanged.
    const index = readFileSync(join(__dirname, '..', '..', 'src/main/index.ts'), 'utf8');
    expect(index).toContain('const message = error instanceof EngineError ? error.message : String(error);');
    expect(index).toContain("dialog.showErrorBox('Stagecoach cannot open its workspace', message);");
  });
});
