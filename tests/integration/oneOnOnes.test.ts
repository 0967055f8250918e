import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/engine/db/open';
import { createEngine } from '../../src/main/engine/engine';
import { closedDealsBetween } from '../../src/main/engine/queries/metrics';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import { setSetting } from '../../src/main/engine/queries/workspace';
import { oneOnOnePrep, recordContext } from '../../src/main/engine/oneOnOnes/prep';
import { stalledAt } from '../../src/main/engine/oneOnOnes/repFigures';
import { GAP_WINDOW_DAYS } from '../../src/main/engine/oneOnOnes/prepGaps';
import type { ApiOutput } from '../../src/shared/api/contract';
import type { ApiMethod } from '../../src/shared/api/methods';
import { testNow, testToday } from '../helpers/clock';
import { evaluatedDemoDb } from '../helpers/demoDb';

const NOW = testNow;
const DAY = 86_400_000;
const TODAY = testToday;

let demo: ReturnType<typeof evaluatedDemoDb>;
let db: Db;

function repId(name: string): number {
  return (db.prepare('SELECT id FROM reps WHERE name = ?').get(name) as { id: number }).id;
}

/** The API as the app calls it, on this workspace, with the clock at `at`. */
async function call<M extends ApiMethod>(method: M, input: unknown, at = NOW): Promise<ApiOutput<M>> {
  const engine = createEngine({ db, dbPath: demo.dbPath, clock: () => at });
  const result = await engine.call(method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ApiOutput<M>;
}

async function refused(method: ApiMethod, input: unknown): Promise<{ code: string; message: string }> {
  const result = await createEngine({ db, dbPath: demo.dbPath, clock: () => NOW }).call(method, input);
  if (result.ok) throw new Error(`${method} was accepted`);
  return result.error;
}

beforeAll(() => {
  demo = evaluatedDemoDb(NOW);
  db = demo.db;
  setSetting(db, 'time_zone', 'UTC');
});

afterAll(() => demo?.close());

describe('the prep of a demo rep', () => {
  it('starts from the last one-on-one held, with its commitments to follow up', () => {
    const tom = repId('Tom Becker');
    const prep = oneOnOnePrep(db, { repId: tom, now: NOW });
    expect(prep.rep.name).toBe('Tom Becker');
    expect(prep.last?.heldOn).toBe('2026-11-19');
    expect(prep.changes).toMatchObject({
      since: '2026-11-19',
      sinceLastOneOnOne: true,
      thenSource: 'recomputed',
    });
    expect(prep.draft).toBeNull();
    const texts = prep.commitments.map((c) => `${c.status}: ${c.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        'open: Log discovery notes on every deal before moving it to Demo',
        'open: Close out or re-plan every deal stalled in Proposal',
        // Resolved since the last one-on-one (at it): still followed up.
        'not_met: Book the follow-up meeting within 24 h of every proposal',
      ]),
    );
    // Open first, resolved last.
    expect(prep.commitments.at(-1)!.status).toBe('not_met');
  });

  it('ranks gaps whose counts are the evaluation’s own, backed by the rep’s late and missed deals', () => {
    const tom = repId('Tom Becker');
    const prep = oneOnOnePrep(db, { repId: tom, now: NOW });
    expect(prep.gaps).toHaveLength(3);
    for (let i = 1; i < prep.gaps.length; i++)
      expect(prep.gaps[i - 1]!.impact).toBeGreaterThanOrEqual(prep.gaps[i]!.impact);
    const start = NOW - GAP_WINDOW_DAYS * DAY;
    for (const gap of prep.gaps) {
      expect(gap.rate).toBeLessThan(gap.teamRate);
      if (gap.kind !== 'action') continue;
      const counts = db
        .prepare(
          `SELECT sum(status = 'on_time') AS ok, count(*) AS total, sum(status IN ('late', 'missed')) AS bad FROM eval_actions
           WHERE owner_id = ? AND stage_key = ? AND action_key = ? AND anchor_at >= ? AND anchor_at < ? AND status <> 'pending'`,
        )
        .get(tom, gap.stageKey, gap.actionKey, start, NOW) as { ok: number; total: number; bad: number };
      expect({ ok: gap.ok, total: gap.total }).toEqual({ ok: counts.ok, total: counts.total });
      expect(gap.evidenceTotal).toBe(counts.bad);
      expect(gap.drill).toMatchObject({
        repId: tom,
        stageKey: gap.stageKey,
        actionKey: gap.actionKey,
        to: TODAY,
      });
      for (const e of gap.evidence) {
        const owner = (
          db.prepare('SELECT owner_id AS o FROM deals WHERE id = ?').get(e.dealId) as { o: number }
        ).o;
        expect(owner).toBe(tom);
        expect(['Late', 'Missed']).toContain(e.outcome);
      }
      expect(gap.suggestion.rule).toMatchObject({
        kind: 'action_on_time',
        stageKey: gap.stageKey,
        actionKey: gap.actionKey,
      });
    }
  });

  it('lists the rep’s open deals at risk, and what changed since the last one-on-one', () => {
    const tom = repId('Tom Becker');
    const prep = oneOnOnePrep(db, { repId: tom, now: NOW });
    expect(prep.risks.length).toBeGreaterThan(0);
    for (const deal of prep.risks) {
      const row = db.prepare('SELECT owner_id AS owner, status FROM deals WHERE id = ?').get(deal.dealId) as {
        owner: number;
        status: string;
      };
      expect(row).toEqual({ owner: tom, status: 'open' });
      for (const reason of deal.reasons)
        if (reason.kind === 'stalled') expect(reason.days).toBeGreaterThan(reason.targetDays);
    }
    const since = Date.parse('2026-11-19T00:00:00Z');
    const closed = closedDealsBetween(db, currentWorkflow(db).definition, since, NOW).filter(
      (d) => d.ownerId === tom,
    );
    expect(prep.changes.won.length + prep.changes.lost.length).toBe(closed.length);
    expect(prep.changes.lost.map((d) => d.dealId).sort()).toEqual(
      closed
        .filter((d) => d.outcome === 'lost')
        .map((d) => d.dealId)
        .sort(),
    );
    for (const stall of prep.changes.newStalls) expect(stall.stalledAt).toBeGreaterThanOrEqual(since);
    const broken = prep.changes.brokenRules.reduce((n, r) => n + r.total, 0);
    expect(broken).toBe(prep.changes.brokenTotal);
    expect(prep.suggestedTalkingPoints.length).toBeGreaterThan(2);
    expect(prep.suggestedTalkingPoints.some((p) => p.text.includes(prep.gaps[0]!.label))).toBe(true);
  });

  it('shows the observations logged since, with tag tones', () => {
    const mateo = repId('Mateo Rossi');
    const prep = oneOnOnePrep(db, { repId: mateo, now: NOW });
    expect(prep.changes.sinceLastOneOnOne).toBe(false);
    expect(prep.changes.thenSource).toBe('previous_period');
    const stored = db
      .prepare(
        'SELECT count(*) AS n FROM observations WHERE rep_id = ? AND deleted_at IS NULL AND observed_on >= ?',
      )
      .get(mateo, prep.changes.since) as { n: number };
    expect(prep.observations).toHaveLength(stored.n);
    for (const o of prep.observations) {
      expect(o.observedOn >= prep.changes.since).toBe(true);
      for (const tag of o.tags) expect(['positive', 'negative', 'neutral']).toContain(tag.tone);
    }
  });

  it('refuses a rep the workspace does not have', async () => {
    expect(await refused('oneOnOnes:prep', { repId: 9999 })).toMatchObject({ code: 'not_found' });
  });
});

describe('the record of a one-on-one', () => {
  it('saves notes and talking points to a draft, started on the first save', async () => {
    const tom = repId('Tom Becker');
    const saved = await call('oneOnOnes:saveDraft', { repId: tom, notes: 'Proposal follow-ups again.' });
    expect(saved).toMatchObject({
      status: 'draft',
      heldOn: TODAY,
      manager: 'Margaret Okafor',
      notes: 'Proposal follow-ups again.',
    });
    const again = await call('oneOnOnes:saveDraft', {
      repId: tom,
      talkingPoints: ['Follow-ups', 'Stalled proposals'],
    });
    expect(again.id).toBe(saved.id);
    expect(again).toMatchObject({
      notes: 'Proposal follow-ups again.',
      talkingPoints: ['Follow-ups', 'Stalled proposals'],
    });
    const prep = await call('oneOnOnes:prep', { repId: tom });
    expect(prep.draft?.notes).toBe('Proposal follow-ups again.');
    expect(await refused('oneOnOnes:saveDraft', { repId: tom, talkingPoints: ['  '] })).toMatchObject({
      code: 'invalid_input',
    });
  });

  it('adds commitments to the draft, checked against the workflow, and resolves them', async () => {
    const tom = repId('Tom Becker');
    const added = await call('commitments:add', {
      repId: tom,
      text: 'Discovery notes before every move to Demo',
      dueOn: '2026-12-18',
      rule: { kind: 'action_on_time', stageKey: 'discovery', actionKey: 'discovery_notes', minRate: 0.8 },
    });
    expect(added).toMatchObject({ status: 'open', dueOn: '2026-12-18', overdue: false });
    expect(added.ruleText).toBe('“Discovery notes logged before advancing” on time on at least 80% of deals');
    expect(added.check?.verdict).toBe('no_data');
    const prep = await call('oneOnOnes:prep', { repId: tom });
    expect(prep.draft?.commitments.map((c) => c.id)).toContain(added.id);
    // Made in the draft: not among last time's.
    expect(prep.commitments.map((c) => c.id)).not.toContain(added.id);

    expect(
      await refused('commitments:add', {
        repId: tom,
        text: 'Demo within a day',
        rule: { kind: 'action_on_time', stageKey: 'demo', actionKey: 'no_such_action', minRate: 0.8 },
      }),
    ).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('no required action') });
    expect(await refused('commitments:add', { repId: tom, text: '   ' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await refused('commitments:add', { repId: tom, text: 'x', dueOn: '2026-02-30' })).toMatchObject({
      code: 'invalid_input',
    });

    const open = prep.commitments.find((c) => c.text.startsWith('Close out or re-plan'))!;
    const met = await call('commitments:resolve', {
      id: open.id,
      status: 'met',
      note: 'Re-planned all of them.',
    });
    expect(met).toMatchObject({ status: 'met', resolvedAt: NOW, resolutionNote: 'Re-planned all of them.' });
    const reopened = await call('commitments:resolve', { id: open.id, status: 'open' });
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null, resolutionNote: null });
    await call('commitments:resolve', { id: open.id, status: 'met', note: 'Re-planned all of them.' });

    expect(await refused('commitments:remove', { id: open.id })).toMatchObject({ code: 'invalid_input' });
    const extra = await call('commitments:add', { repId: tom, text: 'Typo commitment' });
    expect(await call('commitments:remove', { id: extra.id })).toEqual({ removed: extra.id });
    expect(await refused('commitments:resolve', { id: extra.id, status: 'met' })).toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses to mark a one-on-one held in the future or before the last one', async () => {
    const tom = repId('Tom Becker');
    expect(await refused('oneOnOnes:hold', { repId: tom, heldOn: '2026-11-28' })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('in the future'),
    });
    expect(await refused('oneOnOnes:hold', { repId: tom, heldOn: '2026-11-18' })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('2026-11-19'),
    });
  });

  it('marks it held with the figures of the day, and the next prep starts from it', async () => {
    const tom = repId('Tom Becker');
    const draft = (await call('oneOnOnes:prep', { repId: tom })).draft!;
    const held = await call('oneOnOnes:hold', { repId: tom });
    expect(held).toMatchObject({
      id: draft.id,
      status: 'held',
      heldOn: TODAY,
      periodFrom: '2026-11-19',
      periodTo: TODAY,
      notes: 'Proposal follow-ups again.',
      talkingPoints: ['Follow-ups', 'Stalled proposals'],
    });
    const snapshot = JSON.parse(
      (db.prepare('SELECT snapshot FROM one_on_ones WHERE id = ?').get(held.id) as { snapshot: string })
        .snapshot,
    ) as {
      figures: { compliance: { total: number } };
      scorecard: { period: string; values: Record<string, unknown> };
    };
    expect(snapshot.figures.compliance.total).toBeGreaterThan(0);
    expect(snapshot.scorecard.period).toBe('Nov 2026');
    expect(snapshot.scorecard.values).toHaveProperty('actions_on_time');

    const next = await call('oneOnOnes:prep', { repId: tom });
    expect(next.last?.id).toBe(held.id);
    expect(next.draft).toBeNull();
    expect(next.changes).toMatchObject({ since: TODAY, thenSource: 'snapshot' });
    expect(next.lastScorecard).toEqual(snapshot.scorecard);
    // The commitments made in it are now last time's; the one met in it is still listed as met.
    const texts = next.commitments.map((c) => `${c.status}: ${c.text}`);
    expect(texts).toContain('open: Discovery notes before every move to Demo');
    expect(texts).toContain('met: Close out or re-plan every deal stalled in Proposal');
    const history = await call('oneOnOnes:history', { repId: tom });
    expect(history[0]).toMatchObject({ id: held.id, notes: 'Proposal follow-ups again.' });
    expect(history.map((h) => h.heldOn)).toEqual(['2026-11-27', '2026-11-19', '2026-10-22']);
    const picker = await call('oneOnOnes:list', {});
    expect(picker.find((r) => r.id === tom)).toMatchObject({ lastHeldOn: TODAY, draftUpdatedAt: null });
  });

  it('keeps the suggested talking points when the manager saved none', async () => {
    const amara = repId('Amara Nwosu');
    const prep = await call('oneOnOnes:prep', { repId: amara });
    const held = await call('oneOnOnes:hold', { repId: amara });
    expect(held.talkingPoints).toEqual(prep.suggestedTalkingPoints.map((p) => p.text));
    expect(held.talkingPoints.length).toBeGreaterThan(0);
  });
});

describe('commitment rules checked against the data', () => {
  it('measures an action rule over the commitment’s window, and judges it once due', async () => {
    const jake = repId('Jake Thompson');
    const made = NOW - 40 * DAY;
    const rule = {
      kind: 'action_on_time',
      stageKey: 'proposal',
      actionKey: 'proposal_follow_up',
      minRate: 0.8,
    } as const;
    const added = await call(
      'commitments:add',
      { repId: jake, text: 'Book every proposal follow-up in 24 h', dueOn: '2026-11-20', rule },
      made,
    );
    const measured = await call('commitments:resolve', { id: added.id, status: 'open' });
    const due = Date.parse('2026-11-21T00:00:00Z');
    const direct = db
      .prepare(
        `SELECT sum(status = 'on_time') AS ok, count(*) AS total FROM eval_actions
         WHERE owner_id = ? AND stage_key = 'proposal' AND action_key = 'proposal_follow_up' AND status <> 'pending'
           AND coalesce(due_at, done_at, anchor_at) >= ? AND coalesce(due_at, done_at, anchor_at) < ?`,
      )
      .get(jake, made, due) as { ok: number; total: number };
    expect(direct.total).toBeGreaterThan(0);
    expect(measured.check).toMatchObject({ ok: direct.ok, total: direct.total });
    expect(measured.check!.verdict).toBe(direct.ok / direct.total >= 0.8 ? 'met' : 'not_met');
    expect(measured.overdue).toBe(true);
  });

  it('names the deals stalled for a "no stalled deals" rule, and says behind while it runs', async () => {
    const jake = repId('Jake Thompson');
    const added = await call('commitments:add', {
      repId: jake,
      text: 'Nothing stuck in Proposal',
      dueOn: '2026-12-20',
      rule: { kind: 'no_stalled_deals', stageKey: 'proposal' },
    });
    const stalled = stalledAt(db, recordContext(db, NOW).lookup, jake, NOW, 'proposal');
    expect(added.check!.deals.map((d) => d.dealId)).toEqual(stalled.map((s) => s.dealId));
    expect(added.check!.verdict).toBe(stalled.length === 0 ? 'on_track' : 'behind');
    const prep = await call('oneOnOnes:prep', { repId: jake });
    const atRisk = prep.risks.filter(
      (r) => r.stageKey === 'proposal' && r.reasons.some((x) => x.kind === 'stalled'),
    );
    expect(atRisk.map((r) => r.dealId).sort()).toEqual(stalled.map((s) => s.dealId).sort());
  });

  it('attaches and removes a rule on an existing commitment', async () => {
    const daniel = repId('Daniel Reyes');
    const prep = await call('oneOnOnes:prep', { repId: daniel });
    const workshop = prep.commitments.find((c) => c.text.includes('discovery workshop'))!;
    expect(workshop.rule).toBeNull();
    const checked = await call('commitments:setRule', {
      id: workshop.id,
      rule: { kind: 'compliance', minRate: 0.9 },
    });
    expect(checked.check?.target).toBe(0.9);
    expect(checked.ruleText).toBe('At least 90% of required actions on time');
    const cleared = await call('commitments:setRule', { id: workshop.id, rule: null });
    expect(cleared).toMatchObject({ rule: null, check: null });
  });
});

describe('the ramp of new hires', () => {
  it('follows Amara and Mateo month by month, against the hires before them', async () => {
    const ramp = await call('ramp:report', { months: 6 });
    const names = ramp.hires.map((h) => h.name);
    expect(names).toEqual(expect.arrayContaining(['Amara Nwosu', 'Mateo Rossi']));
    const amara = ramp.hires.find((h) => h.name === 'Amara Nwosu')!;
    const mateo = ramp.hires.find((h) => h.name === 'Mateo Rossi')!;
    expect(amara.months.map((m) => m.index)).toEqual([0, 1, 2, 3, 4]);
    expect(mateo.months.map((m) => m.index)).toEqual([0, 1, 2]);
    expect(amara.months.at(-1)!.complete).toBe(false);
    // Every settled action of Amara's since her start lands in one of her months.
    const start = Date.parse(`${amara.startDate}T00:00:00Z`);
    const settled = db
      .prepare(
        `SELECT count(*) AS n FROM eval_actions WHERE owner_id = ? AND anchor_at >= ? AND status <> 'pending'`,
      )
      .get(amara.repId, start) as { n: number };
    expect(amara.months.reduce((n, m) => n + m.compliance.total, 0)).toBe(settled.n);
    // Nobody before Amara has data from their own first months; Mateo is compared with Amara.
    expect(amara.earlierHires).toEqual([]);
    expect(mateo.earlierHires.map((h) => h.name)).toEqual(['Amara Nwosu']);
    for (const point of mateo.earlierCurve) {
      const hers = amara.months[point.index]!.compliance;
      expect(point.compliance.median).toBe(hers.total >= 3 ? hers.rate : null);
    }
    const tenured = ramp.tenured.find((t) => t.role === 'AE')!;
    expect(tenured.reps).toBe(5);
    expect(tenured.compliance).toBeGreaterThan(0);
  });

  it('reads the window from its input and refuses one out of range', async () => {
    const three = await call('ramp:report', { months: 3 });
    expect(three.hires.map((h) => h.name)).toEqual(['Mateo Rossi']);
    expect(three.hires[0]!.earlierHires.map((h) => h.name)).toEqual(['Amara Nwosu']);
    expect(await refused('ramp:report', { months: 0 })).toMatchObject({ code: 'invalid_input' });
  });
});

describe('commitments from a deleted observation', () => {
  it('leave the prep and the open count while deleted, and come back with the observation', async () => {
    const zoe = repId('Zoë Müller');
    const openCount = async (): Promise<number> =>
      (await call('oneOnOnes:list', {})).find((r) => r.id === zoe)!.openCommitments;
    const before = await openCount();
    const saved = await call('observations:save', {
      coach: 'Hannah Brooks',
      repId: zoe,
      dealId: null,
      stageKey: null,
      observedOn: '2026-11-25',
      checklist: [],
      rubric: [],
      tags: [],
      notes: '',
      commitments: [{ text: 'Send the recap within a day of every demo', dueOn: '2026-12-10' }],
    });
    const text = 'Send the recap within a day of every demo';
    const listed = (): string[] => oneOnOnePrep(db, { repId: zoe, now: NOW }).commitments.map((c) => c.text);
    expect(listed()).toContain(text);
    expect(await openCount()).toBe(before + 1);

    await call('observations:delete', { id: saved.id });
    expect(listed()).not.toContain(text);
    expect(await openCount()).toBe(before);

    await call('observations:restore', { id: saved.id });
    expect(listed()).toContain(text);
    expect(await openCount()).toBe(before + 1);
  });
});
