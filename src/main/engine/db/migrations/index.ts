import type { Database } from 'better-sqlite3';
import { migration001Initial } from './001_initial';
import { migration002Evaluations } from './002_evaluations';

export type Migration = { version: number; name: string; up: (db: Database) => void };

/** Shipped migrations, in order. Never edit one that has shipped: add the next number. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: migration001Initial },
  { version: 2, name: 'workflow evaluations', up: migration002Evaluations },
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
