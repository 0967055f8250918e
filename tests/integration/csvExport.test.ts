import { DateTime } from 'luxon';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '@shared/api/envelope';
import type { DealsExportInput } from '@shared/api/contract';
import { type DealCsvColumn, type DealsCsvExport, dealCsvFields } from '@shared/csv/dealsCsv';
import type { DealRow } from '@shared/domain/types';
import type { Db } from '../../src/main/engine/db/open';
import { type Engine, createEngine } from '../../src/main/engine/engine';
import { complianceDeals, complianceReport } from '../../src/main/engine/evaluation/queries';
import { funnelDeals, funnelReport } from '../../src/main/engine/reports/stageReports';
import { scorecardEvidence } from '../../src/main/engine/scorecards/evidence';
import { listDeals } from '../../src/main/engine/queries/deals';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import { testNow } from '../helpers/clock';
import { evaluatedDemoDb } from '../helpers/demoDb';

const NOW = testNow;
const ZONE = 'America/New_York';

let demo: ReturnType<typeof evaluatedDemoDb>;
let db: Db;
let engine: Engine;

beforeAll(() => {
  demo = evaluatedDemoDb(NOW);
  db = demo.db;
  engine = createEngine({ db, dbPath: demo.dbPath, clock: () => NOW });
});
afterAll(() => demo.close());

const columns: DealCsvColumn[] = [
  { field: 'name', header: 'Deal' },
  { field: 'account', header: 'Account' },
  { field: 'ownerName', header: 'Owner' },
  { field: 'stageName', header: 'Stage' },
  { field: 'status', header: 'Status' },
  { field: 'amount', header: 'Amount' },
  { field: 'currency', header: 'Currency' },
  { field: 'createdAt', header: 'Created' },
  { field: 'closedAt', header: 'Closed' },
  { field: 'lastStageChangeAt', header: 'In stage since' },
];

async function exportCsv(input: Omit<DealsExportInput, 'columns' | 'timeZone'>, zone = ZONE) {
  const result = (await engine.call('deals:exportCsv', {
    ...input,
    columns,
    timeZone: zone,
  })) as ApiResult<DealsCsvExport>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The file as a spreadsheet reads it: BOM checked and dropped, then header and rows. */
function read(csv: string): { header: string[]; rows: string[][] } {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  return { header: header!, rows };
}

/** Every deal of a query the way the screen fetches them: page after page of deals:list. */
function allPages(query: Parameters<typeof listDeals>[1]): DealRow[] {
  const rows: DealRow[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = listDeals(db, { ...query, offset, limit: 200 }, currentWorkflow(db).definition);
    rows.push(...page.rows);
    if (rows.length >= page.total) return rows;
  }
}

describe('deals:exportCsv', () => {
  it('writes every deal of the workspace, not a page of them', async () => {
    const total = listDeals(db, { limit: 1 }, currentWorkflow(db).definition).total;
    expect(total).toBeGreaterThan(1000);
    const out = await exportCsv({});
    const { header, rows } = read(out.csv);
    expect(header).toEqual(columns.map((c) => c.header));
    expect(out.rows).toBe(total);
    expect(rows).toHaveLength(total);
  });

  it('writes exactly the deals of the filters, in the screen’s sort order', async () => {
    const query = {
      statuses: ['won', 'lost'] as ('won' | 'lost')[],
      createdFrom: Date.UTC(2026, 0, 1),
      sort: { key: 'amount' as const, desc: true },
    };
    const expected = allPages(query);
    expect(expected.length).toBeGreaterThan(200);
    const { rows } = read((await exportCsv(query)).csv);
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => r[0])).toEqual(expected.map((d) => d.name));
    expect(rows.every((r) => r[4] === 'Won' || r[4] === 'Lost')).toBe(true);
    const amounts = rows
      .map((r) => r[5])
      .filter((a) => a !== '')
      .map(Number);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it.each(['name', 'stageName', 'createdAt', 'closedAt'] as const)(
    'follows the engine’s order when sorted by %s',
    async (key) => {
      const query = { sort: { key, desc: false }, teams: ['Team North'] };
      const expected = allPages(query).map((d) => d.name);
      expect(expected.length).toBeGreaterThan(100);
      const names = read((await exportCsv(query)).csv).rows.map((r) => r[0]);
      expect(names).toEqual(expected);
    },
  );

  it('writes amounts as bare numbers and dates as local days of the given zone', async () => {
    const deal = allPages({ statuses: ['won'], sort: { key: 'closedAt', desc: true } })[0]!;
    const csv = (await exportCsv({ search: deal.name, statuses: ['won'] })).csv;
    const row = read(csv).rows.find((r) => r[0] === deal.name)!;
    const day = (ms: number | null, zone: string) =>
      ms === null ? '' : DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd');
    expect(row[5]).toBe(String(deal.amount));
    expect(row[6]).toBe(deal.currency ?? '');
    expect(row[7]).toBe(day(deal.createdAt, ZONE));
    expect(row[8]).toBe(day(deal.closedAt, ZONE));
    expect(row[9]).toBe(day(deal.lastStageChangeAt, ZONE));
    // Bare number in the file itself, quoted text around it.
    expect(csv).toContain(`,${deal.amount},"${deal.currency}",`);
    const tokyo = read((await exportCsv({ search: deal.name, statuses: ['won'] }, 'Asia/Tokyo')).csv);
    expect(tokyo.rows.find((r) => r[0] === deal.name)![8]).toBe(day(deal.closedAt, 'Asia/Tokyo'));
  });

  it('exports a deal named =HYPERLINK("http://x") as text, never as a formula', async () => {
    const id = allPages({ sort: { key: 'name', desc: false } })[0]!.id;
    db.prepare('UPDATE deals SET name = ?, account = ? WHERE id = ?').run(
      '=HYPERLINK("http://x")',
      '@SUM(1+1)\0',
      id,
    );
    const csv = (await exportCsv({ search: 'HYPERLINK' })).csv;
    const line = csv.split('\r\n')[1]!;
    expect(line.startsWith(`"'=HYPERLINK(""http://x"")","'@SUM(1+1)",`)).toBe(true);
    expect(csv.includes('\0')).toBe(false);
    expect(read(csv).rows[0]!.slice(0, 2)).toEqual(['\'=HYPERLINK("http://x")', "'@SUM(1+1)"]);
  });

  it('writes only the columns asked for, in their order and under their headers', async () => {
    const result = (await engine.call('deals:exportCsv', {
      statuses: ['open'],
      timeZone: 'UTC',
      columns: [
        { field: 'status', header: 'État' },
        { field: 'name', header: '案件' },
      ],
    })) as ApiResult<DealsCsvExport>;
    if (!result.ok) throw new Error(result.error.message);
    const { header, rows } = read(result.value.csv);
    expect(header).toEqual(['État', '案件']);
    expect(rows.every((r) => r.length === 2 && r[0] === 'Open')).toBe(true);
  });

  it('refuses an unknown time zone or column with a clear message', async () => {
    const zone = await engine.call('deals:exportCsv', { timeZone: 'Mars/Olympus', columns });
    expect(zone).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!zone.ok && zone.error.message).toMatch(/timeZone: is not a known time zone/);
    const column = await engine.call('deals:exportCsv', {
      timeZone: 'UTC',
      columns: [{ field: 'id', header: 'Id' }],
    });
    expect(column).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const none = await engine.call('deals:exportCsv', { timeZone: 'UTC', columns: [] });
    expect(!none.ok && none.error.message).toMatch(/choose at least one column/);
    expect(dealCsvFields).not.toContain('id');
  });
});

describe('lists capped on screen are exported whole', () => {
  const period = { from: '2024-01-01', to: '2026-11-27' };

  it('lists every action behind the team’s compliance figure with all: true', () => {
    const due = complianceReport(db, period).team.due;
    const capped = complianceDeals(db, period);
    const all = complianceDeals(db, { ...period, all: true });
    expect(capped.length).toBe(Math.min(due, 2000));
    expect(all.length).toBe(due);
    expect(due).toBeGreaterThan(2000);
    expect(all.slice(0, capped.length)).toEqual(capped);
  });

  it('lists every deal behind a funnel figure with all: true', () => {
    const report = funnelReport(db, period);
    const first = report.stages[0]!;
    const capped = funnelDeals(db, { ...period, stageKey: first.key, group: 'entered' });
    const all = funnelDeals(db, { ...period, stageKey: first.key, group: 'entered', all: true });
    expect(all.length).toBe(first.entered);
    expect(capped.length).toBe(Math.min(first.entered, 2000));
    expect(all.slice(0, capped.length)).toEqual(capped);
  });

  it('lists every row behind a scorecard figure with all: true', () => {
    const input = { metric: 'actions_on_time' as const, ...period };
    const capped = scorecardEvidence(db, input);
    const all = scorecardEvidence(db, { ...input, all: true });
    expect(all.rows.length).toBe(all.total);
    expect(capped.rows.length).toBe(Math.min(all.total, 2000));
    expect(all.rows.slice(0, capped.rows.length)).toEqual(capped.rows);
  });
});
