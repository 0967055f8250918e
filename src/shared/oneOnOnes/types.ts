import type { EpochMs, IsoDate } from '../domain/types';
import type { RepRole } from '../workflow/definition';
import type { FigureChange, PrepFigures } from './figures';
import type { RankedGap } from './gaps';
import type { CommitmentRule, RuleCheck } from './rules';
import type { ScorecardSnapshot } from './scorecardDeltas';

/** What the one-on-one API answers with. */

export type OneOnOneStatus = 'draft' | 'held';
export const commitmentStatuses = ['open', 'met', 'not_met', 'dropped'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

export type CommitmentItem = {
  id: number;
  repId: number;
  text: string;
  dueOn: IsoDate | null;
  status: CommitmentStatus;
  createdAt: EpochMs;
  resolvedAt: EpochMs | null;
  resolutionNote: string | null;
  /** The one-on-one it was made in, or the observation it came from. */
  oneOnOneId: number | null;
  observationId: number | null;
  rule: CommitmentRule | null;
  /** The rule in words. */
  ruleText: string | null;
  /** The rule measured against the evaluation over the commitment's window; null without a rule. */
  check: RuleCheck | null;
  /** Open and past its due date. */
  overdue: boolean;
};

export type OneOnOneRecord = {
  id: number;
  repId: number;
  manager: string | null;
  /** The day it was held; for a draft, the day it is prepared for. */
  heldOn: IsoDate;
  status: OneOnOneStatus;
  notes: string;
  talkingPoints: string[];
  /** The period its prep looked at (held one-on-ones marked in the app). */
  periodFrom: IsoDate | null;
  periodTo: IsoDate | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  /** Commitments made in it. */
  commitments: CommitmentItem[];
};

export type DealRef = {
  dealId: number;
  dealName: string;
  amount: number | null;
  currency: string | null;
};

export type StalledDealRef = DealRef & {
  stageKey: string;
  stageName: string;
  /** Days in the stage so far, and the stage's target. */
  days: number;
  targetDays: number;
  /** When it went over the target. */
  stalledAt: EpochMs;
};

export type ClosedDealRef = DealRef & {
  outcome: 'won' | 'lost';
  closedAt: EpochMs;
  /** The stage the deal was in before it closed. */
  fromStageName: string | null;
  lostReason: string | null;
};

/** One broken rule instance: an action missed or done late, or a stage left without its criteria. */
export type BrokenRuleDeal = {
  dealId: number;
  dealName: string;
  at: EpochMs;
  status: 'missed' | 'late' | 'failed';
  detail: string;
};

export type BrokenRule = {
  kind: 'action' | 'criteria';
  stageKey: string;
  stageName: string;
  /** The action key, or the stage key for criteria. */
  key: string;
  label: string;
  /** The latest instances, at most six. */
  deals: BrokenRuleDeal[];
  /** Every instance since the last one-on-one. */
  total: number;
};

export type PrepChanges = {
  /** The start of what "since last time" covers. */
  since: IsoDate;
  sinceLastOneOnOne: boolean;
  /** Each headline figure now against the last one-on-one. */
  figures: FigureChange[];
  /**
   * Where the "then" figures come from: the last one-on-one's snapshot, the same figures
   * recomputed for its date from the data as it stands now (one-on-ones held before snapshots
   * were kept), or — with no one-on-one before — the 30 days before the current window.
   */
  thenSource: 'snapshot' | 'recomputed' | 'previous_period' | null;
  thenWindow: { from: IsoDate; to: IsoDate } | null;
  newStalls: StalledDealRef[];
  brokenRules: BrokenRule[];
  brokenTotal: number;
  won: ClosedDealRef[];
  lost: ClosedDealRef[];
};

/** One scorecard figure as the prep compares it: this period, the team, last period, last one-on-one. */
export type PrepScorecardFigure = {
  key: string;
  label: string;
  unit: 'share' | 'days' | 'money_per_day' | 'percent' | 'score';
  direction: 'higher' | 'lower';
  value: number | null;
  sample: number;
  sampleNoun: string;
  /** False when the sample is under the scorecard's minimum. */
  enough: boolean;
  benchmark: number | null;
  percentile: number | null;
  previous: number | null;
  delta: number | null;
  change: 'better' | 'worse' | 'same' | null;
  /** The figure as the scorecard showed it when the last one-on-one was marked held. */
  atLastOneOnOne: number | null;
  sinceLast: number | null;
  sinceLastChange: 'better' | 'worse' | 'same' | null;
};

/** The rep's scorecard for the running month, against the team and the last one-on-one. */
export type PrepScorecard = {
  period: { label: string; from: IsoDate; to: IsoDate };
  previousLabel: string;
  partial: boolean;
  /** The period the last one-on-one's snapshot was taken in, when it kept one. */
  lastOneOnOnePeriod: string | null;
  figures: PrepScorecardFigure[];
};

export type GapEvidence = {
  dealId: number;
  dealName: string;
  at: EpochMs;
  outcome: string;
  detail: string;
};

export type GapView = RankedGap & {
  evidence: GapEvidence[];
  evidenceTotal: number;
  /** The Execution drill-down behind an action gap. */
  drill: { from: IsoDate; to: IsoDate; repId: number; stageKey: string; actionKey: string } | null;
  suggestion: { text: string; rule: CommitmentRule };
};

export type RiskReason =
  | { kind: 'stalled'; days: number; targetDays: number }
  | { kind: 'missed_actions'; labels: string[] }
  | { kind: 'no_next_step'; detail: string };

export type RiskDeal = DealRef & {
  /**
   * The amount in the workspace's corporate currency at today's rate (the same as `amount` for a
   * deal in it); null without an amount or when its currency has no rate.
   */
  corporateAmount: number | null;
  account: string | null;
  stageKey: string;
  stageName: string;
  daysInStage: number;
  targetDays: number | null;
  lastActivityAt: EpochMs | null;
  reasons: RiskReason[];
};

export type ObservationItem = {
  id: number;
  coach: string;
  observedOn: IsoDate;
  dealId: number | null;
  dealName: string | null;
  stageName: string | null;
  checklist: { done: number; partial: number; skipped: number; na: number };
  /** Checklist items marked skipped or partial, by label. */
  missed: { label: string; state: 'skipped' | 'partial' }[];
  rubricAverage: number | null;
  /** Rubric criteria scored 2 or lower. */
  lowScores: { criterion: string; score: number }[];
  tags: { tag: string; tone: 'positive' | 'negative' | 'neutral' }[];
  notes: string;
};

export type TalkingPointSource = 'commitment' | 'change' | 'gap' | 'risk' | 'observation' | 'win';

export type TalkingPoint = { text: string; source: TalkingPointSource };

/** The workflow as the rule picker offers it. */
export type RuleOptionStage = {
  key: string;
  name: string;
  targetDays: number | null;
  hasCriteria: boolean;
  actions: { key: string; label: string }[];
};

export type RepHeader = {
  id: number;
  name: string;
  role: RepRole;
  team: string | null;
  managerName: string | null;
  startDate: IsoDate | null;
};

export type OneOnOnePrep = {
  rep: RepHeader;
  today: IsoDate;
  versionId: number;
  version: number;
  /** The last one-on-one marked held, which this prep starts from. */
  last: OneOnOneRecord | null;
  /** The one-on-one being prepared: notes, talking points and commitments saved so far. */
  draft: OneOnOneRecord | null;
  figures: PrepFigures;
  changes: PrepChanges;
  /**
   * The scorecard as it stood when the last one-on-one was marked held; the page sets the
   * running month's scorecard (scorecards:rep) against it with `scorecardDeltas`.
   */
  lastScorecard: ScorecardSnapshot | null;
  gaps: GapView[];
  gapWindow: { from: IsoDate; to: IsoDate };
  risks: RiskDeal[];
  observations: ObservationItem[];
  /** Open commitments, those made last time, and those resolved since. */
  commitments: CommitmentItem[];
  suggestedTalkingPoints: TalkingPoint[];
  ruleOptions: RuleOptionStage[];
};

/** A row of the rep picker. */
export type OneOnOneRepRow = {
  id: number;
  name: string;
  role: RepRole;
  team: string | null;
  managerName: string | null;
  lastHeldOn: IsoDate | null;
  /** When a draft exists: when it was last saved. */
  draftUpdatedAt: EpochMs | null;
  openCommitments: number;
  overdueCommitments: number;
  /** Open deals at risk, as the prep lists them: stalled, missing required actions, or without a next step. */
  atRisk: number;
  stalled: number;
};

export type RampMetricKey = 'compliance' | 'conversion' | 'winRate';

/** A rate in one month of tenure, with what it rests on. */
export type RampValue = { rate: number | null; ok: number; total: number };

export type RampMonth = {
  index: number;
  from: EpochMs;
  to: EpochMs;
  complete: boolean;
  compliance: RampValue;
  conversion: RampValue;
  winRate: RampValue;
};

export type RampCurvePoint = {
  index: number;
  compliance: { median: number | null; reps: number };
  conversion: { median: number | null; reps: number };
  winRate: { median: number | null; reps: number };
};

export type RampHire = {
  repId: number;
  name: string;
  role: RepRole;
  team: string | null;
  startDate: IsoDate;
  months: RampMonth[];
  /** Reps in the same role who started before this one, with data from their own first months. */
  earlierHires: { repId: number; name: string; startDate: IsoDate }[];
  /** Median of those earlier hires per month of tenure. */
  earlierCurve: RampCurvePoint[];
};

export type RampReport = {
  versionId: number;
  version: number;
  /** Reps who started within this many months are new hires. */
  windowMonths: number;
  /** Months of tenure the curves show. */
  horizonMonths: number;
  /** The earliest stage entry in the workspace: tenure months before it have no data. */
  dataFrom: EpochMs | null;
  hires: RampHire[];
  /** Per role: the median of reps with a year or more of tenure over the last 90 days. */
  tenured: {
    role: RepRole;
    reps: number;
    compliance: number | null;
    conversion: number | null;
    winRate: number | null;
  }[];
};
