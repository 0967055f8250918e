import type { Database } from 'better-sqlite3';
import { migration001Initial } from './001_initial';

export type Migration = { version: number; name: string; up: (db: Database) => void };

/** Shipped migrations, in order. Never edit one that has shipped: add the next number. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: migration001Initial },
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
