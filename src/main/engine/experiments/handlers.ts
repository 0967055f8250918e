import type { ApiOutput, ApiParsedInput } from '@shared/api/contract';
import type { ApiMethod } from '@shared/api/methods';
import type { ExperimentSummary } from '@shared/experiments/types';
import type { Db } from '../db/open';
import { ensureEvaluated } from '../evaluation/queries';
import { bottleneckCandidates } from './candidates';
import { decideExperiment } from './decide';
import {
  deleteExperimentRecord,
  getExperimentRecord,
  listExperimentRecords,
  saveExperimentRecord,
} from './records';
import { experimentResults } from './results';

type ExperimentMethod = Extract<ApiMethod, `experiments:${string}`>;

export type ExperimentHandlers = {
  [M in ExperimentMethod]: (input: ApiParsedInput<M>) => ApiOutput<M>;
};

export type ExperimentHandlerDeps = {
  db: Db;
  clock: () => number;
  /** Tells the UI experiments changed. */
  changed: () => void;
  /** Tells the UI the current workflow version changed (an adopt or a revert activated one). */
  workflowChanged: () => void;
};

/** The board: every experiment with a short reading of its primary metric. */
export function listExperiments(db: Db, now: number, quarter?: string): ExperimentSummary[] {
  return listExperimentRecords(db, quarter).map((experiment) => {
    const { primary } = experimentResults(db, experiment, now);
    return { ...experiment, primaryLabel: primary.label, verdict: primary.verdict, summary: primary.summary };
  });
}

/** The experiments:* API methods over one connection. */
export function experimentHandlers({
  db,
  clock,
  changed,
  workflowChanged,
}: ExperimentHandlerDeps): ExperimentHandlers {
  const afterWrite = <T>(value: T): T => {
    changed();
    return value;
  };
  return {
    'experiments:list': ({ quarter }) => listExperiments(db, clock(), quarter),
    'experiments:get': ({ id }) => {
      const experiment = getExperimentRecord(db, id);
      return { experiment, results: experimentResults(db, experiment, clock()) };
    },
    'experiments:candidates': ({ quarter }) => bottleneckCandidates(db, clock(), quarter),
    'experiments:save': (input) => afterWrite(saveExperimentRecord(db, input, clock())),
    'experiments:decide': (input) => {
      const { experiment, activated } = decideExperiment(db, input, clock());
      if (activated) {
        // As workflow:activate does: the version now in force gets an up-to-date evaluation.
        ensureEvaluated(db, activated, clock());
        workflowChanged();
      }
      return afterWrite(experiment);
    },
    'experiments:delete': ({ id }) => afterWrite(deleteExperimentRecord(db, id)),
  };
}
