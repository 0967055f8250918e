import { derivedBasis } from '@shared/import/derivedHistory';
import { evaluateDeal } from '@shared/evaluation/evaluate';
import type { DealEvaluation } from '@shared/evaluation/types';
import type {
  ComplianceCounts,
  ComplianceDealRow,
  ComplianceReport,
  DealChecklist,
  WorkflowVersionSummary,
} from '@shared/evaluation/views';
import type { WorkflowVersion } from '@shared/domain/types';
import { periodBounds } from '@shared/metrics/period';
import { createActivityClassifier } from '@shared/workflow/activityTypes';
import type { RepRole } from '@shared/workflow/definition';
import { createStageMapper } from '@shared/workflow/stageMapping';
import type { ReportPeriodInput } from '@shared/api/contract';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { dataRevision } from '../queries/dataRevision';
import { currentWorkflow, workflowVersion } from '../queries/workflow';
import {
  type EvalDealRow,
  evalDealColumns,
  materializeEvaluations,
  toEvalDeal,
  workingHours,
} from './materialize';

const MAX_RESULT_AGE_MS = 6 * 3_600_000;

/** Every workflow version, newest first, with whether its stored evaluation is up to date. */
export function listWorkflowVersions(db: Db, now: number): WorkflowVersionSummary[] {
  const revision = dataRevision(db);
  const rows = db
    .prepare(
      `SELECT v.id, v.version, v.name, v.created_at AS createdAt, v.note, v.is_current AS isCurrent,
              r.computed_at AS evaluatedAt, r.as_of AS asOf, r.data_revision AS revision
       FROM workflow_versions v LEFT JOIN evaluation_runs r ON r.workflow_version_id = v.id
       ORDER BY v.version DESC`,
    )
    .all() as (Omit<WorkflowVersionSummary, 'isCurrent' | 'stale'> & {
    isCurrent: number;
    revision: number | null;
    asOf: number | null;
  })[];
  return rows.map(({ revision: stored, asOf, isCurrent, ...row }) => ({
    ...row,
    isCurrent: isCurrent === 1,
    stale: stored === null || stored !== revision || asOf === null || now - asOf >= MAX_RESULT_AGE_MS,
  }));
}

/**
 * The deals whose stored results can change with nothing but time: open deals (a running
 * deadline turns pending into missed) and closed ones still waiting for a handoff's first touch.
 */
function timeSensitiveDeals(db: Db, versionId: number): number[] {
  return db
    .prepare(
      `SELECT id FROM deals WHERE status = 'open'
       UNION SELECT deal_id FROM eval_handoffs WHERE workflow_version_id = ? AND status = 'pending'`,
    )
    .pluck()
    .all(versionId) as number[];
}

/** Evaluates a version when its stored results are missing or older than the data (or when forced). */
export function ensureEvaluated(
  db: Db,
  version: WorkflowVersion,
  now: number,
  force = false,
): { computed: boolean; deals: number } {
  const run = storedRun(db, version.id);
  const sameData = run !== undefined && run.revision === dataRevision(db);
  if (!force && sameData && now - run.asOf < MAX_RESULT_AGE_MS) return { computed: false, deals: run.deals };
  if (!force && sameData) {
    // Only time has passed: just the deals whose results can change with it are judged again.
    return {
      computed: true,
      ...materializeEvaluations(db, version, now, timeSensitiveDeals(db, version.id)),
    };
  }
  return { computed: true, ...materializeEvaluations(db, version, now) };
}

/** Above this share of the workspace's deals, a change is cheaper to evaluate in full. */
const PARTIAL_SHARE = 0.5;

/**
 * After one data change (which moved the data revision on by one): when the version's results
 * described the state just before it and the change touched a known set of deals, only those
 * deals are judged again (PRODUCT.md: results are recomputed for what an import touched);
 * otherwise — more changes since, or an unknown set — the version is evaluated in full.
 */
export function reevaluateAfterChange(
  db: Db,
  version: WorkflowVersion,
  now: number,
  touchedDealIds?: readonly number[],
): { computed: boolean; deals: number } {
  const run = storedRun(db, version.id);
  const partial =
    run !== undefined &&
    run.revision === dataRevision(db) - 1 &&
    touchedDealIds !== undefined &&
    touchedDealIds.length <= PARTIAL_SHARE * Math.max(run.deals, 1);
  if (!partial) return { computed: true, ...materializeEvaluations(db, version, now) };
  const aged = now - run.asOf >= MAX_RESULT_AGE_MS;
  const scope = aged
    ? [...new Set([...touchedDealIds, ...timeSensitiveDeals(db, version.id)])]
    : touchedDealIds;
  return { computed: true, ...materializeEvaluations(db, version, now, scope, !aged) };
}

function storedRun(db: Db, versionId: number): { revision: number; asOf: number; deals: number } | undefined {
  return db
    .prepare(
      'SELECT data_revision AS revision, as_of AS asOf, deals FROM evaluation_runs WHERE workflow_version_id = ?',
    )
    .get(versionId) as { revision: number; asOf: number; deals: number } | undefined;
}

/**
 * The deals an import batch wrote: the ones it inserted or updated (stamped with its batch id),
 * the ones whose stage history or activities it wrote or moved away, and — since a rep's role
 * changes how their activities count — the deals of the reps it wrote. Read before an undo too,
 * since the undo takes exactly these rows back.
 */
export function dealsTouchedByBatch(db: Db, batchId: number): number[] {
  return db
    .prepare(
      `SELECT id FROM deals WHERE batch_id = @batch
       UNION SELECT deal_id FROM stage_events WHERE batch_id = @batch AND deal_id IS NOT NULL
       UNION SELECT deal_id FROM activities WHERE batch_id = @batch AND deal_id IS NOT NULL
       UNION SELECT row_id FROM batch_changes WHERE batch_id = @batch AND table_name = 'deals'
       UNION SELECT json_extract(before_json, '$.deal_id') FROM batch_changes
         WHERE batch_id = @batch AND table_name IN ('stage_events', 'activities')
           AND json_extract(before_json, '$.deal_id') IS NOT NULL
       UNION SELECT d.id FROM deals d JOIN reps r ON r.id = d.owner_id WHERE r.batch_id = @batch
       UNION SELECT a.deal_id FROM activities a JOIN reps r ON r.id = a.rep_id
         WHERE r.batch_id = @batch AND a.deal_id IS NOT NULL`,
    )
    .pluck()
    .all({ batch: batchId }) as number[];
}

/** Judges one deal live under a version (the current one by default), for the deal page. */
export function dealChecklist(
  db: Db,
  dealId: number,
  versionId: number | undefined,
  now: number,
): DealChecklist {
  const version = versionId === undefined ? currentWorkflow(db) : workflowVersion(db, versionId);
  const workflow = version.definition;
  const row = db.prepare(`SELECT ${evalDealColumns} FROM deals WHERE id = ?`).get(dealId) as
    | EvalDealRow
    | undefined;
  if (!row) throw new EngineError('not_found', `Deal ${dealId} does not exist in this workspace.`);
  const mapStage = createStageMapper(workflow);
  const classify = createActivityClassifier(workflow.activityRules);
  const events = (
    db
      .prepare(
        'SELECT id, source_stage AS sourceStage, entered_at AS enteredAt, external_id AS externalId, source_row AS sourceRow FROM stage_events WHERE deal_id = ?',
      )
      .all(dealId) as {
      id: number;
      sourceStage: string;
      enteredAt: number;
      externalId: string | null;
      sourceRow: string | null;
    }[]
  ).map(({ externalId, sourceRow, ...e }) => ({
    ...e,
    stageKey: mapStage(e.sourceStage),
    derived: derivedBasis(externalId, sourceRow),
  }));
  const activities = (
    db
      .prepare(
        `SELECT a.id, a.type, a.raw_type AS rawType, a.subject, a.occurred_at AS occurredAt, a.rep_id AS repId, r.role, a.contact
         FROM activities a LEFT JOIN reps r ON r.id = a.rep_id
         WHERE a.deal_id = ? AND coalesce(json_extract(a.fields, '$.done'), '') <> 'no'`,
      )
      .all(dealId) as {
      id: number;
      type: string;
      rawType: string | null;
      subject: string | null;
      occurredAt: number;
      repId: number | null;
      role: RepRole | null;
      contact: string | null;
    }[]
  ).map((a) => ({
    id: a.id,
    type: a.rawType === null ? a.type : classify(a.rawType, a.subject),
    subject: a.subject,
    occurredAt: a.occurredAt,
    repId: a.repId,
    repRole: a.role,
    contact: a.contact,
  }));
  const deal = toEvalDeal(row, events, activities);
  return {
    versionId: version.id,
    version: version.version,
    stageNames: Object.fromEntries(workflow.stages.map((s) => [s.key, s.name])),
    evaluation: withStoredBulkFlag(
      db,
      version.id,
      evaluateDeal(deal, workflow, { now, workingHours: workingHours(db) }),
    ),
  };
}

/**
 * Bulk moves at quarter end are found across all deals when a version is evaluated; a deal
 * judged on its own takes that finding from the stored results.
 */
function withStoredBulkFlag(db: Db, versionId: number, evaluation: DealEvaluation): DealEvaluation {
  const stored = db
    .prepare(
      "SELECT detail FROM eval_flags WHERE workflow_version_id = ? AND deal_id = ? AND kind = 'quarter_end_bulk'",
    )
    .get(versionId, evaluation.dealId) as { detail: string } | undefined;
  if (!stored || evaluation.flags.some((f) => f.kind === 'quarter_end_bulk')) return evaluation;
  return { ...evaluation, flags: [...evaluation.flags, { kind: 'quarter_end_bulk', detail: stored.detail }] };
}

type CountRow = { onTime: number; late: number; missed: number; pending: number };

function toCounts(row: CountRow | undefined): ComplianceCounts {
  const onTime = row?.onTime ?? 0;
  const late = row?.late ?? 0;
  const missed = row?.missed ?? 0;
  const pending = row?.pending ?? 0;
  const settled = onTime + late + missed;
  return {
    due: settled + pending,
    onTime,
    late,
    missed,
    pending,
    rate: settled === 0 ? null : onTime / settled,
  };
}

const countColumns = `sum(a.status = 'on_time') AS onTime, sum(a.status = 'late') AS late,
  sum(a.status = 'missed') AS missed, sum(a.status = 'pending') AS pending`;

function resolveVersion(db: Db, versionId: number | undefined): WorkflowVersion {
  return versionId === undefined ? currentWorkflow(db) : workflowVersion(db, versionId);
}

function requireEvaluated(db: Db, version: WorkflowVersion): void {
  const run = db.prepare('SELECT 1 FROM evaluation_runs WHERE workflow_version_id = ?').get(version.id);
  if (!run) {
    throw new EngineError(
      'not_found',
      `Workflow version ${version.version} has not been evaluated yet: evaluate it first.`,
    );
  }
}

/** The filter shared by compliance queries: the version, actions due in the period, optional teams. */
function complianceWhere(
  input: ReportPeriodInput,
  version: WorkflowVersion,
): { sql: string; params: unknown[] } {
  const { start, end } = periodBounds(input);
  const params: unknown[] = [version.id, start, end];
  let sql = `a.workflow_version_id = ? AND a.anchor_at >= ? AND a.anchor_at < ?`;
  if (input.teams?.length) {
    sql += ` AND r.team IN (${input.teams.map(() => '?').join(', ')})`;
    params.push(...input.teams);
  }
  return { sql, params };
}

type CountCell = CountRow & { repId: number | null; stageKey: string; actionKey: string };

/** The first instant of the UTC month `ms` falls in, moved on by `months`. */
function monthStart(ms: number, months = 0): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
}

/**
 * Compliance counts at the finest grain (rep × stage × action) for actions due in the period:
 * whole calendar months come from the monthly roll-up, the partial months at either edge from
 * the action rows themselves — the same figures as one scan of every row, read in a fraction of it.
 */
function complianceCounts(db: Db, version: WorkflowVersion, input: ReportPeriodInput): CountCell[] {
  const { start, end } = periodBounds(input);
  const firstWhole = start === monthStart(start) ? start : monthStart(start, 1);
  const lastWhole = monthStart(end);
  const teams = input.teams?.length ? input.teams : null;
  const teamSql = teams ? ` AND r.team IN (${teams.map(() => '?').join(', ')})` : '';
  const teamJoin = (alias: string): string => (teams ? `LEFT JOIN reps r ON r.id = ${alias}.owner_id` : '');
  const fromRows = (from: number, to: number): CountCell[] =>
    from >= to
      ? []
      : (db
          .prepare(
            `SELECT a.owner_id AS repId, a.stage_key AS stageKey, a.action_key AS actionKey, ${countColumns}
             FROM eval_actions a ${teamJoin('a')}
             WHERE a.workflow_version_id = ? AND a.anchor_at >= ? AND a.anchor_at < ?${teamSql}
             GROUP BY a.owner_id, a.stage_key, a.action_key`,
          )
          .all(version.id, from, to, ...(teams ?? [])) as CountCell[]);
  if (firstWhole >= lastWhole) return fromRows(start, end);
  const whole = db
    .prepare(
      `SELECT m.owner_id AS repId, m.stage_key AS stageKey, m.action_key AS actionKey, sum(m.on_time) AS onTime,
              sum(m.late) AS late, sum(m.missed) AS missed, sum(m.pending) AS pending
       FROM eval_action_months m ${teamJoin('m')}
       WHERE m.workflow_version_id = ? AND m.month_start >= ? AND m.month_start < ?${teamSql}
       GROUP BY m.owner_id, m.stage_key, m.action_key`,
    )
    .all(version.id, firstWhole, lastWhole, ...(teams ?? [])) as CountCell[];
  return [...fromRows(start, firstWhole), ...whole, ...fromRows(lastWhole, end)];
}

/**
 * The compliance heatmap: for actions due in the period (PRODUCT.md: due when the deal entered
 * the stage or the anchor happened inside it), on time / late / missed / pending per rep and
 * stage, per action, and for the team. Pending actions are never counted as missed.
 */
export function complianceReport(db: Db, input: ReportPeriodInput): ComplianceReport {
  const version = resolveVersion(db, input.versionId);
  requireEvaluated(db, version);
  const rows = complianceCounts(db, version, input);
  const add = (map: Map<string, CountRow>, key: string, row: CountRow): void => {
    const sum = map.get(key) ?? { onTime: 0, late: 0, missed: 0, pending: 0 };
    sum.onTime += row.onTime;
    sum.late += row.late;
    sum.missed += row.missed;
    sum.pending += row.pending;
    map.set(key, sum);
  };
  const cells = new Map<string, CountRow>();
  const byRep = new Map<string, CountRow>();
  const byAction = new Map<string, CountRow>();
  const team = new Map<string, CountRow>();
  for (const row of rows) {
    add(byAction, `${row.stageKey}\u0000${row.actionKey}`, row);
    add(team, 'team', row);
    if (row.repId === null) continue;
    add(cells, `${row.repId}\u0000${row.stageKey}`, row);
    add(byRep, String(row.repId), row);
  }
  const repInfo = new Map(
    (
      db.prepare('SELECT id, name, team FROM reps').all() as {
        id: number;
        name: string;
        team: string | null;
      }[]
    ).map((r) => [r.id, r]),
  );
  const workflow = version.definition;
  const labels = new Map<string, string>(
    workflow.stages.flatMap((s) =>
      s.requiredActions.map((a) => [`${s.key}\u0000${a.key}`, a.label] as const),
    ),
  );
  const stageOrder = new Map(workflow.stages.map((s, i) => [s.key, i]));
  const reps = [...byRep.entries()]
    .map(([id, counts]) => ({
      id: Number(id),
      name: repInfo.get(Number(id))?.name ?? `Rep ${id}`,
      team: repInfo.get(Number(id))?.team ?? null,
      totals: toCounts(counts),
    }))
    .sort((a, b) => (a.team ?? '\uffff').localeCompare(b.team ?? '\uffff') || a.name.localeCompare(b.name));
  return {
    versionId: version.id,
    version: version.version,
    from: input.from,
    to: input.to,
    reps,
    stages: workflow.stages
      .filter((s) => s.requiredActions.length > 0)
      .map((s) => ({ key: s.key, name: s.name })),
    actions: [...byAction.entries()]
      .map(([key, counts]) => {
        const [stageKey, actionKey] = key.split('\u0000') as [string, string];
        return { stageKey, actionKey, label: labels.get(key) ?? actionKey, totals: toCounts(counts) };
      })
      .sort((a, b) => (stageOrder.get(a.stageKey) ?? 99) - (stageOrder.get(b.stageKey) ?? 99)),
    cells: [...cells.entries()].map(([key, counts]) => {
      const [repId, stageKey] = key.split('\u0000') as [string, string];
      return { repId: Number(repId), stageKey, counts: toCounts(counts) };
    }),
    team: toCounts(team.get('team')),
  };
}

/** The deals behind a compliance figure: every action result that the figure counts. */
export function complianceDeals(
  db: Db,
  input: ReportPeriodInput & {
    repId?: number;
    stageKey?: string;
    actionKey?: string;
    statuses?: string[];
    /** Every matching action (a CSV export) instead of the latest 2,000; SQLite's LIMIT -1 is no limit. */
    all?: boolean;
  },
): ComplianceDealRow[] {
  const version = resolveVersion(db, input.versionId);
  requireEvaluated(db, version);
  const where = complianceWhere(input, version);
  let sql = where.sql;
  const params = [...where.params];
  if (input.repId !== undefined) {
    sql += ' AND a.owner_id = ?';
    params.push(input.repId);
  }
  if (input.stageKey) {
    sql += ' AND a.stage_key = ?';
    params.push(input.stageKey);
  }
  if (input.actionKey) {
    sql += ' AND a.action_key = ?';
    params.push(input.actionKey);
  }
  if (input.statuses?.length) {
    sql += ` AND a.status IN (${input.statuses.map(() => '?').join(', ')})`;
    params.push(...input.statuses);
  }
  const labels = new Map(
    version.definition.stages.flatMap((s) =>
      s.requiredActions.map((a) => [`${s.key}:${a.key}`, a.label] as const),
    ),
  );
  const rows = db
    .prepare(
      `SELECT a.deal_id AS dealId, d.name AS dealName, r.name AS ownerName, a.stage_key AS stageKey, a.action_key AS actionKey,
              a.status, a.anchor_at AS anchorAt, a.due_at AS dueAt, a.done_at AS doneAt, a.reason
       FROM eval_actions a JOIN deals d ON d.id = a.deal_id LEFT JOIN reps r ON r.id = a.owner_id
       WHERE ${sql} ORDER BY a.anchor_at DESC LIMIT ?`,
    )
    .all(...params, input.all ? -1 : 2000) as Omit<ComplianceDealRow, 'actionLabel'>[];
  return rows.map((row) => ({
    ...row,
    actionLabel: labels.get(`${row.stageKey}:${row.actionKey}`) ?? row.actionKey,
  }));
}
