import { join } from 'node:path';
import type { ImportPreview, ImportResult } from '@shared/import/types';
import { migrate } from '../../src/main/engine/db/migrate';
import { type Db, openDatabase } from '../../src/main/engine/db/open';
import { type ImportRequest, runImport } from '../../src/main/engine/import/pipeline';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import { ensureWorkspaceDefaults } from '../../src/main/engine/queries/workspace';
import { testNow } from './clock';
import { tempFolder } from './workspace';

/** Maven's real sales_pipeline.csv (see tests/fixtures/real). */
export const mavenPipeline = join(
  __dirname,
  '../fixtures/real/maven_crm_sales_opportunities/sales_pipeline.csv',
);

/** A column mapping for it, as a user confirms it on the mapping screen: the close date as a close time. */
export const mavenMapping = {
  entity: 'deals' as const,
  sourceName: 'Maven CRM',
  columns: {
    externalId: 'opportunity_id',
    owner: 'sales_agent',
    account: 'account',
    stage: 'deal_stage',
    createdAt: 'engage_date',
    closedAt: 'close_date',
    amount: 'close_value',
  },
};

/**
 * A new, migrated workspace file with its defaults, as the app makes on first launch but without
 * the demo; `close` closes and deletes it.
 */
export function importWorkspace(): { db: Db; dir: string; close: () => void } {
  const folder = tempFolder();
  const db = openDatabase(folder.dbPath, { role: 'writer' });
  migrate(db, folder.dbPath, testNow);
  ensureWorkspaceDefaults(db, testNow);
  return {
    db,
    dir: folder.dir,
    close: () => {
      db.close();
      folder.remove();
    },
  };
}

/** An {@link importWorkspace} that is closed and deleted when the test's cleanups run. */
export function trackedImportWorkspace(cleanups: (() => void)[]): { db: Db; dir: string } {
  const created = importWorkspace();
  cleanups.push(created.close);
  return created;
}

/** Runs the import pipeline on the suite's clock, with the workspace's current workflow. */
export function runTestImport(
  db: Db,
  request: ImportRequest,
  mode: 'preview' | 'apply',
): Promise<ImportPreview | ImportResult> {
  return runImport(
    db,
    request,
    { now: testNow, timeZone: 'UTC', workflow: currentWorkflow(db).definition },
    mode,
  );
}
