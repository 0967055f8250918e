import { migrate } from '../../src/main/engine/db/migrate';
import { type Db, openDatabase } from '../../src/main/engine/db/open';
import { loadDemo } from '../../src/main/engine/demo/demoWorkspace';
import { ensureEvaluated } from '../../src/main/engine/evaluation/queries';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import { ensureWorkspaceDefaults } from '../../src/main/engine/queries/workspace';
import { tempFolder } from './workspace';

/** A real workspace file holding the demo data, evaluated under its current workflow as of `now`. */
export function evaluatedDemoDb(now: number): { db: Db; dbPath: string; close: () => void } {
  const folder = tempFolder();
  const db = openDatabase(folder.dbPath, { role: 'writer' });
  migrate(db, folder.dbPath, now);
  ensureWorkspaceDefaults(db, now);
  loadDemo(db, now);
  ensureEvaluated(db, currentWorkflow(db), now, true);
  return {
    db,
    dbPath: folder.dbPath,
    close: () => {
      db.close();
      folder.remove();
    },
  };
}
