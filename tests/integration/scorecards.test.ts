import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/engine/db/open';
import { createEngine } from '../../src/main/engine/engine';
import { complianceDeals, complianceReport } from '../../src/main/engine/evaluation/queries';
import { closedDealsBetween } from '../../src/main/engine/queries/metrics';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import { scorecardEvidence } from '../../src/main/engine/scorecards/evidence';
import { repScorecard } from '../../src/main/engine/scorecards/repScorecard';
import { readScorecardSettings, saveScorecardSettings } from '../../src/main/engine/scorecards/settings';
import { teamScorecard } from '../../src/main/engine/scorecards/teamScorecard';
import { teamMedian } from '@shared/scorecards/benchmarks';
import { defaultScorecardSettings } from '@shared/scorecards/settings';
import type { ScorecardFigure, TeamScorecard } from '@shared/scorecards/types';
import { testNow, testToday } from '../helpers/clock';
import { evaluatedDemoDb } from '../helpers/demoDb';

const NOW = testNow;
const ANCHOR = testToday;

let db: Db;
let close: () => void;
let dbPath: string;
let team: TeamScorecard;

function repId(name: string): number {
  return (db.prepare('SELECT id FROM reps WHERE name = ?').get(name) as { id: number }).id;
}

function figure(figures: ScorecardFigure[], key: string): ScorecardFigure {
  const found = figures.find((f) => f.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found;
}

beforeAll(() => {
  ({ db, close, dbPath } = evaluatedDemoDb(NOW));
  team = teamScorecard(db, { kind: 'quarter', anchor: ANCHOR }, NOW);
});

afterAll(() => close?.());

describe('team scorecard on the demo workspace', () => {
  it('covers the quarter containing the anchor, the one before and a four-quarter trend', () => {
    expect(team.period).toMatchObject({ from: '2026-10-01', to: '2026-12-31', label: 'Q4 2026' });
    expect(team.previousPeriod.label).toBe('Q3 2026');
    expect(team.partial).toBe(true);
    for (const f of team.figures) {
      expect(f.trend.map((p) => p.period.label)).toEqual(['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026']);
      expect(f.trend[3]!.value).toBe(f.value);
      expect(f.trend[2]!.value).toBe(f.previous);
    }
  });

  it('has the team compliance of the Execution heatmap for the same period', () => {
    const heatmap = complianceReport(db, { from: team.period.from, to: team.period.to });
    const actions = figure(team.figures as ScorecardFigure[], 'actions_on_time');
    expect(heatmap.team.rate).not.toBeNull();
    expect(actions.value).toBeCloseTo(heatmap.team.rate!, 12);
    expect(actions.sample).toBe(heatmap.team.onTime + heatmap.team.late + heatmap.team.missed);
    const previous = complianceReport(db, { from: team.previousPeriod.from, to: team.previousPeriod.to });
    expect(actions.previous).toBeCloseTo(previous.team.rate!, 12);
  });

  it('has each rep’s compliance as the heatmap’s rep total, and the benchmark is their median', () => {
    const heatmap = complianceReport(db, { from: team.period.from, to: team.period.to });
    const rates = team.reps.map((rep) => {
      const row = heatmap.reps.find((r) => r.id === rep.id)!;
      expect(rep.values.actions_on_time.value).toBeCloseTo(row.totals.rate!, 12);
      return rep.values.actions_on_time.enough ? rep.values.actions_on_time.value : null;
    });
    const actions = team.figures.find((f) => f.key === 'actions_on_time')!;
    expect(actions.benchmark).toBe(teamMedian(rates));
  });

  it('ranks the top performer above the team median and the sloppy rep below it', () => {
    const daniel = team.reps.find((r) => r.name === 'Daniel Reyes')!;
    const tom = team.reps.find((r) => r.name === 'Tom Becker')!;
    const median = team.figures.find((f) => f.key === 'actions_on_time')!.benchmark!;
    expect(daniel.values.actions_on_time.value!).toBeGreaterThan(median);
    expect(tom.values.actions_on_time.value!).toBeLessThan(median);
    expect(daniel.values.actions_on_time.percentile).toBe(100);
    expect(tom.values.actions_on_time.percentile).toBe(0);
    expect(daniel.composite.score!).toBeGreaterThan(tom.composite.score! + 40);
    // The composite explains itself: its parts add up to it.
    const points = daniel.composite.parts.reduce((sum, p) => sum + p.points, 0);
    expect(points).toBeCloseTo(daniel.composite.score!, 9);
  });

  it('has the win rate of the deals closed in the period, per rep and for the team', () => {
    const { start, end } = { start: Date.UTC(2026, 9, 1), end: Date.UTC(2027, 0, 1) };
    const closed = closedDealsBetween(db, currentWorkflow(db).definition, start, end);
    const won = closed.filter((d) => d.outcome === 'won').length;
    const teamWin = team.figures.find((f) => f.key === 'win_rate')!;
    expect(teamWin.value).toBeCloseTo(won / closed.length, 12);
    expect(teamWin.sample).toBe(closed.length);
    const tomId = repId('Tom Becker');
    const tomClosed = closed.filter((d) => d.ownerId === tomId);
    const tom = team.reps.find((r) => r.id === tomId)!;
    expect(tom.values.win_rate.value).toBeCloseTo(
      tomClosed.filter((d) => d.outcome === 'won').length / tomClosed.length,
      12,
    );
  });

  it('judges the workflow-scorecard targets against the team values', () => {
    const actionsTarget = team.targets.find((t) => t.metric === 'actions_on_time')!;
    const actions = team.figures.find((f) => f.key === 'actions_on_time')!;
    expect(actionsTarget.actual).toBe(actions.value);
    expect(actionsTarget.met).toBe(actions.value! >= actionsTarget.threshold);
    expect(actionsTarget.sentence).toBe('Team: Actions on time ≥ 80%');
    const checklist = team.targets.find((t) => t.metric === 'checklist_rate')!;
    expect(checklist.repsCounted).toBeGreaterThan(0);
    expect(checklist.actual).toBeCloseTo(checklist.repsMeeting! / checklist.repsCounted!, 12);
  });

  it('narrows to a team: only its reps, and its compliance is the heatmap’s for that team', () => {
    const north = teamScorecard(db, { kind: 'quarter', anchor: ANCHOR, teams: ['Team North'] }, NOW);
    expect(north.reps.map((r) => r.team)).toEqual(north.reps.map(() => 'Team North'));
    expect(north.reps.some((r) => r.name === 'Tom Becker')).toBe(true);
    expect(north.reps.some((r) => r.name === 'Jake Thompson')).toBe(false);
    const heatmap = complianceReport(db, {
      from: north.period.from,
      to: north.period.to,
      teams: ['Team North'],
    });
    expect(north.figures.find((f) => f.key === 'actions_on_time')!.value).toBeCloseTo(heatmap.team.rate!, 12);
  });
});

describe('rep scorecard on the demo workspace', () => {
  it('puts Tom Becker below the team median and Daniel Reyes above it, with percentiles', () => {
    const tom = repScorecard(db, { repId: repId('Tom Becker'), kind: 'quarter', anchor: ANCHOR }, NOW);
    const daniel = repScorecard(db, { repId: repId('Daniel Reyes'), kind: 'quarter', anchor: ANCHOR }, NOW);
    const tomActions = figure(tom.figures, 'actions_on_time');
    const danielActions = figure(daniel.figures, 'actions_on_time');
    expect(tomActions.benchmark).toBe(danielActions.benchmark);
    expect(tomActions.value!).toBeLessThan(tomActions.benchmark!);
    expect(danielActions.value!).toBeGreaterThan(danielActions.benchmark!);
    expect(tomActions.percentile).toBe(0);
    expect(danielActions.percentile).toBe(100);
    // Tom's proposals go without follow-up; his deals stall.
    expect(figure(tom.figures, 'demo_follow_up').value!).toBeLessThan(
      figure(daniel.figures, 'demo_follow_up').value!,
    );
    expect(figure(tom.figures, 'stall_rate').value!).toBeGreaterThan(
      figure(daniel.figures, 'stall_rate').value!,
    );
    expect(tom.composite.score!).toBeLessThan(daniel.composite.score!);
  });

  it('agrees with the team scorecard and with the previous quarter’s own scorecard', () => {
    const id = repId('Daniel Reyes');
    const rep = repScorecard(db, { repId: id, kind: 'quarter', anchor: ANCHOR }, NOW);
    const row = team.reps.find((r) => r.id === id)!;
    for (const f of rep.figures) {
      expect(f.value).toBe(row.values[f.key].value);
      expect(f.percentile).toBe(row.values[f.key].percentile);
    }
    expect(rep.composite.score).toBe(row.composite.score);
    const before = repScorecard(db, { repId: id, kind: 'quarter', anchor: '2026-08-15' }, NOW);
    for (const f of rep.figures) {
      const old = figure(before.figures, f.key);
      expect(f.previous).toBe(old.value);
      expect(f.delta).toBe(f.value === null || old.value === null ? null : f.value - old.value);
    }
    expect(rep.composite.previous).toBe(before.composite.score);
    expect(before.partial).toBe(false);
  });

  it('links compliance to the Execution drill-down and other figures to their evidence', () => {
    const id = repId('Tom Becker');
    const rep = repScorecard(db, { repId: id, kind: 'month', anchor: ANCHOR }, NOW);
    expect(rep.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    const actions = figure(rep.figures, 'actions_on_time');
    expect(actions.drill).toMatchObject({
      kind: 'execution',
      repId: id,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const deals = complianceDeals(db, { from: actions.drill.from, to: actions.drill.to, repId: id });
    const settled = deals.filter((d) => d.status !== 'pending');
    expect(settled.length).toBe(actions.sample);

    const criteria = figure(rep.figures, 'criteria_met');
    expect(criteria.drill.kind).toBe('evidence');
    const evidence = scorecardEvidence(db, {
      metric: 'criteria_met',
      repId: id,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(evidence.total).toBe(criteria.sample);
    expect(evidence.rows.filter((r) => r.tone === 'good').length / evidence.total).toBeCloseTo(
      criteria.value!,
      12,
    );
    expect(evidence.rows.every((r) => r.ownerName === 'Tom Becker')).toBe(true);

    for (const key of [
      'demo_follow_up',
      'stall_rate',
      'win_rate',
      'handoff_sla',
      'stage_conversion',
    ] as const) {
      const f = figure(rep.figures, key);
      const rows = scorecardEvidence(db, {
        metric: key,
        repId: id,
        from: '2026-11-01',
        to: '2026-11-30',
      }).rows;
      // A deal still in the stage counts against conversion without being bad: it is in the sample.
      const counted = key === 'stage_conversion' ? rows : rows.filter((r) => r.tone !== 'neutral');
      expect(counted.length, key).toBe(f.sample);
      if (f.value !== null)
        expect(
          counted.filter((r) => r.tone === (key === 'stall_rate' ? 'bad' : 'good')).length / counted.length,
          key,
        ).toBeCloseTo(f.value, 12);
    }
  });

  it('counts shadowing from the observations dated in the period', () => {
    const id = repId('Tom Becker');
    const latest = (
      db.prepare('SELECT max(observed_on) AS day FROM observations WHERE rep_id = ?').get(id) as {
        day: string;
      }
    ).day;
    const year = repScorecard(db, { repId: id, kind: 'quarter', anchor: latest }, NOW);
    const observations = db
      .prepare(
        `SELECT rubric FROM observations WHERE rep_id = ? AND deleted_at IS NULL AND observed_on >= ? AND observed_on <= ?`,
      )
      .all(id, year.period.from, year.period.to) as { rubric: string }[];
    const scores = observations.flatMap((o) =>
      (JSON.parse(o.rubric) as { score: number }[]).map((r) => r.score),
    );
    const rubric = figure(year.figures, 'rubric_average');
    expect(rubric.sample).toBe(observations.length);
    expect(year.shadowing.observations).toBe(observations.length);
    expect(scores.length).toBeGreaterThan(0);
    expect(rubric.value).toBeCloseTo(scores.reduce((s, v) => s + v, 0) / scores.length, 12);
    // The demo's sloppy rep looks weak to a coach: below the team median of the observed reps.
    expect(rubric.value!).toBeLessThan(rubric.benchmark!);
    expect(rubric.drill.kind).toBe('observations');
    const rows = scorecardEvidence(db, {
      metric: 'rubric_average',
      repId: id,
      from: year.period.from,
      to: year.period.to,
    }).rows;
    expect(rows).toHaveLength(observations.length);
    expect(rows.every((r) => r.ownerName === 'Tom Becker')).toBe(true);
  });

  it('refuses an unknown rep', () => {
    expect(() => repScorecard(db, { repId: 99_999, kind: 'month', anchor: ANCHOR }, NOW)).toThrow(
      /does not exist/,
    );
  });
});

describe('scorecard settings', () => {
  it('starts from the defaults, saves weights that change the composite, and keeps targets', () => {
    expect(readScorecardSettings(db)).toEqual(defaultScorecardSettings);
    const id = repId('Tom Becker');
    // Only win rate counts: the composite is then Tom's win-rate percentile.
    const onlyWinRate = Object.fromEntries(Object.keys(defaultScorecardSettings.weights).map((k) => [k, 0]));
    saveScorecardSettings(db, {
      ...defaultScorecardSettings,
      weights: { ...onlyWinRate, win_rate: 1 },
      targets: [{ scope: 'team', metric: 'win_rate', threshold: 0.2 }],
    });
    const rep = repScorecard(db, { repId: id, kind: 'quarter', anchor: ANCHOR }, NOW);
    expect(rep.composite.parts.map((p) => p.key)).toEqual(['win_rate']);
    expect(rep.composite.score).toBe(figure(rep.figures, 'win_rate').percentile);
    const narrowed = teamScorecard(db, { kind: 'quarter', anchor: ANCHOR }, NOW);
    expect(narrowed.targets.map((t) => t.sentence)).toEqual(['Team: Win rate ≥ 20%']);
    saveScorecardSettings(db, defaultScorecardSettings);
    expect(readScorecardSettings(db)).toEqual(defaultScorecardSettings);
  });

  it('goes through the API: settings read and validated saves', async () => {
    const engine = createEngine({ db, dbPath, clock: () => NOW });
    const read = await engine.call('scorecards:settings', {});
    expect(read).toEqual({ ok: true, value: defaultScorecardSettings });
    const bad = await engine.call('scorecards:saveSettings', { ...defaultScorecardSettings, minSample: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/minSample: the minimum sample is at least 1/);
    const wrongDate = await engine.call('scorecards:team', { kind: 'month', anchor: '2026-02-30' });
    expect(wrongDate.ok).toBe(false);
    if (!wrongDate.ok) expect(wrongDate.error.message).toMatch(/anchor: must be a real date/);
    const rep = await engine.call('scorecards:rep', {
      repId: repId('Daniel Reyes'),
      kind: 'month',
      anchor: ANCHOR,
    });
    expect(rep.ok).toBe(true);
  });
});
