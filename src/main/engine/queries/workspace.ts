import type { WorkspaceCounts, WorkspaceInfo } from '@shared/domain/types';
import type { Db } from '../db/open';
import { moneyInfo } from './money';
import { currentWorkflow, ensureDefaultWorkflow } from './workflow';

export const DEMO_SOURCE = 'demo';

export function getSetting(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** Gives a new workspace its time zone (the machine's) and the default workflow. */
export function ensureWorkspaceDefaults(db: Db, now: number): void {
  db.transaction(() => {
    if (getSetting(db, 'time_zone') === null) {
      setSetting(db, 'time_zone', Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    }
    ensureDefaultWorkflow(db, now);
  })();
}

/** Counts of what the workspace holds; stageEvents counts stage visits, not raw history rows. */
export function workspaceCounts(db: Db): WorkspaceCounts {
  const one = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  return {
    reps: one('SELECT count(*) AS n FROM reps'),
    deals: one('SELECT count(*) AS n FROM deals'),
    stageEvents: countStageVisits(db),
    activities: one('SELECT count(*) AS n FROM activities'),
    observations: one('SELECT count(*) AS n FROM observations WHERE deleted_at IS NULL'),
  };
}

/**
 * Counts stage visits: history rows whose stage differs from the row before it in the same
 * deal (PRODUCT.md: a row that repeats the current stage is no visit).
 */
export function countStageVisits(db: Db): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM (
         SELECT coalesce(stage_key, 'source:' || lower(trim(source_stage))) AS stage,
                lag(coalesce(stage_key, 'source:' || lower(trim(source_stage))))
                  OVER (PARTITION BY deal_id ORDER BY entered_at, id) AS previous
         FROM stage_events
       ) WHERE previous IS NULL OR previous <> stage`,
    )
    .get() as { n: number };
  return row.n;
}

export function hasDemoData(db: Db): boolean {
  return db.prepare('SELECT 1 FROM deals WHERE source = ? LIMIT 1').get(DEMO_SOURCE) !== undefined;
}

export function workspaceInfo(db: Db, dbPath: string, schemaVersion: number): WorkspaceInfo {
  const workflow = currentWorkflow(db);
  const newest = db
    .prepare(
      `SELECT max(t) AS t FROM (
         SELECT max(entered_at) AS t FROM stage_events UNION ALL SELECT max(occurred_at) FROM activities)`,
    )
    .get() as { t: number | null };
  return {
    dbPath,
    schemaVersion,
    timeZone: getSetting(db, 'time_zone') ?? 'UTC',
    hasDemoData: hasDemoData(db),
    counts: workspaceCounts(db),
    newestDataAt: newest.t,
    money: moneyInfo(db),
    workflowVersion: {
      id: workflow.id,
      version: workflow.version,
      name: workflow.definition.name,
      createdAt: workflow.createdAt,
    },
  };
}
