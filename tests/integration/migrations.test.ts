import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder, migrate } from '../../src/main/engine/db/migrate';
import { latestSchemaVersion, migrations, type Migration } from '../../src/main/engine/db/migrations';
import { openDatabase } from '../../src/main/engine/db/open';
import type { EngineError } from '../../src/main/engine/errors';
import { testNow } from '../helpers/clock';
import { tempFolder } from '../helpers/workspace';

const now = testNow;
const folders: { remove: () => void }[] = [];
function folder() {
  const f = tempFolder();
  folders.push(f);
  return f;
}
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

function tables(path: string): string[] {
  const db = new Database(path, { readonly: true });
  const names = (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  db.close();
  return names;
}

function userVersion(path: string): number {
  const db = new Database(path, { readonly: true });
  const v = db.pragma('user_version', { simple: true }) as number;
  db.close();
  return v;
}

describe('migrations', () => {
  it('creates the whole schema in an empty file, in WAL mode with foreign keys on', () => {
    const { dbPath } = folder();
    const db = openDatabase(dbPath, { role: 'writer' });
    const result = migrate(db, dbPath, now);
    expect(result).toEqual({ from: 0, to: latestSchemaVersion, backupPath: null });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    expect(userVersion(dbPath)).toBe(latestSchemaVersion);
    expect(tables(dbPath)).toEqual(
      expect.arrayContaining([
        'reps',
        'rep_identities',
        'deals',
        'stage_events',
        'activities',
        'observations',
        'one_on_ones',
        'commitments',
        'workflow_versions',
        'experiments',
        'import_batches',
        'batch_changes',
      ]),
    );
  });

  it('refuses a database from a newer version and leaves it untouched', () => {
    const { dbPath } = folder();
    const raw = new Database(dbPath);
    raw.exec('CREATE TABLE future_thing (x)');
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
    raw.close();
    const db = openDatabase(dbPath, { role: 'writer' });
    expect(() => migrate(db, dbPath, now)).toThrow(/newer version of Stagecoach/);
    try {
      migrate(db, dbPath, now);
    } catch (error) {
      expect((error as EngineError).code).toBe('db_too_new');
    }
    db.close();
    expect(userVersion(dbPath)).toBe(latestSchemaVersion + 5);
    expect(tables(dbPath)).toEqual(['future_thing']);
  });

  it('refuses a SQLite file that is not a workspace, and a file that is not SQLite', () => {
    const { dbPath, dir } = folder();
    const raw = new Database(dbPath);
    raw.exec('CREATE TABLE customers (id)');
    raw.close();
    const db = openDatabase(dbPath, { role: 'writer' });
    expect(() => migrate(db, dbPath, now)).toThrow(/not a Stagecoach workspace/);
    db.close();

    const text = `${dir}/notes.db`;
    writeFileSync(text, 'These are my meeting notes, not a database.\n'.repeat(200));
    expect(() => openDatabase(text, { role: 'writer' })).toThrow(/not a Stagecoach workspace/);
  });

  it('backs up an existing workspace with VACUUM INTO before upgrading it', () => {
    const { dbPath } = folder();
    const db = openDatabase(dbPath, { role: 'writer' });
    migrate(db, dbPath, now);
    db.prepare("INSERT INTO settings (key, value) VALUES ('time_zone', 'Europe/Paris')").run();
    const next: Migration = {
      version: latestSchemaVersion + 1,
      name: 'add a column',
      up: (d) => d.exec('ALTER TABLE reps ADD COLUMN nickname TEXT'),
    };
    const result = migrate(db, dbPath, now, [...migrations, next]);
    db.close();
    expect(result.from).toBe(latestSchemaVersion);
    expect(result.to).toBe(latestSchemaVersion + 1);
    expect(result.backupPath).not.toBe(null);
    expect(readdirSync(backupFolder(dbPath))).toHaveLength(1);
    const backup = new Database(result.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'time_zone'").get()).toEqual({
      value: 'Europe/Paris',
    });
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
    expect(userVersion(dbPath)).toBe(latestSchemaVersion + 1);
  });

  it('leaves the database exactly as it was when a step fails, and says where the backup is', () => {
    const { dbPath } = folder();
    const db = openDatabase(dbPath, { role: 'writer' });
    migrate(db, dbPath, now);
    const broken: Migration = {
      version: latestSchemaVersion + 1,
      name: 'broken step',
      up: (d) => {
        d.exec('CREATE TABLE half_done (x)');
        d.exec('ALTER TABLE no_such_table ADD COLUMN y TEXT');
      },
    };
    let error: EngineError | undefined;
    try {
      migrate(db, dbPath, now, [...migrations, broken]);
    } catch (e) {
      error = e as EngineError;
    }
    db.close();
    expect(error?.code).toBe('migration_failed');
    expect(error?.message).toMatch(/broken step/);
    expect(error?.message).toMatch(/backup .* is at .*backups/);
    expect(userVersion(dbPath)).toBe(latestSchemaVersion);
    expect(tables(dbPath)).not.toContain('half_done');
    expect(existsSync(backupFolder(dbPath))).toBe(true);
  });
});
