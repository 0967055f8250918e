import type { StageDefinition, WorkflowDefinition } from '@shared/workflow/definition';
import { createStageMapper, normalizeStageName } from '@shared/workflow/stageMapping';
import type { Habits, RepProfile } from './demoRoster';
import { DAY, HOUR, MINUTE } from './demoTime';
import { defaultLostReasons, lostReasonsByStage } from './demoWords';
import type { Rng } from './prng';

/** A workflow stage as the demo uses it: its key, and the Salesforce label the history carries. */
export type FlowStage = { key: string; label: string; stageKey: string | null; targetDays: number };

/** The path deals take: the open stages in order, then the won and lost stages. */
export type Flow = { open: FlowStage[]; won: FlowStage; lost: FlowStage };

/** One stay in a stage, with the exit the history implies (null while the deal is still there). */
export type SimVisit = { stage: FlowStage; enteredAt: number; exitedAt: number | null; visitNumber: number };

/** One stage-history row; `repeat` rows restate the current stage (amount or close-date edits). */
export type SimEvent = { stage: FlowStage; at: number; repeat: boolean };

export type SimHistory = {
  events: SimEvent[];
  visits: SimVisit[];
  status: 'open' | 'won' | 'lost';
  closedAt: number | null;
  lostReason: string | null;
  /** Set when a quarter-end bulk close pulled the deal in; the generator discounts it. */
  bulkClosed: boolean;
};

/** Salesforce's standard opportunity stages: the demo writes history the way a Salesforce export does. */
const salesforceLabels = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];

function labelFor(stage: StageDefinition): string {
  const names = new Set(stage.sourceNames.map(normalizeStageName));
  return salesforceLabels.find((label) => names.has(normalizeStageName(label))) ?? stage.name;
}

/**
 * Reads the path from the workflow (stages without an outcome, in order, skipping the Expand
 * group) so the demo follows whatever workflow the workspace holds, not only the default one.
 */
export function buildFlow(workflow: WorkflowDefinition): Flow {
  const mapStage = createStageMapper(workflow);
  const toFlow = (stage: StageDefinition): FlowStage => {
    const label = labelFor(stage);
    return { key: stage.key, label, stageKey: mapStage(label), targetDays: stage.targetDays ?? 14 };
  };
  const open = workflow.stages.filter((s) => !s.outcome && s.group !== 'Expand').map(toFlow);
  const won = workflow.stages.find((s) => s.outcome === 'won');
  const lost = workflow.stages.find((s) => s.outcome === 'lost');
  if (open.length === 0 || !won || !lost)
    throw new Error('The workflow needs open stages and a won and a lost stage.');
  return { open, won: toFlow(won), lost: toFlow(lost) };
}

/**
 * Chance to move on from a stage. The habits the workflow asks for raise it, so won and lost deals
 * really differ in what was done: the signal success-pattern analysis is meant to find.
 */
function advanceChance(key: string, h: Habits, skill: number): number {
  const b = (flag: boolean, lift: number): number => (flag ? lift : 0);
  let p: number;
  switch (key) {
    case 'lead':
      p = 0.68 + b(h.fastCall, 0.14) + b(h.intro, 0.03);
      break;
    case 'discovery':
      p = 0.6 + b(h.discoveryNotes, 0.12) + b(h.fields, 0.06) + b(h.discoveryCall, 0.05);
      break;
    case 'demo':
      p = 0.48 + b(h.recap, 0.17) + b(h.nextStep, 0.09) + b(h.multiThread, 0.06);
      break;
    case 'proposal':
      p = 0.54 + b(h.proposalFollowUp, 0.2) + b(h.proposalOnTime, 0.05);
      break;
    case 'negotiation':
      p = 0.66 + b(h.multiThread, 0.12);
      break;
    default:
      p = 0.72;
  }
  return Math.min(0.97, Math.max(0.05, p + skill));
}

export type HistoryPlan = {
  createdAt: number;
  now: number;
  startIndex: number;
  profile: RepProfile;
  habits: Habits;
  skill: number;
  /** Quarter boundaries (epoch ms) for the bulk mover; empty for everyone else. */
  quarterEnds: readonly number[];
};

/** A bulk mover's transitions in the last weeks of a quarter all land on its last evening. */
function snapToQuarterEnd(at: number, plan: HistoryPlan): { at: number; snapped: boolean } {
  for (const end of plan.quarterEnds) {
    const bulkAt = end - 6 * HOUR;
    if (at >= end - 18 * DAY && at < bulkAt && bulkAt <= plan.now) return { at: bulkAt, snapped: true };
  }
  return { at, snapped: false };
}

/**
 * Walks one deal through the flow: time in each stage drawn around the stage's target days,
 * advance / skip / step back / lose decided by the rep's habits, and the deal left open where
 * its next move would fall after `now`. Deals stuck for months are mostly closed lost, as a
 * pipeline review would do, so old open deals stay rare.
 */
export function simulateHistory(rng: Rng, flow: Flow, plan: HistoryPlan): SimHistory {
  const { profile, habits, now } = plan;
  const events: SimEvent[] = [];
  const visits: SimVisit[] = [];
  const seen = new Map<string, number>();
  const enter = (stage: FlowStage, at: number): void => {
    const previous = visits.at(-1);
    if (previous) previous.exitedAt = at;
    const visitNumber = (seen.get(stage.key) ?? 0) + 1;
    seen.set(stage.key, visitNumber);
    visits.push({ stage, enteredAt: at, exitedAt: null, visitNumber });
    events.push({ stage, at, repeat: false });
  };
  // Salesforce writes a row for every amount or close-date edit; they are not stage visits.
  const addRepeats = (stage: FlowStage, from: number, to: number): void => {
    if (to - from < 2 * HOUR || !rng.chance(0.2)) return;
    const count = rng.chance(0.3) ? 2 : 1;
    const times = Array.from({ length: count }, () => from + (to - from) * rng.float(0.1, 0.9)).sort(
      (a, b) => a - b,
    );
    for (const at of times) events.push({ stage, at: Math.round(at), repeat: true });
  };
  const close = (stage: FlowStage, at: number): void => {
    enter(stage, at);
    const last = visits.at(-1);
    if (last) last.exitedAt = at;
    // An edit after the close (amount corrected, close date fixed) repeats the terminal stage.
    const later = at + rng.float(1, 20) * DAY;
    if (rng.chance(0.05) && later <= now) events.push({ stage, at: Math.round(later), repeat: true });
  };

  let bulkClosed = false;
  let t = plan.createdAt + (rng.chance(0.7) ? 0 : rng.int(1, 20) * MINUTE);
  let i = plan.startIndex;
  let stepsBack = 0;
  for (let guard = 0; guard < 24; guard++) {
    const stage = flow.open[i];
    if (!stage) break;
    enter(stage, t);
    const stall = rng.chance(profile.stallRate) ? rng.float(2.5, 6) : 1;
    const dwell = stage.targetDays * DAY * profile.speed * rng.logNormal(-0.35, 0.55) * stall;
    const natural = Math.round(t + Math.max(30 * MINUTE, dwell));
    const { at: exitAt, snapped } = snapToQuarterEnd(natural, plan);
    if (exitAt > now) {
      if (now - t > 100 * DAY && rng.chance(0.75)) {
        const cleanup = snapToQuarterEnd(Math.round(t + (now - t) * rng.float(0.35, 0.85)), plan).at;
        addRepeats(stage, t, cleanup);
        close(flow.lost, cleanup);
        return {
          events,
          visits,
          status: 'lost',
          closedAt: cleanup,
          lostReason: rng.pick(['No decision', 'Timing']),
          bulkClosed,
        };
      }
      addRepeats(stage, t, now);
      return { events, visits, status: 'open', closedAt: null, lostReason: null, bulkClosed };
    }
    addRepeats(stage, t, exitAt);
    const isLast = i === flow.open.length - 1;
    if (!rng.chance(advanceChance(stage.key, habits, plan.skill))) {
      const reason = rng.weighted(lostReasonsByStage[stage.key] ?? defaultLostReasons);
      close(flow.lost, exitAt);
      return { events, visits, status: 'lost', closedAt: exitAt, lostReason: reason, bulkClosed: false };
    }
    // Back from negotiation to proposal (a revised quote), sometimes from demo to discovery.
    const backChance = isLast ? 0.14 : stage.key === 'demo' ? 0.03 : 0;
    if (i > 0 && stepsBack === 0 && rng.chance(backChance)) {
      stepsBack += 1;
      i -= 1;
    } else if (isLast) {
      close(flow.won, exitAt);
      bulkClosed = snapped;
      return { events, visits, status: 'won', closedAt: exitAt, lostReason: null, bulkClosed };
    } else {
      i += i + 2 < flow.open.length && rng.chance(profile.skipRate) ? 2 : 1;
    }
    t = exitAt;
  }
  return { events, visits, status: 'open', closedAt: null, lostReason: null, bulkClosed };
}
