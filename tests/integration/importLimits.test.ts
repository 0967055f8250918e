import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '@shared/import/types';
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
