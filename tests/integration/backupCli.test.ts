import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder, migrate } from '../../src/main/engine/db/migrate';
import { openDatabase } from '../../src/main/engine/db/open';
import { ensureWorkspaceDefaults } from '../../src/main/engine/queries/workspace';
import { dbState } from '../helpers/dbState';
import { cli } from '../helpers/cli';
import { testNow } from '../helpers/clock';
import { built, tempFolder } from '../helpers/workspace';

const folders: { remove: () => void }[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

/** A workspace holding two reps, written by SQL. */
function workspace(): { dir: string; dbPath: string } {
  const folder = tempFolder();
  folders.push(folder);
  const db = openDatabase(folder.dbPath, { role: 'writer' });
  migrate(db, folder.dbPath, testNow);
  ensureWorkspaceDefaults(db, testNow);
  const rep = db.prepare("INSERT INTO reps (name, role, source, created_at) VALUES (?, 'AE', 'test', 0)");
  rep.run('Ana Lima');
  rep.run('Bo Chen');
  db.close();
  return folder;
}

function state(path: string) {
  const db = new Database(path);
  try {
    return dbState(db);
  } finally {
    db.close();
  }
}

describe('backup and restore on the command line', () => {
  it('backs up, lists, shows a restore before doing it, and restores with --yes', () => {
    const { dbPath } = workspace();
    const before = state(dbPath);
    const backup = cli('backup', '--db', dbPath);
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(
      /^Backed up and checked: .*stagecoach-manual-.*\.db\n {2}schema v\d+, data up to no data: 2 reps, 0 deals/,
    );
    const [name] = readdirSync(backupFolder(dbPath)).filter((n) => n.endsWith('.db'));
    if (!name) throw new Error('no backup written');
    // Named for the moment it was taken: the suite's clock, which the command line reads from
    // STAGECOACH_FIXED_NOW.
    expect(name).toBe(`stagecoach-manual-${new Date(testNow).toISOString().replace(/[:.]/g, '-')}.db`);
    expect(cli('backup', '--db', dbPath, '--list').stdout).toContain(`${name}  manual`);

    const db = new Database(dbPath);
    db.prepare("DELETE FROM reps WHERE name = 'Bo Chen'").run();
    db.close();
    const changed = state(dbPath);

    const dry = cli('restore', '--db', dbPath, '--from', name);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain(`Backup ${name}`);
    expect(dry.stdout).toMatch(/now in the workspace: .*1 rep,/);
    expect(dry.stdout).toMatch(/in the backup: .*2 reps/);
    expect(dry.stdout).toContain('Nothing was changed. Add --yes to restore it.');
    expect(state(dbPath)).toEqual(changed);

    const done = cli('restore', '--db', dbPath, '--from', name, '--yes');
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(
      /Restored .*The workspace as it was is saved as .*stagecoach-pre-restore-.*\.db\./,
    );
    expect(state(dbPath)).toEqual(before);
  });

  it('refuses a malformed fixed clock instead of running on a wrong date', () => {
    const { dbPath } = workspace();
    const result = spawnSync(process.execPath, [built.cliEntry, 'backup', '--db', dbPath], {
      encoding: 'utf8',
      env: { ...process.env, STAGECOACH_FIXED_NOW: '27/11/2026' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'STAGECOACH_FIXED_NOW must be a date and time with its zone, e.g. 2026-11-27T12:00:00Z, not "27/11/2026".',
    );
    expect(existsSync(backupFolder(dbPath))).toBe(false);
  });

  it('refuses a file that is not a backup, and changes nothing', () => {
    const { dir, dbPath } = workspace();
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a database at all, just some words '.repeat(50));
    const before = state(dbPath);
    const result = cli('restore', '--db', dbPath, '--from', notes, '--yes');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'notes.txt is not a SQLite database, so it cannot be a Stagecoach backup.',
    );
    expect(state(dbPath)).toEqual(before);
    expect(cli('restore', '--db', dbPath).stderr).toContain('--from BACKUP is required');
  });
});
