import type { WorkflowVersion } from '@shared/domain/types';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import { type WorkflowDefinition, workflowDefinitionSchema } from '@shared/workflow/definition';
import { EngineError } from '../errors';
import type { Db } from '../db/open';

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
