import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/engine/db/open';
import { dbState } from '../helpers/dbState';
import { cli } from '../helpers/cli';
import { tempFolder } from '../helpers/workspace';

const fixtures = join(__dirname, '..', 'fixtures', 'import');
const folders: { remove: () => void }[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

function counts(dbPath: string): Record<string, number> {
  const db = new Database(dbPath, { readonly: true });
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const result = {
    reps: one('SELECT count(*) AS n FROM reps'),
    deals: one('SELECT count(*) AS n FROM deals'),
    stageEvents: one('SELECT count(*) AS n FROM stage_events'),
    activities: one('SELECT count(*) AS n FROM activities'),
    observations: one('SELECT count(*) AS n FROM observations'),
  };
  db.close();
  return result;
}

describe('cli import', () => {
  it('imports a Salesforce Data Export folder into a new file holding exactly what was imported, and re-imports as a no-op', () => {
    const folder = tempFolder();
    folders.push(folder);
    const first = cli('import', '--db', folder.dbPath, join(fixtures, 'salesforce', 'data-export'));
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/User\.csv: Salesforce users .*skipped 2 automated or integration user/);
    expect(first.stdout).toMatch(/Task\.csv: .*skipped 2 list email/);
    expect(first.stdout).toContain('deals         5 new, 0 changed, 0 unchanged');
    // No demo data: the workspace holds exactly the import (5 users that are people, no automated users).
    expect(counts(folder.dbPath)).toEqual({
      reps: 5,
      deals: 5,
      stageEvents: 13,
      activities: 8,
      observations: 0,
    });

    const db = new Database(folder.dbPath, { readonly: true });
    // Windows-1252 names and punctuation survive; IsWon/IsClosed decide the outcome.
    expect(db.prepare("SELECT name, status, stage_key FROM deals WHERE name LIKE 'Caf%'").get()).toEqual({
      name: 'Café Olé – Pilot',
      status: 'won',
      stage_key: 'won',
    });
    db.close();

    const again = cli('import', '--db', folder.dbPath, join(fixtures, 'salesforce', 'data-export'));
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('deals         0 new, 0 changed, 5 unchanged');
    expect(again.stdout).toContain('activities    0 new, 0 changed, 8 unchanged');
  });

  it('imports HubSpot (UTF-16 and UTF-8), Pipedrive (semicolons, XLSX) and a coaching sheet together', () => {
    const folder = tempFolder();
    folders.push(folder);
    const result = cli(
      'import',
      '--db',
      folder.dbPath,
      '--tz',
      'Europe/Berlin',
      join(fixtures, 'hubspot'),
      join(fixtures, 'pipedrive', 'deals.csv'),
      join(fixtures, 'pipedrive', 'activities.xlsx'),
      join(fixtures, 'observations', 'observations.csv'),
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/alle-deals-2026-11-20\.txt: HubSpot .*UTF-16 LE, tab/);
    expect(result.stdout).toMatch(/deals\.csv: Pipedrive .*semicolon/);
    expect(result.stdout).toMatch(/activities\.xlsx: Pipedrive .*XLSX/);
    const after = counts(folder.dbPath);
    expect(after.deals).toBeGreaterThan(0);
    expect(after.observations).toBeGreaterThan(0);
    expect(after.activities).toBeGreaterThan(0);
  });

  it('refuses a file with one broken row, names file, row and column, and writes nothing', () => {
    const folder = tempFolder();
    folders.push(folder);
    const dir = join(folder.dir, 'export');
    mkdirSync(dir);
    for (const name of ['User.csv', 'Opportunity.csv'])
      copyFileSync(join(fixtures, 'salesforce', 'data-export', name), join(dir, name));
    const opportunity = readFileSync(join(dir, 'Opportunity.csv'), 'latin1');
    const broken = opportunity.replace(/"2026-0(\d)-(\d\d) (\d\d:\d\d:\d\d)"/, '"2026-0$1-$2 99:99:99"');
    expect(broken).not.toBe(opportunity);
    writeFileSync(join(dir, 'Opportunity.csv'), broken, 'latin1');

    const result = cli('import', '--db', folder.dbPath, dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Nothing was imported: 1 error/);
    expect(result.stderr).toMatch(
      /Opportunity\.csv, row \d+, column "\w+": "2026-\d\d-\d\d 99:99:99" is not a real date/,
    );
    expect(counts(folder.dbPath)).toEqual({
      reps: 0,
      deals: 0,
      stageEvents: 0,
      activities: 0,
      observations: 0,
    });
  });

  it('says clearly when no format matches, and leaves the workspace as it was', () => {
    const folder = tempFolder();
    folders.push(folder);
    const maven = join(fixtures, '..', 'real', 'maven_crm_sales_opportunities', 'sales_pipeline.csv');
    const before = (() => {
      cli('import', '--db', folder.dbPath, join(fixtures, 'salesforce', 'data-export', 'User.csv'));
      const db = openDatabase(folder.dbPath, { role: 'reader' });
      const state = dbState(db);
      db.close();
      return state;
    })();
    const result = cli('import', '--db', folder.dbPath, maven);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'sales_pipeline.csv: no known CRM export format matches these columns: map its columns to import it',
    );
    const db = openDatabase(folder.dbPath, { role: 'reader' });
    expect(dbState(db)).toEqual(before);
    db.close();
  });
});
