import type { DemoActivity } from './demoTypes';
import type { Flow, SimVisit } from './dealHistory';
import type { Habits } from './demoRoster';
import { DAY, HOUR, MINUTE } from './demoTime';
import { type Rng, createRng } from './prng';

export type DraftActivity = Omit<DemoActivity, 'externalId'>;

export type ActivityPlan = {
  rng: Rng;
  flow: Flow;
  now: number;
  createdAt: number;
  account: string;
  ownerKey: string;
  /** The SDR who works the lead stage, or null when the owner prospected the deal. */
  sdrKey: string | null;
  seKey: string;
  csKey: string;
  contacts: string[];
  habits: Habits;
  csOnTime: boolean;
  status: 'open' | 'won' | 'lost';
  closedAt: number | null;
};

/*
 * Subjects are chosen so the default workflow's activity rules classify each row as the `type`
 * written here: only demos start with "Demo", only discovery calls with "Discovery", only
 * proposals with "Proposal sent", only contracts with "Contract sent", only kickoffs say "kickoff".
 */
const filler = {
  call: ['Follow-up call', 'Check-in call', 'Left voicemail', 'Call about timeline', 'Champion check-in'],
  email: [
    'Following up',
    'Case study you asked for',
    'Re: next steps',
    'Agenda for Thursday',
    'Pricing question',
    'Quick question on rollout',
  ],
  task: [
    'Update opportunity',
    'Send case study',
    'Prepare business case',
    'Check in with champion',
    'Log mutual action plan',
  ],
  meeting: ['Working session', 'Stakeholder alignment', 'Technical deep dive'],
  note: ['Call notes', 'Internal note: budget owner confirmed', 'Notes from stakeholder meeting'],
} as const;

type FillerType = keyof typeof filler;

const rawTypeOf: Record<string, string> = {
  call: 'Call',
  email: 'Email',
  task: 'Task',
  meeting: 'Meeting',
  note: 'Note',
};

/**
 * Writes the activities of one deal, visit by visit. Timed actions (first call, recap, follow-up)
 * land inside or outside their deadline according to the deal's habits; filler touches come after
 * them and never use a type that could satisfy a required action by accident, so compliance
 * computed later from this data matches what the generator intended.
 */
export function dealActivities(plan: ActivityPlan, visits: readonly SimVisit[]): DraftActivity[] {
  const { rng, now, habits, ownerKey, contacts } = plan;
  const out: DraftActivity[] = [];
  const primary = contacts[0] ?? null;
  // Nothing is logged after a deal closed, except Customer Success picking up a won deal.
  const limit = Math.min(now, plan.closedAt ?? now);
  const add = (
    type: string,
    rawType: string,
    subject: string,
    at: number,
    repKey: string | null,
    contact: string | null,
    durationSeconds: number | null = null,
    max = limit,
  ): number | null => {
    const occurredAt = Math.round(at);
    if (occurredAt > max || occurredAt < plan.createdAt) return null;
    out.push({ type, rawType, subject, occurredAt, repKey, contact, durationSeconds });
    return occurredAt;
  };
  const hours = (min: number, max: number): number => rng.float(min, max) * HOUR;
  const fillers = (
    types: readonly FillerType[],
    from: number,
    to: number,
    targetDays: number,
    repKey: string,
  ): void => {
    const windowEnd = Math.min(to, from + targetDays * 1.2 * DAY);
    const days = (windowEnd - from) / DAY;
    if (days <= 0) return;
    const count = Math.min(7, Math.floor(days / rng.float(1, 2.5)) + (rng.chance(0.5) ? 1 : 0));
    for (let n = 0; n < count; n++) {
      const type = rng.pick(types);
      const duration = type === 'call' ? rng.int(60, 1200) : type === 'meeting' ? rng.int(1800, 3600) : null;
      const contact = type === 'task' || type === 'note' ? null : rng.pick(contacts);
      add(
        type,
        rawTypeOf[type] ?? 'Task',
        rng.pick(filler[type]),
        from + (windowEnd - from) * rng.next(),
        repKey,
        contact,
        duration,
      );
    }
  };

  visits.forEach((visit, index) => {
    const start = visit.enteredAt;
    const end = visit.exitedAt ?? now;
    const span = end - start;
    const key = visit.stage.key;
    const previous = visits[index - 1];
    const next = visits[index + 1];
    // Bulk moves and same-day skips leave no room for work inside the stage.
    if (span < 2 * HOUR && visit.stage !== plan.flow.won) return;
    const within = (at: number): number => (visit.exitedAt === null ? at : Math.min(at, start + span * 0.9));

    switch (key) {
      case 'lead': {
        const caller = plan.sdrKey ?? ownerKey;
        const noAnswer = rng.chance(0.35);
        const call = add(
          'call',
          'Call',
          rng.pick(['Intro call', 'First call', 'Call']),
          start + (habits.fastCall ? rng.float(4, 115) * MINUTE : hours(2.5, 50)),
          caller,
          primary,
          noAnswer ? rng.int(0, 40) : rng.int(120, 900),
        );
        const intro = rng.chance(0.92)
          ? add(
              'email',
              'Email',
              rng.pick(['Introduction', 'Following up on your enquiry', 'Nice to meet you']),
              start + (habits.intro ? hours(0.2, 20) : hours(26, 80)),
              caller,
              primary,
            )
          : null;
        // Qualified leads usually get a first meeting while still in Lead (meeting → opportunity).
        // It draws on its own generator, so adding it leaves every other demo figure as it was.
        const booking = createRng(Math.floor(start / MINUTE));
        const advances = next !== undefined && next.stage !== plan.flow.lost;
        if (span > 6 * HOUR && booking.chance(advances ? 0.65 : 0.2)) {
          add(
            'meeting',
            'Meeting',
            booking.pick(['Intro meeting', 'First meeting', 'Qualification meeting']),
            within(start + span * booking.float(0.3, 0.85)),
            ownerKey,
            primary,
            1800,
          );
        }
        fillers(
          ['call', 'email', 'task'],
          Math.max(call ?? start, intro ?? start),
          end,
          visit.stage.targetDays,
          caller,
        );
        break;
      }
      case 'discovery': {
        let last = start;
        if (previous?.stage.key === 'lead' && plan.sdrKey) {
          last =
            add(
              'email',
              'Email',
              'Handoff: introduction from your account executive',
              start + (habits.handoffTouch ? hours(0.5, 20) : hours(26, 96)),
              ownerKey,
              primary,
            ) ?? last;
        }
        const callAt = within(start + (habits.discoveryCall ? hours(3, 68) : hours(76, 200)));
        const call = add(
          'discovery_call',
          rng.chance(0.6) ? 'Call' : 'Meeting',
          rng.pick(['Discovery call', `Discovery call with ${primary ?? 'champion'}`]),
          callAt,
          ownerKey,
          primary,
          rng.int(1500, 3300),
        );
        if (call !== null && habits.discoveryNotes) {
          add(
            'note',
            'Note',
            `Notes: discovery with ${primary ?? 'champion'}`,
            within(call + hours(0.3, 18)),
            ownerKey,
            null,
          );
        }
        if (call !== null && rng.chance(habits.fields ? 0.8 : 0.3)) {
          add('email', 'Email', 'Recap and next steps', call + hours(1, 30), ownerKey, primary);
        }
        fillers(
          ['call', 'email', 'task'],
          Math.max(last, call ?? start),
          end,
          visit.stage.targetDays,
          ownerKey,
        );
        break;
      }
      case 'demo': {
        let last = start;
        if (rng.chance(0.85)) {
          last =
            add(
              'task',
              'Task',
              `Prep demo environment for ${plan.account}`,
              start + (habits.seFast ? hours(2, 40) : hours(50, 130)),
              plan.seKey,
              null,
            ) ?? last;
        }
        const lostHere = next?.stage === plan.flow.lost;
        if (lostHere && rng.chance(0.2)) break;
        const demoAt =
          visit.exitedAt === null
            ? start + rng.float(1, 8) * DAY
            : start + Math.min(span * rng.float(0.2, 0.6), rng.float(1, 8) * DAY);
        const presenter = rng.chance(0.5) ? plan.seKey : ownerKey;
        const demo = add(
          'demo',
          rng.chance(0.85) ? 'Meeting' : 'Event',
          `Demo — ${plan.account}`,
          demoAt,
          presenter,
          primary,
          rng.int(2700, 3600),
        );
        if (demo === null) break;
        last = Math.max(last, demo);
        const recapAt = habits.recap ? demo + hours(0.5, 20) : rng.chance(0.5) ? demo + hours(28, 96) : null;
        if (recapAt !== null) {
          last = Math.max(
            last,
            add(
              'email',
              'Email',
              rng.pick(['Recap: demo', 'Recap: demo and next steps', 'Thanks for your time today']),
              recapAt,
              ownerKey,
              primary,
            ) ?? last,
          );
        }
        const nextAt = habits.nextStep ? demo + hours(1, 44) : rng.chance(0.4) ? demo + hours(50, 140) : null;
        if (nextAt !== null) {
          last = Math.max(
            last,
            add('meeting', 'Meeting', 'Follow-up meeting booked', nextAt, ownerKey, primary, 1800) ?? last,
          );
        }
        for (const other of contacts.slice(1)) {
          add('email', 'Email', `Looping in ${other}`, demo + hours(30, 120), ownerKey, other);
        }
        fillers(['call', 'task'], last, end, visit.stage.targetDays, ownerKey);
        break;
      }
      case 'proposal': {
        const lostHere = next?.stage === plan.flow.lost;
        if (lostHere && rng.chance(0.1)) break;
        const sentAt = within(start + (habits.proposalOnTime ? hours(2, 60) : hours(76, 170)));
        const subject = visit.visitNumber > 1 ? 'Proposal sent — revised pricing' : 'Proposal sent';
        const sent = add(
          'proposal_sent',
          rng.chance(0.7) ? 'Email' : 'Task',
          subject,
          sentAt,
          ownerKey,
          primary,
        );
        if (sent === null) break;
        let last = sent;
        const followAt = habits.proposalFollowUp
          ? sent + hours(1, 22)
          : rng.chance(0.35)
            ? sent + hours(30, 140)
            : null;
        if (followAt !== null) {
          last = Math.max(
            last,
            add('meeting', 'Meeting', 'Follow-up meeting booked', followAt, ownerKey, primary, 1800) ?? last,
          );
          add(
            'email',
            'Email',
            'Proposal recap and next steps',
            followAt - hours(0.1, 0.5),
            ownerKey,
            primary,
          );
        }
        fillers(['call', 'email', 'task'], last, end, visit.stage.targetDays, ownerKey);
        break;
      }
      case 'negotiation': {
        const wonNext = next?.stage === plan.flow.won;
        if (wonNext || rng.chance(0.5)) {
          add(
            'contract_sent',
            'Email',
            'Contract sent',
            start + span * rng.float(0.4, 0.9),
            ownerKey,
            primary,
          );
        }
        for (const subject of rng.sample(
          ['Redlines from legal', 'Security questionnaire', 'Procurement call', 'Pricing discussion'],
          rng.int(1, 3),
        )) {
          const type = subject.endsWith('call') || subject.startsWith('Pricing') ? 'call' : 'email';
          add(
            type,
            rawTypeOf[type] ?? 'Email',
            subject,
            start + span * rng.next(),
            ownerKey,
            rng.pick(contacts),
            type === 'call' ? rng.int(300, 2400) : null,
          );
        }
        fillers(['call', 'email', 'meeting', 'note', 'task'], start, end, visit.stage.targetDays, ownerKey);
        break;
      }
      default: {
        if (visit.stage === plan.flow.won) {
          const kickoffAt = start + (plan.csOnTime ? hours(4, 66) : hours(80, 220));
          add('kickoff', 'Meeting', `Kickoff — ${plan.account}`, kickoffAt, plan.csKey, primary, 3600, now);
          add(
            'email',
            'Email',
            'Welcome aboard — meet your customer success manager',
            start + hours(1, 30),
            ownerKey,
            primary,
            null,
            now,
          );
        } else if (visit.stage !== plan.flow.lost) {
          fillers(['call', 'email', 'meeting', 'task'], start, end, visit.stage.targetDays, ownerKey);
        }
      }
    }
  });
  return out.sort((a, b) => a.occurredAt - b.occurredAt);
}
