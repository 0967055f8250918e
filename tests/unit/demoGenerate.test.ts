import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateDemo } from '../../src/main/engine/demo/generateDemo';
import type { DemoDeal } from '../../src/main/engine/demo/demoTypes';
import { defaultWorkflow } from '../../src/shared/workflow/defaultWorkflow';
import { type StageVisit, toStageVisits } from '../../src/shared/workflow/stageVisits';

const NOW = Date.UTC(2025, 5, 11, 15, 30);
const DAY = 86_400_000;
const HOUR = 3_600_000;
const demo = generateDemo(DEMO_SEED, NOW, defaultWorkflow);
const terminal = (key: string | null): boolean => key === 'won' || key === 'lost';
const openOrder = ['lead', 'discovery', 'demo', 'proposal', 'negotiation'];

function visitsOf(deal: DemoDeal): StageVisit[] {
  const events = deal.history.map((e, id) => ({
    id,
    sourceStage: e.sourceStage,
    stageKey: e.stageKey,
    enteredAt: e.enteredAt,
  }));
  return toStageVisits(events, NOW, terminal);
}

function winRate(deals: readonly DemoDeal[]): number {
  const won = deals.filter((d) => d.status === 'won').length;
  const lost = deals.filter((d) => d.status === 'lost').length;
  return won / (won + lost);
}

/** The default workflow's activity rules, applied the way an importer would apply them. */
function classify(rawType: string, subject: string): string | null {
  for (const rule of defaultWorkflow.activityRules) {
    if (rule.rawTypes.length > 0 && !rule.rawTypes.includes(rawType.toLowerCase())) continue;
    if (rule.subjectPattern && !new RegExp(rule.subjectPattern, 'i').test(subject)) continue;
    return rule.type;
  }
  return null;
}

describe('generateDemo', () => {
  it('is deterministic for a seed and a now', () => {
    expect(generateDemo(DEMO_SEED, NOW, defaultWorkflow)).toEqual(demo);
    expect(generateDemo(DEMO_SEED + 1, NOW, defaultWorkflow).deals[0]).not.toEqual(demo.deals[0]);
  });

  it('produces a workspace of the promised size', () => {
    expect(demo.reps.length).toBeGreaterThanOrEqual(10);
    expect(demo.reps.length).toBeLessThanOrEqual(14);
    expect(demo.deals.length).toBeGreaterThanOrEqual(1300);
    expect(demo.deals.length).toBeLessThanOrEqual(1700);
    const activities = demo.deals.reduce((n, d) => n + d.activities.length, 0);
    expect(activities / demo.deals.length).toBeGreaterThanOrEqual(15);
    expect(activities / demo.deals.length).toBeLessThanOrEqual(25);
    expect(demo.observations.length).toBeGreaterThanOrEqual(15);
    expect(demo.observations.length).toBeLessThanOrEqual(25);
    expect(demo.oneOnOnes.length).toBeGreaterThanOrEqual(2);
    expect(demo.commitments.some((c) => c.status === 'open')).toBe(true);
    expect(demo.commitments.some((c) => c.status === 'met')).toBe(true);
  });

  it('has a realistic roster: two teams, managers, roles, diverse names and recent hires', () => {
    const roles = demo.reps.map((r) => r.role);
    expect(roles.filter((r) => r === 'Manager')).toHaveLength(2);
    expect(roles.filter((r) => r === 'SDR')).toHaveLength(2);
    expect(roles.filter((r) => r === 'SE')).toHaveLength(1);
    expect(roles.filter((r) => r === 'CS')).toHaveLength(1);
    expect(new Set(demo.reps.map((r) => r.team))).toEqual(new Set(['Team North', 'Team South']));
    expect(demo.reps.some((r) => /[À-ÿ]/.test(r.name))).toBe(true);
    expect(demo.reps.some((r) => /\p{Script=Han}/u.test(r.name))).toBe(true);
    const recent = demo.reps.filter((r) => Date.parse(r.startDate) > NOW - 160 * DAY);
    expect(recent).toHaveLength(2);
    const keys = new Set(demo.reps.map((r) => r.key));
    for (const rep of demo.reps) if (rep.managerKey) expect(keys.has(rep.managerKey)).toBe(true);
  });

  it('keeps every deal consistent with its stage history', () => {
    for (const deal of demo.deals) {
      const times = deal.history.map((e) => e.enteredAt);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(deal.createdAt).toBeLessThanOrEqual(times[0] ?? -1);
      expect(times.every((t) => Number.isInteger(t) && t <= NOW)).toBe(true);
      expect(deal.history.every((e) => e.stageKey !== null)).toBe(true);
      const visits = visitsOf(deal);
      const last = visits.at(-1);
      expect(last?.stageKey).toBe(deal.stageKey);
      expect(last?.sourceStage).toBe(deal.sourceStage);
      expect(last?.enteredAt).toBe(deal.stageEnteredAt);
      // A terminal stage is entered once and ends the history.
      expect(visits.slice(0, -1).some((v) => terminal(v.stageKey))).toBe(false);
      if (deal.status === 'open') {
        expect(terminal(deal.stageKey)).toBe(false);
        expect(deal.closedAt).toBeNull();
        expect(deal.lostReason).toBeNull();
      } else {
        expect(deal.stageKey).toBe(deal.status);
        expect(deal.closedAt).toBe(last?.enteredAt);
        expect(deal.closeDate).toBe(new Date(deal.closedAt ?? 0).toISOString().slice(0, 10));
        if (deal.status === 'lost')
          expect(['Price', 'No decision', 'Competitor', 'Timing', 'No budget']).toContain(deal.lostReason);
        else expect(deal.lostReason).toBeNull();
      }
      expect(deal.amount).toBeGreaterThanOrEqual(5_000);
      expect(deal.amount).toBeLessThanOrEqual(250_000);
    }
  });

  it('writes Salesforce stage labels that the workflow maps', () => {
    const labels = new Set(demo.deals.flatMap((d) => d.history.map((e) => `${e.sourceStage}→${e.stageKey}`)));
    expect(labels).toEqual(
      new Set([
        'Prospecting→lead',
        'Qualification→discovery',
        'Value Proposition→demo',
        'Proposal/Price Quote→proposal',
        'Negotiation/Review→negotiation',
        'Closed Won→won',
        'Closed Lost→lost',
      ]),
    );
  });

  it('has skipped stages, re-entries, repeated-stage rows, stalls and losses at every stage', () => {
    let skips = 0;
    let reentries = 0;
    let repeats = 0;
    const lostFrom = new Set<string>();
    for (const deal of demo.deals) {
      const visits = visitsOf(deal);
      repeats += deal.history.length - visits.length;
      if (visits.some((v) => v.visitNumber > 1)) reentries += 1;
      for (let i = 1; i < visits.length; i++) {
        const from = openOrder.indexOf(visits[i - 1]?.stageKey ?? '');
        const to = openOrder.indexOf(visits[i]?.stageKey ?? '');
        if (to >= 0 && from >= 0 && to - from > 1) skips += 1;
      }
      if (deal.status === 'lost') lostFrom.add(visits.at(-2)?.stageKey ?? '');
    }
    expect(skips).toBeGreaterThan(30);
    expect(reentries).toBeGreaterThan(20);
    expect(repeats).toBeGreaterThan(200);
    expect(lostFrom).toEqual(new Set(openOrder));
    const target = new Map(defaultWorkflow.stages.map((s) => [s.key, s.targetDays ?? Infinity]));
    const stalled = demo.deals.filter(
      (d) =>
        d.status === 'open' && NOW - d.stageEnteredAt > 2 * (target.get(d.stageKey ?? '') ?? Infinity) * DAY,
    );
    expect(stalled.length).toBeGreaterThan(10);
    expect(new Set(demo.deals.filter((d) => d.status === 'lost').map((d) => d.lostReason)).size).toBe(5);
  });

  it('keeps open deals mostly recent', () => {
    const open = demo.deals.filter((d) => d.status === 'open');
    expect(open.length).toBeGreaterThan(50);
    const recent = open.filter((d) => d.createdAt > NOW - 90 * DAY);
    expect(recent.length / open.length).toBeGreaterThan(0.8);
  });

  it('writes activities a CRM would: typed by the workflow rules, inside the deal, with unique ids', () => {
    const ids = new Set<string>();
    for (const deal of demo.deals) {
      const contacts = new Set(deal.activities.map((a) => a.contact).filter((c) => c !== null));
      expect(contacts.size).toBeLessThanOrEqual(4);
      for (const a of deal.activities) {
        expect(classify(a.rawType, a.subject)).toBe(a.type);
        expect(a.occurredAt).toBeGreaterThanOrEqual(deal.createdAt);
        expect(a.occurredAt).toBeLessThanOrEqual(NOW);
        if (deal.status === 'lost') expect(a.occurredAt).toBeLessThanOrEqual(deal.closedAt ?? 0);
        ids.add(a.externalId);
      }
    }
    const all = demo.deals.flatMap((d) => d.activities);
    expect(ids.size).toBe(all.length);
    const types = new Set(all.map((a) => a.type));
    for (const t of [
      'call',
      'email',
      'meeting',
      'demo',
      'discovery_call',
      'proposal_sent',
      'contract_sent',
      'note',
      'kickoff',
      'task',
    ]) {
      expect(types).toContain(t);
    }
    expect(new Set(demo.deals.map((d) => d.externalId)).size).toBe(demo.deals.length);
    const rows = demo.deals.flatMap((d) => d.history.map((e) => e.sourceRow));
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('makes the top performer measurably better than the sloppy rep', () => {
    const of = (name: string): DemoDeal[] => {
      const key = demo.reps.find((r) => r.name === name)?.key;
      return demo.deals.filter((d) => d.ownerKey === key);
    };
    const top = of('Daniel Reyes');
    const sloppy = of('Tom Becker');
    expect(winRate(top) - winRate(sloppy)).toBeGreaterThan(0.15);
    const medianCycle = (deals: DemoDeal[]): number => {
      const days = deals
        .filter((d) => d.status === 'won')
        .map((d) => ((d.closedAt ?? 0) - d.createdAt) / DAY);
      return days.sort((a, b) => a - b)[Math.floor(days.length / 2)] ?? Infinity;
    };
    expect(medianCycle(top)).toBeLessThan(medianCycle(sloppy));
  });

  it('puts a success-pattern signal in the data: a demo recap within 24 h goes with more wins', () => {
    const withRecap: DemoDeal[] = [];
    const without: DemoDeal[] = [];
    for (const deal of demo.deals) {
      if (deal.status === 'open') continue;
      const demoAt = deal.activities.find((a) => a.type === 'demo')?.occurredAt;
      if (demoAt === undefined) continue;
      const recap = deal.activities.some(
        (a) =>
          a.type === 'email' &&
          a.repKey === deal.ownerKey &&
          a.occurredAt >= demoAt &&
          a.occurredAt <= demoAt + 24 * HOUR,
      );
      (recap ? withRecap : without).push(deal);
    }
    expect(withRecap.length).toBeGreaterThan(100);
    expect(without.length).toBeGreaterThan(100);
    expect(winRate(withRecap) - winRate(without)).toBeGreaterThan(0.1);
  });

  it('shows quarter-end bulk moves for one rep', () => {
    const counts = new Map<string, number>();
    for (const deal of demo.deals) {
      for (const e of deal.history) {
        const k = `${deal.ownerKey}@${e.enteredAt}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    const bulk = [...counts.entries()].filter(([, n]) => n >= 10).map(([k]) => k.split('@')[0]);
    expect(new Set(bulk).size).toBe(1);
    expect(bulk.length).toBeGreaterThanOrEqual(2);
  });

  it('records observations with valid checklists, rubric scores and tags', () => {
    const dealIds = new Set(demo.deals.map((d) => d.externalId));
    for (const o of demo.observations) {
      expect(o.dealExternalId === null || dealIds.has(o.dealExternalId)).toBe(true);
      expect(o.observedOn <= new Date(NOW).toISOString().slice(0, 10)).toBe(true);
      for (const item of o.checklist) expect(['done', 'partial', 'skipped', 'na']).toContain(item.state);
      for (const r of o.rubric) expect(r.score >= 1 && r.score <= 5 && Number.isInteger(r.score)).toBe(true);
      expect(o.tags.length).toBeGreaterThan(0);
    }
    for (const c of demo.commitments)
      if (c.resolvedAt !== null) expect(c.resolvedAt).toBeLessThanOrEqual(NOW);
  });
});
