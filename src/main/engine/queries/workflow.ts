import type { WorkflowVersion } from '@shared/domain/types';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import { type WorkflowDefinition, workflowDefinitionSchema } from '@shared/workflow/definition';
import { createStageMapper, withSourceNames } from '@shared/workflow/stageMapping';
import { EngineError } from '../errors';
import type { Db } from '../db/open';
import { bumpDataRevision } from './dataRevision';

type VersionRow = {
  id: number;
  version: number;
  definition: string;
  note: string | null;
  created_at: number;
  is_current: number;
};

function toVersion(row: VersionRow): WorkflowVersion {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    note: row.note,
    isCurrent: row.is_current === 1,
    definition: workflowDefinitionSchema.parse(JSON.parse(row.definition)),
  };
}

/** The workflow version in force; every workspace has one from its creation on. */
export function currentWorkflow(db: Db): WorkflowVersion {
  const row = db
    .prepare(
      'SELECT id, version, definition, note, created_at, is_current FROM workflow_versions WHERE is_current = 1',
    )
    .get() as VersionRow | undefined;
  if (!row) throw new EngineError('internal', 'The workspace has no current workflow version.');
  return toVersion(row);
}

/** Saves a definition as the next version and makes it current. */
export function addWorkflowVersion(
  db: Db,
  definition: WorkflowDefinition,
  note: string,
  now: number,
  author: string | null = null,
): WorkflowVersion {
  const parsed = workflowDefinitionSchema.parse(definition);
  return db.transaction(() => {
    const next = (
      db.prepare('SELECT coalesce(max(version), 0) + 1 AS v FROM workflow_versions').get() as { v: number }
    ).v;
    db.prepare('UPDATE workflow_versions SET is_current = 0 WHERE is_current = 1').run();
    db.prepare(
      `INSERT INTO workflow_versions (version, name, definition, note, author, created_at, is_current)
       VALUES (?, ?, ?, ?, ?, ?, 1)`,
    ).run(next, parsed.name, JSON.stringify(parsed), note, author, now);
    return currentWorkflow(db);
  })();
}

/** Gives a new workspace the default workflow as version 1. */
export function ensureDefaultWorkflow(db: Db, now: number): void {
  const { n } = db.prepare('SELECT count(*) AS n FROM workflow_versions').get() as { n: number };
  if (n === 0) addWorkflowVersion(db, defaultWorkflow, 'Default B2B workflow shipped with Stagecoach', now);
}

/**
 * Maps source stage names the workflow did not know onto its stages: saves a new workflow
 * version with the names added, and points the stored history and deals at those stages.
 */
export function mapSourceStages(
  db: Db,
  mappings: readonly { sourceStage: string; stageKey: string }[],
  now: number,
): WorkflowVersion {
  return db.transaction(() => {
    bumpDataRevision(db);
    const current = currentWorkflow(db).definition;
    const known = new Set(current.stages.map((s) => s.key));
    for (const m of mappings) {
      if (!known.has(m.stageKey))
        throw new EngineError('invalid_input', `The workflow has no stage "${m.stageKey}".`);
    }
    const next = withSourceNames(current, mappings);
    const names = mappings.map(
      (m) => `"${m.sourceStage}" → ${current.stages.find((s) => s.key === m.stageKey)?.name}`,
    );
    const version = addWorkflowVersion(db, next, `Mapped ${names.join(', ')}`, now);
    const mapStage = createStageMapper(next);
    const events = db
      .prepare('SELECT id, source_stage AS stage FROM stage_events WHERE stage_key IS NULL')
      .all() as { id: number; stage: string }[];
    const setEvent = db.prepare('UPDATE stage_events SET stage_key = ? WHERE id = ?');
    for (const event of events) {
      const key = mapStage(event.stage);
      if (key) setEvent.run(key, event.id);
    }
    refreshDealStages(db, next);
    return version;
  })();
}

/** Recomputes every deal's current stage key and, where the CRM gave no status, its status. */
export function refreshDealStages(db: Db, workflow: WorkflowDefinition): void {
  const outcomes = new Map(workflow.stages.filter((s) => s.outcome).map((s) => [s.key, s.outcome!]));
  const mapStage = createStageMapper(workflow);
  const deals = db
    .prepare(
      `SELECT d.id, d.source_stage AS sourceStage, d.crm_status AS crmStatus, d.status,
              (SELECT e.stage_key FROM stage_events e WHERE e.deal_id = d.id ORDER BY e.entered_at DESC, e.id DESC LIMIT 1) AS lastKey,
              (SELECT max(e.entered_at) FROM stage_events e WHERE e.deal_id = d.id) AS lastAt,
              (SELECT count(*) FROM stage_events e WHERE e.deal_id = d.id) AS events,
              d.closed_at AS closedAt, d.crm_closed_at AS crmClosedAt
       FROM deals d WHERE d.stage_key IS NULL`,
    )
    .all() as {
    id: number;
    sourceStage: string | null;
    crmStatus: string | null;
    status: string;
    lastKey: string | null;
    lastAt: number | null;
    events: number;
    closedAt: number | null;
    crmClosedAt: number | null;
  }[];
  const update = db.prepare('UPDATE deals SET stage_key = ?, status = ?, closed_at = ? WHERE id = ?');
  for (const deal of deals) {
    const key = deal.events > 0 ? deal.lastKey : deal.sourceStage ? mapStage(deal.sourceStage) : null;
    if (key === null) continue;
    const status = deal.crmStatus ?? outcomes.get(key) ?? deal.status;
    const closedAt =
      status === 'open'
        ? null
        : (deal.closedAt ?? (outcomes.has(key) ? deal.lastAt : null) ?? deal.crmClosedAt);
    update.run(key, status, closedAt, deal.id);
  }
}

/** One workflow version by id. */
export function workflowVersion(db: Db, id: number): WorkflowVersion {
  const row = db
    .prepare(
      'SELECT id, version, definition, note, created_at, is_current FROM workflow_versions WHERE id = ?',
    )
    .get(id) as VersionRow | undefined;
  if (!row) throw new EngineError('not_found', `Workflow version ${id} does not exist.`);
  return toVersion(row);
}

/** Makes an existing version the one in force again (switching back to older rules). */
export function activateWorkflowVersion(db: Db, id: number): WorkflowVersion {
  return db.transaction(() => {
    workflowVersion(db, id);
    db.prepare('UPDATE workflow_versions SET is_current = 0 WHERE is_current = 1').run();
    db.prepare('UPDATE workflow_versions SET is_current = 1 WHERE id = ?').run(id);
    refreshDealStages(db, workflowVersion(db, id).definition);
    return workflowVersion(db, id);
  })();
}
