import type { Database } from 'better-sqlite3';
import { migration001Initial } from './001_initial';
import { migration002Evaluations } from './002_evaluations';
import { migration003LeanEvaluations } from './003_lean_evaluations';
import { migration004Coaching } from './004_coaching';
import { migration005EvaluationDealIndexes } from './005_evaluation_deal_indexes';
import { migration006CurrencyRates } from './006_currency_rates';

export type Migration = { version: number; name: string; up: (db: Database) => void };

/** Shipped migrations, in order. Never edit one that has shipped: add the next number. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: migration001Initial },
  { version: 2, name: 'workflow evaluations', up: migration002Evaluations },
  { version: 3, name: 'leaner evaluation results', up: migration003LeanEvaluations },
  { version: 4, name: 'coaching: observation drafts, one-on-one records', up: migration004Coaching },
  { version: 5, name: 'evaluation rows indexed by deal', up: migration005EvaluationDealIndexes },
  { version: 6, name: 'currency rates from the export', up: migration006CurrencyRates },
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
