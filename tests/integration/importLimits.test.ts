import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '@shared/import/types';
import { testNow } from '../helpers/clock';
import { evaluatedDemoDb } from '../helpers/demoDb';
import { runTestImport, trackedImportWorkspace } from '../helpers/importWorkspace';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const fixtures = join(__dirname, '..', 'fixtures', 'import');

async function preview(paths: string[]): Promise<ImportPreview> {
  const { db } = trackedImportWorkspace(cleanups);
  return runTestImport(db, { paths }, 'preview');
}

const limitsOf = (result: ImportPreview, name: string): string[] =>
  result.files.find((f) => f.name === name)?.limits ?? [];

describe('what each file will not give the figures, said before it is imported', () => {
  it('a HubSpot view with only id, name, quote and amount: its deals appear in no funnel, cycle or win rate', async () => {
    const name = 'hubspot-crm-exports-deals-quotes-2026-11-20.csv';
    const result = await preview([join(fixtures, 'hubspot', name)]);
    expect(result.canApply).toBe(true);
    expect(result.counts.deals.new).toBe(40);
    expect(limitsOf(result, name)).toEqual([
      'All 40 deals have no stage or won/lost status and no dates: they will not appear in funnel, cycle or win-rate figures. Import a file with the stage (or its history) for them.',
      'All 40 deals have no owner: counted for the team, credited to no rep.',
    ]);
  });

  it('a deals file whose stages come from the history file beside it has nothing to say', async () => {
    const dir = join(fixtures, 'salesforce', 'data-export');
    const result = await preview(
      ['User.csv', 'Opportunity.csv', 'OpportunityHistory.csv'].map((n) => join(dir, n)),
    );
    expect(limitsOf(result, 'Opportunity.csv')).toEqual([]);
    expect(limitsOf(result, 'OpportunityHistory.csv')).toEqual([]);
  });

  it('a HubSpot view without stage history but with stages and dates is not flagged as contributing nothing', async () => {
    const name = 'hubspot-crm-exports-deals-no-history-2026-11-20.csv';
    const result = await preview([join(fixtures, 'hubspot', name)]);
    expect(limitsOf(result, name).some((l) => l.includes('no stage'))).toBe(false);
  });
});

describe('removing the demo with the first real import', () => {
  it('goes with the import, all or nothing: a refused import keeps the demo', async () => {
    const { db, dir, close } = (() => {
      const demo = evaluatedDemoDb(testNow);
      return { db: demo.db, dir: dirname(demo.dbPath), close: demo.close };
    })();
    cleanups.push(close);
    const file = join(fixtures, 'hubspot', 'hubspot-crm-exports-deals-quotes-2026-11-20.csv');
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, readFileSync(file, 'utf8').replace('9012345605,', '9012345605,"unclosed,'));
    const demoDeals = () =>
      (db.prepare("SELECT count(*) AS n FROM deals WHERE source = 'demo'").get() as { n: number }).n;
    const before = demoDeals();
    expect(before).toBeGreaterThan(1000);

    // Previewed, the removal is said and rolled back with the rest.
    const previewed = await runTestImport(db, { paths: [file], removeDemo: true }, 'preview');
    expect(previewed.demoRemoved).toBe(true);
    expect(demoDeals()).toBe(before);

    await expect(runTestImport(db, { paths: [broken], removeDemo: true }, 'apply')).rejects.toThrow(
      /Nothing was imported/,
    );
    expect(demoDeals()).toBe(before);

    const applied = await runTestImport(db, { paths: [file], removeDemo: true }, 'apply');
    expect(applied.demoRemoved).toBe(true);
    expect(demoDeals()).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM deals').get() as { n: number }).n).toBe(40);
    expect(
      (db.prepare("SELECT count(*) AS n FROM reps WHERE source = 'demo'").get() as { n: number }).n,
    ).toBe(0);
  });
});
