import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/engine/db/migrate';
import { type Db, openDatabase } from '../../src/main/engine/db/open';
import { loadDemo, removeDemo } from '../../src/main/engine/demo/demoWorkspace';
import { countStageVisits, ensureWorkspaceDefaults } from '../../src/main/engine/queries/workspace';

const NOW = Date.UTC(2025, 5, 11, 15, 30);
const tables = [
  'reps',
  'rep_identities',
  'deals',
  'stage_events',
  'activities',
  'observations',
  'one_on_ones',
  'commitments',
  'import_batches',
] as const;

type Counts = Record<(typeof tables)[number], number>;

function counts(db: Db): Counts {
  const out = {} as Counts;
  for (const table of tables)
    out[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return out;
}

function foreignKeyProblems(db: Db): unknown[] {
  return db.prepare('PRAGMA foreign_key_check').all();
}

describe('demo workspace on a real SQLite file', () => {
  let dir: string;
  let dbPath: string;
  let db: Db;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'stagecoach-'));
    dbPath = join(dir, 'workspace.db');
    db = openDatabase(dbPath, { role: 'writer' });
    migrate(db, dbPath, NOW);
    ensureWorkspaceDefaults(db, NOW);
  });

  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let afterFirstLoad: Counts;

  it('loads the demo in one go, with consistent foreign keys and one import batch', () => {
    const progress: [number, number][] = [];
    const started = performance.now();
    loadDemo(db, NOW, (done, total) => progress.push([done, total]));
    const elapsed = performance.now() - started;
    console.info(`loadDemo took ${Math.round(elapsed)} ms`);

    afterFirstLoad = counts(db);
    expect(afterFirstLoad.reps).toBeGreaterThanOrEqual(10);
    expect(afterFirstLoad.rep_identities).toBe(afterFirstLoad.reps);
    expect(afterFirstLoad.deals).toBeGreaterThanOrEqual(1300);
    expect(afterFirstLoad.deals).toBeLessThanOrEqual(1700);
    expect(afterFirstLoad.stage_events).toBeGreaterThan(afterFirstLoad.deals * 3);
    expect(afterFirstLoad.activities).toBeGreaterThan(afterFirstLoad.deals * 15);
    expect(afterFirstLoad.observations).toBeGreaterThanOrEqual(15);
    expect(afterFirstLoad.one_on_ones).toBeGreaterThanOrEqual(2);
    expect(afterFirstLoad.commitments).toBeGreaterThanOrEqual(2);
    expect(afterFirstLoad.import_batches).toBe(1);
    // Repeated-stage rows are stored but are not visits.
    expect(countStageVisits(db)).toBeLessThan(afterFirstLoad.stage_events);
    expect(foreignKeyProblems(db)).toEqual([]);

    const batch = db.prepare('SELECT * FROM import_batches').get() as {
      id: number;
      source: string;
      label: string;
      status: string;
      inserted: number;
      started_at: number;
      finished_at: number;
    };
    expect(batch).toMatchObject({
      source: 'demo',
      label: 'Demo workspace',
      status: 'applied',
      started_at: NOW,
      finished_at: NOW,
    });
    const { id: batchId, ...rest } = batch;
    const rows = tables.filter((t) => t !== 'import_batches' && t !== 'one_on_ones' && t !== 'commitments');
    for (const table of rows) {
      const unbatched = db
        .prepare(`SELECT count(*) AS n FROM ${table} WHERE batch_id IS NOT ?`)
        .get(batchId) as { n: number };
      expect(unbatched.n, `${table} rows without the demo batch`).toBe(0);
    }
    const total = Object.entries(afterFirstLoad)
      .filter(([t]) => t !== 'import_batches')
      .reduce((sum, [, n]) => sum + n, 0);
    expect(rest.inserted).toBe(total);
    expect(progress.at(-1)).toEqual([total, total]);

    const managers = db.prepare('SELECT count(*) AS n FROM reps WHERE manager_id IS NOT NULL').get() as {
      n: number;
    };
    expect(managers.n).toBe(afterFirstLoad.reps - 2);
    const sources = db
      .prepare('SELECT DISTINCT source FROM deals UNION SELECT DISTINCT source FROM activities')
      .all();
    expect(sources).toEqual([{ source: 'demo' }]);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('gives the same counts when loaded twice', () => {
    loadDemo(db, NOW);
    expect(counts(db)).toEqual(afterFirstLoad);
    expect(foreignKeyProblems(db)).toEqual([]);
  });

  it('removes only demo rows', () => {
    const repId = Number(
      db
        .prepare(
          "INSERT INTO reps (name, email, role, source, created_at) VALUES ('Real Rep', 'real@example.com', 'AE', 'salesforce', ?)",
        )
        .run(NOW).lastInsertRowid,
    );
    const dealId = Number(
      db
        .prepare(
          `INSERT INTO deals (source, external_id, name, owner_id, created_at, status, stage_key, source_stage)
           VALUES ('salesforce', '006000000000001', 'Real deal', ?, ?, 'open', 'lead', 'Prospecting')`,
        )
        .run(repId, NOW).lastInsertRowid,
    );
    db.prepare(
      "INSERT INTO stage_events (deal_id, source_stage, stage_key, entered_at, source) VALUES (?, 'Prospecting', 'lead', ?, 'salesforce')",
    ).run(dealId, NOW);

    removeDemo(db);

    expect(counts(db)).toEqual({
      reps: 1,
      rep_identities: 0,
      deals: 1,
      stage_events: 1,
      activities: 0,
      observations: 0,
      one_on_ones: 0,
      commitments: 0,
      import_batches: 0,
    });
    expect(db.prepare('SELECT id, owner_id AS ownerId FROM deals').get()).toEqual({
      id: dealId,
      ownerId: repId,
    });
    expect(foreignKeyProblems(db)).toEqual([]);
    const workflows = db.prepare('SELECT count(*) AS n FROM workflow_versions').get() as { n: number };
    expect(workflows.n).toBe(1);
  });
});
