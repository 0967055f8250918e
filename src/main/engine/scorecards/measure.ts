import { median } from 'simple-statistics';
import type { WorkflowVersion } from '@shared/domain/types';
import { msToDays, periodBounds } from '@shared/metrics/period';
import { summarizeOutcomes, type ClosedDeal } from '@shared/metrics/repOutcomes';
import { type ScorecardMetricKey, metricDefinition, scorecardMetricKeys } from '@shared/scorecards/metrics';
import type { ScorecardPeriod } from '@shared/scorecards/periods';
import { salesVelocity } from '@shared/scorecards/velocity';
import type { MetricValue, RepIdentity } from '@shared/scorecards/types';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import type { Db } from '../db/open';
import { closedDealsBetween } from '../queries/metrics';
import { storedStageFunnel } from '../reports/stageReports';
import { storedDiscountPercent } from './discount';
import { type ObservationStats, observationStatsByRep } from './observationStats';

const DAY_MS = 86_400_000;

type Settled = { good: number; settled: number };

/** The raw counts behind one owner's figures in one period; tallies add up to the team's. */
type Tally = {
  actions: Settled & { pending: number };
  demoFollowUps: Settled;
  proposalFollowUps: Settled;
  advancements: Settled;
  handoffs: Settled;
  visitDays: number[];
  stalls: Settled;
  stageEntries: Settled;
  closed: ClosedDeal[];
  openAtEnd: number;
  discounts: number[];
  observations: ObservationStats | null;
};

function emptyTally(): Tally {
  const settled = (): Settled => ({ good: 0, settled: 0 });
  return {
    actions: { ...settled(), pending: 0 },
    demoFollowUps: settled(),
    proposalFollowUps: settled(),
    advancements: settled(),
    handoffs: settled(),
    visitDays: [],
    stalls: settled(),
    stageEntries: settled(),
    closed: [],
    openAtEnd: 0,
    discounts: [],
    observations: null,
  };
}

/** A stage's time and conversion for one owner (or the team) in the period. */
export type StageMeasure = {
  key: string;
  entered: number;
  medianDays: number | null;
  conversion: number | null;
};

/** Every figure of one period, per rep and for the team (all its deals pooled). */
export type PeriodMeasures = {
  period: ScorecardPeriod;
  reps: Map<number, Record<ScorecardMetricKey, MetricValue>>;
  team: Record<ScorecardMetricKey, MetricValue>;
  stages: Map<number, StageMeasure[]>;
  teamStages: StageMeasure[];
  observations: Map<number, ObservationStats>;
};

/** Which reps a scorecard compares: every rep, or the reps of the given teams. */
export function scopeReps(db: Db, teams: readonly string[] | undefined): RepIdentity[] {
  const where = teams?.length ? `WHERE team IN (${teams.map(() => '?').join(', ')})` : '';
  return db
    .prepare(`SELECT id, name, role, team FROM reps ${where} ORDER BY name COLLATE NOCASE, id`)
    .all(...(teams ?? [])) as RepIdentity[];
}

/** The required actions a generic rule picks: those anchored on an activity of `activityType`. */
export function actionsAnchoredOn(workflow: WorkflowDefinition, activityType: string): Set<string> {
  return new Set(
    workflow.stages.flatMap((stage) =>
      stage.requiredActions
        .filter((a) => a.anchor.kind === 'activity' && a.anchor.activityType === activityType)
        .map((a) => `${stage.key}\u0000${a.key}`),
    ),
  );
}

function share({ good, settled }: Settled): number | null {
  return settled === 0 ? null : good / settled;
}

function medianOrNull(values: readonly number[]): number | null {
  return values.length === 0 ? null : median([...values]);
}

/** A tally's figures; `minSample` marks deal-based values on too few items as not enough to rank. */
function figuresOf(tally: Tally, minSample: number): Record<ScorecardMetricKey, MetricValue> {
  const outcome = summarizeOutcomes(tally.closed);
  const cycles = tally.closed.filter((d) => d.outcome === 'won' && d.createdAt !== null).length;
  const obs = tally.observations;
  const checklistSettled = obs ? obs.checklist.done + obs.checklist.partial + obs.checklist.skipped : 0;
  const raw: Record<ScorecardMetricKey, { value: number | null; sample: number }> = {
    actions_on_time: { value: share(tally.actions), sample: tally.actions.settled },
    criteria_met: { value: share(tally.advancements), sample: tally.advancements.settled },
    handoff_sla: { value: share(tally.handoffs), sample: tally.handoffs.settled },
    days_in_stage: { value: medianOrNull(tally.visitDays), sample: tally.visitDays.length },
    cycle_days: { value: outcome.medianCycleDays, sample: cycles },
    sales_velocity: { value: salesVelocity(tally.closed, tally.openAtEnd), sample: tally.closed.length },
    win_rate: { value: outcome.winRate, sample: tally.closed.length },
    stage_conversion: { value: share(tally.stageEntries), sample: tally.stageEntries.settled },
    demo_follow_up: { value: share(tally.demoFollowUps), sample: tally.demoFollowUps.settled },
    proposal_follow_up: { value: share(tally.proposalFollowUps), sample: tally.proposalFollowUps.settled },
    stall_rate: { value: share(tally.stalls), sample: tally.stalls.settled },
    discount: {
      value:
        tally.discounts.length === 0
          ? null
          : tally.discounts.reduce((s, v) => s + v, 0) / tally.discounts.length,
      sample: tally.discounts.length,
    },
    rubric_average: {
      value: obs && obs.scoreCount > 0 ? obs.scoreSum / obs.scoreCount : null,
      sample: obs?.observations ?? 0,
    },
    checklist_rate: {
      value: obs && checklistSettled > 0 ? obs.checklist.done / checklistSettled : null,
      sample: obs?.observations ?? 0,
    },
  };
  return Object.fromEntries(
    scorecardMetricKeys.map((key) => {
      const { value, sample } = raw[key];
      const needed = metricDefinition(key).basis === 'observations' ? 1 : minSample;
      return [key, { value, sample, enough: value !== null && sample >= needed }];
    }),
  ) as Record<ScorecardMetricKey, MetricValue>;
}

function addSettled(into: Settled, from: Settled): void {
  into.good += from.good;
  into.settled += from.settled;
}

function mergeTallies(tallies: readonly Tally[]): Tally {
  const team = emptyTally();
  for (const t of tallies) {
    addSettled(team.actions, t.actions);
    team.actions.pending += t.actions.pending;
    addSettled(team.demoFollowUps, t.demoFollowUps);
    addSettled(team.proposalFollowUps, t.proposalFollowUps);
    addSettled(team.advancements, t.advancements);
    addSettled(team.handoffs, t.handoffs);
    team.visitDays.push(...t.visitDays);
    addSettled(team.stalls, t.stalls);
    team.closed.push(...t.closed);
    team.openAtEnd += t.openAtEnd;
    team.discounts.push(...t.discounts);
  }
  return team;
}

/**
 * Measures one period for every owner of deals under a stored evaluation: action compliance
 * (actions whose anchor falls in the period), criteria at advancement (stage exits in it),
 * handoffs (triggered in it), time in stage and stalls (visits entered in it), the funnel
 * ({@link storedStageFunnel}), outcomes of the deals closed in it ({@link closedDealsBetween}),
 * and shadowing observations dated in it. The team pools every deal of the scope (all deals, or
 * those whose owner is in `reps` when teams narrow it), so its compliance is the heatmap's.
 */
export function measurePeriod(
  db: Db,
  version: WorkflowVersion,
  period: ScorecardPeriod,
  reps: readonly RepIdentity[],
  options: { minSample: number; narrowed: boolean },
): PeriodMeasures {
  const workflow = version.definition;
  const { start, end } = periodBounds(period);
  const tallies = new Map<number | null, Tally>();
  const tally = (owner: number | null): Tally => {
    let t = tallies.get(owner);
    if (!t) tallies.set(owner, (t = emptyTally()));
    return t;
  };

  const demoActions = actionsAnchoredOn(workflow, 'demo');
  const proposalActions = actionsAnchoredOn(workflow, 'proposal_sent');
  const actionRows = db
    .prepare(
      `SELECT owner_id AS ownerId, stage_key AS stageKey, action_key AS actionKey,
              sum(status = 'on_time') AS onTime, sum(status IN ('on_time', 'late', 'missed')) AS settled,
              sum(status = 'pending') AS pending
       FROM eval_actions WHERE workflow_version_id = ? AND anchor_at >= ? AND anchor_at < ?
       GROUP BY owner_id, stage_key, action_key`,
    )
    .all(version.id, start, end) as {
    ownerId: number | null;
    stageKey: string;
    actionKey: string;
    onTime: number;
    settled: number;
    pending: number;
  }[];
  for (const row of actionRows) {
    const t = tally(row.ownerId);
    const counts = { good: row.onTime, settled: row.settled };
    addSettled(t.actions, counts);
    t.actions.pending += row.pending;
    const key = `${row.stageKey}\u0000${row.actionKey}`;
    if (demoActions.has(key)) addSettled(t.demoFollowUps, counts);
    if (proposalActions.has(key)) addSettled(t.proposalFollowUps, counts);
  }

  for (const row of db
    .prepare(
      `SELECT owner_id AS ownerId, count(*) AS settled, sum(criteria_held = criteria_checked) AS good
       FROM eval_visits WHERE workflow_version_id = ? AND entered_at < ? AND exited_at >= ? AND exited_at < ?
         AND criteria_checked > 0
       GROUP BY owner_id`,
    )
    .all(version.id, end, start, end) as ({ ownerId: number | null } & Settled)[]) {
    addSettled(tally(row.ownerId).advancements, row);
  }

  for (const row of db
    .prepare(
      `SELECT owner_id AS ownerId, sum(status = 'met') AS good, sum(status <> 'pending') AS settled
       FROM eval_handoffs WHERE workflow_version_id = ? AND triggered_at >= ? AND triggered_at < ?
       GROUP BY owner_id`,
    )
    .all(version.id, start, end) as ({ ownerId: number | null } & Settled)[]) {
    addSettled(tally(row.ownerId).handoffs, row);
  }

  const openStages = workflow.stages.filter((s) => !s.outcome);
  const targets = new Map(openStages.map((s) => [s.key, s.targetDays ?? null]));
  for (const row of db
    .prepare(
      `SELECT owner_id AS ownerId, stage_key AS stageKey, duration_ms AS durationMs FROM eval_visits
       WHERE workflow_version_id = ? AND entered_at >= ? AND entered_at < ?
         AND stage_key IN (${openStages.map(() => '?').join(', ')})`,
    )
    .all(version.id, start, end, ...openStages.map((s) => s.key)) as {
    ownerId: number | null;
    stageKey: string;
    durationMs: number;
  }[]) {
    const t = tally(row.ownerId);
    t.visitDays.push(msToDays(row.durationMs));
    const target = targets.get(row.stageKey);
    if (target) {
      t.stalls.settled++;
      if (row.durationMs > target * DAY_MS) t.stalls.good++;
    }
  }

  const closed = closedDealsBetween(db, workflow, start, end);
  for (const deal of closed) tally(deal.ownerId).closed.push(deal);
  const wonIds = closed.filter((d) => d.outcome === 'won' && d.dealId !== undefined).map((d) => d.dealId!);
  const selectFields = db.prepare(
    'SELECT owner_id AS ownerId, custom_fields AS fields FROM deals WHERE id = ?',
  );
  const wonDiscounts = wonIds.map((id) => {
    const row = selectFields.get(id) as { ownerId: number | null; fields: string };
    return { ownerId: row.ownerId, discount: storedDiscountPercent(row.fields) };
  });
  // A CRM that records discounts leaves the field empty on full-price deals: those count as 0%.
  if (wonDiscounts.some((d) => d.discount !== null)) {
    for (const { ownerId, discount } of wonDiscounts) tally(ownerId).discounts.push(discount ?? 0);
  }
  for (const row of db
    .prepare(
      `SELECT owner_id AS ownerId, count(*) AS n FROM deals
       WHERE (created_at IS NULL OR created_at < @end)
         AND (status = 'open' OR (closed_at IS NOT NULL AND closed_at >= @end))
       GROUP BY owner_id`,
    )
    .all({ end }) as { ownerId: number | null; n: number }[]) {
    tally(row.ownerId).openAtEnd = row.n;
  }

  const observations = observationStatsByRep(db, period);
  for (const [repId, stats] of observations) tally(repId).observations = stats;

  const toStages = (funnel: ReturnType<typeof storedStageFunnel>): StageMeasure[] =>
    funnel.map((s) => ({
      key: s.key,
      entered: s.entered,
      medianDays: s.perVisit.medianDays,
      conversion: s.conversionToNext,
    }));
  const stages = new Map<number, StageMeasure[]>();
  const repFigures = new Map<number, Record<ScorecardMetricKey, MetricValue>>();
  for (const rep of reps) {
    const funnel = storedStageFunnel(db, version, start, end, {
      from: period.from,
      to: period.to,
      ownerIds: [rep.id],
    });
    const t = tally(rep.id);
    t.stageEntries = funnel.reduce(
      (sum, s) => ({ good: sum.good + s.advanced, settled: sum.settled + s.entered }),
      { good: 0, settled: 0 },
    );
    stages.set(rep.id, toStages(funnel));
    repFigures.set(rep.id, figuresOf(t, options.minSample));
  }

  const inScope = options.narrowed
    ? reps.map((r) => tallies.get(r.id)).filter((t): t is Tally => t !== undefined)
    : [...tallies.values()];
  const teamTally = mergeTallies(inScope);
  // Narrowed to teams without a rep: nothing entered; an empty owner list would mean every owner.
  const teamFunnel =
    options.narrowed && reps.length === 0
      ? []
      : storedStageFunnel(db, version, start, end, {
          from: period.from,
          to: period.to,
          ...(options.narrowed ? { ownerIds: reps.map((r) => r.id) } : {}),
        });
  teamTally.stageEntries = teamFunnel.reduce(
    (sum, s) => ({ good: sum.good + s.advanced, settled: sum.settled + s.entered }),
    { good: 0, settled: 0 },
  );
  teamTally.observations = teamObservations(inScope);
  return {
    period,
    reps: repFigures,
    team: figuresOf(teamTally, options.minSample),
    stages,
    teamStages: toStages(teamFunnel),
    observations,
  };
}

function teamObservations(tallies: readonly Tally[]): ObservationStats | null {
  const all = tallies.map((t) => t.observations).filter((o): o is ObservationStats => o !== null);
  if (all.length === 0) return null;
  return {
    observations: all.reduce((s, o) => s + o.observations, 0),
    rubric: [],
    checklist: {
      done: all.reduce((s, o) => s + o.checklist.done, 0),
      partial: all.reduce((s, o) => s + o.checklist.partial, 0),
      skipped: all.reduce((s, o) => s + o.checklist.skipped, 0),
      na: all.reduce((s, o) => s + o.checklist.na, 0),
    },
    tags: [],
    scoreSum: all.reduce((s, o) => s + o.scoreSum, 0),
    scoreCount: all.reduce((s, o) => s + o.scoreCount, 0),
  };
}
