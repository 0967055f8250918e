import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '@shared/api/envelope';
import { compareDurations, compareProportions, MIN_SAMPLE } from '@shared/experiments/stats';
import type {
  BottleneckCandidate,
  Experiment,
  ExperimentInput,
  ExperimentResults,
  ExperimentSummary,
  MetricResult,
} from '@shared/experiments/types';
import type { WorkflowVersion } from '@shared/domain/types';
import type { TeamScorecard } from '@shared/scorecards/types';
import type { Db } from '../../src/main/engine/db/open';
import { removeDemo } from '../../src/main/engine/demo/demoWorkspace';
import { createEngine, type Engine } from '../../src/main/engine/engine';
import { ensureEvaluated } from '../../src/main/engine/evaluation/queries';
import {
  activateWorkflowVersion,
  addWorkflowVersion,
  currentWorkflow,
} from '../../src/main/engine/queries/workflow';
import { testNow } from '../helpers/clock';
import { evaluatedDemoDb } from '../helpers/demoDb';

const NOW = testNow;
const DAY = 86_400_000;

let demo: ReturnType<typeof evaluatedDemoDb>;
let db: Db;
let engine: Engine;

beforeAll(() => {
  demo = evaluatedDemoDb(NOW);
  db = demo.db;
  engine = createEngine({ db, dbPath: demo.dbPath, clock: () => NOW });
});

afterAll(() => demo.close());

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = (await engine.call(method, input)) as ApiResult<T>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function failure(method: string, input: unknown): Promise<string> {
  const result = await engine.call(method, input);
  if (result.ok) throw new Error(`${method} was expected to fail`);
  return result.error.message;
}

function repId(key: string): number {
  return db
    .prepare("SELECT rep_id FROM rep_identities WHERE source = 'demo' AND external_id = ?")
    .pluck()
    .get(key) as number;
}

function plan(overrides: Partial<ExperimentInput> = {}): ExperimentInput {
  return {
    title: 'Test experiment',
    quarter: '2026-Q3',
    bottleneck: { stageKey: 'demo', metric: { kind: 'conversion', stageKey: 'demo' } },
    hypothesis: 'A recap the same day moves more demos on.',
    changeKind: 'required_action',
    changeDescription: 'Recap within 24 hours.',
    workflowVersionId: null,
    baselineVersionId: null,
    design: 'before_after',
    treatmentRepIds: [],
    controlRepIds: [],
    primaryMetric: { kind: 'conversion', stageKey: 'demo' },
    guardrails: [],
    startsOn: '2026-07-01',
    endsOn: '2026-09-30',
    status: 'concluded',
    ...overrides,
  };
}

const bounds = (from: string, to: string): [number, number] => [
  Date.parse(`${from}T00:00:00Z`),
  Date.parse(`${to}T00:00:00Z`) + DAY,
];

// Independent counts, straight from the evaluation tables, for the checks below.
function conversionCounts(stageKey: string, from: string, to: string, owners: number[] | null) {
  const version = currentWorkflow(db);
  const target = version.definition.stages.find((s) => s.key === stageKey)?.targetDays ?? 30;
  const [start, end] = bounds(from, to);
  const visits = db
    .prepare(
      `SELECT v.deal_id AS dealId, v.owner_id AS ownerId, v.fate, v.entered_at AS enteredAt, v.exited_at AS exitedAt,
              d.status FROM eval_visits v JOIN deals d ON d.id = v.deal_id
       WHERE v.workflow_version_id = ? AND v.stage_key = ? ORDER BY v.deal_id, v.visit_index`,
    )
    .all(version.id, stageKey) as {
    dealId: number;
    ownerId: number | null;
    fate: string | null;
    enteredAt: number;
    exitedAt: number | null;
    status: string;
  }[];
  const firstInWindow = new Map<number, (typeof visits)[number]>();
  for (const v of visits) {
    if (v.enteredAt < start || v.enteredAt >= end || firstInWindow.has(v.dealId)) continue;
    firstInWindow.set(v.dealId, v);
  }
  let n = 0;
  let x = 0;
  for (const v of firstInWindow.values()) {
    if (owners && (v.ownerId === null || !owners.includes(v.ownerId))) continue;
    const settled =
      v.fate !== null || v.exitedAt !== null || v.status !== 'open' || NOW - v.enteredAt > target * DAY;
    if (!settled) continue;
    n++;
    if (v.fate === 'next' || v.fate === 'skip') x++;
  }
  return { n, x };
}

function visitDays(stageKey: string, from: string, to: string, owners: number[] | null): number[] {
  const [start, end] = bounds(from, to);
  return (
    db
      .prepare(
        `SELECT owner_id AS ownerId, duration_ms AS ms FROM eval_visits
         WHERE workflow_version_id = ? AND stage_key = ? AND exited_at >= ? AND exited_at < ?`,
      )
      .all(currentWorkflow(db).id, stageKey, start, end) as { ownerId: number | null; ms: number }[]
  )
    .filter((r) => !owners || (r.ownerId !== null && owners.includes(r.ownerId)))
    .map((r) => r.ms / DAY);
}

function complianceCounts(stageKey: string, from: string, to: string) {
  const [start, end] = bounds(from, to);
  const statuses = db
    .prepare(
      `SELECT status FROM eval_actions WHERE workflow_version_id = ? AND stage_key = ? AND anchor_at >= ? AND anchor_at < ?`,
    )
    .pluck()
    .all(currentWorkflow(db).id, stageKey, start, end) as string[];
  return {
    n: statuses.filter((s) => s === 'on_time' || s === 'late' || s === 'missed').length,
    x: statuses.filter((s) => s === 'on_time').length,
  };
}

function winCounts(from: string, to: string) {
  const [start, end] = bounds(from, to);
  // Each deal's last entry into won or lost decides when and how it closed.
  const rows = db
    .prepare(
      `SELECT deal_id AS dealId, stage_key AS stageKey, entered_at AS at FROM stage_events
       WHERE stage_key IN ('won', 'lost') ORDER BY deal_id, entered_at, id`,
    )
    .all() as { dealId: number; stageKey: string; at: number }[];
  const last = new Map<number, { stageKey: string; at: number }>();
  for (const row of rows) last.set(row.dealId, row);
  const closed = [...last.values()].filter((r) => r.at >= start && r.at < end);
  return { n: closed.length, x: closed.filter((r) => r.stageKey === 'won').length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function expectVerdict(result: MetricResult): void {
  const ci = result.comparison!.ci95;
  const better = result.better === 'higher' ? ci[0] > 0 : ci[1] < 0;
  const worse = result.better === 'higher' ? ci[1] < 0 : ci[0] > 0;
  expect(result.verdict).toBe(better ? 'improved' : worse ? 'worse' : 'no_clear_change');
}

describe('experiments:save validation', () => {
  const cases: [string, Partial<ExperimentInput>, RegExp][] = [
    ['a quarter not like 2026-Q4', { quarter: '2026-5' }, /at quarter: must be a quarter like 2026-Q4/],
    ['an impossible date', { startsOn: '2026-02-30' }, /at startsOn: must be a real date/],
    [
      'an end before the start',
      { endsOn: '2026-06-30' },
      /at endsOn: endsOn \(2026-06-30\) must be on or after startsOn/,
    ],
    ['an empty title', { title: '  ' }, /at title: give the experiment a title/],
    [
      'treatment vs control without treatment reps',
      { design: 'treatment_control', treatmentRepIds: [], controlRepIds: [3] },
      /at treatmentRepIds: .*at least one treatment rep/,
    ],
    [
      'treatment vs control without control reps',
      { design: 'treatment_control', treatmentRepIds: [3], controlRepIds: [] },
      /at controlRepIds: .*at least one control rep/,
    ],
    [
      'a rep in both groups',
      { design: 'treatment_control', treatmentRepIds: [3, 4], controlRepIds: [4, 5] },
      /at controlRepIds: a rep cannot be in both groups: rep 4/,
    ],
    [
      'an unknown stage',
      { primaryMetric: { kind: 'conversion', stageKey: 'nowhere' } },
      /at primaryMetric\.stageKey: stage "nowhere" is not in the workflow/,
    ],
    [
      'an unknown action',
      { guardrails: [{ kind: 'compliance', stageKey: 'demo', actionKey: 'dance' }] },
      /at guardrails\.0\.actionKey: action "dance" is not a required action of stage "demo"/,
    ],
    [
      'a won stage as the bottleneck metric',
      { bottleneck: { stageKey: 'won', metric: { kind: 'time_in_stage', stageKey: 'won' } } },
      /at bottleneck\.metric\.stageKey: "won" is a won or lost stage/,
    ],
    [
      'an unknown workflow version',
      { workflowVersionId: 999 },
      /at workflowVersionId: workflow version 999 does not exist/,
    ],
    [
      'an unknown rep',
      { design: 'treatment_control', treatmentRepIds: [999], controlRepIds: [3] },
      /at treatmentRepIds: rep 999 does not exist/,
    ],
  ];
  it.each(cases)('refuses %s, naming the field', async (_name, overrides, message) => {
    expect(await failure('experiments:save', plan(overrides))).toMatch(message);
  });

  it('saves, reads back and updates an experiment', async () => {
    const saved = await call<Experiment>('experiments:save', plan({ guardrails: [{ kind: 'win_rate' }] }));
    expect(saved).toMatchObject({
      ...plan({ guardrails: [{ kind: 'win_rate' }] }),
      decision: null,
      createdAt: NOW,
    });
    const updated = await call<Experiment>('experiments:save', {
      ...plan({ title: 'Renamed' }),
      id: saved.id,
    });
    expect(updated).toMatchObject({ id: saved.id, title: 'Renamed', guardrails: [] });
    const { experiment } = await call<{ experiment: Experiment }>('experiments:get', { id: saved.id });
    expect(experiment.title).toBe('Renamed');
    expect(await failure('experiments:save', { ...plan(), id: 99_999 })).toMatch(
      /Experiment 99999 does not exist/,
    );
  });
});

describe('experiments:candidates', () => {
  let candidates: BottleneckCandidate[];
  beforeAll(async () => {
    candidates = await call<BottleneckCandidate[]>('experiments:candidates', {});
  });

  it('ranks candidates by score, each with a figure, its trend, a sample and a reason', () => {
    expect(candidates.length).toBeGreaterThan(3);
    for (let i = 1; i < candidates.length; i++) {
      expect(candidates[i - 1]!.score).toBeGreaterThanOrEqual(candidates[i]!.score);
    }
    for (const c of candidates) {
      expect(c.score).toBeGreaterThan(0);
      expect(c.sample).toBeGreaterThan(0);
      expect(c.current).not.toBeNull();
      expect(c.reason).toContain('2026-Q3');
    }
    const kinds = new Set(candidates.map((c) => c.metric.kind));
    expect(kinds).toEqual(new Set(['conversion', 'time_in_stage', 'compliance']));
  });

  it('measures the coming quarter on the last full one, the quarter before for the trend', () => {
    // Nov 27, 2026: the coming quarter is 2027-Q1, measured on 2026-Q3 against 2026-Q2.
    const demoConversion = candidates.find((c) => c.metric.kind === 'conversion' && c.stageKey === 'demo')!;
    const q3 = conversionCounts('demo', '2026-07-01', '2026-09-30', null);
    const q2 = conversionCounts('demo', '2026-04-01', '2026-06-30', null);
    expect(demoConversion.sample).toBe(q3.n);
    expect(demoConversion.current).toBeCloseTo(q3.x / q3.n, 10);
    expect(demoConversion.previous).toBeCloseTo(q2.x / q2.n, 10);
    expect(demoConversion.better).toBe('higher');
    expect(demoConversion.reason).toContain(`${q3.n - q3.x} of ${q3.n} deals that entered Demo`);
  });

  it('carries the compliance of the most-missed action of a stage', () => {
    const compliance = candidates.find((c) => c.metric.kind === 'compliance')!;
    const metric = compliance.metric as { kind: 'compliance'; stageKey: string; actionKey: string };
    const [start, end] = bounds('2026-07-01', '2026-09-30');
    const statuses = db
      .prepare(
        `SELECT status FROM eval_actions WHERE workflow_version_id = ? AND stage_key = ? AND action_key = ?
         AND anchor_at >= ? AND anchor_at < ?`,
      )
      .pluck()
      .all(currentWorkflow(db).id, metric.stageKey, metric.actionKey, start, end) as string[];
    const settled = statuses.filter((s) => s !== 'pending' && s !== 'not_due');
    expect(compliance.sample).toBe(settled.length);
    expect(compliance.current).toBeCloseTo(
      settled.filter((s) => s === 'on_time').length / settled.length,
      10,
    );
  });

  it('takes a quarter, and refuses one that is not a quarter', async () => {
    const later = await call<BottleneckCandidate[]>('experiments:candidates', { quarter: '2026-Q4' });
    expect(later[0]!.reason).toContain('2026-Q3');
    const earlier = await call<BottleneckCandidate[]>('experiments:candidates', { quarter: '2026-Q2' });
    expect(earlier[0]!.reason).toContain('2026-Q1');
    expect(await failure('experiments:candidates', { quarter: 'Q3' })).toMatch(
      /at quarter: must be a quarter/,
    );
  });
});

describe('experiments:get results', () => {
  it('before/after: every metric kind against the quarter before, matching the evaluation tables', async () => {
    const saved = await call<Experiment>(
      'experiments:save',
      plan({
        primaryMetric: { kind: 'conversion', stageKey: 'demo' },
        guardrails: [
          { kind: 'time_in_stage', stageKey: 'demo' },
          { kind: 'compliance', stageKey: 'demo' },
          { kind: 'win_rate' },
        ],
      }),
    );
    const { results } = await call<{ results: ExperimentResults }>('experiments:get', { id: saved.id });
    const [time, compliance, win] = results.guardrails as [MetricResult, MetricResult, MetricResult];
    const before = ['2026-04-01', '2026-06-30'] as const;
    const after = ['2026-07-01', '2026-09-30'] as const;

    const c0 = conversionCounts('demo', ...before, null);
    const c1 = conversionCounts('demo', ...after, null);
    expect(results.primary.baseline).toMatchObject({
      from: before[0],
      to: before[1],
      n: c0.n,
      successes: c0.x,
    });
    expect(results.primary.result).toMatchObject({ from: after[0], to: after[1], n: c1.n, successes: c1.x });
    expect(results.primary.comparison).toEqual(compareProportions(c0.x, c0.n, c1.x, c1.n));
    expect(results.primary.label).toBe('Demo → next stage conversion · workflow v1');
    expectVerdict(results.primary);

    const d0 = visitDays('demo', ...before, null);
    const d1 = visitDays('demo', ...after, null);
    expect(time.baseline.n).toBe(d0.length);
    expect(time.result.n).toBe(d1.length);
    expect(time.baseline.value).toBeCloseTo(median(d0), 10);
    expect(time.result.value).toBeCloseTo(median(d1), 10);
    expect(time.better).toBe('lower');
    expect(time.comparison).toEqual(compareDurations(d0, d1));
    expectVerdict(time);

    const a0 = complianceCounts('demo', ...before);
    const a1 = complianceCounts('demo', ...after);
    expect([compliance.baseline.n, compliance.baseline.successes]).toEqual([a0.n, a0.x]);
    expect([compliance.result.n, compliance.result.successes]).toEqual([a1.n, a1.x]);
    expectVerdict(compliance);

    const w0 = winCounts(...before);
    const w1 = winCounts(...after);
    expect([win.baseline.n, win.baseline.successes]).toEqual([w0.n, w0.x]);
    expect([win.result.n, win.result.successes]).toEqual([w1.n, w1.x]);
    expect(win.result.value).toBeCloseTo(w1.x / w1.n, 10);
    expectVerdict(win);
    expect(results.computedAt).toBe(NOW);
    expect(results.dataUpTo).toBeLessThanOrEqual(NOW);
  });

  it('treatment vs control: both groups in the same window, each on its own reps', async () => {
    // Part of the team on each side: the others' deals count on neither.
    const treatment = ['rep-03', 'rep-04'].map(repId);
    const control = ['rep-09'].map(repId);
    const saved = await call<Experiment>(
      'experiments:save',
      plan({
        design: 'treatment_control',
        treatmentRepIds: treatment,
        controlRepIds: control,
        primaryMetric: { kind: 'conversion', stageKey: 'proposal' },
        guardrails: [{ kind: 'time_in_stage', stageKey: 'proposal' }],
        startsOn: '2026-04-01',
        endsOn: '2026-09-30',
      }),
    );
    const { results } = await call<{ results: ExperimentResults }>('experiments:get', { id: saved.id });
    const t = conversionCounts('proposal', '2026-04-01', '2026-09-30', treatment);
    const c = conversionCounts('proposal', '2026-04-01', '2026-09-30', control);
    expect(results.primary.baseline).toMatchObject({
      n: c.n,
      successes: c.x,
      from: '2026-04-01',
      to: '2026-09-30',
    });
    expect(results.primary.result).toMatchObject({
      n: t.n,
      successes: t.x,
      from: '2026-04-01',
      to: '2026-09-30',
    });
    expect(results.primary.baseline.label).toMatch(/^Control: 1 rep, Apr 1 – Sep 30, 2026$/);
    expect(results.primary.result.label).toMatch(/^Treatment: 2 reps, Apr 1 – Sep 30, 2026$/);
    expect(t.n + c.n).toBeLessThan(conversionCounts('proposal', '2026-04-01', '2026-09-30', null).n);
    expect(results.primary.comparison).toEqual(compareProportions(c.x, c.n, t.x, t.n));
    const time = results.guardrails[0]!;
    const dt = visitDays('proposal', '2026-04-01', '2026-09-30', treatment);
    const dc = visitDays('proposal', '2026-04-01', '2026-09-30', control);
    expect([time.baseline.n, time.result.n]).toEqual([dc.length, dt.length]);
    expect(time.comparison).toEqual(compareDurations(dc, dt));
  });

  it('says how many more deals are needed instead of a verdict while data is short', async () => {
    // Starts tomorrow: the baseline is full, the result has nothing yet.
    const future = await call<Experiment>(
      'experiments:save',
      plan({ quarter: '2026-Q4', startsOn: '2026-11-28', endsOn: '2026-12-31', status: 'planned' }),
    );
    const { results } = await call<{ results: ExperimentResults }>('experiments:get', { id: future.id });
    expect(results.primary.baseline.n).toBeGreaterThanOrEqual(MIN_SAMPLE.proportions);
    expect(results.primary.result).toMatchObject({ n: 0, successes: 0, value: null });
    expect(results.primary).toMatchObject({
      verdict: 'not_enough_data',
      comparison: null,
      moreNeeded: MIN_SAMPLE.proportions,
      summary: `Not enough data yet — ${MIN_SAMPLE.proportions} more deals needed.`,
    });

    // One rep against one rep over a week: both sides short, the shortfalls add up.
    const week = await call<Experiment>(
      'experiments:save',
      plan({
        design: 'treatment_control',
        treatmentRepIds: [repId('rep-03')],
        controlRepIds: [repId('rep-09')],
        startsOn: '2026-09-01',
        endsOn: '2026-09-07',
      }),
    );
    const short = (await call<{ results: ExperimentResults }>('experiments:get', { id: week.id })).results
      .primary;
    const t = conversionCounts('demo', '2026-09-01', '2026-09-07', [repId('rep-03')]);
    const c = conversionCounts('demo', '2026-09-01', '2026-09-07', [repId('rep-09')]);
    const needed = MIN_SAMPLE.proportions - t.n + (MIN_SAMPLE.proportions - c.n);
    expect(short.verdict).toBe('not_enough_data');
    expect(short.moreNeeded).toBe(needed);
    expect(short.summary).toBe(`Not enough data yet — ${needed} more deals needed.`);
  });
});

describe('experiments:decide', () => {
  let v1: WorkflowVersion;
  let v2: WorkflowVersion;
  beforeAll(() => {
    v1 = currentWorkflow(db);
    const definition = structuredClone(v1.definition);
    definition.stages.find((s) => s.key === 'demo')!.targetDays = 10;
    v2 = addWorkflowVersion(db, definition, 'Demo target 10 days', NOW);
    ensureEvaluated(db, v2, NOW);
    // The team still runs v1 while the experiment runs.
    activateWorkflowVersion(db, v1.id);
  });

  it('refuses to adopt without a workflow version, and changes nothing', async () => {
    const saved = await call<Experiment>('experiments:save', plan());
    expect(await failure('experiments:decide', { id: saved.id, decision: 'adopt', note: '' })).toMatch(
      /no workflow version to adopt/,
    );
    const { experiment } = await call<{ experiment: Experiment }>('experiments:get', { id: saved.id });
    expect(experiment.decision).toBeNull();
  });

  it('adopt makes the version current; revert restores the baseline; both conclude the experiment', async () => {
    const saved = await call<Experiment>(
      'experiments:save',
      plan({ workflowVersionId: v2.id, baselineVersionId: v1.id, status: 'running' }),
    );
    // Measured under the version the experiment introduces, once it is evaluated.
    const { results } = await call<{ results: ExperimentResults }>('experiments:get', { id: saved.id });
    expect(results.primary.label).toContain(`workflow v${v2.version}`);

    const adopted = await call<Experiment>('experiments:decide', {
      id: saved.id,
      decision: 'adopt',
      note: 'Works: keep it.',
    });
    expect(adopted).toMatchObject({
      status: 'concluded',
      decision: 'adopt',
      decisionNote: 'Works: keep it.',
      decidedAt: NOW,
    });
    expect((await call<WorkflowVersion>('workflow:current', {})).id).toBe(v2.id);

    const reverted = await call<Experiment>('experiments:decide', {
      id: saved.id,
      decision: 'revert',
      note: '',
    });
    expect(reverted).toMatchObject({ status: 'concluded', decision: 'revert', decisionNote: null });
    expect((await call<WorkflowVersion>('workflow:current', {})).id).toBe(v1.id);

    const refined = await call<Experiment>('experiments:decide', {
      id: saved.id,
      decision: 'refine',
      note: 'Try 7 days.',
    });
    expect(refined.decision).toBe('refine');
    expect((await call<WorkflowVersion>('workflow:current', {})).id).toBe(v1.id);
  });
});

describe('experiments:list, delete, the demo and the scorecard', () => {
  it('lists every experiment with its primary result in a sentence', async () => {
    const list = await call<ExperimentSummary[]>('experiments:list', {});
    const titles = list.map((e) => e.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Demo recap within 24 hours',
        'Proposal follow-up sequence',
        'Discovery notes before the demo',
      ]),
    );
    for (const item of list) {
      const { results } = await call<{ results: ExperimentResults }>('experiments:get', { id: item.id });
      expect(item.summary).toBe(results.primary.summary);
      expect(item.verdict).toBe(results.primary.verdict);
      expect(item.primaryLabel).toBe(results.primary.label);
    }
    const running = list.find((e) => e.title === 'Proposal follow-up sequence')!;
    expect(running).toMatchObject({ quarter: '2026-Q4', status: 'running', design: 'treatment_control' });
    expect(running.treatmentRepIds).toHaveLength(4);
    const concluded = list.find((e) => e.title === 'Demo recap within 24 hours')!;
    expect(concluded).toMatchObject({ quarter: '2026-Q2', status: 'concluded', decision: 'refine' });
    expect(await call<ExperimentSummary[]>('experiments:list', { quarter: '2026-Q2' })).toEqual(
      list.filter((e) => e.quarter === '2026-Q2'),
    );
  });

  it("puts the period's experiments on the team scorecard", async () => {
    const team = await call<TeamScorecard>('scorecards:team', { kind: 'quarter', anchor: '2026-11-01' });
    const titles = team.experiments.map((e) => e.title);
    expect(titles).toContain('Proposal follow-up sequence');
    expect(titles).not.toContain('Demo recap within 24 hours');
    const running = team.experiments.find((e) => e.title === 'Proposal follow-up sequence')!;
    expect(running.summary.length).toBeGreaterThan(10);
    expect(running.primaryLabel).toMatch(/Proposal → next stage conversion/);
  });

  it('deletes an experiment', async () => {
    const saved = await call<Experiment>('experiments:save', plan({ title: 'To delete' }));
    expect(await call('experiments:delete', { id: saved.id })).toEqual({ id: saved.id, deleted: true });
    expect(await failure('experiments:get', { id: saved.id })).toMatch(/does not exist/);
    expect(await failure('experiments:delete', { id: saved.id })).toMatch(/does not exist/);
  });

  it("removing the demo deletes the demo's experiments and keeps the user's", async () => {
    const mine = await call<Experiment>('experiments:save', plan({ title: 'Mine' }));
    removeDemo(db);
    const left = db.prepare('SELECT title FROM experiments').pluck().all() as string[];
    expect(left).toContain('Mine');
    expect(left).not.toContain('Proposal follow-up sequence');
    expect(left).not.toContain('Demo recap within 24 hours');
    expect(db.prepare('SELECT 1 FROM experiments WHERE id = ?').get(mine.id)).toBeDefined();
  });
});
