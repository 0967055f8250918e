import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '@shared/api/envelope';
import type { EngineEvent } from '@shared/api/events';
import { type ObservationDraft, criterionKey, defaultRubric } from '@shared/coaching/observation';
import type { ObservationDetail, ObservationPage } from '@shared/coaching/observationViews';
import {
  deleteObservation,
  getObservation,
  listObservations,
  restoreObservation,
  saveObservation,
} from '../../src/main/engine/coaching/observations';
import { discardDraft, getDraft, saveDraft } from '../../src/main/engine/coaching/observationsDrafts';
import {
  getRubric,
  getTagConfig,
  observationOptions,
  saveObservationSettings,
} from '../../src/main/engine/coaching/observationsSettings';
import { dealStageOnDate, observationSummary } from '../../src/main/engine/coaching/observationsSummary';
import { migrate } from '../../src/main/engine/db/migrate';
import { type Db, openDatabase } from '../../src/main/engine/db/open';
import { loadDemo } from '../../src/main/engine/demo/demoWorkspace';
import { createEngine } from '../../src/main/engine/engine';
import { EngineError } from '../../src/main/engine/errors';
import { runImport } from '../../src/main/engine/import/pipeline';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import {
  ensureWorkspaceDefaults,
  setSetting,
  workspaceCounts,
} from '../../src/main/engine/queries/workspace';
import { testNow } from '../helpers/clock';
import { tempFolder } from '../helpers/workspace';

const NOW = testNow;
const fixture = join(__dirname, '../fixtures/import/observations/observations.csv');

let db: Db;
let dbPath: string;
let remove: () => void;

beforeAll(() => {
  const folder = tempFolder();
  dbPath = folder.dbPath;
  remove = folder.remove;
  db = openDatabase(dbPath, { role: 'writer' });
  migrate(db, dbPath, NOW);
  ensureWorkspaceDefaults(db, NOW);
  setSetting(db, 'time_zone', 'UTC');
  loadDemo(db, NOW);
});

afterAll(() => {
  db.close();
  remove();
});

const workflow = () => currentWorkflow(db).definition;
const context = () => ({ now: NOW, timeZone: 'UTC', workflow: workflow() });
const one = <T>(sql: string, ...params: unknown[]): T => db.prepare(sql).get(...params) as T;

/** A demo rep and one of their deals, with the stage it was in on a day. */
function repAndDeal(): { repId: number; dealId: number } {
  return one(
    `SELECT d.owner_id AS repId, d.id AS dealId FROM deals d
     WHERE d.owner_id IS NOT NULL AND d.status = 'open' ORDER BY d.id LIMIT 1`,
  );
}

function input(overrides: Record<string, unknown> = {}) {
  const { repId, dealId } = repAndDeal();
  return {
    coach: 'Priya Shah',
    repId,
    dealId,
    stageKey: 'demo',
    observedOn: '2026-11-27',
    checklist: [
      { key: 'demo_held', state: 'done' as const },
      { key: 'demo_recap', state: 'partial' as const },
      { key: 'stakeholders', state: 'skipped' as const },
    ],
    rubric: [
      { criterion: 'discovery_questions', score: 4 },
      { criterion: 'crm_hygiene', score: 2 },
    ],
    tags: ['outdated deck', 'Shared screen too early'],
    notes: 'Used the 2024 deck.',
    commitments: [
      { text: 'Use the current deck', dueOn: '2026-11-27' },
      { text: 'Send the recap within 24 h', dueOn: null },
    ],
    ...overrides,
  };
}

function engineError(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}

const draftBody = (notes: string): ObservationDraft => ({
  coach: 'Priya Shah',
  repId: null,
  dealId: null,
  dealName: null,
  stageKey: null,
  stageTouched: false,
  observedOn: '2026-11-20',
  checklist: [],
  rubric: [],
  tags: [],
  notes,
  commitments: [],
});

describe('observations on the demo workspace', () => {
  it('lists the demo’s 20 observations, newest first, with their figures', () => {
    const page = listObservations(db, {}, workflow());
    expect(page.total).toBe(20);
    expect(page.rows).toHaveLength(20);
    const dates = page.rows.map((r) => r.observedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const row of page.rows) {
      expect(row.repName).not.toBe('');
      expect(row.dealName).not.toBeNull();
      expect(row.stageName).toMatch(/^(Discovery|Demo|Proposal|Negotiation)$/);
      expect(row.rubricScored).toBe(5);
      expect(row.rubricAverage).toBeGreaterThanOrEqual(1);
      expect(row.tags.length).toBeGreaterThan(0);
    }
    const marks = page.rows.reduce(
      (n, r) => n + r.checklist.done + r.checklist.partial + r.checklist.skipped + r.checklist.na,
      0,
    );
    const { summary } = page;
    expect(
      summary.checklist.done + summary.checklist.partial + summary.checklist.skipped + summary.checklist.na,
    ).toBe(marks);
    expect(summary.reps).toBe(new Set(page.rows.map((r) => r.repId)).size);
    expect(summary.tags[0]!.count).toBeGreaterThanOrEqual(summary.tags.at(-1)!.count);
  });

  it('filters by coach, rep, stage, tag and date, and pages', () => {
    const all = listObservations(db, {}, workflow()).rows;
    const first = all[0]!;
    const byRep = listObservations(db, { repIds: [first.repId] }, workflow());
    expect(byRep.total).toBe(all.filter((r) => r.repId === first.repId).length);
    expect(byRep.rows.every((r) => r.repId === first.repId)).toBe(true);

    const byCoach = listObservations(db, { coaches: [first.coach.toUpperCase()] }, workflow());
    expect(byCoach.total).toBe(all.filter((r) => r.coach === first.coach).length);

    const byStage = listObservations(db, { stageKeys: [first.stageKey!] }, workflow());
    expect(byStage.total).toBe(all.filter((r) => r.stageKey === first.stageKey).length);

    const tag = first.tags[0]!;
    const byTag = listObservations(db, { tags: [tag.toUpperCase()] }, workflow());
    expect(byTag.total).toBe(
      all.filter((r) => r.tags.some((t) => t.toLowerCase() === tag.toLowerCase())).length,
    );
    expect(byTag.total).toBeLessThan(all.length);

    const middle = all[10]!.observedOn;
    const since = listObservations(db, { from: middle }, workflow());
    expect(since.total).toBe(all.filter((r) => r.observedOn >= middle).length);
    const until = listObservations(db, { to: middle }, workflow());
    expect(until.total).toBe(all.filter((r) => r.observedOn <= middle).length);

    const page2 = listObservations(db, { offset: 5, limit: 5 }, workflow());
    expect(page2.total).toBe(20);
    expect(page2.rows.map((r) => r.id)).toEqual(all.slice(5, 10).map((r) => r.id));
  });

  it('summarizes per rep for a scorecard, matching the stored rows', () => {
    const summary = observationSummary(db, { from: '2000-01-01', to: '2026-12-31' });
    const stored = db
      .prepare('SELECT rep_id AS repId, rubric FROM observations WHERE deleted_at IS NULL')
      .all() as { repId: number; rubric: string }[];
    expect(summary.reps.reduce((n, r) => n + r.observations, 0)).toBe(stored.length);
    for (const rep of summary.reps) {
      const scores = stored
        .filter((s) => s.repId === rep.repId)
        .flatMap((s) => JSON.parse(s.rubric) as { criterion: string; score: number }[]);
      expect(rep.observations).toBe(stored.filter((s) => s.repId === rep.repId).length);
      expect(rep.rubricAverage).toBeCloseTo(scores.reduce((a, s) => a + s.score, 0) / scores.length, 10);
      // The demo's criteria are labels; they meet the default rubric's keys.
      expect(rep.rubric.map((c) => c.key)).toEqual(defaultRubric.criteria.map((c) => c.key));
      const hygiene = scores.filter((s) => criterionKey(s.criterion) === 'crm_hygiene');
      expect(rep.rubric.find((c) => c.key === 'crm_hygiene')).toMatchObject({
        label: 'CRM hygiene',
        scored: hygiene.length,
      });
      const c = rep.checklist;
      expect(c.judged).toBe(c.done + c.partial + c.skipped);
      if (c.judged > 0) expect(c.doneRate! + c.partialRate! + c.skippedRate!).toBeCloseTo(1, 10);
    }

    const rep = summary.reps[0]!;
    const only = observationSummary(db, { repId: rep.repId, from: '2000-01-01', to: '2026-12-31' });
    expect(only.reps).toEqual([rep]);
    expect(observationSummary(db, { from: '2000-01-01', to: '2000-12-31' }).reps).toEqual([]);
    expect(
      engineError(() => observationSummary(db, { from: '2026-02-01', to: '2026-01-01' })).message,
    ).toMatch(/^to: /);
  });

  it('says where a deal was on a day, from its stage history', () => {
    const deal = one<{ id: number }>(
      `SELECT deal_id AS id FROM stage_events GROUP BY deal_id HAVING count(DISTINCT stage_key) >= 3 LIMIT 1`,
    );
    const events = db
      .prepare('SELECT stage_key, entered_at FROM stage_events WHERE deal_id = ? ORDER BY entered_at, id')
      .all(deal.id) as { stage_key: string; entered_at: number }[];
    const second = events[1]!;
    const day = new Date(second.entered_at).toISOString().slice(0, 10);
    const onDay = dealStageOnDate(db, deal.id, day, workflow(), 'UTC');
    const expected = events.filter((e) => e.entered_at < Date.parse(`${day}T00:00:00Z`) + 86_400_000).at(-1)!;
    expect(onDay.stageKey).toBe(expected.stage_key);
    expect(onDay.stageName).toBe(workflow().stages.find((s) => s.key === expected.stage_key)!.name);
    expect(dealStageOnDate(db, deal.id, '1999-01-01', workflow(), 'UTC')).toMatchObject({
      stageKey: null,
      enteredAt: null,
    });
    expect(engineError(() => dealStageOnDate(db, 999_999, day, workflow(), 'UTC')).code).toBe('not_found');
  });

  it('offers reps, coaches seen, configured then seen tags, the rubric and stages with checklists', () => {
    const options = observationOptions(db, workflow());
    expect(options.reps.length).toBe(one<{ n: number }>('SELECT count(*) AS n FROM reps').n);
    expect(options.coaches).toContain('Hannah Brooks');
    expect(options.tags.slice(0, 2).map((t) => t.tag)).toEqual(['great discovery', 'strong recap email']);
    expect(options.tags.every((t) => t.configured)).toBe(true);
    expect(options.tags.reduce((n, t) => n + t.uses, 0)).toBeGreaterThan(0);
    expect(options.rubric).toEqual(defaultRubric);
    expect(options.stages.at(-1)!.terminal).toBe(true);
    expect(options.stages.find((s) => s.key === 'discovery')!.checklist.map((i) => i.key)).toContain(
      'pain_point',
    );
  });
});

describe('saving an observation', () => {
  let saved: ObservationDetail;

  it('stores the observation and its commitments, drops the new-observation draft, learns new tags', () => {
    saveDraft(db, null, draftBody('half typed'), NOW);
    saved = saveObservation(db, input(), context());
    expect(saved).toMatchObject({
      coach: 'Priya Shah',
      stageKey: 'demo',
      stageName: 'Demo',
      observedOn: '2026-11-27',
      source: 'app',
      tags: ['outdated deck', 'Shared screen too early'],
      createdAt: NOW,
    });
    expect(saved.commitments.map((c) => [c.text, c.dueOn, c.status])).toEqual([
      ['Use the current deck', '2026-11-27', 'open'],
      ['Send the recap within 24 h', null, 'open'],
    ]);
    const stored = db.prepare('SELECT rep_id FROM commitments WHERE observation_id = ?').all(saved.id);
    expect(stored).toEqual([{ rep_id: saved.repId }, { rep_id: saved.repId }]);
    expect(getDraft(db, null)).toBeNull();
    expect(getTagConfig(db).at(-1)).toEqual({ tag: 'Shared screen too early', tone: 'neutral' });
    expect(listObservations(db, {}, workflow()).rows[0]!.id).toBe(saved.id);
  });

  it('edits it: commitments changed, added and removed, the edit’s draft dropped', () => {
    saveDraft(db, saved.id, { ...draftBody('editing'), repId: saved.repId }, NOW);
    const [keep, drop] = saved.commitments;
    const edited = saveObservation(
      db,
      input({
        id: saved.id,
        notes: 'Corrected notes',
        commitments: [
          { id: keep!.id, text: 'Use the current deck, every demo', dueOn: '2026-12-01' },
          { text: 'Book the next meeting on the call', dueOn: '2026-12-04' },
        ],
      }),
      { ...context(), now: NOW + 1000 },
    );
    expect(edited.id).toBe(saved.id);
    expect(edited.notes).toBe('Corrected notes');
    expect(edited.updatedAt).toBe(NOW + 1000);
    expect(edited.createdAt).toBe(NOW);
    expect(edited.commitments.map((c) => [c.text, c.dueOn])).toEqual([
      ['Use the current deck, every demo', '2026-12-01'],
      ['Book the next meeting on the call', '2026-12-04'],
    ]);
    expect(edited.commitments[0]!.id).toBe(keep!.id);
    // The removed commitment is gone (its id may be reused by the added one).
    expect(
      db.prepare('SELECT text FROM commitments WHERE observation_id = ?').pluck().all(saved.id),
    ).not.toContain(drop!.text);
    expect(getDraft(db, saved.id)).toBeNull();
    saved = edited;
  });

  it('writes nothing when any part of the save fails, commitments included', () => {
    const before = {
      observations: one('SELECT count(*) AS n FROM observations'),
      commitments: one('SELECT count(*) AS n FROM commitments'),
      row: one('SELECT notes, updated_at FROM observations WHERE id = ?', saved.id),
    };
    saveDraft(db, null, draftBody('keep me'), NOW);
    db.exec(`CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON commitments WHEN NEW.text = 'boom'
             BEGIN SELECT RAISE(ABORT, 'commitment refused'); END`);
    try {
      const commitments = [
        { text: 'fine', dueOn: null },
        { text: 'boom', dueOn: null },
      ];
      expect(() => saveObservation(db, input({ commitments }), context())).toThrow('commitment refused');
      expect(() =>
        saveObservation(db, input({ id: saved.id, notes: 'lost edit', commitments }), context()),
      ).toThrow('commitment refused');
    } finally {
      db.exec('DROP TRIGGER temp.refuse_boom');
    }
    expect(one('SELECT count(*) AS n FROM observations')).toEqual(before.observations);
    expect(one('SELECT count(*) AS n FROM commitments')).toEqual(before.commitments);
    expect(one('SELECT notes, updated_at FROM observations WHERE id = ?', saved.id)).toEqual(before.row);
    expect(getDraft(db, null)!.body.notes).toBe('keep me');
    discardDraft(db, null);
  });

  it('refuses references that do not exist, naming the field', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ repId: 999_999 }, /^repId: there is no rep 999999/],
      [{ dealId: 999_999 }, /^dealId: there is no deal 999999/],
      [{ stageKey: 'pitch' }, /^stageKey: "pitch" is not a stage of the current workflow/],
      [{ observedOn: '2026-11-28' }, /^observedOn: 2026-11-28 is in the future/],
      [{ commitments: [{ text: 'Too early', dueOn: '2026-11-19' }] }, /^commitments\.0\.dueOn: /],
      [{ id: saved.id, commitments: [{ id: 1, text: 'Not mine', dueOn: null }] }, /^commitments\.0\.id: /],
    ];
    const count = one('SELECT count(*) AS n FROM observations');
    for (const [overrides, message] of cases) {
      const error = engineError(() => saveObservation(db, input(overrides), context()));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(message);
    }
    expect(one('SELECT count(*) AS n FROM observations')).toEqual(count);
    expect(engineError(() => saveObservation(db, input({ id: 999_999 }), context())).code).toBe('not_found');
  });

  it('keeps an imported stage the workflow does not know when the observation is edited', () => {
    db.prepare("UPDATE observations SET stage_key = 'legacy_stage' WHERE id = ?").run(saved.id);
    const edited = saveObservation(db, input({ id: saved.id, stageKey: 'legacy_stage' }), context());
    expect(edited.stageKey).toBe('legacy_stage');
    expect(edited.stageName).toBe('legacy_stage');
    saved = edited;
    expect(
      engineError(() => saveObservation(db, input({ stageKey: 'legacy_stage' }), context())).message,
    ).toMatch(/^stageKey: /);
  });

  it('deletes softly and restores exactly, commitments included', () => {
    const count = workspaceCounts(db).observations;
    const commitments = one('SELECT count(*) AS n FROM commitments WHERE observation_id = ?', saved.id);
    saveDraft(db, saved.id, { ...draftBody('x'), repId: saved.repId }, NOW);

    expect(deleteObservation(db, saved.id, NOW + 5)).toEqual({ id: saved.id, deletedAt: NOW + 5 });
    expect(deleteObservation(db, saved.id, NOW + 9)).toEqual({ id: saved.id, deletedAt: NOW + 5 });
    expect(workspaceCounts(db).observations).toBe(count - 1);
    expect(listObservations(db, {}, workflow()).rows.some((r) => r.id === saved.id)).toBe(false);
    const observedThatDay = (): number =>
      observationSummary(db, { repId: saved.repId, from: '2026-11-27', to: '2026-11-27' }).reps[0]
        ?.observations ?? 0;
    const restoredCount = observedThatDay() + 1;
    expect(engineError(() => getObservation(db, saved.id, workflow())).message).toMatch(/was deleted/);
    expect(engineError(() => saveObservation(db, input({ id: saved.id }), context())).code).toBe('not_found');
    expect(getDraft(db, saved.id)).toBeNull();
    expect(one('SELECT count(*) AS n FROM commitments WHERE observation_id = ?', saved.id)).toEqual(
      commitments,
    );

    const restored = restoreObservation(db, saved.id, workflow());
    expect(restored).toEqual(saved);
    expect(workspaceCounts(db).observations).toBe(count);
    expect(observedThatDay()).toBe(restoredCount);
    expect(engineError(() => deleteObservation(db, 999_999, NOW)).code).toBe('not_found');
  });
});

describe('drafts', () => {
  it('keeps one draft per observation and one for a new observation, replaced as the coach types', () => {
    expect(getDraft(db, null)).toBeNull();
    saveDraft(db, null, draftBody('first'), NOW);
    saveDraft(db, null, draftBody('second'), NOW + 500);
    expect(getDraft(db, null)).toEqual({
      observationId: null,
      body: draftBody('second'),
      updatedAt: NOW + 500,
    });
    expect(one('SELECT count(*) AS n FROM observation_drafts WHERE observation_id IS NULL')).toEqual({
      n: 1,
    });

    const id = listObservations(db, { limit: 1 }, workflow()).rows[0]!.id;
    saveDraft(db, id, draftBody('edit a'), NOW);
    saveDraft(db, id, draftBody('edit b'), NOW + 1);
    expect(getDraft(db, id)!.body.notes).toBe('edit b');
    expect(getDraft(db, null)!.body.notes).toBe('second');

    expect(discardDraft(db, id)).toEqual({ discarded: true });
    expect(discardDraft(db, id)).toEqual({ discarded: false });
    expect(getDraft(db, null)!.body.notes).toBe('second');
    expect(discardDraft(db, null)).toEqual({ discarded: true });
    expect(engineError(() => saveDraft(db, 999_999, draftBody('x'), NOW)).code).toBe('not_found');
  });

  it('survives closing the connection without a save, as after a crash', () => {
    saveDraft(db, null, draftBody('typed before the crash'), NOW);
    const reader = openDatabase(dbPath, { role: 'reader' });
    try {
      expect(getDraft(reader, null)!.body.notes).toBe('typed before the crash');
    } finally {
      reader.close();
    }
    discardDraft(db, null);
  });

  it('ignores a stored draft that is no draft', () => {
    db.prepare(
      'INSERT INTO observation_drafts (observation_id, body, updated_at) VALUES (NULL, \'{"x":1}\', 1)',
    ).run();
    expect(getDraft(db, null)).toBeNull();
    discardDraft(db, null);
  });
});

describe('rubric and tag settings', () => {
  it('saves the workspace’s own rubric and tags, and falls back to the defaults on a bad setting', () => {
    const rubric = { criteria: [{ ...defaultRubric.criteria[0]!, label: 'Discovery depth' }] };
    saveObservationSettings(db, { rubric, tags: [{ tag: 'great discovery', tone: 'positive' }] });
    expect(getRubric(db)).toEqual(rubric);
    const options = observationOptions(db, workflow());
    expect(options.tags[0]).toMatchObject({ tag: 'great discovery', configured: true });
    // Tags still on observations stay offered, after the configured ones.
    expect(options.tags.slice(1).every((t) => !t.configured && t.uses > 0)).toBe(true);
    const summary = observationSummary(db, { from: '2000-01-01', to: '2026-12-31' });
    expect(summary.reps[0]!.rubric[0]).toMatchObject({
      key: 'discovery_questions',
      label: 'Discovery depth',
    });

    setSetting(db, 'coaching_rubric', '{"criteria": []}');
    setSetting(db, 'observation_tags', 'not json');
    expect(getRubric(db)).toEqual(defaultRubric);
    expect(getTagConfig(db).length).toBeGreaterThan(5);
  });
});

describe('observations imported from a coaching sheet', () => {
  it('show up in the list and the summary like the app’s own', async () => {
    const result = await runImport(
      db,
      { paths: [fixture] },
      { now: NOW, timeZone: 'UTC', workflow: workflow() },
      'apply',
    );
    expect('batchId' in result).toBe(true);
    const sheet = listObservations(db, { from: '2026-09-01', to: '2026-10-31' }, workflow()).rows.filter(
      (r) => r.source === 'sheet',
    );
    expect(sheet.map((r) => r.observedOn)).toEqual(['2026-10-02', '2026-09-18', '2026-09-04']);
    const first = sheet.find((r) => r.observedOn === '2026-09-04')!;
    expect(first).toMatchObject({ coach: 'Maria Lopez', stageKey: 'discovery', stageName: 'Discovery' });
    expect(first.checklist).toEqual({ done: 2, partial: 1, skipped: 1, na: 0 });
    expect(first.rubricAverage).toBe(4);
    expect(first.tags).toEqual(['custom email written from scratch', 'outdated deck']);

    const detail = getObservation(db, first.id, workflow());
    expect(detail.rubric.map((s) => criterionKey(s.criterion))).toEqual([
      'discovery_questions',
      'active_listening',
      'next_step_control',
    ]);
    const summary = observationSummary(db, { repId: first.repId, from: '2026-09-04', to: '2026-09-04' });
    expect(summary.reps[0]!.rubric.map((c) => [c.label, c.average])).toEqual([
      ['Discovery questions', 4],
      ['Active listening', 3],
      ['Next-step control', 5],
    ]);
    // Editing an imported observation keeps its own checklist marks and scores.
    const edited = saveObservation(
      db,
      { ...detail, dealId: detail.dealId, commitments: [], rubric: detail.rubric },
      context(),
    );
    expect(edited.checklist).toEqual(detail.checklist);
    expect(edited.source).toBe('sheet');
  });
});

describe('the observations API', () => {
  it('validates at the edge, saves through the writer and tells the UI, drafts without telling it', async () => {
    const events: EngineEvent[] = [];
    const engine = createEngine({ db, dbPath, clock: () => NOW, emit: (e) => events.push(e) });
    const bad = (await engine.call('observations:save', input({ coach: ' ' }))) as ApiResult<unknown>;
    expect(bad).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Invalid input for observations:save at coach: name the coach',
      },
    });
    const saved = (await engine.call('observations:save', input())) as { ok: true; value: ObservationDetail };
    expect(saved.ok).toBe(true);
    expect(events).toEqual([{ type: 'changed', what: ['observations'] }]);

    await engine.call('observations:saveDraft', { observationId: null, body: draftBody('typing') });
    expect(events).toHaveLength(1);
    const draft = (await engine.call('observations:draft', { observationId: null })) as {
      ok: true;
      value: { body: ObservationDraft };
    };
    expect(draft.value.body.notes).toBe('typing');

    const deleted = await engine.call('observations:delete', { id: saved.value.id });
    expect(deleted).toEqual({ ok: true, value: { id: saved.value.id, deletedAt: NOW } });
    const list = (await engine.call('observations:list', { repIds: [saved.value.repId] })) as {
      ok: true;
      value: ObservationPage;
    };
    expect(list.value.rows.some((r) => r.id === saved.value.id)).toBe(false);
    const restored = await engine.call('observations:restore', { id: saved.value.id });
    expect(restored.ok).toBe(true);
    expect(events.filter((e) => e.type === 'changed')).toHaveLength(3);
  });
});
