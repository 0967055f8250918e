import type { WorkflowDefinition } from '@shared/workflow/definition';
import type { SimVisit } from './dealHistory';
import {
  type Habit,
  NEW_HIRE_KEY,
  QUARTER_END_REP_KEY,
  type RosterEntry,
  SLOPPY_REP_KEY,
  TOP_PERFORMER_KEY,
  roster,
} from './demoRoster';
import { DAY, HOUR, isoDate, monthsBetween, quarterStart, startOfDay } from './demoTime';
import type { ChecklistState, DemoCommitment, DemoDeal, DemoObservation, DemoOneOnOne } from './demoTypes';
import type { Rng } from './prng';

type CoachedDeal = { deal: DemoDeal; owner: RosterEntry; habits: Record<Habit, boolean>; visits: SimVisit[] };

export type CoachingRecords = {
  observations: DemoObservation[];
  oneOnOnes: DemoOneOnOne[];
  commitments: DemoCommitment[];
};

const ENABLEMENT_COACH = 'Hannah Brooks';

/** Which deal habit a checklist item observes; items not listed are judged on the rep's level. */
const checklistHabit: Record<string, Habit | true> = {
  first_call: 'fastCall',
  intro_email: 'intro',
  contact_reached: true,
  discovery_call: 'discoveryCall',
  discovery_notes: 'discoveryNotes',
  notes_logged: 'discoveryNotes',
  pain_point: 'fields',
  persona: 'fields',
  next_step: 'fields',
  demo_held: true,
  demo_done: true,
  demo_recap: 'recap',
  demo_next_step: 'nextStep',
  stakeholders: 'multiThread',
  proposal_sent: 'proposalOnTime',
  proposal_present: true,
  amount_set: true,
  proposal_follow_up: 'proposalFollowUp',
  contract_sent: true,
  contract_present: true,
};

/** How good each observed rep looks to a coach, on the 1–5 rubric scale. */
const rubricLevel: Record<string, number> = {
  [TOP_PERFORMER_KEY]: 4.5,
  'rep-04': 3.7,
  [SLOPPY_REP_KEY]: 2.3,
  'rep-06': 3,
  'rep-09': 3.9,
  [QUARTER_END_REP_KEY]: 3.3,
};

const observedReps: readonly (readonly [string, number])[] = [
  [SLOPPY_REP_KEY, 4],
  [NEW_HIRE_KEY, 4],
  [TOP_PERFORMER_KEY, 3],
  [QUARTER_END_REP_KEY, 3],
  ['rep-04', 2],
  ['rep-09', 2],
  ['rep-06', 2],
];

const rubricCriteria = [
  'Discovery questions',
  'Value articulation',
  'Objection handling',
  'Next step clarity',
  'CRM hygiene',
];
const goodTags = [
  'great discovery',
  'strong recap email',
  'multi-threaded early',
  'clear mutual action plan',
  'used the template',
];
const badTags = [
  'custom email written from scratch',
  'outdated deck',
  'required field skipped',
  'rogue step',
  'no next step agreed',
  'talked over the prospect',
];

const goodNotes = [
  'Opened with the pain the champion named last time and quantified it together.',
  'Recap went out within the hour with the agreed next step and owner on both sides.',
  'Brought the economic buyer in early; the conversation moved to rollout, not price.',
];
const badNotes = [
  'Wrote the follow-up from scratch instead of using the recap template; next step was vague.',
  'Used last year’s deck; two slides contradicted the current pricing page.',
  'Moved the deal forward without filling pain point and persona — the SE had to ask again.',
  'Skipped the agreed agenda and jumped straight to pricing.',
];

function clampScore(value: number): number {
  return Math.min(5, Math.max(1, Math.round(value)));
}

function repLevel(owner: RosterEntry, at: number, now: number): number {
  if (owner.key === NEW_HIRE_KEY)
    return Math.min(4, 2.2 + 0.35 * monthsBetween(now - owner.startDaysAgo * DAY, at));
  return rubricLevel[owner.key] ?? 3.5;
}

function observation(
  rng: Rng,
  now: number,
  workflow: WorkflowDefinition,
  coached: CoachedDeal,
  visit: SimVisit,
  number: number,
): DemoObservation {
  const { owner, habits, deal } = coached;
  const end = visit.exitedAt ?? now;
  const observedAt = Math.min(now, visit.enteredAt + rng.next() * Math.min(end - visit.enteredAt, 5 * DAY));
  const level = repLevel(owner, observedAt, now);
  const stage = workflow.stages.find((s) => s.key === visit.stage.key);
  const items = [...(stage?.requiredActions ?? []), ...(stage?.advancementCriteria ?? [])].map((i) => i.key);
  const checklist = items.map((key) => {
    const habit = checklistHabit[key];
    const done = habit === true ? true : habit ? habits[habit] : rng.chance(level / 5);
    const state: ChecklistState = rng.chance(0.05)
      ? 'na'
      : done
        ? rng.chance(0.85)
          ? 'done'
          : 'partial'
        : rng.chance(0.75)
          ? 'skipped'
          : 'partial';
    return { key, state };
  });
  const rubric = rubricCriteria.map((criterion) => {
    const hygienePenalty = criterion === 'CRM hygiene' && owner.key === QUARTER_END_REP_KEY ? 1.3 : 0;
    return { criterion, score: clampScore(level - hygienePenalty + rng.normal() * 0.6) };
  });
  const badShare = Math.min(0.9, Math.max(0.1, 1 - level / 5 + 0.1));
  const tags = [
    ...new Set(
      Array.from({ length: rng.int(1, 3) }, () => rng.pick(rng.chance(badShare) ? badTags : goodTags)),
    ),
  ];
  const notes = tags.map((tag) => (badTags.includes(tag) ? rng.pick(badNotes) : rng.pick(goodNotes)));
  const manager = roster.find((r) => r.key === owner.managerKey);
  const observedOn = isoDate(observedAt);
  return {
    externalId: `OBS-${String(number).padStart(3, '0')}`,
    coach: rng.chance(0.5) || !manager ? ENABLEMENT_COACH : manager.name,
    repKey: owner.key,
    dealExternalId: deal.externalId,
    stageKey: visit.stage.stageKey,
    observedOn,
    checklist,
    rubric,
    tags,
    notes: [...new Set(notes)].join(' '),
    createdAt: Math.min(now, startOfDay(observedAt) + 20 * HOUR),
  };
}

/**
 * Shadowing observations on recent deals of the reps a coach would watch (the sloppy rep and the
 * new hire most), plus one-on-ones and commitments that tell the same story as the CRM data.
 */
export function coachingRecords(
  rng: Rng,
  now: number,
  workflow: WorkflowDefinition,
  deals: readonly CoachedDeal[],
): CoachingRecords {
  const coachable = new Set(['discovery', 'demo', 'proposal', 'negotiation']);
  const observations: DemoObservation[] = [];
  for (let attempt = 0; attempt < 60 && observations.length < 20; attempt++) {
    const repKey = rng.weighted(observedReps);
    const candidates = deals.flatMap((d) =>
      d.owner.key !== repKey
        ? []
        : d.visits
            .filter(
              (v) =>
                coachable.has(v.stage.key) &&
                v.enteredAt > now - 180 * DAY &&
                (v.exitedAt ?? now) - v.enteredAt > DAY,
            )
            .map((visit) => ({ coached: d, visit })),
    );
    if (candidates.length === 0) continue;
    const { coached, visit } = rng.pick(candidates);
    observations.push(observation(rng, now, workflow, coached, visit, observations.length + 1));
  }
  observations.sort((a, b) => a.observedOn.localeCompare(b.observedOn));

  const managerOf = (repKey: string): string => {
    const managerKey = roster.find((r) => r.key === repKey)?.managerKey;
    return roster.find((r) => r.key === managerKey)?.name ?? 'Manager';
  };
  const day = (daysAgo: number): number => startOfDay(now - daysAgo * DAY);
  const at = (daysAgo: number): number => Math.min(now, day(daysAgo) + 16 * HOUR);
  const oneOnOne = (
    key: string,
    repKey: string,
    daysAgo: number,
    notes: string,
    talkingPoints: string[],
  ): DemoOneOnOne => ({
    key,
    repKey,
    manager: managerOf(repKey),
    heldOn: isoDate(day(daysAgo)),
    notes,
    talkingPoints,
    createdAt: at(daysAgo),
  });
  const oneOnOnes: DemoOneOnOne[] = [
    oneOnOne(
      '1on1-tom-1',
      SLOPPY_REP_KEY,
      36,
      'Talked through proposals that went quiet. Tom agrees follow-ups slip when he is busy with new demos.',
      ['Proposal follow-up rate', 'Deals stalled in Proposal', 'Discovery notes'],
    ),
    oneOnOne(
      '1on1-tom-2',
      SLOPPY_REP_KEY,
      8,
      'Follow-ups still late on most proposals. Agreed to block 30 minutes after every proposal for the recap and booking.',
      ['Commitment from last time not met', 'Six deals over target days', 'Notes before advancing'],
    ),
    oneOnOne(
      '1on1-amara-1',
      NEW_HIRE_KEY,
      30,
      'Ramp check-in. Demos are good; recaps go out days later. Pairing with Daniel for two demos.',
      ['Demo recap timing', 'Shadowing plan'],
    ),
    oneOnOne(
      '1on1-amara-2',
      NEW_HIRE_KEY,
      4,
      'Recaps now same day on almost every demo. Next focus: bring a second stakeholder in before the proposal.',
      ['Recap habit: done', 'Multi-threading'],
    ),
    oneOnOne(
      '1on1-jake-1',
      QUARTER_END_REP_KEY,
      20,
      'Last quarter closed with most stage changes on the final day and deep discounts. Forecast was wrong for eight weeks.',
      ['Quarter-end stage updates', 'Discount approvals', 'Forecast accuracy'],
    ),
    oneOnOne(
      '1on1-daniel-1',
      TOP_PERFORMER_KEY,
      14,
      'Strong quarter. Asked Daniel to share how he runs discovery so the team can copy it.',
      ['Discovery workshop', 'Mentoring Amara'],
    ),
  ];

  const commitment = (
    repKey: string,
    oneOnOneKey: string | null,
    text: string,
    dueDaysAgo: number,
    resolution: { status: DemoCommitment['status']; daysAgo: number; note: string } | null,
    createdDaysAgo: number,
    observationExternalId: string | null = null,
  ): DemoCommitment => ({
    repKey,
    oneOnOneKey,
    observationExternalId,
    text,
    dueOn: isoDate(day(dueDaysAgo)),
    status: resolution?.status ?? 'open',
    createdAt: at(createdDaysAgo),
    resolvedAt: resolution ? at(resolution.daysAgo) : null,
    resolutionNote: resolution?.note ?? null,
  });
  // Negative "days ago": due on the last day of the current quarter.
  const quarterEndIn = Math.ceil((now - quarterStart(now, 1)) / DAY);
  const commitments: DemoCommitment[] = [
    commitment(
      SLOPPY_REP_KEY,
      '1on1-tom-1',
      'Book the follow-up meeting within 24 h of every proposal',
      22,
      { status: 'not_met', daysAgo: 8, note: 'Follow-up booked in time on 3 of 9 proposals.' },
      36,
    ),
    commitment(
      SLOPPY_REP_KEY,
      '1on1-tom-2',
      'Log discovery notes on every deal before moving it to Demo',
      -10,
      null,
      8,
    ),
    commitment(
      SLOPPY_REP_KEY,
      '1on1-tom-2',
      'Close out or re-plan every deal stalled in Proposal',
      -7,
      null,
      8,
    ),
    commitment(
      NEW_HIRE_KEY,
      '1on1-amara-1',
      'Send the demo recap the same day',
      16,
      { status: 'met', daysAgo: 4, note: 'Recap within 24 h on 7 of 8 demos.' },
      30,
    ),
    commitment(
      NEW_HIRE_KEY,
      '1on1-amara-1',
      'Shadow Daniel on two demos',
      16,
      { status: 'met', daysAgo: 10, note: 'Joined two of Daniel’s demos.' },
      30,
    ),
    commitment(NEW_HIRE_KEY, '1on1-amara-2', 'Two stakeholders involved before every proposal', -14, null, 4),
    commitment(
      QUARTER_END_REP_KEY,
      '1on1-jake-1',
      'Update stages the day they change, not at quarter end',
      quarterEndIn,
      null,
      20,
    ),
    commitment(TOP_PERFORMER_KEY, '1on1-daniel-1', 'Run a discovery workshop for the team', -21, null, 14),
  ];
  const deck = observations.find((o) => o.tags.includes('outdated deck')) ?? observations[0];
  if (deck) {
    const observedDaysAgo = Math.max(0, Math.floor((now - Date.parse(deck.observedOn)) / DAY));
    const resolved =
      observedDaysAgo >= 7
        ? {
            status: 'met' as const,
            daysAgo: observedDaysAgo - 5,
            note: 'Current deck used in the next demo.',
          }
        : null;
    commitments.push(
      commitment(
        deck.repKey,
        null,
        'Use the current demo deck and the recap template',
        observedDaysAgo - 14,
        resolved,
        observedDaysAgo,
        deck.externalId,
      ),
    );
  }
  return { observations, oneOnOnes, commitments };
}
