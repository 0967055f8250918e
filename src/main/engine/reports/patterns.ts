import type { WorkflowVersion } from '@shared/domain/types';
import type {
  Bottleneck,
  BottlenecksReport,
  FailurePointsReport,
  FailureStage,
  PatternsReport,
} from '@shared/metrics/failures';
import { stageFunnel, summarizeDurations } from '@shared/metrics/funnel';
import { actionPatterns, type PatternDeal, topQuartileReps } from '@shared/metrics/patterns';
import { msToDays, periodBounds } from '@shared/metrics/period';
import type { Db } from '../db/open';
import { closedDealsBetween } from '../queries/metrics';
import { periodVisits, type ReportFilter, resolveEvaluatedVersion } from './stageReports';

function actionLabels(version: WorkflowVersion): Map<string, string> {
  return new Map(
    version.definition.stages.flatMap((s) =>
      s.requiredActions.map((a) => [`${s.key}:${a.key}`, a.label] as const),
    ),
  );
}

/** Whether a deal owner is inside the report's rep and team filters. */
export function ownerAllowed(db: Db, filter: ReportFilter): (ownerId: number | null) => boolean {
  const owners = filter.ownerIds?.length ? new Set(filter.ownerIds) : null;
  const team = filter.teams?.length
    ? new Set(
        (
          db
            .prepare(`SELECT id FROM reps WHERE team IN (${filter.teams.map(() => '?').join(', ')})`)
            .all(...filter.teams) as { id: number }[]
        ).map((r) => r.id),
      )
    : null;
  return (id) => (!owners || (id !== null && owners.has(id))) && (!team || (id !== null && team.has(id)));
}

/** Which actions and habits go with winning: closed deals of the period, with and without each action done on time. */
export function patternsReport(db: Db, filter: ReportFilter): PatternsReport {
  const version = resolveEvaluatedVersion(db, filter.versionId);
  const { start, end } = periodBounds(filter);
  const allowed = ownerAllowed(db, filter);
  const closed = closedDealsBetween(db, version.definition, start, end).filter((d) => allowed(d.ownerId));
  const deals = new Map<number, PatternDeal>();
  for (const d of closed) {
    if (d.dealId === undefined) continue;
    deals.set(d.dealId, {
      dealId: d.dealId,
      ownerId: d.ownerId,
      won: d.outcome === 'won',
      cycleDays: d.createdAt === null ? null : msToDays(d.closedAt - d.createdAt),
      actions: new Map(),
    });
  }
  for (const row of db
    .prepare(
      `SELECT deal_id AS dealId, stage_key AS stageKey, action_key AS actionKey, status FROM eval_actions
       WHERE workflow_version_id = ? AND status IN ('on_time', 'late', 'missed')`,
    )
    .iterate(version.id) as Iterable<{
    dealId: number;
    stageKey: string;
    actionKey: string;
    status: string;
  }>) {
    const deal = deals.get(row.dealId);
    if (!deal) continue;
    const key = `${row.stageKey}:${row.actionKey}`;
    // A deal counts as having done the action when every time it came due it was on time.
    deal.actions.set(key, (deal.actions.get(key) ?? true) && row.status === 'on_time');
  }
  const list = [...deals.values()];
  const top = topQuartileReps(list);
  const names = new Map(
    (db.prepare('SELECT id, name FROM reps').all() as { id: number; name: string }[]).map((r) => [
      r.id,
      r.name,
    ]),
  );
  return {
    versionId: version.id,
    version: version.version,
    from: filter.from,
    to: filter.to,
    closedDeals: list.length,
    topQuartileReps: [...top].map((id) => ({ id, name: names.get(id) ?? `Rep ${id}` })),
    actions: actionPatterns(list, actionLabels(version)),
  };
}

type StuckDeal = { dealId: number; stageKey: string; visitIndex: number; durationMs: number };

function groupFailures(db: Db, version: WorkflowVersion, stuck: StuckDeal[]): FailureStage[] {
  const labels = actionLabels(version);
  const names = new Map(version.definition.stages.map((s) => [s.key, s.name]));
  const missedFor = db.prepare(
    `SELECT action_key AS actionKey FROM eval_actions
     WHERE workflow_version_id = ? AND deal_id = ? AND visit_index = ? AND status = 'missed'`,
  );
  const byStage = new Map<string, { durations: number[]; missed: Map<string, number> }>();
  for (const deal of stuck) {
    const group = byStage.get(deal.stageKey) ?? { durations: [], missed: new Map<string, number>() };
    group.durations.push(deal.durationMs);
    for (const { actionKey } of missedFor.all(version.id, deal.dealId, deal.visitIndex) as {
      actionKey: string;
    }[]) {
      group.missed.set(actionKey, (group.missed.get(actionKey) ?? 0) + 1);
    }
    byStage.set(deal.stageKey, group);
  }
  return [...byStage.entries()]
    .map(([stageKey, group]) => ({
      stageKey,
      stageName: names.get(stageKey) ?? stageKey,
      deals: group.durations.length,
      share: stuck.length === 0 ? 0 : group.durations.length / stuck.length,
      daysThere: summarizeDurations(group.durations),
      missedActions: [...group.missed.entries()]
        .map(([actionKey, deals]) => ({
          actionKey,
          label: labels.get(`${stageKey}:${actionKey}`) ?? actionKey,
          deals,
        }))
        .sort((a, b) => b.deals - a.deals),
    }))
    .sort((a, b) => b.deals - a.deals);
}

/**
 * Where lost and stalled deals stopped: for deals lost in the period, the last stage they reached
 * before losing, how long they sat there and which required actions they had missed there; the
 * same for open deals now over their stage's target days.
 */
export function failurePointsReport(db: Db, filter: ReportFilter, now: number): FailurePointsReport {
  const version = resolveEvaluatedVersion(db, filter.versionId);
  const { start, end } = periodBounds(filter);
  const lostKey = version.definition.stages.find((s) => s.outcome === 'lost')?.key;
  const allowed = ownerAllowed(db, filter);
  const visits = db
    .prepare(
      `SELECT deal_id AS dealId, owner_id AS ownerId, visit_index AS visitIndex, stage_key AS stageKey, entered_at AS enteredAt,
              exited_at AS exitedAt, duration_ms AS durationMs, next_stage_key AS nextStageKey
       FROM eval_visits WHERE workflow_version_id = ? ORDER BY deal_id, visit_index`,
    )
    .all(version.id) as {
    dealId: number;
    ownerId: number | null;
    visitIndex: number;
    stageKey: string | null;
    enteredAt: number;
    exitedAt: number | null;
    durationMs: number;
    nextStageKey: string | null;
  }[];
  const lost: StuckDeal[] = [];
  const stalled: StuckDeal[] = [];
  const targets = new Map(
    version.definition.stages.filter((s) => s.targetDays).map((s) => [s.key, s.targetDays! * 86_400_000]),
  );
  const openDeals = new Set(
    (db.prepare("SELECT id FROM deals WHERE status = 'open'").all() as { id: number }[]).map((r) => r.id),
  );
  for (let i = 0; i < visits.length; i++) {
    const visit = visits[i]!;
    if (!allowed(visit.ownerId) || visit.stageKey === null) continue;
    const next = visits[i + 1];
    if (
      visit.nextStageKey === lostKey &&
      next &&
      next.dealId === visit.dealId &&
      next.enteredAt >= start &&
      next.enteredAt < end
    ) {
      lost.push({
        dealId: visit.dealId,
        stageKey: visit.stageKey,
        visitIndex: visit.visitIndex,
        durationMs: visit.durationMs,
      });
    }
    if (
      visit.exitedAt === null &&
      openDeals.has(visit.dealId) &&
      targets.has(visit.stageKey) &&
      now - visit.enteredAt > targets.get(visit.stageKey)!
    ) {
      stalled.push({
        dealId: visit.dealId,
        stageKey: visit.stageKey,
        visitIndex: visit.visitIndex,
        durationMs: now - visit.enteredAt,
      });
    }
  }
  return {
    versionId: version.id,
    version: version.version,
    from: filter.from,
    to: filter.to,
    lost: { deals: lost.length, byStage: groupFailures(db, version, lost) },
    stalled: { deals: stalled.length, byStage: groupFailures(db, version, stalled) },
  };
}

/**
 * Bottleneck candidates: stages ranked by what they cost in the period — deals that entered and
 * went no further, days spent beyond the stage's target, required actions missed there.
 */
export function bottlenecksReport(db: Db, filter: ReportFilter): BottlenecksReport {
  const version = resolveEvaluatedVersion(db, filter.versionId);
  const { start, end } = periodBounds(filter);
  const visits = periodVisits(db, version.id, start, end, filter);
  const funnel = stageFunnel(visits, version.definition.stages, start, end);
  const allowed = ownerAllowed(db, filter);
  const missed = new Map<string, number>();
  for (const row of db
    .prepare(
      `SELECT stage_key AS stageKey, owner_id AS ownerId, count(*) AS n FROM eval_actions
       WHERE workflow_version_id = ? AND status = 'missed' AND anchor_at >= ? AND anchor_at < ? GROUP BY stage_key, owner_id`,
    )
    .all(version.id, start, end) as { stageKey: string; ownerId: number | null; n: number }[]) {
    if (allowed(row.ownerId)) missed.set(row.stageKey, (missed.get(row.stageKey) ?? 0) + row.n);
  }
  const rows: Omit<Bottleneck, 'score'>[] = funnel.map((stage) => {
    const target = version.definition.stages.find((s) => s.key === stage.key)?.targetDays;
    const mine = visits.filter((v) => v.stageKey === stage.key && v.enteredAt >= start && v.enteredAt < end);
    const over = target === undefined ? [] : mine.filter((v) => msToDays(v.durationMs) > target);
    return {
      stageKey: stage.key,
      stageName: stage.name,
      entered: stage.entered,
      dropOff: stage.entered - stage.advanced,
      conversionToNext: stage.conversionToNext,
      daysLost: target === undefined ? 0 : over.reduce((sum, v) => sum + msToDays(v.durationMs) - target, 0),
      overTargetVisits: over.length,
      missedActions: missed.get(stage.key) ?? 0,
    };
  });
  const max = (pick: (b: Omit<Bottleneck, 'score'>) => number): number => Math.max(1, ...rows.map(pick));
  const maxDrop = max((b) => b.dropOff);
  const maxDays = max((b) => b.daysLost);
  const maxMissed = max((b) => b.missedActions);
  return {
    versionId: version.id,
    version: version.version,
    from: filter.from,
    to: filter.to,
    stages: rows
      .map((b) => ({ ...b, score: b.dropOff / maxDrop + b.daysLost / maxDays + b.missedActions / maxMissed }))
      .sort((a, b) => b.score - a.score),
  };
}
