import { createHash } from 'node:crypto';
import type { Db } from '../../src/main/engine/db/open';

const tables = [
  'reps',
  'rep_identities',
  'deals',
  'stage_events',
  'activities',
  'observations',
  'workflow_versions',
];

/** Row counts and a checksum of every row of the tables an import touches, to compare states exactly. */
export function dbState(db: Db): Record<string, { rows: number; checksum: string }> {
  const state: Record<string, { rows: number; checksum: string }> = {};
  for (const table of tables) {
    const rows = db.prepare(`SELECT rowid AS __rowid, * FROM ${table} ORDER BY rowid`).all();
    state[table] = {
      rows: rows.length,
      checksum: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
    };
  }
  return state;
}
