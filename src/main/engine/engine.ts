import { type ApiOutput, type ApiParsedInput, apiContract } from '@shared/api/contract';
import { type ApiResult, fail, ok } from '@shared/api/envelope';
import type { EngineEvent } from '@shared/api/events';
import type { ApiMethod } from '@shared/api/methods';
import { mappingFields } from '@shared/import/mapping';
import { latestSchemaVersion } from './db/migrations';
import type { Db } from './db/open';
import { loadDemo, removeDemo } from './demo/demoWorkspace';
import { backupHandlers } from './backup/handlers';
import { observationHandlers } from './coaching/observationsHandlers';
import { experimentHandlers } from './experiments/handlers';
import { oneOnOneHandlers } from './oneOnOnes/handlers';
import { EngineError } from './errors';
import { builtInAdapters } from './import/adapters';
import { undoBatch } from './import/changeLog';
import { importHistory, runImport } from './import/pipeline';
import { dealFacets, getDeal, listDeals } from './queries/deals';
import { exportDealsCsv } from './queries/dealsExport';
import { listReps } from './queries/reps';
import { currencyOverview, saveCurrencySettings } from './queries/money';
import { bottlenecksReport, failurePointsReport, patternsReport } from './reports/patterns';
import { stageMetricsReport } from './reports/stageMetrics';
import { scorecardEvidence } from './scorecards/evidence';
import { repScorecard } from './scorecards/repScorecard';
import { readScorecardSettings, saveScorecardSettings } from './scorecards/settings';
import { teamScorecard } from './scorecards/teamScorecard';
import { funnelDeals, funnelReport, processMapReport, timeInStageReport } from './reports/stageReports';
import {
  complianceDeals,
  complianceReport,
  dealChecklist,
  dealsTouchedByBatch,
  ensureEvaluated,
  listWorkflowVersions,
  reevaluateAfterChange,
} from './evaluation/queries';
import {
  activateWorkflowVersion,
  addWorkflowVersion,
  currentWorkflow,
  mapSourceStages,
  refreshDealStages,
  workflowVersion,
} from './queries/workflow';
import { getSetting, workspaceCounts, workspaceInfo } from './queries/workspace';

export type Clock = () => number;

export type EngineDeps = {
  db: Db;
  dbPath: string;
  clock: Clock;
  /** Progress and change notices for the UI; the worker forwards them to the host. */
  emit?: (event: EngineEvent) => void;
  /** Shared between the writer and the reader: the reader raises it, a running import sees it. */
  cancelFlag?: Int32Array;
  /** better-sqlite3 built for this runtime, to open backup files beside the workspace. */
  nativeBinding?: string;
};

type Handlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>> };

function createHandlers({
  db,
  dbPath,
  clock,
  emit = () => {},
  cancelFlag = new Int32Array(1),
  nativeBinding,
}: EngineDeps): Handlers {
  const changed = (): void =>
    emit({ type: 'changed', what: ['deals', 'reps', 'activities', 'imports', 'evaluations'] });
  /**
   * After data changes: results of every version are out of date; the current one is brought up
   * to date now — only for the deals the change touched, when those are known.
   */
  const dataChanged = (touchedDealIds?: readonly number[]): void => {
    // The change itself moved the data revision on, in its own transaction.
    reevaluateAfterChange(db, currentWorkflow(db), clock(), touchedDealIds);
    changed();
  };
  const importRun = (task: string) => {
    Atomics.store(cancelFlag, 0, 0);
    return {
      now: clock(),
      timeZone: getSetting(db, 'time_zone') ?? 'UTC',
      workflow: currentWorkflow(db).definition,
      onProgress: (done: number, total: number) => emit({ type: 'progress', task, done, total }),
      isCancelled: () => Atomics.load(cancelFlag, 0) === 1,
    };
  };
  return {
    'workspace:info': () => workspaceInfo(db, dbPath, latestSchemaVersion),
    'deals:list': (input) => listDeals(db, input, currentWorkflow(db).definition),
    'deals:facets': () => dealFacets(db, currentWorkflow(db).definition),
    'deals:get': ({ id }) => getDeal(db, id, currentWorkflow(db).definition, clock()),
    'deals:exportCsv': (input) => exportDealsCsv(db, input, currentWorkflow(db).definition),
    'reps:list': () => listReps(db),
    'workflow:current': () => currentWorkflow(db),
    'workflow:mapStages': ({ mappings }) => {
      const version = mapSourceStages(db, mappings, clock());
      dataChanged();
      return version;
    },
    'workflow:versions': () => listWorkflowVersions(db, clock()),
    'workflow:save': ({ definition, note }) => {
      const version = addWorkflowVersion(db, definition, note, clock());
      refreshDealStages(db, version.definition);
      ensureEvaluated(db, version, clock());
      changed();
      return version;
    },
    'workflow:activate': ({ versionId }) => {
      const version = activateWorkflowVersion(db, versionId);
      ensureEvaluated(db, version, clock());
      changed();
      return version;
    },
    'evaluation:refresh': ({ versionId, force }) => {
      const version = versionId === undefined ? currentWorkflow(db) : workflowVersion(db, versionId);
      const result = ensureEvaluated(db, version, clock(), force ?? false);
      if (result.computed) changed();
      return result;
    },
    'evaluation:deal': ({ dealId, versionId }) => dealChecklist(db, dealId, versionId, clock()),
    'reports:compliance': (input) => complianceReport(db, input),
    'reports:complianceDeals': (input) => complianceDeals(db, input),
    'reports:funnel': (input) => funnelReport(db, input),
    'reports:funnelDeals': (input) => funnelDeals(db, input),
    'reports:timeInStage': (input) => timeInStageReport(db, input, clock()),
    'reports:processMap': (input) => processMapReport(db, input),
    'reports:patterns': (input) => patternsReport(db, input),
    'reports:failurePoints': (input) => failurePointsReport(db, input, clock()),
    'reports:bottlenecks': (input) => bottlenecksReport(db, input),
    'reports:stageMetrics': (input) => stageMetricsReport(db, input),
    'scorecards:rep': (input) => repScorecard(db, input, clock()),
    'scorecards:team': (input) => teamScorecard(db, input, clock()),
    'scorecards:evidence': (input) => scorecardEvidence(db, input),
    'scorecards:settings': () => readScorecardSettings(db),
    'scorecards:saveSettings': (input) => {
      const saved = saveScorecardSettings(db, input);
      emit({ type: 'changed', what: ['scorecards'] });
      return saved;
    },
    'currencies:overview': () => currencyOverview(db),
    'currencies:save': (input) => {
      saveCurrencySettings(db, input);
      // Every sum in another currency converts anew: all screens fetch again.
      changed();
      return currencyOverview(db);
    },
    ...observationHandlers({ db, clock, changed: () => emit({ type: 'changed', what: ['observations'] }) }),
    ...oneOnOneHandlers({ db, clock, changed: () => emit({ type: 'changed', what: ['oneOnOnes'] }) }),
    ...experimentHandlers({
      db,
      clock,
      changed: () => emit({ type: 'changed', what: ['experiments'] }),
      workflowChanged: changed,
    }),
    ...backupHandlers({
      db,
      dbPath,
      clock,
      nativeBinding,
      changed: () => emit({ type: 'changed', what: ['backups'] }),
    }),
    // This engine started, so the workspace passed its start-up check (see db/integrity.ts).
    'recovery:status': () => null,
    'demo:load': () => {
      loadDemo(db, clock(), (done, total) => emit({ type: 'progress', task: 'demo:load', done, total }));
      dataChanged();
      return workspaceCounts(db);
    },
    'demo:remove': () => {
      removeDemo(db);
      dataChanged();
      return workspaceCounts(db);
    },
    'import:formats': () => ({
      formats: builtInAdapters.map((a) => ({ id: a.id, label: a.label, entity: a.entity, source: a.source })),
      mappingFields,
    }),
    'import:preview': (request) => runImport(db, request, importRun('import:preview'), 'preview'),
    'import:apply': async (request) => {
      const result = await runImport(db, request, importRun('import:apply'), 'apply');
      // An import refused for errors wrote nothing: no deal to judge again.
      dataChanged('batchId' in result ? dealsTouchedByBatch(db, result.batchId) : []);
      return result as Awaited<ApiOutput<'import:apply'>>;
    },
    'import:cancel': () => {
      Atomics.store(cancelFlag, 0, 1);
      return { cancelled: true };
    },
    'import:history': () => importHistory(db),
    'import:undo': ({ batchId }) => {
      const touched = dealsTouchedByBatch(db, batchId);
      undoBatch(db, batchId, clock());
      dataChanged(touched);
      return importHistory(db);
    },
  };
}

export type Engine = {
  /** Validates the input at the edge, runs the handler and wraps the outcome in the result envelope. */
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
};

function isApiMethod(method: string): method is ApiMethod {
  return Object.hasOwn(apiContract, method);
}

export function createEngine(deps: EngineDeps): Engine {
  const handlers = createHandlers(deps);
  return {
    async call(method, input) {
      if (!isApiMethod(method)) return fail('unknown_method', `Unknown API method "${method}".`);
      const parsed = apiContract[method].input.safeParse(input ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
        return fail('invalid_input', `Invalid input for ${method}${where}: ${issue?.message ?? 'rejected'}`);
      }
      try {
        const handler = handlers[method] as (input: unknown) => unknown;
        return ok(await handler(parsed.data));
      } catch (error) {
        if (error instanceof EngineError) return fail(error.code, error.message);
        return fail('internal', `${method} failed: ${(error as Error).message}`);
      }
    },
  };
}
