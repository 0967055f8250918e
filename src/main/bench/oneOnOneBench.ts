import { join } from 'node:path';
import { migrate } from '../engine/db/migrate';
import { openDatabase } from '../engine/db/open';
import { loadDemo } from '../engine/demo/demoWorkspace';
import { createEngine } from '../engine/engine';
import { ensureEvaluated } from '../engine/evaluation/queries';
import { currentWorkflow } from '../engine/queries/workflow';
import { ensureWorkspaceDefaults } from '../engine/queries/workspace';

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * Opening a one-on-one prep on the demo workspace, as the app does it: the `oneOnOnes:prep` API
 * call on a query-only connection (input validated, every section computed, the answer
 * serialized as it crosses to the window). Prints the first open of the session (nothing
 * cached) and the median of later opens, per rep; the prep with the scorecard table the page
 * reads after it; then the rep picker and the ramp view.
 */
export async function oneOnOneBench(dir: string): Promise<void> {
  const dbPath = join(dir, 'demo.db');
  const now = Date.now();
  const writer = openDatabase(dbPath, { role: 'writer' });
  migrate(writer, dbPath, now);
  ensureWorkspaceDefaults(writer, now);
  loadDemo(writer, now);
  ensureEvaluated(writer, currentWorkflow(writer), now, true);
  writer.close();

  const db = openDatabase(dbPath, { role: 'reader' });
  const engine = createEngine({ db, dbPath, clock: () => now });
  const time = async (method: string, input: unknown): Promise<number> => {
    const started = performance.now();
    const result = await engine.call(method, input);
    JSON.stringify(result);
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return elapsed;
  };

  const reps = db.prepare("SELECT id, name FROM reps WHERE role = 'AE' ORDER BY name").all() as {
    id: number;
    name: string;
  }[];
  console.log(
    'Opening a one-on-one prep on the demo workspace (oneOnOnes:prep through the engine, reader connection):',
  );
  let first: number | null = null;
  const all: number[] = [];
  for (const rep of reps) {
    const cold = await time('oneOnOnes:prep', { repId: rep.id });
    first ??= cold;
    const warm: number[] = [];
    for (let run = 0; run < 5; run++) warm.push(await time('oneOnOnes:prep', { repId: rep.id }));
    all.push(cold, ...warm);
    console.log(
      `  ${rep.name.padEnd(18)} first ${cold.toFixed(1).padStart(6)} ms   then median ${median(warm).toFixed(1).padStart(6)} ms`,
    );
  }
  console.log(
    `  first prep of the session: ${first?.toFixed(1)} ms; slowest open: ${Math.max(...all).toFixed(1)} ms; median: ${median(all).toFixed(1)} ms (target ≤ 150 ms)`,
  );
  // The page also shows the running month's scorecard, read right after the prep.
  const today = new Date(now).toISOString().slice(0, 10);
  const complete: number[] = [];
  for (const rep of reps) {
    const started = performance.now();
    await time('oneOnOnes:prep', { repId: rep.id });
    await time('scorecards:rep', { repId: rep.id, kind: 'month', anchor: today });
    complete.push(performance.now() - started);
  }
  console.log(
    `  prep and its scorecard table together: median ${median(complete).toFixed(1)} ms, slowest ${Math.max(...complete).toFixed(1)} ms`,
  );
  const picker: number[] = [];
  const ramp: number[] = [];
  for (let run = 0; run < 5; run++) {
    picker.push(await time('oneOnOnes:list', {}));
    ramp.push(await time('ramp:report', { months: 6 }));
  }
  console.log(
    `  rep picker (oneOnOnes:list) median ${median(picker).toFixed(1)} ms; ramp view (ramp:report) median ${median(ramp).toFixed(1)} ms`,
  );
  db.close();
}
