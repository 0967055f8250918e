import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '@shared/import/types';
import type { Db } from '../../src/main/engine/db/open';
import { materializeEvaluations } from '../../src/main/engine/evaluation/materialize';
import {
  dealsTouchedByBatch,
  ensureEvaluated,
  reevaluateAfterChange,
} from '../../src/main/engine/evaluation/queries';
import { undoBatch } from '../../src/main/engine/import/changeLog';
import { runImport } from '../../src/main/engine/import/pipeline';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import { testNow } from '../helpers/clock';
import { evaluatedDemoDb } from '../helpers/demoDb';

// After an import or an undo only the deals it touched are judged again; the stored results
// must then be exactly what a full evaluation of the whole workspace gives.
const NOW = testNow;
const pipedrive = join(__dirname, '../fixtures/import/pipedrive');
let db: Db;

const tables = ['eval_visits', 'eval_actions', 'eval_handoffs', 'eval_flags', 'eval_action_months'];

function results(): Record<string, string[]> {
  const version = currentWorkflow(db).id;
  return Object.fromEntries(
    tables.map((table) => [
      table,
      db
        .prepare(`SELECT * FROM ${table} WHERE workflow_version_id = ?`)
        .all(version)
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

/** What a full evaluation stores, computed in a transaction that is then rolled back. */
function fullResults(): Record<string, string[]> {
  let out: Record<string, string[]> = {};
  try {
    db.transaction(() => {
      materializeEvaluations(db, currentWorkflow(db), NOW);
      out = results();
      throw new Error('roll back');
    })();
  } catch (error) {
    if ((error as Error).message !== 'roll back') throw error;
  }
  return out;
}

/** What the engine does after the change (which moved the data revision on itself). */
function changed(touched: number[]): void {
  reevaluateAfterChange(db, currentWorkflow(db), NOW, touched);
}

let close: () => void;
beforeAll(() => {
  ({ db, close } = evaluatedDemoDb(NOW));
});
afterAll(() => close());

describe('partial re-evaluation after an import and its undo', () => {
  let batchId = 0;

  it('judges only the imported deals again and stores what a full evaluation would', async () => {
    const dealsBefore = db.prepare('SELECT count(*) FROM deals').pluck().get() as number;
    const result = (await runImport(
      db,
      { paths: [join(pipedrive, 'deals.csv'), join(pipedrive, 'activities.csv')] },
      { now: NOW, timeZone: 'UTC', workflow: currentWorkflow(db).definition },
      'apply',
    )) as ImportResult;
    batchId = result.batchId;
    const touched = dealsTouchedByBatch(db, batchId);
    const imported = db
      .prepare('SELECT count(*) FROM deals WHERE batch_id = ?')
      .pluck()
      .get(batchId) as number;
    expect(imported).toBeGreaterThan(0);
    expect(touched.length).toBeGreaterThanOrEqual(imported);
    expect(touched.length).toBeLessThan(dealsBefore / 2);
    changed(touched);
    const visits = db
      .prepare('SELECT count(*) FROM eval_visits v JOIN deals d ON d.id = v.deal_id WHERE d.batch_id = ?')
      .pluck()
      .get(batchId) as number;
    expect(visits).toBeGreaterThan(0);
    expect(results()).toEqual(fullResults());
  });

  it('takes the imported deals out of the results on undo, leaving the rest as a full evaluation would', () => {
    const touched = dealsTouchedByBatch(db, batchId);
    undoBatch(db, batchId, NOW);
    changed(touched);
    const orphans = db
      .prepare('SELECT count(*) FROM eval_visits WHERE deal_id NOT IN (SELECT id FROM deals)')
      .pluck()
      .get() as number;
    expect(orphans).toBe(0);
    expect(results()).toEqual(fullResults());
  });

  it('catches up at the next start when the app stopped between an import and its re-evaluation', async () => {
    await runImport(
      db,
      { paths: [join(pipedrive, 'deals.csv')] },
      { now: NOW, timeZone: 'UTC', workflow: currentWorkflow(db).definition },
      'apply',
    );
    // No re-evaluation here: the import committed and the app stopped. At start the engine asks:
    expect(ensureEvaluated(db, currentWorkflow(db), NOW).computed).toBe(true);
    expect(results()).toEqual(fullResults());
    expect(ensureEvaluated(db, currentWorkflow(db), NOW).computed).toBe(false);
  });
});
