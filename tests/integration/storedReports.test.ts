import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/engine/db/open';
import { complianceDeals, complianceReport } from '../../src/main/engine/evaluation/queries';
import { funnelDeals, periodVisits, storedStageFunnel } from '../../src/main/engine/reports/stageReports';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import { stageFunnel } from '../../src/shared/metrics/funnel';
import { periodBounds } from '../../src/shared/metrics/period';
import { testNow } from '../helpers/clock';
import { evaluatedDemoDb } from '../helpers/demoDb';

// The reports read pre-computed shapes of the evaluation (visit fates, monthly roll-ups) for
// speed; on the demo workspace they must give exactly the figures of the plain computation.
const NOW = testNow;
let db: Db;

const periods = [
  { from: '2025-12-01', to: '2026-11-30' }, // whole months only
  { from: '2026-01-17', to: '2026-08-09' }, // partial months at both edges
  { from: '2026-03-05', to: '2026-03-20' }, // inside one month
  { from: '2024-01-01', to: '2026-12-31' }, // everything
];

let close: () => void;
beforeAll(() => {
  ({ db, close } = evaluatedDemoDb(NOW));
});
afterAll(() => close());

describe('reports read from stored evaluations, on the demo workspace', () => {
  it.each(periods)('the funnel of $from – $to matches the funnel computed from every visit', (period) => {
    const version = currentWorkflow(db);
    const { start, end } = periodBounds(period);
    const teams = (
      db.prepare('SELECT DISTINCT team FROM reps WHERE team IS NOT NULL').pluck().all() as string[]
    ).slice(0, 1);
    for (const filter of [{ ...period }, { ...period, teams }, { ...period, ownerIds: [1, 2, 3] }]) {
      const stored = storedStageFunnel(db, version, start, end, filter);
      const computed = stageFunnel(
        periodVisits(db, version.id, start, end, filter),
        version.definition.stages,
        start,
        end,
      );
      expect(stored).toEqual(computed);
    }
    expect(storedStageFunnel(db, version, start, end, period)[0]!.entered).toBeGreaterThan(0);
  });

  it.each(periods)('the compliance heatmap of $from – $to counts every action row due in it', (period) => {
    const report = complianceReport(db, period);
    const { start, end } = periodBounds(period);
    const rows = db
      .prepare(
        `SELECT owner_id AS repId, stage_key AS stageKey, status, count(*) AS n FROM eval_actions
         WHERE workflow_version_id = ? AND anchor_at >= ? AND anchor_at < ? GROUP BY 1, 2, 3`,
      )
      .all(report.versionId, start, end) as { repId: number; stageKey: string; status: string; n: number }[];
    const total = (status: string, match: (r: (typeof rows)[number]) => boolean = () => true): number =>
      rows.filter((r) => r.status === status && match(r)).reduce((sum, r) => sum + r.n, 0);
    expect(report.team.due).toBeGreaterThan(0);
    expect(report.team).toMatchObject({
      onTime: total('on_time'),
      late: total('late'),
      missed: total('missed'),
      pending: total('pending'),
    });
    for (const cell of report.cells) {
      const mine = (r: (typeof rows)[number]): boolean =>
        r.repId === cell.repId && r.stageKey === cell.stageKey;
      expect(cell.counts).toMatchObject({ onTime: total('on_time', mine), missed: total('missed', mine) });
    }
    const drill = complianceDeals(db, {
      ...period,
      repId: report.cells[0]!.repId,
      stageKey: report.cells[0]!.stageKey,
    });
    expect(drill.length).toBe(Math.min(2000, report.cells[0]!.counts.due));
  });

  it.each(periods)('every funnel figure of $from – $to lists exactly the deals it counts', (period) => {
    const version = currentWorkflow(db);
    const { start, end } = periodBounds(period);
    for (const stage of storedStageFunnel(db, version, start, end, period)) {
      const deals = (group: Parameters<typeof funnelDeals>[1]['group']) =>
        funnelDeals(db, { ...period, stageKey: stage.key, group });
      const entered = deals('entered');
      expect(entered).toHaveLength(stage.entered);
      expect(new Set(entered.map((d) => d.dealId)).size).toBe(stage.entered);
      expect(deals('advanced')).toHaveLength(stage.advanced);
      expect(deals('skipped')).toHaveLength(stage.skippedNext);
      expect(deals('lost')).toHaveLength(stage.lost);
      expect(deals('dropped')).toHaveLength(stage.entered - stage.advanced);
    }
  });
});
