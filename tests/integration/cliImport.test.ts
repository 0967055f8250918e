import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/engine/db/open';
import { dbState } from '../helpers/dbState';
import { cli } from '../helpers/cli';
import { mavenMapping } from '../helpers/importWorkspace';
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

/** An untouched workspace. */
const nothing = { reps: 0, deals: 0, stageEvents: 0, activities: 0, observations: 0 };

describe('cli import', () => {
  it('imports a Salesforce Data Export folder into a new file holding exactly what was imported, and re-imports as a no-op', () => {
    const folder = tempFolder();
    folders.push(folder);
    const first = cli('import', '--db', folder.dbPath, join(fixtures, 'salesforce', 'data-export'));
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/User\.csv: Salesforce users .*skipped 2 automated or integration user/);
    // Chloé is only an invitee of a group event and Françoise owns nothing: people, but no reps.
    expect(first.stdout).toMatch(/User\.csv: .*2 owns no deal, task or event in the data/);
    expect(first.stdout).toMatch(/Task\.csv: .*skipped 2 list email/);
    expect(first.stdout).toContain('deals         5 new, 0 changed, 0 unchanged');
    // No demo data: the workspace holds exactly the import (the 3 users who own something).
    expect(counts(folder.dbPath)).toEqual({
      reps: 3,
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
    expect(counts(folder.dbPath)).toEqual(nothing);
  });

  describe('a file cut off mid-row is refused, and nothing of it is kept', () => {
    /** An unquoted HubSpot deals export, as a view with few columns writes it. */
    const hubspot = [
      'Record ID,Deal Name,Deal Stage,Pipeline,Amount,Close Date,Create Date,Deal owner',
      '501,Pilot,Closed: abandoned,Sales Pipeline,1200,2026-10-02,2026-09-01,Ana Lima',
      '502,Rollout,Closed won,Sales Pipeline,3400,2026-10-09,2026-09-03,Mark Stroud',
      '503,Renewal,Closed: abandoned,Sales Pipeline,800,2026-10-12,2026-09-05,Ana Lima',
      '504,Upsell,Closed won,Sales Pipeline,950,2026-10-20,2026-09-07,Mark Stroud',
      '505,Expansion,Closed: abandoned,Sales Pipeline,2100,2026-10-28,2026-09-09,Mark Stroud',
      '',
    ].join('\r\n');

    function workspaceWith(name: string, text: string): { dbPath: string; path: string } {
      const folder = tempFolder();
      folders.push(folder);
      const path = join(folder.dir, name);
      writeFileSync(path, text, 'latin1');
      return { dbPath: folder.dbPath, path };
    }

    it('an OpportunityHistory.csv cut after a closing quote: its last row is short', () => {
      const whole = readFileSync(
        join(fixtures, 'salesforce', 'data-export', 'OpportunityHistory.csv'),
        'latin1',
      );
      const lastRow = whole.trimEnd().lastIndexOf('\n') + 1;
      // Six fields of the last row, up to and including a closing quote.
      const sixth = whole.slice(lastRow).split('","').slice(0, 6).join('","').length + 1;
      const { dbPath, path } = workspaceWith('OpportunityHistory.csv', whole.slice(0, lastRow + sixth));
      const result = cli('import', '--db', dbPath, path);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /OpportunityHistory\.csv, row \d+: the file is cut off: its last row has 6 of the header's 21 fields/,
      );
      expect(counts(dbPath)).toEqual(nothing);
    });

    it('an unquoted HubSpot export cut inside an owner: no rep "Mark Str", no stage "Closed: aband"', () => {
      const cut = hubspot.slice(0, hubspot.lastIndexOf('Mark Stroud') + 'Mark Str'.length);
      const { dbPath, path } = workspaceWith('hubspot-crm-exports-all-deals-2026-12-01.csv', cut);
      const result = cli('import', '--db', dbPath, path);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        'hubspot-crm-exports-all-deals-2026-12-01.csv, row 6: the file is cut off: it ends without a line break inside “Mark Str” (column “Deal owner”)',
      );
      expect(counts(dbPath)).toEqual(nothing);

      // The same file cut inside a value nothing can judge (an amount) is refused too: HubSpot
      // ends its exports with a line break.
      writeFileSync(path, hubspot.slice(0, hubspot.indexOf(',2100,') + 3), 'latin1');
      const amount = cli('import', '--db', dbPath, path);
      expect(amount.status).toBe(1);
      expect(amount.stderr).toContain(
        "row 6: the file is cut off: its last row has 5 of the header's 8 fields",
      );

      const endsInDate = hubspot.slice(0, hubspot.lastIndexOf(',Mark Stroud'));
      writeFileSync(path, endsInDate.slice(0, -2), 'latin1');
      const date = cli('import', '--db', dbPath, path);
      expect(date.status).toBe(1);
      expect(date.stderr).toContain(
        "row 6: the file is cut off: its last row has 7 of the header's 8 fields",
      );

      // Whole again, it imports, and only the names and stages the file has exist.
      writeFileSync(path, hubspot, 'latin1');
      expect(cli('import', '--db', dbPath, path).status).toBe(0);
      const db = new Database(dbPath, { readonly: true });
      expect(db.prepare('SELECT name FROM reps ORDER BY name').pluck().all()).toEqual([
        'Ana Lima',
        'Mark Stroud',
      ]);
      expect(
        db.prepare('SELECT DISTINCT source_stage FROM stage_events ORDER BY 1').pluck().all(),
      ).not.toContain('Closed: aband');
      db.close();
    });

    it('a CRM export that ends inside a value no other row has, without a line break', () => {
      const notes = ['', 'Pilot went well', 'Needs legal', 'Budget frozen', 'Signed', 'Asked for a discount'];
      const ids = hubspot
        .trimEnd()
        .split('\r\n')
        .map((line, i) => `${line},${i === 0 ? 'Deal notes' : notes[i]}`)
        .join('\r\n');
      const { dbPath, path } = workspaceWith(
        'hubspot-crm-exports-all-deals-2026-12-01.csv',
        ids.slice(0, -1),
      );
      const result = cli('import', '--db', dbPath, path);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        'row 6: the file is cut off: it ends inside this row, without the line break HubSpot exports end with',
      );
      expect(counts(dbPath)).toEqual(nothing);
      // Whole, but written without the final line break by some tool: the message says how to go on.
      writeFileSync(path, `${ids}\r\n`, 'latin1');
      expect(cli('import', '--db', dbPath, path).status).toBe(0);
    });
  });

  it('counts the stage entries it derives from a view export without history, and metrics flags them', () => {
    const folder = tempFolder();
    folders.push(folder);
    const file = join(fixtures, 'hubspot', 'hubspot-crm-exports-deals-no-history-2026-11-20.csv');
    const first = cli('import', '--db', folder.dbPath, file);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('stage events  0 new, 0 changed, 0 unchanged');
    expect(first.stdout).toContain(
      'derived from deal rows (no stage history)  5 new, 0 changed, 0 unchanged',
    );
    expect(first.stdout).toContain('1 won or lost deal has no stage history and no close date');
    const metrics = cli('metrics', '--db', folder.dbPath, '--from', '2026-10-01', '--to', '2026-12-31');
    expect(metrics.status).toBe(0);
    expect(metrics.stdout).toContain(
      'Data trust: 5 deal(s) in the period have no stage history in their file; 3 closed one(s) count by Close Date',
    );
    // Zoë won 9001 on its Close Date, 86.3 days after it was created.
    expect(metrics.stdout).toMatch(/Zoë Müller\s+1\s+0\s+100\.0%\s+86\.3\s+48,500/);
  });

  it('names the required columns a near-miss file lacks, and refuses a binary file renamed .csv', () => {
    const folder = tempFolder();
    folders.push(folder);
    // A HubSpot deals view with only four columns: the Record ID, but no name or stage.
    const thin = join(folder.dir, 'hubspot-crm-exports-quotes-2026-11-20.csv');
    writeFileSync(
      thin,
      '"Record ID","Quote ID","Amount","Hs Object Source"\r\n"18734201","Q-1001","48500","CRM_UI"\r\n',
    );
    const near = cli('import', '--db', folder.dbPath, thin);
    expect(near.status).toBe(1);
    expect(near.stderr).toContain(
      'no known CRM export format matches these columns ("Record ID", "Quote ID", "Amount", "Hs Object Source"). The closest format, HubSpot deals export, also needs a "Deal Name" column. Map its columns to import it.',
    );
    // A PDF report saved with a .csv name: refused as what it is, not read as UTF-16 text.
    const pdf = join(folder.dir, 'pipeline.csv');
    writeFileSync(
      pdf,
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0), Buffer.from('%%EOF\n')]),
    );
    const binary = cli('import', '--db', folder.dbPath, pdf);
    expect(binary.status).toBe(1);
    expect(binary.stderr).toContain(
      'pipeline.csv: this is not a text/CSV file (it looks like a PDF document): export the data from the CRM as CSV or XLSX.',
    );
    expect(counts(folder.dbPath)).toEqual(nothing);
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
      'sales_pipeline.csv: no known CRM export format matches these columns ("opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date", "close_value"). Map its columns to import it.',
    );
    const db = openDatabase(folder.dbPath, { role: 'reader' });
    expect(dbState(db)).toEqual(before);
    db.close();
  });

  describe('a scripted monthly import does what the screen does', () => {
    const maven = join(fixtures, '..', 'real', 'maven_crm_sales_opportunities', 'sales_pipeline.csv');
    const multiCurrency = join(fixtures, 'salesforce', 'multi-currency');

    it('--mapping reads a file no format knows with the mapping the screen saves', () => {
      const folder = tempFolder();
      folders.push(folder);
      const mappingFile = join(folder.dir, 'maven-mapping.json');
      // What the mapping screen's "Save mapping as file" writes.
      writeFileSync(mappingFile, JSON.stringify(mavenMapping));
      const result = cli('import', '--db', folder.dbPath, '--mapping', mappingFile, maven);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('sales_pipeline.csv: Maven CRM (deals, mapped columns)');
      const rows = readFileSync(maven, 'utf8').trim().split(/\r?\n/).length - 1;
      expect(counts(folder.dbPath).deals).toBe(rows);

      // A file that is no mapping is refused by name, before anything is read.
      writeFileSync(mappingFile, JSON.stringify({ entity: 'deals', columns: {} }));
      const bad = cli('import', '--db', folder.dbPath, '--mapping', mappingFile, maven);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain(
        'The mapping file maven-mapping.json is not a column mapping at "sourceName"',
      );
      writeFileSync(mappingFile, '{ "entity": ');
      expect(cli('import', '--db', folder.dbPath, '--mapping', mappingFile, maven).stderr).toContain(
        'The mapping file maven-mapping.json is not JSON',
      );
    });

    it('--stages maps Spanish CRM stages onto the workflow, saved only once the import is written', () => {
      const folder = tempFolder();
      folders.push(folder);
      const stagesFile = join(folder.dir, 'stages.json');
      const opportunity = join(multiCurrency, 'Opportunity.csv');
      const users = join(multiCurrency, 'User.csv');

      // A target that is no workflow stage: refused, nothing written.
      writeFileSync(stagesFile, JSON.stringify({ 'Diseño Propuesta': 'Propuesta' }));
      const refused = cli('import', '--db', folder.dbPath, '--stages', stagesFile, users, opportunity);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(
        'maps "Diseño Propuesta" to "Propuesta", which is no stage of the workflow',
      );
      expect(counts(folder.dbPath)).toEqual(nothing);

      // By name or by key, as the user prefers.
      writeFileSync(
        stagesFile,
        JSON.stringify({
          'Diseño Propuesta': 'Proposal',
          'Cerrada ganada': 'won',
          'Cerrada perdida': 'Closed Lost',
        }),
      );
      const dry = cli(
        'import',
        '--db',
        folder.dbPath,
        '--stages',
        stagesFile,
        '--dry-run',
        users,
        opportunity,
      );
      expect(dry.status).toBe(0);
      expect(dry.stdout).toContain('Would import:');
      expect(dry.stdout).not.toContain('Stages not in the workflow');
      expect(counts(folder.dbPath)).toEqual(nothing);

      const result = cli('import', '--db', folder.dbPath, '--stages', stagesFile, users, opportunity);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).not.toContain('Stages not in the workflow');
      expect(result.stdout).toMatch(/Workflow v2: Mapped "Diseño Propuesta" → Proposal/);
      const db = new Database(folder.dbPath, { readonly: true });
      expect(
        db
          .prepare("SELECT stage_key AS stage, status FROM deals WHERE name = 'Hotel Cusco – Plataforma'")
          .get(),
      ).toEqual({ stage: 'proposal', status: 'open' });
      expect(db.prepare('SELECT count(*) AS n FROM stage_events WHERE stage_key IS NULL').get()).toEqual({
        n: 0,
      });
      db.close();
    });

    it('--format forces a format, names the known ones when it is wrong, and --dry-run prints every warning', () => {
      const folder = tempFolder();
      folders.push(folder);
      const noHistory = join(fixtures, 'hubspot', 'hubspot-crm-exports-deals-no-history-2026-11-20.csv');
      const unknown = cli('import', '--db', folder.dbPath, '--format', 'hubspot-dealz', noHistory);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toMatch(
        /--format "hubspot-dealz" is no import format\. The formats are: salesforce-user, .*hubspot-deals/,
      );
      const wrongFile = cli(
        'import',
        '--db',
        folder.dbPath,
        '--format',
        'other.csv=hubspot-deals',
        noHistory,
      );
      expect(wrongFile.stderr).toContain(
        '--format/--mapping name "other.csv", which is none of the files imported',
      );

      const forced = cli('import', '--db', folder.dbPath, '--format', 'salesforce-opportunity', noHistory);
      expect(forced.status).toBe(1);
      expect(forced.stderr).toContain('these columns are not those of Salesforce opportunities');

      const dry = cli('import', '--db', folder.dbPath, '--format', 'hubspot-deals', '--dry-run', noHistory);
      expect(dry.stderr).toBe('');
      expect(dry.status).toBe(0);
      expect(dry.stdout).toMatch(/\d+ warning\(s\):/);
      expect(dry.stdout).not.toContain('… and');
      expect(counts(folder.dbPath)).toEqual(nothing);
    });
  });
});
