import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runAutomaticBackup } from '../../src/main/engine/backup/automatic';
import { backupPlace, listBackupFiles, parseBackupName } from '../../src/main/engine/backup/backupFiles';
import { backupOverview, takeBackup, verifyBackup } from '../../src/main/engine/backup/backups';
import { saveBackupSettings } from '../../src/main/engine/backup/backupSettings';
import { inspectRestore, prepareRestore, stagedRestorePath } from '../../src/main/engine/backup/restore';
import { keptOriginalPath, swapInRestored } from '../../src/main/engine/backup/swap';
import { backupFolder, migrate } from '../../src/main/engine/db/migrate';
import { latestSchemaVersion, migrations } from '../../src/main/engine/db/migrations';
import { type Db, openDatabase } from '../../src/main/engine/db/open';
import { removeDemo } from '../../src/main/engine/demo/demoWorkspace';
import { ensureWorkspaceDefaults } from '../../src/main/engine/queries/workspace';
import { testNow } from '../helpers/clock';
import { dbState } from '../helpers/dbState';
import { evaluatedDemoDb } from '../helpers/demoDb';
import { tempFolder } from '../helpers/workspace';

const now = testNow;
const DAY = 86_400_000;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function demo(): { db: Db; dbPath: string } {
  const workspace = evaluatedDemoDb(now);
  cleanups.push(() => {
    if (workspace.db.open) workspace.db.close();
    workspace.close();
  });
  return workspace;
}

function emptyWorkspace(): { db: Db; dbPath: string; dir: string } {
  const folder = tempFolder();
  const db = openDatabase(folder.dbPath, { role: 'writer' });
  migrate(db, folder.dbPath, now);
  ensureWorkspaceDefaults(db, now);
  cleanups.push(() => {
    if (db.open) db.close();
    folder.remove();
  });
  return { db, dbPath: folder.dbPath, dir: folder.dir };
}

/** Row count and a checksum of the content of every table (rows in column order, rowids aside). */
function everyTable(db: Db): Record<string, { rows: number; checksum: string }> {
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((row) => row.name);
  const state: Record<string, { rows: number; checksum: string }> = {};
  for (const table of tables) {
    const width = (db.prepare(`SELECT * FROM "${table}" LIMIT 0`).columns() as unknown[]).length;
    const order = Array.from({ length: width }, (_, i) => i + 1).join(', ');
    const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().all();
    state[table] = {
      rows: rows.length,
      checksum: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
    };
  }
  return state;
}

function readOnly(path: string): Db {
  const db = new Database(path, { readonly: true });
  cleanups.push(() => db.close());
  return db;
}

/** Everything in the workspace's folder and its backups folder, to see that nothing was left behind. */
function filesBeside(dbPath: string): string[] {
  const dir = join(dbPath, '..');
  const backups = existsSync(backupFolder(dbPath))
    ? readdirSync(backupFolder(dbPath)).map((n) => `backups/${n}`)
    : [];
  return [...readdirSync(dir).filter((n) => n !== 'backups'), ...backups].sort();
}

function deleteAnObservation(db: Db): void {
  db.prepare('DELETE FROM observations WHERE id = (SELECT min(id) FROM observations)').run();
}

describe('backups of a workspace', () => {
  it('copy the workspace exactly: row counts and a checksum of every table', () => {
    const { db, dbPath } = demo();
    const entry = takeBackup(db, { dbPath }, 'manual', now);
    expect(entry.reason).toBe('manual');
    expect(entry.path).toBe(join(backupFolder(dbPath), entry.name));
    expect(entry.name).toBe('stagecoach-manual-2026-11-27T12-00-00-000Z.db');
    const copy = readOnly(entry.path);
    expect(dbState(copy)).toEqual(dbState(db));
    expect(everyTable(copy)).toEqual(everyTable(db));
    expect(everyTable(db)['observations']?.rows).toBeGreaterThan(0);
    // Checked after writing, and the check is remembered.
    expect(entry.check).toMatchObject({ ok: true, checkedAt: now });
    expect(entry.contents?.schemaVersion).toBe(latestSchemaVersion);
    expect(readdirSync(backupFolder(dbPath)).some((name) => name.endsWith('.partial'))).toBe(false);
  });

  it('number backups of the same millisecond across reasons, so the list keeps the order they were taken in', () => {
    const { db, dbPath } = demo();
    const automatic = takeBackup(db, { dbPath }, 'daily', now);
    const manual = takeBackup(db, { dbPath }, 'manual', now);
    const beforeRestore = takeBackup(db, { dbPath }, 'pre-restore', now);
    expect([automatic.name, manual.name, beforeRestore.name]).toEqual([
      'stagecoach-daily-2026-11-27T12-00-00-000Z.db',
      'stagecoach-manual-2026-11-27T12-00-00-000Z-2.db',
      'stagecoach-pre-restore-2026-11-27T12-00-00-000Z-3.db',
    ]);
    expect(backupOverview(db, { dbPath }).backups.map((b) => b.reason)).toEqual([
      'pre-restore',
      'manual',
      'daily',
    ]);
  });

  it('are listed newest first with size, date, reason, schema version and row counts', () => {
    const { db, dbPath } = demo();
    const first = takeBackup(db, { dbPath }, 'manual', now);
    deleteAnObservation(db);
    const second = takeBackup(db, { dbPath }, 'manual', now);
    expect(second.name).toBe('stagecoach-manual-2026-11-27T12-00-00-000Z-2.db');
    const overview = backupOverview(db, { dbPath });
    expect(overview.folder).toBe(backupFolder(dbPath));
    expect(overview.workspace).toMatchObject({ path: dbPath, schemaVersion: latestSchemaVersion });
    expect(overview.workspace.sizeBytes).toBeGreaterThan(0);
    expect(overview.settings).toEqual({ automatic: true, keep: 10 });
    expect(overview.backups.map((b) => b.name)).toEqual([second.name, first.name]);
    const [newest, older] = overview.backups;
    expect(newest?.sizeBytes).toBeGreaterThan(100_000);
    expect(newest?.createdAt).toBe(now);
    expect(older?.contents?.counts.observations).toBe((newest?.contents?.counts.observations ?? 0) + 1);
    expect(newest?.contents?.counts.deals).toBeGreaterThan(1000);
    expect(newest?.contents?.counts.activities).toBeGreaterThan(1000);
    expect(newest?.contents?.newestDataAt).toBeGreaterThan(now - 30 * DAY);
  });

  it('lists the pre-upgrade copies db/migrate.ts writes, and only this workspace’s files', () => {
    const place = backupPlace('/data/stagecoach.db');
    expect(parseBackupName(place, 'stagecoach-schema-v3-2026-11-27T12-00-00-000Z.db')).toEqual({
      reason: 'pre-upgrade',
      createdAt: now,
      upgradedFrom: 3,
      sequence: 1,
    });
    expect(parseBackupName(place, 'stagecoach-pre-restore-2026-11-27T12-00-00-000Z-3.db')).toMatchObject({
      reason: 'pre-restore',
      sequence: 3,
    });
    expect(parseBackupName(place, 'other-manual-2026-11-27T12-00-00-000Z.db')).toBeNull();
    expect(parseBackupName(place, 'stagecoach-manual-2026-11-27T12-00-00-000Z.db.partial')).toBeNull();
    expect(parseBackupName(place, 'stagecoach-checks.json')).toBeNull();
  });

  it('record a failed check when a listed backup was damaged on disk', () => {
    const { db, dbPath } = demo();
    const entry = takeBackup(db, { dbPath }, 'manual', now);
    damage(entry.path);
    const checked = verifyBackup({ dbPath }, entry.name, now + 1000);
    expect(checked.check).toMatchObject({ ok: false, checkedAt: now + 1000 });
    expect(checked.check?.message).toMatch(/damaged/);
    const listed = backupOverview(db, { dbPath }).backups[0];
    expect(listed?.check?.ok).toBe(false);
  });
});

/** Overwrites the middle of a database file with noise, past its first page. */
function damage(path: string): void {
  const bytes = readFileSync(path);
  const pageSize = bytes.readUInt16BE(16);
  for (let i = pageSize * 3; i < Math.min(bytes.length, pageSize * 40); i++) bytes[i] = (i * 7919) % 256;
  writeFileSync(path, bytes);
}

describe('automatic backups', () => {
  it('take one a day, keep the newest N and never delete manual or pre-restore ones', () => {
    const { db, dbPath } = emptyWorkspace();
    db.prepare("UPDATE settings SET value = 'UTC' WHERE key = 'time_zone'").run();
    saveBackupSettings(db, { automatic: true, keep: 3 });
    const ctx = { dbPath };
    const manual = takeBackup(db, ctx, 'manual', now - 10 * DAY);
    const preRestore = takeBackup(db, ctx, 'pre-restore', now - 9 * DAY);
    const taken: string[] = [];
    for (let day = 0; day < 6; day++) {
      const first = runAutomaticBackup(db, ctx, now + day * DAY);
      expect(first.error).toBeNull();
      expect(first.taken?.reason).toBe('daily');
      taken.push(first.taken?.name ?? '');
      // Hourly checks the same day take nothing more.
      expect(runAutomaticBackup(db, ctx, now + day * DAY + 5 * 3_600_000).taken).toBeNull();
    }
    const files = listBackupFiles(backupPlace(dbPath));
    expect(files.filter((f) => f.reason === 'daily').map((f) => f.name)).toEqual(taken.slice(-3).reverse());
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining([manual.name, preRestore.name]));
    expect(files).toHaveLength(5);
    const status = backupOverview(db, ctx).lastAutomatic;
    expect(status).toMatchObject({ ok: true, at: now + 5 * DAY, name: taken[5] });
    expect(status?.message).toMatch(/1 older automatic backup deleted/);
  });

  it('take nothing when turned off, and delete nothing', () => {
    const { db, dbPath } = emptyWorkspace();
    const ctx = { dbPath };
    runAutomaticBackup(db, ctx, now);
    saveBackupSettings(db, { automatic: false, keep: 1 });
    expect(runAutomaticBackup(db, ctx, now + 3 * DAY)).toEqual({ taken: null, removed: [], error: null });
    expect(listBackupFiles(backupPlace(dbPath))).toHaveLength(1);
  });

  it('record a failure instead of throwing', () => {
    const { db, dbPath, dir } = emptyWorkspace();
    // A file where the backups folder should be: the backup cannot be written.
    writeFileSync(join(dir, 'backups'), 'not a folder');
    const outcome = runAutomaticBackup(db, { dbPath }, now);
    expect(outcome.taken).toBeNull();
    expect(outcome.error).toMatch(/backups folder/);
    expect(backupOverview(db, { dbPath }).lastAutomatic).toMatchObject({ ok: false, at: now });
  });
});

describe('restore candidates', () => {
  /** The message a bad file is refused with; the writer's part of a restore refuses it too, touching nothing. */
  async function refusal(db: Db, dbPath: string, path: string): Promise<string> {
    const before = everyTable(db);
    const files = filesBeside(dbPath);
    let message = 'accepted';
    try {
      inspectRestore(db, { dbPath }, { path });
    } catch (error) {
      message = (error as Error).message;
    }
    const prepared = await prepareRestore(db, { dbPath }, { path }, now).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(prepared).toBe(
      `The restore stopped at “check the backup”: ${message} The workspace was not changed.`,
    );
    expect(everyTable(db)).toEqual(before);
    expect(filesBeside(dbPath)).toEqual(files);
    return message;
  }

  it('refuses garbage, other databases, damaged and newer files with a clear message', async () => {
    const { db, dbPath, dir } = emptyWorkspace();
    const garbage = join(dir, 'notes.db');
    writeFileSync(garbage, 'These are my meeting notes, not a database.\n'.repeat(200));
    expect(await refusal(db, dbPath, garbage)).toBe(
      'notes.db is not a SQLite database, so it cannot be a Stagecoach backup.',
    );

    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    expect(await refusal(db, dbPath, empty)).toBe('empty.db is empty: it is not a Stagecoach backup.');

    const other = join(dir, 'other.db');
    const foreign = new Database(other);
    foreign.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Stagecoach blues')");
    foreign.close();
    expect(await refusal(db, dbPath, other)).toBe(
      'other.db is a SQLite database but not a Stagecoach workspace.',
    );

    const versioned = join(dir, 'versioned.db');
    const lookalike = new Database(versioned);
    lookalike.exec('CREATE TABLE reps (id INTEGER PRIMARY KEY)');
    lookalike.pragma('user_version = 2');
    lookalike.close();
    expect(await refusal(db, dbPath, versioned)).toBe(
      'versioned.db is not a Stagecoach workspace: it has no settings, deals, stage_events, activities, workflow_versions tables.',
    );

    const newer = join(dir, 'newer.db');
    const future = takeBackup(db, { dbPath }, 'manual', now).path;
    const raw = new Database(future);
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.close();
    writeFileSync(newer, readFileSync(future));
    expect(await refusal(db, dbPath, newer)).toBe(
      `newer.db was written by a newer version of Stagecoach (schema v${latestSchemaVersion + 1}; this version knows up to v${latestSchemaVersion}). Update Stagecoach to restore it.`,
    );

    expect(await refusal(db, dbPath, join(dir, 'missing.db'))).toBe(
      `${join(dir, 'missing.db')} does not exist.`,
    );
    expect(await refusal(db, dbPath, dbPath)).toBe(
      'That file is the workspace itself; choose a backup of it.',
    );
  });

  it('refuses a damaged backup', async () => {
    const { db, dbPath } = demo();
    const entry = takeBackup(db, { dbPath }, 'manual', now);
    damage(entry.path);
    const message = await refusal(db, dbPath, entry.path);
    expect(message).toMatch(new RegExp(`^${entry.name.replace(/\./g, '\\.')} is damaged`));
  });

  it('sets a good backup beside the current workspace', () => {
    const { db, dbPath } = demo();
    const entry = takeBackup(db, { dbPath }, 'manual', now);
    removeDemo(db);
    const candidate = inspectRestore(db, { dbPath }, { backup: entry.name });
    expect(candidate.label).toBe(entry.name);
    expect(candidate.needsUpgrade).toBe(false);
    expect(candidate.current.counts.deals).toBe(0);
    expect(candidate.contents.counts.deals).toBeGreaterThan(1000);
    expect(candidate.contents.newestDataAt).not.toBeNull();
    expect(candidate.current.newestDataAt).toBeNull();
    expect(() => inspectRestore(db, { dbPath }, { backup: 'nothing.db' })).toThrow(
      'There is no backup named nothing.db in the backups folder.',
    );
  });
});

/** The whole restore as the host runs it, on files: prepare on the open workspace, close, swap, reopen. */
async function restoreOnFiles(db: Db, dbPath: string, source: { backup: string } | { path: string }) {
  const plan = await prepareRestore(db, { dbPath }, source, now);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const swap = swapInRestored(dbPath, plan.stagedPath);
  const reopened = openDatabase(dbPath, { role: 'writer' });
  migrate(reopened, dbPath, now);
  swap.commit();
  cleanups.push(() => reopened.close());
  return { plan, reopened };
}

describe('restore on files', () => {
  it('brings back exactly what the backup held, after a pre-restore backup of the workspace', async () => {
    const { db, dbPath } = demo();
    const original = everyTable(db);
    const originalState = dbState(db);
    const entry = takeBackup(db, { dbPath }, 'manual', now);
    deleteAnObservation(db);
    const changed = everyTable(db);
    expect(changed).not.toEqual(original);
    const { plan, reopened } = await restoreOnFiles(db, dbPath, { backup: entry.name });
    expect(plan.upgradedFrom).toBeNull();
    expect(plan.label).toBe(entry.name);
    expect(dbState(reopened)).toEqual(originalState);
    expect(everyTable(reopened)).toEqual(original);
    // The workspace as it was before the restore is a backup of its own.
    expect(plan.preRestoreBackup.reason).toBe('pre-restore');
    expect(everyTable(readOnly(plan.preRestoreBackup.path))).toEqual(changed);
    expect(existsSync(stagedRestorePath(dbPath))).toBe(false);
    expect(existsSync(keptOriginalPath(dbPath))).toBe(false);
  });

  it('upgrades a backup from an older schema version as it restores it', async () => {
    const { db, dbPath, dir } = emptyWorkspace();
    const oldPath = join(dir, 'old-v3.db');
    const old = openDatabase(oldPath, { role: 'writer' });
    migrate(old, oldPath, now, migrations.slice(0, 3));
    old.exec("INSERT INTO reps (id, name, source, created_at) VALUES (1, 'Zoë Ångström', 'app', 0)");
    old.close();
    const candidate = inspectRestore(db, { dbPath }, { path: oldPath });
    // Checking a file in WAL mode leaves no journal files beside it.
    expect(readdirSync(dir).filter((name) => name.startsWith('old-v3'))).toEqual(['old-v3.db']);
    expect(candidate.contents.schemaVersion).toBe(3);
    expect(candidate.needsUpgrade).toBe(true);
    const { plan, reopened } = await restoreOnFiles(db, dbPath, { path: oldPath });
    expect(plan.upgradedFrom).toBe(3);
    expect(reopened.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(reopened.prepare('SELECT name FROM reps').pluck().all()).toEqual(['Zoë Ångström']);
    // The picked file itself is untouched.
    expect(new Database(oldPath, { readonly: true }).pragma('user_version', { simple: true })).toBe(3);
  });

  it('leaves the workspace and its folder as they were when a step fails midway', async () => {
    const { db, dbPath } = demo();
    const entry = takeBackup(db, { dbPath }, 'manual', now);
    deleteAnObservation(db);
    const before = everyTable(db);
    const files = filesBeside(dbPath);
    for (const failing of [
      'copy the backup beside the workspace',
      'back up the current workspace',
    ] as const) {
      const attempt = prepareRestore(db, { dbPath }, { backup: entry.name }, now, () => {}, {
        beforeStep: (step) => {
          if (step === failing) throw new Error('the disk went away');
        },
      });
      await expect(attempt).rejects.toThrow(
        `The restore stopped at “${failing}”: the disk went away The workspace was not changed.`,
      );
      expect(everyTable(db)).toEqual(before);
      expect(filesBeside(dbPath)).toEqual(files);
    }
  });

  it('puts the original back when the restored file has to be rolled back', async () => {
    const { db, dbPath } = demo();
    const entry = takeBackup(db, { dbPath }, 'manual', now);
    deleteAnObservation(db);
    const before = everyTable(db);
    const plan = await prepareRestore(db, { dbPath }, { backup: entry.name }, now);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(dbPath);
    const swap = swapInRestored(dbPath, plan.stagedPath);
    expect(readFileSync(dbPath).equals(bytes)).toBe(false);
    swap.rollback();
    expect(readFileSync(dbPath).equals(bytes)).toBe(true);
    expect(everyTable(readOnly(dbPath))).toEqual(before);
    expect(existsSync(keptOriginalPath(dbPath))).toBe(false);
  });
});
