import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '@shared/import/types';
import type { Db } from '../../src/main/engine/db/open';
import { createEngine } from '../../src/main/engine/engine';
import { undoBatch } from '../../src/main/engine/import/changeLog';
import { metricsReport } from '../../src/main/engine/queries/metrics';
import { listReps } from '../../src/main/engine/queries/reps';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import { ensureEvaluated } from '../../src/main/engine/evaluation/queries';
import { cli } from '../helpers/cli';
import { testNow } from '../helpers/clock';
import { runTestImport, trackedImportWorkspace } from '../helpers/importWorkspace';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

// A Peruvian org's weekly Data Export (Windows-1252): deals in USD, PEN, COP and MXN, with the
// org's CurrencyType.csv (USD corporate) and DatedConversionRate.csv (PEN and COP by period).
const fixtures = join(__dirname, '../fixtures/import/salesforce/multi-currency');
const files = ['User.csv', 'Opportunity.csv', 'CurrencyType.csv', 'DatedConversionRate.csv'];
const q1 = { from: '2026-01-01', to: '2026-03-31' };

function workspaceWith(names: readonly string[]): { db: Db; dir: string; paths: string[] } {
  const { db, dir } = trackedImportWorkspace(cleanups);
  const paths = names.map((name) => {
    cpSync(join(fixtures, name), join(dir, name));
    return join(dir, name);
  });
  return { db, dir, paths };
}

const apply = async (db: Db, paths: string[]): Promise<ImportResult> =>
  (await runTestImport(db, { paths }, 'apply')) as ImportResult;

function metrics(db: Db) {
  const version = currentWorkflow(db);
  ensureEvaluated(db, version, testNow);
  const report = metricsReport(db, version, q1);
  const rep = (name: string) => report.reps.find((r) => r.name === name)!;
  return { report, valeria: rep('Valeria Quispe'), tomas: rep('Tomás Peña') };
}

describe('amounts in several currencies', () => {
  it("sums won amounts in the export's corporate currency at its dated rates, and says so", async () => {
    const { db, paths } = workspaceWith(files);
    const result = await apply(db, paths);
    expect(result.errorCount).toBe(0);
    // 4 currencies in CurrencyType, 5 dated periods.
    expect(result.counts.currencyRates).toEqual({ new: 9, changed: 0, unchanged: 0 });
    expect(result.files.map((f) => f.reader?.label)).toEqual([
      'Salesforce users (User.csv)',
      'Salesforce opportunities (Opportunity.csv, Data Loader)',
      'Salesforce currencies (CurrencyType.csv)',
      'Salesforce dated exchange rates (DatedConversionRate.csv)',
    ]);

    const { report, valeria, tomas } = metrics(db);
    expect(report.money).toEqual({
      corporate: 'USD',
      corporateFrom: 'export',
      currencies: [
        { code: 'PEN', deals: 2, basis: 'export_dated' },
        { code: 'COP', deals: 1, basis: 'export_dated' },
        { code: 'MXN', deals: 1, basis: 'export' },
      ],
    });
    // 10,000 USD + 37,000 PEN at 3.70 (the rate until 2026-03-01) = 20,000 USD; never 47,000.
    expect(valeria.wonAmount).toBeCloseTo(20_000, 6);
    expect(valeria.wonAmountByCurrency).toEqual({ USD: 10_000, PEN: 37_000 });
    // 39,000,000 COP closed 2026-03-05, at the rate from 2026-03-01 (3,900), not CurrencyType's 3,950.
    expect(tomas.wonAmount).toBeCloseTo(10_000, 6);
    expect(tomas.wonAmountByCurrency).toEqual({ COP: 39_000_000 });
    expect(tomas.missingRates).toBeUndefined();

    // The reps list (all time) converts the same way.
    const reps = listReps(db);
    expect(reps.find((r) => r.name === 'Valeria Quispe')?.wonAmount).toBeCloseTo(20_000, 6);

    // A re-import changes nothing; undoing the first import removes the rates with the deals.
    const again = await apply(db, paths);
    expect(again.counts.currencyRates).toEqual({ new: 0, changed: 0, unchanged: 9 });
    undoBatch(db, again.batchId, testNow);
    undoBatch(db, result.batchId, testNow);
    expect(db.prepare('SELECT count(*) AS n FROM currency_rates').get()).toEqual({ n: 0 });
  });

  it('gives no sum across currencies without a rate, until one is entered in Settings', async () => {
    const { db, dir, paths } = workspaceWith(['User.csv', 'Opportunity.csv']);
    await apply(db, paths);
    let { report, valeria, tomas } = metrics(db);
    // No rate table: the corporate currency is the one most deals use (PEN, 2 deals).
    expect(report.money.corporate).toBe('PEN');
    expect(report.money.corporateFrom).toBe('deals');
    expect(report.money.currencies.map((c) => [c.code, c.basis])).toEqual([
      ['COP', 'none'],
      ['MXN', 'none'],
      ['USD', 'none'],
    ]);
    // 10,000 USD and 37,000 PEN are not 47,000 of anything.
    expect(valeria.wonAmount).toBeNull();
    expect(valeria.missingRates).toEqual(['USD']);
    expect(valeria.wonAmountByCurrency).toEqual({ USD: 10_000, PEN: 37_000 });
    expect(tomas.wonAmount).toBeNull();

    const engine = createEngine({ db, dbPath: join(dir, 'stagecoach.db'), clock: () => testNow });
    const refused = await engine.call('currencies:save', {
      corporate: 'USD',
      rates: [{ currency: 'PEN', rate: -3 }],
    });
    expect(refused.ok).toBe(false);
    const saved = await engine.call('currencies:save', {
      corporate: 'USD',
      rates: [
        { currency: 'pen', rate: 3.7 },
        { currency: 'COP', rate: 3900 },
      ],
    });
    expect(saved.ok).toBe(true);
    ({ report, valeria, tomas } = metrics(db));
    expect(report.money).toMatchObject({ corporate: 'USD', corporateFrom: 'settings' });
    expect(report.money.currencies.map((c) => [c.code, c.basis])).toEqual([
      ['PEN', 'settings'],
      ['COP', 'settings'],
      ['MXN', 'none'],
    ]);
    expect(valeria.wonAmount).toBeCloseTo(20_000, 6);
    expect(tomas.wonAmount).toBeCloseTo(10_000, 6);
    // Tomás's lost MXN deal has no rate, but a lost deal is in no won sum.
    expect(tomas.missingRates).toBeUndefined();
  });

  it('`metrics --json` gives each amount with its currency', async () => {
    const { db, dir, paths } = workspaceWith(files);
    await apply(db, paths);
    db.close();
    const dbPath = join(dir, 'stagecoach.db');
    const { status, stdout, stderr } = cli(
      'metrics',
      '--db',
      dbPath,
      '--from',
      q1.from,
      '--to',
      q1.to,
      '--json',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as {
      money: { corporate: string };
      reps: { name: string; wonAmount: number; wonAmountByCurrency: Record<string, number> }[];
    };
    expect(report.money.corporate).toBe('USD');
    const valeria = report.reps.find((r) => r.name === 'Valeria Quispe')!;
    expect(valeria.wonAmount).toBeCloseTo(20_000, 6);
    expect(valeria.wonAmountByCurrency).toEqual({ USD: 10_000, PEN: 37_000 });
    const table = cli('metrics', '--db', dbPath, '--from', q1.from, '--to', q1.to);
    expect(table.stdout).toContain('Won amount (USD)');
    expect(table.stdout).toContain(
      "Currency: Amounts in USD; PEN, COP converted at the export's dated rates; MXN converted at the export's rates.",
    );
  });

  it('refuses a rate file with a broken rate, naming the file, row and column', async () => {
    const { db, dir } = trackedImportWorkspace(cleanups);
    const path = join(dir, 'DatedConversionRate.csv');
    writeFileSync(
      path,
      [
        '"Id","IsoCode","StartDate","NextStartDate","ConversionRate"',
        '"04w8a000000Mc01AAA","USD","0001-01-01 00:00:00","9999-12-31 00:00:00","1"',
        '"04w8a000000Mc02AAA","PEN","2026-03-01 00:00:00","2026-01-01 00:00:00","3.8"',
        '"04w8a000000Mc03AAA","COP","2026-03-01 00:00:00","9999-12-31 00:00:00","0"',
        '',
      ].join('\n'),
    );
    await expect(runTestImport(db, { paths: [path] }, 'apply')).rejects.toThrow(
      'DatedConversionRate.csv, row 3, column "NextStartDate": the rate ends (2026-01-01) before it starts (2026-03-01)',
    );
    const result = await runTestImport(db, { paths: [path] }, 'preview');
    expect(result.canApply).toBe(false);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ file: 'DatedConversionRate.csv', line: 3, column: 'NextStartDate' }),
      expect.objectContaining({ file: 'DatedConversionRate.csv', line: 4, column: 'ConversionRate' }),
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM currency_rates').get()).toEqual({ n: 0 });
  });
});
