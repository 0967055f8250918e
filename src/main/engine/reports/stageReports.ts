import type { WorkflowVersion } from '@shared/domain/types';
import { type FunnelVisit, type StageFunnel, summarizeDurations } from '@shared/metrics/funnel';
import { processMap } from '@shared/metrics/processMap';
import { msToDays, periodBounds } from '@shared/metrics/period';
import { summarizeOutcomes } from '@shared/metrics/repOutcomes';
import type {
  FunnelDealGroup,
  FunnelDealRow,
  FunnelReport,
  ProcessMapReport,
  StalledDeal,
  TimeInStageReport,
} from '@shared/metrics/reports';
import type { ReportPeriodInput } from '@shared/api/contract';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { closedDealsBetween } from '../queries/metrics';
import { currentWorkflow, workflowVersion } from '../queries/workflow';

export type ReportFilter = ReportPeriodInput & { ownerIds?: number[] };

/** The version a report reads (the current one by default), refused when it has no stored evaluation. */
export function resolveEvaluatedVersion(db: Db, versionId: number | undefined): WorkflowVersion {
  const version = versionId === undefined ? currentWorkflow(db) : workflowVersion(db, versionId);
  if (!db.prepare('SELECT 1 FROM evaluation_runs WHERE workflow_version_id = ?').get(version.id)) {
    throw new EngineError(
      'not_found',
      `Workflow version ${version.version} has not been evaluated yet: evaluate it first.`,
    );
  }
  return version;
}

function ownerFilter(filter: ReportFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.ownerIds?.length) {
    clauses.push(`v.owner_id IN (${filter.ownerIds.map(() => '?').join(', ')})`);
    params.push(...filter.ownerIds);
  }
  if (filter.teams?.length) {
    clauses.push(
      `v.owner_id IN (SELECT id FROM reps WHERE team IN (${filter.teams.map(() => '?').join(', ')}))`,
    );
    params.push(...filter.teams);
  }
  return { sql: clauses.length ? ` AND ${clauses.join(' AND ')}` : '', params };
}

/** The visits of every deal that entered some stage in the period, all of them, in order. */
export function periodVisits(
  db: Db,
  versionId: number,
  start: number,
  end: number,
  filter: ReportFilter,
): FunnelVisit[] {
  const owners = ownerFilter(filter);
  return db
    .prepare(
      `SELECT v.deal_id AS dealId, v.owner_id AS ownerId, v.stage_key AS stageKey, v.entered_at AS enteredAt,
              v.exited_at AS exitedAt, v.duration_ms AS durationMs
       FROM eval_visits v
       WHERE v.workflow_version_id = ? ${owners.sql}
         AND v.deal_id IN (SELECT deal_id FROM eval_visits WHERE workflow_version_id = ? AND entered_at >= ? AND entered_at < ?)
       ORDER BY v.deal_id, v.visit_index`,
    )
    .all(versionId, ...owners.params, versionId, start, end) as FunnelVisit[];
}

/**
 * The funnel of {@link stageFunnel}, read from the stored visits: each visit knows its fate and
 * when its deal entered the same stage before and after it, so a deal's first visit in the
 * period and its per-deal time are found per stage with one covering-index range scan, without
 * loading every visit. The same figures as `stageFunnel` over `periodVisits` (tested).
 */
export function storedStageFunnel(
  db: Db,
  version: WorkflowVersion,
  start: number,
  end: number,
  filter: ReportFilter,
): StageFunnel[] {
  const owners = ownerFilter(filter);
  const range = `v.workflow_version_id = ? AND v.stage_key = ? AND v.entered_at >= ? AND v.entered_at < ?${owners.sql}`;
  const counts = db.prepare(
    `SELECT count(*) AS entered, coalesce(sum(v.fate IN ('next', 'skip')), 0) AS advanced,
            coalesce(sum(v.fate = 'skip'), 0) AS skippedNext, coalesce(sum(v.fate = 'lost'), 0) AS lost
     FROM eval_visits v WHERE ${range} AND (v.prev_same_at IS NULL OR v.prev_same_at < ?)`,
  );
  const durations = db.prepare(`SELECT v.duration_ms FROM eval_visits v WHERE ${range}`).pluck();
  // A visit sharing the period with another visit of its deal to the same stage adds to that
  // deal's total; every other visit is a deal's whole time on its own.
  const sharedSql = '(coalesce(v.prev_same_at, 0) >= ? OR coalesce(v.next_same_at, ?) < ?)';
  const shared = db
    .prepare(`SELECT v.deal_id, v.duration_ms FROM eval_visits v WHERE ${range} AND ${sharedSql}`)
    .raw(true);
  const alone = db
    .prepare(`SELECT v.duration_ms FROM eval_visits v WHERE ${range} AND NOT ${sharedSql}`)
    .pluck();
  return version.definition.stages
    .filter((stage) => !stage.outcome)
    .map((stage) => {
      const params = [version.id, stage.key, start, end, ...owners.params];
      const c = counts.get(...params, start) as Omit<
        StageFunnel,
        'key' | 'name' | 'perVisit' | 'perDeal' | 'conversionToNext'
      >;
      const perVisit = durations.all(...params) as number[];
      const edges = [start, end, end];
      const perDeal = alone.all(...params, ...edges) as number[];
      const totals = new Map<number, number>();
      for (const [dealId, duration] of shared.all(...params, ...edges) as [number, number][]) {
        totals.set(dealId, (totals.get(dealId) ?? 0) + duration);
      }
      perDeal.push(...totals.values());
      return {
        key: stage.key,
        name: stage.name,
        ...c,
        conversionToNext: c.entered === 0 ? null : c.advanced / c.entered,
        perVisit: summarizeDurations(perVisit),
        perDeal: summarizeDurations(perDeal),
      };
    });
}

const groupSql: Record<FunnelDealGroup, string> = {
  entered: '',
  advanced: " AND v.fate IN ('next', 'skip')",
  skipped: " AND v.fate = 'skip'",
  lost: " AND v.fate = 'lost'",
  dropped: " AND (v.fate IS NULL OR v.fate = 'lost')",
};

/** At most this many deals are listed behind one figure, the latest entries first. */
const FUNNEL_DEALS_LIMIT = 2000;

/**
 * The deals behind a funnel figure, counted exactly as {@link storedStageFunnel} counts them:
 * each deal once, by its first visit of the stage in the period. For a won or lost stage,
 * `entered` lists the deals that closed that way in the period.
 */
export function funnelDeals(
  db: Db,
  /** `all`: every matching deal (a CSV export) instead of the latest {@link FUNNEL_DEALS_LIMIT}. */
  filter: ReportFilter & { stageKey: string; group: FunnelDealGroup; all?: boolean },
): FunnelDealRow[] {
  const version = resolveEvaluatedVersion(db, filter.versionId);
  const { start, end } = periodBounds(filter);
  const owners = ownerFilter(filter);
  const rows = db
    .prepare(
      `SELECT v.deal_id AS dealId, d.name AS dealName, r.name AS ownerName, d.status, v.entered_at AS enteredAt,
              v.duration_ms AS durationMs, v.fate, v.next_stage_key AS nextStageKey
       FROM eval_visits v JOIN deals d ON d.id = v.deal_id LEFT JOIN reps r ON r.id = v.owner_id
       WHERE v.workflow_version_id = ? AND v.stage_key = ? AND v.entered_at >= ? AND v.entered_at < ?${owners.sql}
         AND (v.prev_same_at IS NULL OR v.prev_same_at < ?)${groupSql[filter.group]}
       ORDER BY v.entered_at DESC, v.deal_id LIMIT ${filter.all ? -1 : FUNNEL_DEALS_LIMIT}`,
    )
    .all(version.id, filter.stageKey, start, end, ...owners.params, start) as (Omit<
    FunnelDealRow,
    'durationDays'
  > & { durationMs: number })[];
  return rows.map(({ durationMs, ...row }) => ({ ...row, durationDays: msToDays(durationMs) }));
}

/**
 * Per owner, the deals in scope alive in [start, end) — created before its end, and open or
 * closed inside it — that carry the no-history data-trust flag, and how many of them closed.
 */
export function dealsWithoutHistory(
  db: Db,
  versionId: number,
  start: number,
  end: number,
  filter: ReportFilter,
): { ownerId: number | null; deals: number; closed: number }[] {
  const owners = ownerFilter(filter);
  return db
    .prepare(
      `SELECT v.owner_id AS ownerId, count(*) AS deals, coalesce(sum(v.status <> 'open'), 0) AS closed
       FROM eval_flags f JOIN deals v ON v.id = f.deal_id
       WHERE f.workflow_version_id = ? AND f.kind = 'no_history'
         AND coalesce(v.created_at, 0) < ? AND (v.status = 'open' OR v.closed_at >= ?)${owners.sql}
       GROUP BY v.owner_id`,
    )
    .all(versionId, end, start, ...owners.params) as {
    ownerId: number | null;
    deals: number;
    closed: number;
  }[];
}

/** Stage-to-stage conversion (skips counted apart), drop-off and the win rate of the period. */
export function funnelReport(db: Db, filter: ReportFilter): FunnelReport {
  const version = resolveEvaluatedVersion(db, filter.versionId);
  const { start, end } = periodBounds(filter);
  const stages = storedStageFunnel(db, version, start, end, filter);
  const ownerIds = filter.ownerIds?.length ? new Set(filter.ownerIds) : null;
  const teamOwners = filter.teams?.length
    ? new Set(
        (
          db
            .prepare(`SELECT id FROM reps WHERE team IN (${filter.teams.map(() => '?').join(', ')})`)
            .all(...filter.teams) as {
            id: number;
          }[]
        ).map((r) => r.id),
      )
    : null;
  const closed = closedDealsBetween(db, version.definition, start, end).filter(
    (d) =>
      (!ownerIds || (d.ownerId !== null && ownerIds.has(d.ownerId))) &&
      (!teamOwners || (d.ownerId !== null && teamOwners.has(d.ownerId))),
  );
  const withoutHistory = dealsWithoutHistory(db, version.id, start, end, filter).reduce(
    (sum, owner) => ({ deals: sum.deals + owner.deals, closed: sum.closed + owner.closed }),
    { deals: 0, closed: 0 },
  );
  return {
    versionId: version.id,
    version: version.version,
    from: filter.from,
    to: filter.to,
    stages,
    withoutHistory,
    outcomes: summarizeOutcomes(closed),
    closingStages: version.definition.stages.flatMap((s) =>
      s.outcome ? [{ key: s.key, name: s.name, outcome: s.outcome }] : [],
    ),
  };
}

const HISTOGRAM_EDGES_DAYS = [1, 3, 7, 14, 30, 60, 90];

/** Time in stage: distribution per stage, median by month of entry, and the stalled deals. */
export function timeInStageReport(db: Db, filter: ReportFilter, now: number): TimeInStageReport {
  const version = resolveEvaluatedVersion(db, filter.versionId);
  const { start, end } = periodBounds(filter);
  const visits = periodVisits(db, version.id, start, end, filter).filter(
    (v) => v.enteredAt >= start && v.enteredAt < end,
  );
  const stages = version.definition.stages.filter((s) => !s.outcome);
  const perStage = stages.map((stage) => {
    const mine = visits.filter((v) => v.stageKey === stage.key);
    const byMonth = new Map<string, number[]>();
    for (const v of mine) {
      const month = new Date(v.enteredAt).toISOString().slice(0, 7);
      byMonth.set(month, [...(byMonth.get(month) ?? []), v.durationMs]);
    }
    const histogram = [...HISTOGRAM_EDGES_DAYS, Infinity].map((upper, i) => {
      const lower = i === 0 ? 0 : HISTOGRAM_EDGES_DAYS[i - 1]!;
      return {
        fromDays: lower,
        toDays: Number.isFinite(upper) ? upper : null,
        visits: mine.filter((v) => msToDays(v.durationMs) >= lower && msToDays(v.durationMs) < upper).length,
      };
    });
    return {
      key: stage.key,
      name: stage.name,
      targetDays: stage.targetDays ?? null,
      perVisit: summarizeDurations(mine.map((v) => v.durationMs)),
      histogram,
      byMonth: [...byMonth.entries()]
        .sort()
        .map(([month, durations]) => ({ month, ...summarizeDurations(durations) })),
    };
  });
  const owners = ownerFilter(filter);
  const targets = new Map(stages.filter((s) => s.targetDays).map((s) => [s.key, s.targetDays! * 86_400_000]));
  const stalled = (
    db
      .prepare(
        `SELECT v.deal_id AS dealId, d.name AS dealName, r.name AS ownerName, v.stage_key AS stageKey, v.entered_at AS enteredAt
         FROM eval_visits v JOIN deals d ON d.id = v.deal_id LEFT JOIN reps r ON r.id = v.owner_id
         WHERE v.workflow_version_id = ? AND v.exited_at IS NULL AND d.status = 'open' ${owners.sql}`,
      )
      .all(version.id, ...owners.params) as Omit<StalledDeal, 'stageName' | 'ageDays' | 'targetDays'>[]
  )
    .filter(
      (d) => d.stageKey !== null && targets.has(d.stageKey) && now - d.enteredAt > targets.get(d.stageKey)!,
    )
    .map((d) => ({
      ...d,
      stageName: stages.find((s) => s.key === d.stageKey)?.name ?? d.stageKey ?? '',
      ageDays: msToDays(now - d.enteredAt),
      targetDays: msToDays(targets.get(d.stageKey!)!),
    }))
    .sort((a, b) => b.ageDays / b.targetDays - a.ageDays / a.targetDays);
  return {
    versionId: version.id,
    version: version.version,
    from: filter.from,
    to: filter.to,
    stages: perStage,
    stalled,
  };
}

/** The reality map: path variants and the directly-follows graph of the deals that moved in the period. */
export function processMapReport(
  db: Db,
  filter: ReportFilter & { outcome?: 'won' | 'lost' | 'open' },
): ProcessMapReport {
  const version = resolveEvaluatedVersion(db, filter.versionId);
  const { start, end } = periodBounds(filter);
  let visits = periodVisits(db, version.id, start, end, filter);
  if (filter.outcome) {
    const status = filter.outcome;
    const keep = new Set(
      (db.prepare('SELECT id FROM deals WHERE status = ?').all(status) as { id: number }[]).map((r) => r.id),
    );
    visits = visits.filter((v) => keep.has(v.dealId));
  }
  return {
    versionId: version.id,
    version: version.version,
    from: filter.from,
    to: filter.to,
    stages: version.definition.stages.map((s) => ({ key: s.key, name: s.name, outcome: s.outcome ?? null })),
    map: processMap(visits, version.definition.stages),
  };
}
