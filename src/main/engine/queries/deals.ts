import { derivedBasis, missingHistoryDetail } from '@shared/import/derivedHistory';
import type { DealsListInput } from '@shared/api/contract';
import type {
  ActivityRow,
  DealDetail,
  DealFacets,
  DealPage,
  DealRow,
  DealSortKey,
} from '@shared/domain/types';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { toStageVisits } from '@shared/workflow/stageVisits';
import type { Db } from '../db/open';
import { EngineError } from '../errors';

type DealRecord = {
  id: number;
  name: string;
  account: string | null;
  owner_id: number | null;
  owner_name: string | null;
  team: string | null;
  amount: number | null;
  currency: string | null;
  status: 'open' | 'won' | 'lost';
  stage_key: string | null;
  source_stage: string | null;
  pipeline: string | null;
  created_at: number | null;
  closed_at: number | null;
  stage_entered_at: number | null;
  source: string;
};

const dealColumns = `d.id, d.name, d.account, d.owner_id, r.name AS owner_name, r.team, d.amount, d.currency,
  d.status, d.stage_key, d.source_stage, d.pipeline, d.created_at, d.closed_at, d.stage_entered_at, d.source`;

function stageNamer(
  workflow: WorkflowDefinition,
): (key: string | null, source: string | null) => string | null {
  const names = new Map(workflow.stages.map((s) => [s.key, s.name]));
  return (key, source) => (key ? (names.get(key) ?? key) : source);
}

function toDealRow(
  row: DealRecord,
  stageName: (key: string | null, source: string | null) => string | null,
): DealRow {
  return {
    id: row.id,
    name: row.name,
    account: row.account,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    team: row.team,
    amount: row.amount,
    currency: row.currency,
    status: row.status,
    stageKey: row.stage_key,
    stageName: stageName(row.stage_key, row.source_stage),
    pipeline: row.pipeline,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    lastStageChangeAt: row.stage_entered_at,
    source: row.source,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function bindMarks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** Builds the WHERE clause shared by the deal list and its count. */
function dealFilter(input: DealsListInput): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const search = input.search?.trim();
  if (search) {
    const like = `%${escapeLike(search)}%`;
    clauses.push(
      "(d.name LIKE ? ESCAPE '\\' OR d.account LIKE ? ESCAPE '\\' OR r.name LIKE ? ESCAPE '\\' OR d.external_id = ?)",
    );
    params.push(like, like, like, search);
  }
  if (input.ownerIds?.length) {
    clauses.push(`d.owner_id IN (${bindMarks(input.ownerIds)})`);
    params.push(...input.ownerIds);
  }
  if (input.stageKeys?.length) {
    clauses.push(`d.stage_key IN (${bindMarks(input.stageKeys)})`);
    params.push(...input.stageKeys);
  }
  if (input.statuses?.length) {
    clauses.push(`d.status IN (${bindMarks(input.statuses)})`);
    params.push(...input.statuses);
  }
  if (input.teams?.length) {
    clauses.push(`r.team IN (${bindMarks(input.teams)})`);
    params.push(...input.teams);
  }
  if (input.createdFrom !== undefined) {
    clauses.push('d.created_at >= ?');
    params.push(input.createdFrom);
  }
  if (input.createdTo !== undefined) {
    clauses.push('d.created_at <= ?');
    params.push(input.createdTo);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function orderBy(sort: { key: DealSortKey; desc: boolean } | undefined, workflow: WorkflowDefinition) {
  const direction = sort?.desc ? 'DESC' : 'ASC';
  const params: unknown[] = [];
  let expression: string;
  switch (sort?.key) {
    case undefined:
      return { sql: 'ORDER BY d.created_at DESC, d.id DESC', params };
    case 'stageName':
      // Stages sort in workflow order, not alphabetically; unmapped stages last.
      expression = `CASE d.stage_key ${workflow.stages.map(() => 'WHEN ? THEN ?').join(' ')} ELSE 999 END`;
      workflow.stages.forEach((stage, i) => params.push(stage.key, i));
      break;
    case 'name':
      expression = 'd.name COLLATE NOCASE';
      break;
    case 'account':
      expression = 'd.account COLLATE NOCASE';
      break;
    case 'ownerName':
      expression = 'r.name COLLATE NOCASE';
      break;
    case 'amount':
      expression = 'd.amount';
      break;
    case 'status':
      expression = 'd.status';
      break;
    case 'createdAt':
      expression = 'd.created_at';
      break;
    case 'closedAt':
      expression = 'd.closed_at';
      break;
    case 'lastStageChangeAt':
      expression = 'd.stage_entered_at';
      break;
  }
  // Empty values sort last in either direction.
  // The expression appears twice, and so do its parameters.
  return {
    sql: `ORDER BY ${expression} IS NULL, ${expression} ${direction}, d.id ${direction}`,
    params: [...params, ...params],
  };
}

/** One page of deals with the total that matches the filters. */
export function listDeals(db: Db, input: DealsListInput, workflow: WorkflowDefinition): DealPage {
  const { where, params } = dealFilter(input);
  const order = orderBy(input.sort, workflow);
  const from = 'FROM deals d LEFT JOIN reps r ON r.id = d.owner_id';
  const total = (db.prepare(`SELECT count(*) AS n ${from} ${where}`).get(...params) as { n: number }).n;
  const offset = input.offset ?? 0;
  const rows = db
    .prepare(`SELECT ${dealColumns} ${from} ${where} ${order.sql} LIMIT ? OFFSET ?`)
    .all(...params, ...order.params, input.limit ?? 200, offset) as DealRecord[];
  const name = stageNamer(workflow);
  return { total, offset, rows: rows.map((row) => toDealRow(row, name)) };
}

/** What the deal filters can offer: reps that own deals, stages, pipelines, teams and the date range. */
export function dealFacets(db: Db, workflow: WorkflowDefinition): DealFacets {
  const reps = db
    .prepare(
      `SELECT r.id, r.name, r.team FROM reps r WHERE EXISTS (SELECT 1 FROM deals d WHERE d.owner_id = r.id)
       ORDER BY r.name COLLATE NOCASE`,
    )
    .all() as { id: number; name: string; team: string | null }[];
  const pipelines = (
    db.prepare('SELECT DISTINCT pipeline FROM deals WHERE pipeline IS NOT NULL ORDER BY pipeline').all() as {
      pipeline: string;
    }[]
  ).map((r) => r.pipeline);
  const teams = (
    db.prepare('SELECT DISTINCT team FROM reps WHERE team IS NOT NULL ORDER BY team').all() as {
      team: string;
    }[]
  ).map((r) => r.team);
  const range = db.prepare('SELECT min(created_at) AS lo, max(created_at) AS hi FROM deals').get() as {
    lo: number | null;
    hi: number | null;
  };
  return {
    reps,
    stages: workflow.stages.map((s) => ({ key: s.key, name: s.name })),
    pipelines,
    teams,
    createdRange: range.lo === null || range.hi === null ? null : { from: range.lo, to: range.hi },
  };
}

/** A deal with its stage visits (PRODUCT.md definitions) and its activities, oldest first. */
export function getDeal(db: Db, id: number, workflow: WorkflowDefinition, now: number): DealDetail {
  const row = db
    .prepare(
      `SELECT ${dealColumns}, d.lost_reason, d.custom_fields, d.external_id
       FROM deals d LEFT JOIN reps r ON r.id = d.owner_id WHERE d.id = ?`,
    )
    .get(id) as
    | (DealRecord & { lost_reason: string | null; custom_fields: string; external_id: string })
    | undefined;
  if (!row) throw new EngineError('not_found', `Deal ${id} does not exist in this workspace.`);

  const events = db
    .prepare(
      `SELECT id, source_stage AS sourceStage, stage_key AS stageKey, entered_at AS enteredAt,
              external_id AS externalId, source_row AS sourceRow
       FROM stage_events WHERE deal_id = ? ORDER BY entered_at, id`,
    )
    .all(id) as {
    id: number;
    sourceStage: string;
    stageKey: string | null;
    enteredAt: number;
    externalId: string | null;
    sourceRow: string | null;
  }[];
  const bases = events.map((e) => derivedBasis(e.externalId, e.sourceRow));
  const missingHistory = bases.every((b) => b !== null)
    ? missingHistoryDetail(bases[0] ?? null, row.status !== 'open')
    : null;
  // As the evaluator does: an entry nothing in the file dates is shown as no visit.
  const dated = events.filter((_, i) => bases[i] !== 'created');
  const stages = new Map(workflow.stages.map((s) => [s.key, s]));
  const timelineEnd = row.status === 'open' ? now : (row.closed_at ?? events.at(-1)?.enteredAt ?? now);
  const visits = toStageVisits(dated, timelineEnd, (key) => Boolean(key && stages.get(key)?.outcome)).map(
    (visit) => {
      const stage = visit.stageKey ? stages.get(visit.stageKey) : undefined;
      return { ...visit, stageName: stage?.name ?? visit.sourceStage, group: stage?.group ?? null };
    },
  );
  const activities = db
    .prepare(
      `SELECT a.id, a.type, a.raw_type AS rawType, a.subject, a.occurred_at AS occurredAt, a.rep_id AS repId,
              r.name AS repName, a.contact, a.duration_seconds AS durationSeconds
       FROM activities a LEFT JOIN reps r ON r.id = a.rep_id
       WHERE a.deal_id = ? ORDER BY a.occurred_at, a.id`,
    )
    .all(id) as ActivityRow[];

  return {
    deal: {
      ...toDealRow(row, stageNamer(workflow)),
      lostReason: row.lost_reason,
      customFields: JSON.parse(row.custom_fields) as Record<string, unknown>,
      externalId: row.external_id,
    },
    visits,
    activities,
    timelineEnd,
    missingHistory,
  };
}
