import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealSortKeys } from '@shared/domain/types';
import { migrate } from '../../src/main/engine/db/migrate';
import { type Db, openDatabase } from '../../src/main/engine/db/open';
import { loadDemo } from '../../src/main/engine/demo/demoWorkspace';
import { dealFacets, getDeal, listDeals } from '../../src/main/engine/queries/deals';
import { listReps } from '../../src/main/engine/queries/reps';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import { ensureWorkspaceDefaults } from '../../src/main/engine/queries/workspace';
import { testNow } from '../helpers/clock';
import { tempFolder } from '../helpers/workspace';

const now = testNow;
const folder = tempFolder();
let db: Db;

beforeAll(() => {
  db = openDatabase(folder.dbPath, { role: 'writer' });
  migrate(db, folder.dbPath, now);
  ensureWorkspaceDefaults(db, now);
  loadDemo(db, now);
});
afterAll(() => {
  db.close();
  folder.remove();
});

const workflow = () => currentWorkflow(db).definition;

describe('deal queries on the demo workspace', () => {
  it.each(
    dealSortKeys.flatMap((key) => [
      { key, desc: false },
      { key, desc: true },
    ]),
  )('sorts by $key (desc: $desc), empty values last', (sort) => {
    const page = listDeals(db, { sort, offset: 0, limit: 1000 }, workflow());
    expect(page.rows).toHaveLength(1000);
    const order = workflow().stages.map((s) => s.key);
    const value = (row: (typeof page.rows)[number]): string | number | null => {
      if (sort.key === 'stageName') return row.stageKey === null ? null : order.indexOf(row.stageKey);
      const v = row[sort.key];
      return typeof v === 'string' ? v.toLowerCase() : v;
    };
    const values = page.rows.map(value);
    const firstNull = values.indexOf(null);
    if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
    const present = values.filter((v) => v !== null) as (string | number)[];
    for (let i = 1; i < present.length; i++) {
      const a = present[i - 1]!;
      const b = present[i]!;
      if (sort.desc) expect(a >= b, `${sort.key} at ${i}: ${a} then ${b}`).toBe(true);
      else expect(a <= b, `${sort.key} at ${i}: ${a} then ${b}`).toBe(true);
    }
  });

  it('filters by status, owner, stage, team and dates, and searches names, accounts and owners', () => {
    const all = listDeals(db, { limit: 1 }, workflow()).total;
    const won = listDeals(db, { statuses: ['won'], limit: 1000 }, workflow());
    expect(won.rows.every((r) => r.status === 'won')).toBe(true);
    const facets = dealFacets(db, workflow());
    const rep = facets.reps[0]!;
    const mine = listDeals(db, { ownerIds: [rep.id], limit: 1000 }, workflow());
    expect(mine.rows.every((r) => r.ownerId === rep.id)).toBe(true);
    const inDemo = listDeals(db, { stageKeys: ['demo'], teams: [facets.teams[0]!], limit: 1000 }, workflow());
    expect(inDemo.rows.every((r) => r.stageKey === 'demo' && r.team === facets.teams[0])).toBe(true);
    const from = facets.createdRange!.from + 90 * 86_400_000;
    const recent = listDeals(db, { createdFrom: from, limit: 1000 }, workflow());
    expect(recent.total).toBeLessThan(all);
    expect(recent.rows.every((r) => r.createdAt! >= from)).toBe(true);
    const byOwner = listDeals(db, { search: rep.name, limit: 1000 }, workflow());
    expect(byOwner.total).toBeGreaterThanOrEqual(mine.total);
    expect(listDeals(db, { search: '100%_\\', limit: 10 }, workflow()).total).toBe(0);
  });

  it('gives a deal its stage visits per the definitions, and a rep list with outcomes', () => {
    const page = listDeals(db, { statuses: ['won'], limit: 50 }, workflow());
    const detail = getDeal(db, page.rows[0]!.id, workflow(), now);
    expect(detail.visits.length).toBeGreaterThan(1);
    expect(detail.visits.at(-1)!.stageKey).toBe('won');
    for (let i = 1; i < detail.visits.length; i++) {
      expect(detail.visits[i - 1]!.exitedAt).toBe(detail.visits[i]!.enteredAt);
      expect(detail.visits[i]!.stageKey).not.toBe(detail.visits[i - 1]!.stageKey);
    }
    const reps = listReps(db);
    expect(reps.length).toBe(13);
    expect(reps.reduce((sum, r) => sum + r.wonDeals + r.lostDeals + r.openDeals, 0)).toBe(
      listDeals(db, { limit: 1 }, workflow()).total,
    );
  });
});
