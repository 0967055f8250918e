import { type ApiOutput, type ApiParsedInput, apiContract } from '@shared/api/contract';
import { type ApiResult, fail, ok } from '@shared/api/envelope';
import type { ApiMethod } from '@shared/api/methods';
import type { EngineEvent } from '@shared/api/events';
import { latestSchemaVersion } from './db/migrations';
import type { Db } from './db/open';
import { EngineError } from './errors';
import { loadDemo, removeDemo } from './demo/demoWorkspace';
import { dealFacets, getDeal, listDeals } from './queries/deals';
import { listReps } from './queries/reps';
import { currentWorkflow } from './queries/workflow';
import { workspaceCounts, workspaceInfo } from './queries/workspace';

export type Clock = () => number;

export type EngineDeps = {
  db: Db;
  dbPath: string;
  clock: Clock;
  /** Progress and change notices for the UI; the worker forwards them to the host. */
  emit?: (event: EngineEvent) => void;
};

type Handlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => ApiOutput<M> };

function createHandlers({ db, dbPath, clock, emit = () => {} }: EngineDeps): Handlers {
  return {
    'workspace:info': () => workspaceInfo(db, dbPath, latestSchemaVersion),
    'deals:list': (input) => listDeals(db, input, currentWorkflow(db).definition),
    'deals:facets': () => dealFacets(db, currentWorkflow(db).definition),
    'deals:get': ({ id }) => getDeal(db, id, currentWorkflow(db).definition, clock()),
    'reps:list': () => listReps(db),
    'workflow:current': () => currentWorkflow(db),
    'demo:load': () => {
      loadDemo(db, clock(), (done, total) => emit({ type: 'progress', task: 'demo:load', done, total }));
      emit({ type: 'changed', what: ['deals', 'reps', 'activities'] });
      return workspaceCounts(db);
    },
    'demo:remove': () => {
      removeDemo(db);
      emit({ type: 'changed', what: ['deals', 'reps', 'activities'] });
      return workspaceCounts(db);
    },
  };
}

export type Engine = {
  /** Validates the input at the edge, runs the handler and wraps the outcome in the result envelope. */
  call(method: string, input: unknown): ApiResult<unknown>;
};

function isApiMethod(method: string): method is ApiMethod {
  return Object.hasOwn(apiContract, method);
}

export function createEngine(deps: EngineDeps): Engine {
  const handlers = createHandlers(deps);
  return {
    call(method, input) {
      if (!isApiMethod(method)) return fail('unknown_method', `Unknown API method "${method}".`);
      const parsed = apiContract[method].input.safeParse(input ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
        return fail('invalid_input', `Invalid input for ${method}${where}: ${issue?.message ?? 'rejected'}`);
      }
      try {
        const handler = handlers[method] as (input: unknown) => unknown;
        return ok(handler(parsed.data));
      } catch (error) {
        if (error instanceof EngineError) return fail(error.code, error.message);
        return fail('internal', `${method} failed: ${(error as Error).message}`);
      }
    },
  };
}
