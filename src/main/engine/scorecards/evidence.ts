import { msToDays, periodBounds } from '@shared/metrics/period';
import type { ScorecardEvidenceInput } from '@shared/scorecards/inputs';
import type { ScorecardMetricKey } from '@shared/scorecards/metrics';
import type { EvidenceRow, ScorecardEvidence } from '@shared/scorecards/types';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { parseChecklist, parseRubric, parseTags } from '../coaching/observations';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { closedDealsBetween } from '../queries/metrics';
import { resolveEvaluatedVersion } from '../reports/stageReports';
import { storedDiscountPercent } from './discount';
import { actionsAnchoredOn } from './measure';

/** The most rows one evidence list returns; `total` says how many there are. */
export const EVIDENCE_LIMIT = 2000;

type Scope = {
  start: number;
  end: number;
  owners: { sql: string; params: unknown[] };
  allowed: (id: number | null) => boolean;
};

const statusWords: Record<string, string> = {
  on_time: 'On time',
  late: 'Late',
  missed: 'Missed',
  pending: 'Pending',
  met: 'Met',
};

function scopeOf(db: Db, input: ScorecardEvidenceInput, column: string): Scope {
  const { start, end } = periodBounds(input);
  if (input.repId !== undefined) {
    return {
      start,
      end,
      owners: { sql: ` AND ${column} = ?`, params: [input.repId] },
      allowed: (id) => id === input.repId,
    };
  }
  if (input.teams?.length) {
    const ids = (
      db
        .prepare(`SELECT id FROM reps WHERE team IN (${input.teams.map(() => '?').join(', ')})`)
        .all(...input.teams) as { id: number }[]
    ).map((r) => r.id);
    const set = new Set(ids);
    return {
      start,
      end,
      owners: { sql: ` AND ${column} IN (${ids.map(() => '?').join(', ') || 'NULL'})`, params: ids },
      allowed: (id) => id !== null && set.has(id),
    };
  }
  return { start, end, owners: { sql: '', params: [] }, allowed: () => true };
}

function labels(workflow: WorkflowDefinition) {
  const stages = new Map(workflow.stages.map((s) => [s.key, s]));
  return {
    stage: (key: string | null) => (key === null ? 'Unmapped stage' : (stages.get(key)?.name ?? key)),
    action: (stageKey: string, actionKey: string) =>
      stages.get(stageKey)?.requiredActions.find((a) => a.key === actionKey)?.label ?? actionKey,
    criterion: (stageKey: string, key: string) =>
      stages.get(stageKey)?.advancementCriteria.find((c) => c.key === key)?.label ?? key,
    handoff: (key: string) => workflow.handoffs.find((h) => h.key === key)?.label ?? key,
    target: (key: string) => stages.get(key)?.targetDays ?? null,
  };
}

type DealRef = { dealId: number; dealName: string; ownerName: string | null };

function actionRows(
  db: Db,
  input: ScorecardEvidenceInput,
  workflow: WorkflowDefinition,
  scope: Scope,
): EvidenceRow[] {
  const name = labels(workflow);
  const only =
    input.metric === 'demo_follow_up'
      ? actionsAnchoredOn(workflow, 'demo')
      : input.metric === 'proposal_follow_up'
        ? actionsAnchoredOn(workflow, 'proposal_sent')
        : null;
  const rows = db
    .prepare(
      `SELECT a.deal_id AS dealId, d.name AS dealName, r.name AS ownerName, a.stage_key AS stageKey,
              a.action_key AS actionKey, a.status, a.anchor_at AS anchorAt, a.done_at AS doneAt, a.reason
       FROM eval_actions a JOIN deals d ON d.id = a.deal_id LEFT JOIN reps r ON r.id = a.owner_id
       WHERE a.workflow_version_id = ? AND a.anchor_at >= ? AND a.anchor_at < ?${scope.owners.sql}
       ORDER BY a.anchor_at DESC`,
    )
    .all(input.versionId, scope.start, scope.end, ...scope.owners.params) as (DealRef & {
    stageKey: string;
    actionKey: string;
    status: string;
    anchorAt: number;
    doneAt: number | null;
    reason: string;
  })[];
  return rows
    .filter((row) => !only || only.has(`${row.stageKey}\u0000${row.actionKey}`))
    .map((row) => ({
      dealId: row.dealId,
      dealName: row.dealName,
      ownerName: row.ownerName,
      at: row.anchorAt,
      item: `${name.stage(row.stageKey)} · ${name.action(row.stageKey, row.actionKey)}`,
      outcome: statusWords[row.status] ?? row.status,
      tone: row.status === 'on_time' ? 'good' : row.status === 'pending' ? 'neutral' : 'bad',
      value: null,
      detail: row.reason,
    }));
}

function criteriaRows(
  db: Db,
  input: ScorecardEvidenceInput,
  workflow: WorkflowDefinition,
  scope: Scope,
): EvidenceRow[] {
  const name = labels(workflow);
  const rows = db
    .prepare(
      `SELECT v.deal_id AS dealId, d.name AS dealName, r.name AS ownerName, v.stage_key AS stageKey,
              v.next_stage_key AS nextStageKey, v.exited_at AS exitedAt, v.criteria_checked AS checked,
              v.criteria_held AS held, v.criteria_failed AS failed
       FROM eval_visits v JOIN deals d ON d.id = v.deal_id LEFT JOIN reps r ON r.id = v.owner_id
       WHERE v.workflow_version_id = ? AND v.entered_at < ? AND v.exited_at >= ? AND v.exited_at < ?
         AND v.criteria_checked > 0${scope.owners.sql}
       ORDER BY v.exited_at DESC`,
    )
    .all(input.versionId, scope.end, scope.start, scope.end, ...scope.owners.params) as (DealRef & {
    stageKey: string;
    nextStageKey: string | null;
    exitedAt: number;
    checked: number;
    held: number;
    failed: string | null;
  })[];
  return rows.map((row) => {
    const failed = row.failed ? (JSON.parse(row.failed) as { key: string; detail: string }[]) : [];
    return {
      dealId: row.dealId,
      dealName: row.dealName,
      ownerName: row.ownerName,
      at: row.exitedAt,
      item: `${name.stage(row.stageKey)} → ${name.stage(row.nextStageKey)}`,
      outcome: row.held === row.checked ? 'All criteria met' : `${row.held} of ${row.checked} met`,
      tone: row.held === row.checked ? 'good' : 'bad',
      value: null,
      detail: failed.map((f) => `${name.criterion(row.stageKey, f.key)}: ${f.detail}`).join('; '),
    };
  });
}

function handoffRows(
  db: Db,
  input: ScorecardEvidenceInput,
  workflow: WorkflowDefinition,
  scope: Scope,
): EvidenceRow[] {
  const name = labels(workflow);
  const rows = db
    .prepare(
      `SELECT h.deal_id AS dealId, d.name AS dealName, r.name AS ownerName, h.handoff_key AS handoffKey,
              h.triggered_at AS triggeredAt, h.due_at AS dueAt, h.first_touch_at AS firstTouchAt, h.status,
              h.missing_fields AS missing
       FROM eval_handoffs h JOIN deals d ON d.id = h.deal_id LEFT JOIN reps r ON r.id = h.owner_id
       WHERE h.workflow_version_id = ? AND h.triggered_at >= ? AND h.triggered_at < ?${scope.owners.sql}
       ORDER BY h.triggered_at DESC`,
    )
    .all(input.versionId, scope.start, scope.end, ...scope.owners.params) as (DealRef & {
    handoffKey: string;
    triggeredAt: number;
    dueAt: number;
    firstTouchAt: number | null;
    status: string;
    missing: string;
  })[];
  return rows.map((row) => {
    const missing = JSON.parse(row.missing) as string[];
    const hours = row.firstTouchAt === null ? null : (row.firstTouchAt - row.triggeredAt) / 3_600_000;
    const parts = [
      hours === null ? 'no first touch' : `first touch after ${hours.toFixed(1)} h`,
      ...(missing.length ? [`missing: ${missing.join(', ')}`] : []),
    ];
    return {
      dealId: row.dealId,
      dealName: row.dealName,
      ownerName: row.ownerName,
      at: row.triggeredAt,
      item: name.handoff(row.handoffKey),
      outcome: statusWords[row.status] ?? row.status,
      tone: row.status === 'met' ? 'good' : row.status === 'pending' ? 'neutral' : 'bad',
      value: hours,
      detail: parts.join('; '),
    };
  });
}

function visitRows(
  db: Db,
  input: ScorecardEvidenceInput,
  workflow: WorkflowDefinition,
  scope: Scope,
  metric: 'days_in_stage' | 'stall_rate' | 'stage_conversion',
): EvidenceRow[] {
  const name = labels(workflow);
  const open = workflow.stages.filter((s) => !s.outcome && (metric !== 'stall_rate' || s.targetDays));
  // Conversion counts a deal's first entry into each stage in the period, as the funnel does.
  const firstOnly =
    metric === 'stage_conversion' ? ' AND (v.prev_same_at IS NULL OR v.prev_same_at < ?)' : '';
  const rows = db
    .prepare(
      `SELECT v.deal_id AS dealId, d.name AS dealName, r.name AS ownerName, v.stage_key AS stageKey,
              v.entered_at AS enteredAt, v.exited_at AS exitedAt, v.duration_ms AS durationMs, v.fate
       FROM eval_visits v JOIN deals d ON d.id = v.deal_id LEFT JOIN reps r ON r.id = v.owner_id
       WHERE v.workflow_version_id = ? AND v.entered_at >= ? AND v.entered_at < ?
         AND v.stage_key IN (${open.map(() => '?').join(', ') || 'NULL'})${firstOnly}${scope.owners.sql}
       ORDER BY v.entered_at DESC`,
    )
    .all(
      input.versionId,
      scope.start,
      scope.end,
      ...open.map((s) => s.key),
      ...(firstOnly ? [scope.start] : []),
      ...scope.owners.params,
    ) as (DealRef & {
    stageKey: string;
    enteredAt: number;
    exitedAt: number | null;
    durationMs: number;
    fate: string | null;
  })[];
  return rows.map((row) => {
    const days = msToDays(row.durationMs);
    const target = name.target(row.stageKey);
    const stalled = target !== null && days > target;
    const base = {
      dealId: row.dealId,
      dealName: row.dealName,
      ownerName: row.ownerName,
      at: row.enteredAt,
      item: name.stage(row.stageKey),
      value: days,
    };
    if (metric === 'stage_conversion') {
      const outcome =
        row.fate === 'next'
          ? 'Advanced'
          : row.fate === 'skip'
            ? 'Advanced, skipping the next stage'
            : row.fate === 'lost'
              ? 'Lost'
              : row.exitedAt === null
                ? 'Still in the stage'
                : 'Moved back';
      return {
        ...base,
        outcome,
        tone: row.fate === 'next' || row.fate === 'skip' ? 'good' : row.fate === 'lost' ? 'bad' : 'neutral',
        detail: row.exitedAt === null ? 'open visit' : '',
      };
    }
    return {
      ...base,
      outcome: target === null ? 'No target' : stalled ? 'Stalled' : 'Within target',
      tone: metric === 'days_in_stage' ? (stalled ? 'bad' : 'neutral') : stalled ? 'bad' : 'good',
      detail: `${target === null ? '' : `target ${target} days`}${row.exitedAt === null ? (target === null ? 'still open' : ', still open') : ''}`,
    };
  });
}

function closedRows(
  db: Db,
  input: ScorecardEvidenceInput,
  workflow: WorkflowDefinition,
  scope: Scope,
): EvidenceRow[] {
  const select = db.prepare(
    `SELECT d.name AS dealName, r.name AS ownerName, d.custom_fields AS fields
     FROM deals d LEFT JOIN reps r ON r.id = d.owner_id WHERE d.id = ?`,
  );
  const all = closedDealsBetween(db, workflow, scope.start, scope.end).map((deal) => {
    const info = select.get(deal.dealId) as { dealName: string; ownerName: string | null; fields: string };
    return { deal, info, discount: deal.outcome === 'won' ? storedDiscountPercent(info.fields) : null };
  });
  // As the figure counts it: full-price won deals at 0% once the period's won deals record discounts.
  const recordsDiscounts = all.some((d) => d.discount !== null);
  const deals = all
    .filter(
      ({ deal }) => scope.allowed(deal.ownerId) && (input.metric !== 'cycle_days' || deal.outcome === 'won'),
    )
    .sort((a, b) => b.deal.closedAt - a.deal.closedAt);
  const rows: EvidenceRow[] = [];
  for (const { deal, info, discount: recorded } of deals) {
    const cycle = deal.createdAt === null ? null : msToDays(deal.closedAt - deal.createdAt);
    const discount = deal.outcome === 'won' && recordsDiscounts ? (recorded ?? 0) : recorded;
    if (input.metric === 'discount' && (deal.outcome !== 'won' || !recordsDiscounts)) continue;
    const amount =
      deal.amount === null ? 'no amount' : `amount ${Math.round(deal.amount).toLocaleString('en-US')}`;
    rows.push({
      dealId: deal.dealId ?? null,
      dealName: info.dealName,
      ownerName: info.ownerName,
      at: deal.closedAt,
      item: deal.outcome === 'won' ? 'Closed won' : 'Closed lost',
      outcome: deal.outcome === 'won' ? 'Won' : 'Lost',
      tone:
        input.metric === 'discount'
          ? 'neutral'
          : input.metric === 'cycle_days'
            ? 'neutral'
            : deal.outcome === 'won'
              ? 'good'
              : 'bad',
      value: input.metric === 'discount' ? discount : cycle,
      detail: [
        cycle === null ? 'created date unknown' : `cycle ${cycle.toFixed(1)} days`,
        amount,
        ...(discount !== null ? [`discount ${discount}%`] : []),
      ].join('; '),
    });
  }
  return rows;
}

function observationRows(
  db: Db,
  input: ScorecardEvidenceInput,
  scope: Scope,
  metric: ScorecardMetricKey,
): EvidenceRow[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.deal_id AS dealId, d.name AS dealName, r.name AS ownerName, o.coach, o.stage_key AS stageKey,
              o.observed_on AS observedOn, o.checklist, o.rubric, o.tags
       FROM observations o LEFT JOIN deals d ON d.id = o.deal_id LEFT JOIN reps r ON r.id = o.rep_id
       WHERE o.deleted_at IS NULL AND o.observed_on >= ? AND o.observed_on <= ?${scope.owners.sql}
       ORDER BY o.observed_on DESC, o.id DESC`,
    )
    .all(input.from, input.to, ...scope.owners.params) as {
    id: number;
    dealId: number | null;
    dealName: string | null;
    ownerName: string | null;
    coach: string;
    stageKey: string | null;
    observedOn: string;
    checklist: string;
    rubric: string;
    tags: string;
  }[];
  return rows.map((row) => {
    // Read as the observations' own summary reads them, so the rows add up to the figure.
    const rubric = parseRubric(row.rubric);
    const checklist = parseChecklist(row.checklist);
    const tags = parseTags(row.tags);
    const average = rubric.length ? rubric.reduce((s, r) => s + r.score, 0) / rubric.length : null;
    const counted = checklist.filter((c) => c.state !== 'na');
    const done = counted.filter((c) => c.state === 'done').length;
    const rate = counted.length ? done / counted.length : null;
    const value = metric === 'rubric_average' ? average : rate;
    return {
      dealId: row.dealId,
      dealName: row.dealName ?? 'No deal',
      ownerName: row.ownerName,
      at: Date.parse(`${row.observedOn}T00:00:00Z`),
      item: `Observed by ${row.coach}`,
      outcome:
        metric === 'rubric_average'
          ? average === null
            ? 'No rubric'
            : `Rubric ${average.toFixed(1)} / 5`
          : `${done} of ${counted.length} done`,
      tone:
        value === null
          ? 'neutral'
          : (metric === 'rubric_average' ? value >= 3.5 : value >= 0.8)
            ? 'good'
            : 'bad',
      value,
      detail: tags.join(', '),
    };
  });
}

/**
 * The rows behind one scorecard figure for a rep (or the team) in a period: the action results,
 * advancements, handoffs, stage visits, closed deals or observations it counts, newest first,
 * each saying whether it counts for or against the figure.
 */
export function scorecardEvidence(db: Db, input: ScorecardEvidenceInput): ScorecardEvidence {
  const version = resolveEvaluatedVersion(db, input.versionId);
  const workflow = version.definition;
  const resolved = { ...input, versionId: version.id };
  let repName: string | null = null;
  if (input.repId !== undefined) {
    const rep = db.prepare('SELECT name FROM reps WHERE id = ?').get(input.repId) as
      | { name: string }
      | undefined;
    if (!rep) throw new EngineError('not_found', `Rep ${input.repId} does not exist in this workspace.`);
    repName = rep.name;
  }
  const column = (alias: string) => scopeOf(db, resolved, `${alias}.owner_id`);
  let rows: EvidenceRow[];
  switch (input.metric) {
    case 'actions_on_time':
    case 'demo_follow_up':
    case 'proposal_follow_up':
      rows = actionRows(db, resolved, workflow, column('a'));
      break;
    case 'criteria_met':
      rows = criteriaRows(db, resolved, workflow, column('v'));
      break;
    case 'handoff_sla':
      rows = handoffRows(db, resolved, workflow, column('h'));
      break;
    case 'days_in_stage':
    case 'stall_rate':
    case 'stage_conversion':
      rows = visitRows(db, resolved, workflow, column('v'), input.metric);
      break;
    case 'cycle_days':
    case 'sales_velocity':
    case 'win_rate':
    case 'discount':
      rows = closedRows(db, resolved, workflow, column('d'));
      break;
    case 'rubric_average':
    case 'checklist_rate':
      rows = observationRows(db, resolved, scopeOf(db, resolved, 'o.rep_id'), input.metric);
      break;
  }
  return {
    metric: input.metric,
    repId: input.repId ?? null,
    repName,
    from: input.from,
    to: input.to,
    rows: input.all ? rows : rows.slice(0, EVIDENCE_LIMIT),
    total: rows.length,
  };
}
