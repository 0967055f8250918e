import { join } from 'node:path';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import { migrate } from '../engine/db/migrate';
import { openDatabase } from '../engine/db/open';
import { listDeals } from '../engine/queries/deals';
import { ensureWorkspaceDefaults } from '../engine/queries/workspace';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The Deals screen at scale: 100,000 deals, and how long one page takes to come back for the
 * queries the screen makes (first page, a deep scroll, sorts, a search, filters).
 */
export function dealsBench(dir: string, deals: number): void {
  const dbPath = join(dir, 'deals.db');
  const db = openDatabase(dbPath, { role: 'writer' });
  migrate(db, dbPath, Date.now());
  ensureWorkspaceDefaults(db, Date.now());
  const stages = ['lead', 'discovery', 'demo', 'proposal', 'negotiation', 'won', 'lost'];
  db.transaction(() => {
    const rep = db.prepare("INSERT INTO reps (name, team, source, created_at) VALUES (?, ?, 'bench', 0)");
    for (let i = 0; i < 50; i++) rep.run(`Rep ${i}`, i % 2 ? 'North' : 'South');
    const deal = db.prepare(
      `INSERT INTO deals (source, external_id, name, account, owner_id, amount, created_at, status, stage_key, stage_entered_at)
       VALUES ('bench', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < deals; i++) {
      const stage = stages[i % stages.length]!;
      const created = Date.UTC(2025, 0, 1) + (i % 600) * 86_400_000;
      deal.run(
        `B${i}`,
        `Deal ${i}`,
        `Account ${i % 5000}`,
        1 + (i % 50),
        1000 + (i % 997) * 100,
        created,
        stage === 'won' ? 'won' : stage === 'lost' ? 'lost' : 'open',
        stage,
        created + 86_400_000,
      );
    }
  })();
  const queries: [string, Parameters<typeof listDeals>[1]][] = [
    ['first page, newest first', { offset: 0, limit: 200 }],
    ['deep scroll (offset 90,000)', { offset: 90_000, limit: 200 }],
    ['sort by amount', { sort: { key: 'amount', desc: true }, offset: 0, limit: 200 }],
    ['sort by stage', { sort: { key: 'stageName', desc: false }, offset: 0, limit: 200 }],
    ['sort by owner', { sort: { key: 'ownerName', desc: false }, offset: 0, limit: 200 }],
    ['search "Account 42"', { search: 'Account 42', offset: 0, limit: 200 }],
    ['filter won + team North', { statuses: ['won'], teams: ['North'], offset: 0, limit: 200 }],
  ];
  console.log(`${deals.toLocaleString('en-US')} deals; one page of 200 rows (median of 5 runs):`);
  for (const [label, input] of queries) {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      listDeals(db, input, defaultWorkflow);
      times.push(performance.now() - started);
    }
    console.log(`  ${label.padEnd(30)} ${median(times).toFixed(1).padStart(7)} ms`);
  }
  db.close();
}
