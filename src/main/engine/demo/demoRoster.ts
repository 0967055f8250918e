import type { RepRole } from '@shared/workflow/definition';
import { DAY, monthsBetween } from './demoTime';

/** The workflow habits a deal either shows or misses; each drives activity timing and win odds. */
export type Habit =
  | 'fastCall'
  | 'intro'
  | 'handoffTouch'
  | 'discoveryCall'
  | 'discoveryNotes'
  | 'fields'
  | 'seFast'
  | 'recap'
  | 'nextStep'
  | 'proposalOnTime'
  | 'proposalFollowUp'
  | 'multiThread';

export type Habits = Record<Habit, boolean>;

/**
 * How a rep works. The differences are deliberate and large enough that scorecards, success
 * patterns and the ramp view find them: they are the story the demo tells.
 */
export type RepProfile = {
  /** Probability of doing each habit on time, unless overridden. */
  compliance: number;
  overrides: Partial<Record<Habit, number>>;
  /** Multiplier on time in stage: below 1 is faster. */
  speed: number;
  /** Added to every advancement probability. */
  skill: number;
  /** Chance a stage visit drags on for several times its target. */
  stallRate: number;
  /** Chance of jumping over the next stage. */
  skipRate: number;
  /** Share of this rep's leads worked by the team SDR first. */
  sdrShare: number;
  /** Moves stages and closes in bulk on the last day of the quarter, with discounts. */
  quarterEndBulk: boolean;
  /** New hires: compliance and skill grow month by month from the start date. */
  ramp: { from: number; perMonth: number } | null;
  /** Relative number of deals created. */
  dealWeight: number;
};

export type RosterEntry = {
  key: string;
  name: string;
  email: string;
  role: RepRole;
  team: 'Team North' | 'Team South';
  managerKey: string | null;
  startDaysAgo: number;
  profile: RepProfile;
};

const base: RepProfile = {
  compliance: 0.7,
  overrides: {},
  speed: 1,
  skill: 0,
  stallRate: 0.08,
  skipRate: 0.06,
  sdrShare: 0.6,
  quarterEndBulk: false,
  ramp: null,
  dealWeight: 0,
};

const NORTH = 'rep-01';
const SOUTH = 'rep-02';

/** The demo team. Managers come first so their ids exist when reports point at them. */
export const roster: readonly RosterEntry[] = [
  {
    key: NORTH,
    name: 'Margaret Okafor',
    email: 'margaret.okafor@stagecoach-demo.example',
    role: 'Manager',
    team: 'Team North',
    managerKey: null,
    startDaysAgo: 2210,
    profile: base,
  },
  {
    key: SOUTH,
    name: 'Carlos Mendoza',
    email: 'carlos.mendoza@stagecoach-demo.example',
    role: 'Manager',
    team: 'Team South',
    managerKey: null,
    startDaysAgo: 1740,
    profile: base,
  },
  // The top performer: calls within minutes, recaps the same day, books every follow-up.
  {
    key: 'rep-03',
    name: 'Daniel Reyes',
    email: 'daniel.reyes@stagecoach-demo.example',
    role: 'AE',
    team: 'Team North',
    managerKey: NORTH,
    startDaysAgo: 1460,
    profile: {
      ...base,
      compliance: 0.95,
      overrides: { fastCall: 0.97 },
      speed: 0.65,
      skill: 0.04,
      stallRate: 0.03,
      skipRate: 0.04,
      sdrShare: 0.25,
      dealWeight: 1.05,
    },
  },
  {
    key: 'rep-04',
    name: 'Zoë Müller',
    email: 'zoe.mueller@stagecoach-demo.example',
    role: 'AE',
    team: 'Team North',
    managerKey: NORTH,
    startDaysAgo: 980,
    profile: { ...base, compliance: 0.78, speed: 0.9, dealWeight: 1 },
  },
  // The sloppy rep: skips discovery notes, lets proposals go without follow-up, stalls.
  {
    key: 'rep-05',
    name: 'Tom Becker',
    email: 'tom.becker@stagecoach-demo.example',
    role: 'AE',
    team: 'Team North',
    managerKey: NORTH,
    startDaysAgo: 1210,
    profile: {
      ...base,
      compliance: 0.4,
      overrides: { discoveryNotes: 0.12, proposalFollowUp: 0.15, fields: 0.3, recap: 0.3 },
      speed: 1.35,
      skill: -0.04,
      stallRate: 0.28,
      skipRate: 0.14,
      dealWeight: 1,
    },
  },
  {
    key: 'rep-06',
    name: 'Mateo Rossi',
    email: 'mateo.rossi@stagecoach-demo.example',
    role: 'AE',
    team: 'Team North',
    managerKey: NORTH,
    startDaysAgo: 76,
    profile: { ...base, compliance: 0.5, ramp: { from: 0.5, perMonth: 0.1 }, speed: 1.1, dealWeight: 0.8 },
  },
  {
    key: 'rep-07',
    name: 'Priya Raman',
    email: 'priya.raman@stagecoach-demo.example',
    role: 'SDR',
    team: 'Team North',
    managerKey: NORTH,
    startDaysAgo: 640,
    profile: { ...base, compliance: 0.82 },
  },
  {
    key: 'rep-08',
    name: 'Kenji Watanabe',
    email: 'kenji.watanabe@stagecoach-demo.example',
    role: 'SE',
    team: 'Team North',
    managerKey: NORTH,
    startDaysAgo: 1100,
    profile: { ...base, compliance: 0.8 },
  },
  {
    key: 'rep-09',
    name: '李娜',
    email: 'li.na@stagecoach-demo.example',
    role: 'AE',
    team: 'Team South',
    managerKey: SOUTH,
    startDaysAgo: 1320,
    profile: { ...base, compliance: 0.82, speed: 0.85, skill: 0.02, dealWeight: 1 },
  },
  // Quarter-end bulk mover: stages updated in one sitting on the last day, deals closed at a discount.
  {
    key: 'rep-10',
    name: 'Jake Thompson',
    email: 'jake.thompson@stagecoach-demo.example',
    role: 'AE',
    team: 'Team South',
    managerKey: SOUTH,
    startDaysAgo: 870,
    profile: { ...base, compliance: 0.6, quarterEndBulk: true, dealWeight: 1.1 },
  },
  // The new hire whose ramp view should show month-over-month improvement.
  {
    key: 'rep-11',
    name: 'Amara Nwosu',
    email: 'amara.nwosu@stagecoach-demo.example',
    role: 'AE',
    team: 'Team South',
    managerKey: SOUTH,
    startDaysAgo: 152,
    profile: { ...base, compliance: 0.35, ramp: { from: 0.35, perMonth: 0.14 }, speed: 1.2, dealWeight: 0.9 },
  },
  {
    key: 'rep-12',
    name: 'Sofia Lindqvist',
    email: 'sofia.lindqvist@stagecoach-demo.example',
    role: 'SDR',
    team: 'Team South',
    managerKey: SOUTH,
    startDaysAgo: 420,
    profile: { ...base, compliance: 0.68 },
  },
  {
    key: 'rep-13',
    name: 'Émilie Dubois',
    email: 'emilie.dubois@stagecoach-demo.example',
    role: 'CS',
    team: 'Team South',
    managerKey: SOUTH,
    startDaysAgo: 760,
    profile: { ...base, compliance: 0.8 },
  },
];

export const TOP_PERFORMER_KEY = 'rep-03';
export const SLOPPY_REP_KEY = 'rep-05';
export const QUARTER_END_REP_KEY = 'rep-10';
export const NEW_HIRE_KEY = 'rep-11';

/** The probability that a rep does `habit` on a deal created at `at` (ramping for new hires). */
export function habitChance(entry: RosterEntry, habit: Habit, at: number, now: number): number {
  const { profile } = entry;
  if (profile.ramp) {
    const start = now - entry.startDaysAgo * DAY;
    return Math.min(0.92, profile.ramp.from + profile.ramp.perMonth * monthsBetween(start, at));
  }
  return profile.overrides[habit] ?? profile.compliance;
}

/** Skill of a rep at a point in time; a new hire starts below the team and catches up. */
export function skillAt(entry: RosterEntry, at: number, now: number): number {
  const { profile } = entry;
  if (!profile.ramp) return profile.skill;
  const start = now - entry.startDaysAgo * DAY;
  return Math.min(0.03, -0.06 + 0.03 * monthsBetween(start, at));
}
