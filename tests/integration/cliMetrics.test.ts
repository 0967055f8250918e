import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/engine/db/migrate';
import { openDatabase } from '../../src/main/engine/db/open';
import { ensureWorkspaceDefaults } from '../../src/main/engine/queries/workspace';
import { cli } from '../helpers/cli';
import { testNow } from '../helpers/clock';
import { tempFolder } from '../helpers/workspace';

const folders: { remove: () => void }[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

const at = (iso: string): number => Date.parse(iso);

/** A small workspace written by SQL, with outcomes computed by hand below. */
function smallWorkspace(): string {
  const folder = tempFolder();
  folders.push(folder);
  const db = openDatabase(folder.dbPath, { role: 'writer' });
  migrate(db, folder.dbPath, testNow);
  ensureWorkspaceDefaults(db, testNow);
  const rep = db.prepare(
    "INSERT INTO reps (name, email, role, source, created_at) VALUES (?, ?, 'AE', 'test', 0)",
  );
  const ana = Number(rep.run('Ana Lima', 'ana@example.com').lastInsertRowid);
  const bo = Number(rep.run('Bo Chen', 'bo@example.com').lastInsertRowid);
  rep.run('Cy Idle', null);
  const deal = db.prepare(
    `INSERT INTO deals (source, external_id, name, owner_id, amount, created_at, status) VALUES ('test', ?, ?, ?, ?, ?, ?)`,
  );
  const event = db.prepare(
    "INSERT INTO stage_events (deal_id, source_stage, stage_key, entered_at, source) VALUES (?, ?, ?, ?, 'test')",
  );
  const add = (
    id: string,
    owner: number,
    amount: number,
    created: string,
    status: string,
    history: [string, string, string][],
  ) => {
    const dealId = Number(deal.run(id, `Deal ${id}`, owner, amount, at(created), status).lastInsertRowid);
    for (const [source, key, when] of history) event.run(dealId, source, key, at(when));
  };
  // Ana: won in period after 10 days, won in period after 20 days, lost in period.
  add('A1', ana, 1000, '2026-07-01T00:00:00Z', 'won', [
    ['Prospecting', 'lead', '2026-07-01T00:00:00Z'],
    ['Proposal/Price Quote', 'proposal', '2026-07-05T00:00:00Z'],
    ['Proposal/Price Quote', 'proposal', '2026-07-06T00:00:00Z'],
    ['Closed Won', 'won', '2026-07-11T00:00:00Z'],
  ]);
  add('A2', ana, 3000, '2026-08-01T00:00:00Z', 'won', [['Closed Won', 'won', '2026-08-21T00:00:00Z']]);
  add('A3', ana, 500, '2026-08-01T00:00:00Z', 'lost', [['Closed Lost', 'lost', '2026-09-30T23:59:59Z']]);
  // Ana: won before the period — not counted.
  add('A4', ana, 9999, '2026-05-01T00:00:00Z', 'won', [['Closed Won', 'won', '2026-06-30T23:59:59Z']]);
  // Bo: lost in period; won after the period — not counted.
  add('B1', bo, 700, '2026-07-10T00:00:00Z', 'lost', [['Closed Lost', 'lost', '2026-07-20T12:00:00Z']]);
  add('B2', bo, 800, '2026-09-01T00:00:00Z', 'won', [['Closed Won', 'won', '2026-10-01T00:00:00Z']]);
  db.close();
  return folder.dbPath;
}

const noStage = { entered: 0, medianDaysInStage: null, conversionToNext: null };
const noStages = {
  lead: noStage,
  discovery: noStage,
  demo: noStage,
  proposal: noStage,
  negotiation: noStage,
};
const noCompliance = { due: 0, onTime: 0, late: 0, missed: 0, pending: 0, rate: null };

describe('cli metrics', () => {
  it('prints the JSON contract with hand-computed figures', () => {
    const dbPath = smallWorkspace();
    const { status, stdout, stderr } = cli(
      'metrics',
      '--db',
      dbPath,
      '--from',
      '2026-07-01',
      '--to',
      '2026-09-30',
      '--json',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report).toEqual({
      period: { from: '2026-07-01', to: '2026-09-30' },
      // 6 deals; stage visits: A1 has 3 (the repeated proposal row is no visit), the others 1 each.
      counts: { reps: 3, deals: 6, stageEvents: 8, activities: 0 },
      // Every deal has its stage history.
      withoutHistory: { deals: 0, closed: 0 },
      // No deal says its currency: amounts are plain numbers, nothing converted.
      money: { corporate: null, corporateFrom: null, currencies: [] },
      reps: [
        {
          name: 'Ana Lima',
          email: 'ana@example.com',
          won: 2,
          lost: 1,
          winRate: 2 / 3,
          medianCycleDays: 15,
          wonAmount: 4000,
          wonAmountByCurrency: {},
          // A1 entered Lead on 07-01 and Proposal on 07-05 (skipping ahead both times), then won on 07-11.
          stages: {
            lead: { entered: 1, medianDaysInStage: 4, conversionToNext: 1 },
            discovery: noStage,
            demo: noStage,
            proposal: { entered: 1, medianDaysInStage: 6, conversionToNext: 1 },
            negotiation: noStage,
          },
          // No activities at all: Lead's call and email and the proposal were due and missed; the
          // follow-up after a proposal that was never sent was never due.
          compliance: { due: 3, onTime: 0, late: 0, missed: 3, pending: 0, rate: 0 },
          dealsWithoutHistory: 0,
        },
        {
          name: 'Bo Chen',
          email: 'bo@example.com',
          won: 0,
          lost: 1,
          winRate: 0,
          medianCycleDays: null,
          wonAmount: 0,
          wonAmountByCurrency: {},
          stages: noStages,
          compliance: noCompliance,
          dealsWithoutHistory: 0,
        },
        {
          name: 'Cy Idle',
          email: null,
          won: 0,
          lost: 0,
          winRate: null,
          medianCycleDays: null,
          wonAmount: 0,
          wonAmountByCurrency: {},
          stages: noStages,
          compliance: noCompliance,
          dealsWithoutHistory: 0,
        },
      ],
    });
  });

  it('prints a readable table without --json', () => {
    const dbPath = smallWorkspace();
    const { status, stdout } = cli('metrics', '--db', dbPath, '--from', '2026-07-01', '--to', '2026-09-30');
    expect(status).toBe(0);
    expect(stdout).toMatch(/Ana Lima\s+2\s+1\s+66\.7%\s+15\.0\s+4,000/);
  });

  it('explains bad arguments and a missing workspace, and never creates one', () => {
    const folder = tempFolder();
    folders.push(folder);
    const missing = cli('metrics', '--db', folder.dbPath, '--from', '2026-07-01', '--to', '2026-09-30');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`There is no workspace at ${folder.dbPath}`);
    const badDate = cli('metrics', '--db', smallWorkspace(), '--from', '2026-13-01', '--to', '2026-09-30');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--from must be a date in YYYY-MM-DD form, not "2026-13-01"');
    expect(cli('frobnicate').stderr).toContain('Unknown command "frobnicate"');
  });
});
