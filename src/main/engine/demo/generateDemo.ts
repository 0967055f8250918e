import type { WorkflowDefinition } from '@shared/workflow/definition';
import { type DraftActivity, dealActivities } from './dealActivities';
import { type Flow, type SimHistory, type SimVisit, buildFlow, simulateHistory } from './dealHistory';
import { coachingRecords } from './demoCoaching';
import { type Habit, type Habits, type RosterEntry, habitChance, roster, skillAt } from './demoRoster';
import { DAY, MINUTE, isWeekend, isoDate, quarterStart, startOfDay } from './demoTime';
import type { DemoDeal, DemoRep, DemoStageEvent, DemoWorkspace } from './demoTypes';
import {
  accountName,
  expansionProducts,
  leadSources,
  newBusinessProducts,
  nextSteps,
  painPoints,
  personas,
  stakeholders,
  useCases,
} from './demoWords';
import { type Rng, createRng } from './prng';

/** The seed the app uses, so every user sees the same demo story. */
export const DEMO_SEED = 20_250_611;

/** About how many deals the demo holds, whatever `now` is. */
const TARGET_DEALS = 1500;

/** A generated deal together with what the generator knew about it (for coaching records). */
export type SimDeal = { deal: DemoDeal; owner: RosterEntry; habits: Habits; visits: SimVisit[] };

const habitKeys: readonly Habit[] = [
  'fastCall',
  'intro',
  'handoffTouch',
  'discoveryCall',
  'discoveryNotes',
  'fields',
  'seFast',
  'recap',
  'nextStep',
  'proposalOnTime',
  'proposalFollowUp',
  'multiThread',
];

function repStart(entry: RosterEntry, now: number): number {
  return startOfDay(now - entry.startDaysAgo * DAY);
}

function toDemoRep(entry: RosterEntry, now: number): DemoRep {
  return {
    key: entry.key,
    name: entry.name,
    email: entry.email,
    role: entry.role,
    team: entry.team,
    managerKey: entry.managerKey,
    startDate: isoDate(repStart(entry, now)),
  };
}

function onlyRole(role: RosterEntry['role'], team?: string): RosterEntry {
  const entry = roster.find((r) => r.role === role && (team === undefined || r.team === team));
  if (!entry) throw new Error(`The demo roster has no ${role}`);
  return entry;
}

/** A new hire gets half a share of deals in the first month while still onboarding. */
function dealWeight(entry: RosterEntry, day: number, now: number): number {
  const start = repStart(entry, now);
  if (day < start) return 0;
  return entry.profile.ramp && day - start < 30 * DAY
    ? entry.profile.dealWeight / 2
    : entry.profile.dealWeight;
}

type DraftDeal = Omit<DemoDeal, 'externalId' | 'history' | 'activities'> & {
  sim: SimHistory;
  drafts: DraftActivity[];
  owner: RosterEntry;
  habits: Habits;
};

type DealContext = {
  rng: Rng;
  flow: Flow;
  now: number;
  quarterEnds: number[];
  wonAccounts: { account: string; closedAt: number }[];
};

function draftDeal(ctx: DealContext, owner: RosterEntry, createdAt: number): DraftDeal {
  const { rng, flow, now } = ctx;
  const profile = owner.profile;
  const earlierWins = ctx.wonAccounts.filter((w) => w.closedAt < createdAt);
  const isExpansion = earlierWins.length > 0 && rng.chance(0.12);
  const account = isExpansion ? rng.pick(earlierWins).account : accountName(rng);
  const product = rng.pick(isExpansion ? expansionProducts : newBusinessProducts);
  // Expansions and some AE-sourced deals start past the lead stage: they were never a cold lead.
  const startIndex = Math.min(flow.open.length - 1, isExpansion || rng.chance(0.15) ? 1 : 0);
  const sdr = startIndex === 0 && rng.chance(profile.sdrShare) ? onlyRole('SDR', owner.team) : null;
  const se = onlyRole('SE');

  const habits = {} as Habits;
  for (const habit of habitKeys) {
    const who = (habit === 'fastCall' || habit === 'intro') && sdr ? sdr : habit === 'seFast' ? se : owner;
    habits[habit] = rng.chance(habitChance(who, habit, createdAt, now));
  }
  const contacts = stakeholders(rng, habits.multiThread ? rng.int(2, 4) : rng.int(1, 2));
  const listAmount =
    Math.round(
      Math.min(
        250_000,
        Math.max(5_000, rng.logNormal(Math.log(isExpansion ? 12_000 : 22_000), isExpansion ? 0.8 : 0.95)),
      ) / 100,
    ) * 100;

  const sim = simulateHistory(rng, flow, {
    createdAt,
    now,
    startIndex,
    profile,
    habits,
    skill: skillAt(owner, createdAt, now),
    quarterEnds: profile.quarterEndBulk ? ctx.quarterEnds : [],
  });
  const current = sim.visits.at(-1);
  if (!current) throw new Error('a deal without history');

  const reached = Math.max(...sim.visits.map((v) => flow.open.indexOf(v.stage)));
  const fields: Record<string, string | number> = {
    lead_source: isExpansion ? 'Customer expansion' : rng.pick(leadSources),
  };
  const fill = (): boolean => rng.chance(habits.fields ? 0.95 : 0.3);
  if (reached >= 1) {
    if (fill()) fields.pain_point = rng.pick(painPoints);
    if (fill()) fields.persona = rng.pick(personas);
    if (fill()) fields.next_step = rng.pick(nextSteps);
  }
  if (reached >= 2 && fill()) fields.use_case = rng.pick(useCases);

  let amount = listAmount;
  if (sim.status === 'won') {
    const discount = sim.bulkClosed ? rng.int(15, 35) : rng.chance(0.3) ? rng.int(3, 12) : 0;
    if (discount > 0) {
      amount = Math.max(5_000, Math.round((listAmount * (1 - discount / 100)) / 100) * 100);
      fields.discount_pct = discount;
      fields.list_amount = listAmount;
    }
    if (sim.bulkClosed) {
      // The quarter-end discount is an amount edit: a repeat of the stage, written just before the close.
      const closeIndex = sim.events.findIndex((e) => !e.repeat && e.stage === flow.won);
      const before = sim.visits.at(-2);
      if (closeIndex > 0 && before)
        sim.events.splice(closeIndex, 0, { stage: before.stage, at: sim.closedAt ?? 0, repeat: true });
    }
  }

  const stalled = sim.status === 'open' && now - current.enteredAt > current.stage.targetDays * 2 * DAY;
  const closeDate =
    sim.closedAt !== null
      ? isoDate(sim.closedAt)
      : stalled && rng.chance(0.5)
        ? isoDate(current.enteredAt + current.stage.targetDays * DAY)
        : isoDate(now + rng.int(7, 75) * DAY);

  const drafts = dealActivities(
    {
      rng,
      flow,
      now,
      createdAt,
      account,
      ownerKey: owner.key,
      sdrKey: sdr?.key ?? null,
      seKey: se.key,
      csKey: onlyRole('CS').key,
      contacts,
      habits,
      csOnTime: rng.chance(0.8),
      status: sim.status,
      closedAt: sim.closedAt,
    },
    sim.visits,
  );

  if (sim.status === 'won' && !isExpansion)
    ctx.wonAccounts.push({ account, closedAt: sim.closedAt ?? createdAt });
  return {
    name: `${account} — ${product}`,
    account,
    ownerKey: owner.key,
    amount,
    currency: 'USD',
    pipeline: isExpansion ? 'Expansion' : 'New Business',
    createdAt,
    closeDate,
    closedAt: sim.closedAt,
    status: sim.status,
    stageKey: current.stage.stageKey,
    sourceStage: current.stage.label,
    stageEnteredAt: current.enteredAt,
    lostReason: sim.lostReason,
    customFields: fields,
    sim,
    drafts,
    owner,
    habits,
  };
}

/**
 * Generates the whole demo workspace as plain records: the roster, about 1,500 deals created over
 * the last four full quarters and the current one, their Salesforce-style stage history and CRM
 * activities, and coaching records. Pure and deterministic for a given seed, `now` and workflow.
 */
export function generateDemo(seed: number, now: number, workflow: WorkflowDefinition): DemoWorkspace {
  const rng = createRng(seed);
  const flow = buildFlow(workflow);
  const periodStart = quarterStart(now, -4);
  const quarterEnds = [-3, -2, -1, 0, 1].map((offset) => quarterStart(now, offset));
  const sellers = roster.filter((r) => r.role === 'AE');

  const days: number[] = [];
  for (let day = periodStart; day < now; day += DAY) if (!isWeekend(day)) days.push(day);
  const capacity = days.reduce(
    (sum, day) => sum + sellers.reduce((s, r) => s + dealWeight(r, day, now), 0),
    0,
  );
  const perWeight = capacity > 0 ? TARGET_DEALS / capacity : 0;

  const ctx: DealContext = { rng, flow, now, quarterEnds, wonAccounts: [] };
  const drafts: DraftDeal[] = [];
  for (const day of days) {
    for (const owner of sellers) {
      const count = rng.poisson(perWeight * dealWeight(owner, day, now));
      for (let n = 0; n < count; n++) {
        // Created during the working day in the Americas (13:00–22:00 UTC).
        const createdAt = day + rng.int(13 * 60, 22 * 60 - 1) * MINUTE + rng.int(0, 59) * 1000;
        if (createdAt < now) drafts.push(draftDeal(ctx, owner, createdAt));
      }
    }
  }
  drafts.sort((a, b) => a.createdAt - b.createdAt);

  let eventNumber = 0;
  let activityNumber = 0;
  const sims: SimDeal[] = drafts.map((draft, index) => {
    const { sim, drafts: activityDrafts, owner, habits, ...rest } = draft;
    const history: DemoStageEvent[] = sim.events.map((event) => {
      eventNumber += 1;
      return {
        sourceStage: event.stage.label,
        stageKey: event.stage.stageKey,
        enteredAt: event.at,
        externalId: `SH-${String(eventNumber).padStart(6, '0')}`,
        sourceRow: `demo:${eventNumber}`,
      };
    });
    const activities = activityDrafts.map((a) => {
      activityNumber += 1;
      return { ...a, externalId: `ACT-${String(activityNumber).padStart(6, '0')}` };
    });
    const deal: DemoDeal = { ...rest, externalId: `D-${10_001 + index}`, history, activities };
    return { deal, owner, habits, visits: sim.visits };
  });

  const coaching = coachingRecords(rng, now, workflow, sims);
  return {
    reps: roster.map((entry) => toDemoRep(entry, now)),
    deals: sims.map((s) => s.deal),
    ...coaching,
  };
}
