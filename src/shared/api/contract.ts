import type { RecoveryStatus } from '../backup/recovery';
import { z } from 'zod';
import type {
  DealDetail,
  DealFacets,
  DealPage,
  RepSummary,
  WorkspaceCounts,
  WorkspaceInfo,
  WorkflowVersion,
} from '../domain/types';
import { dealSortKeys } from '../domain/types';
import { columnMappingSchema, type mappingFields } from '../import/mapping';
import type { ImportBatchView, ImportPreview, ImportResult } from '../import/types';
import type {
  ComplianceDealRow,
  ComplianceReport,
  DealChecklist,
  WorkflowVersionSummary,
} from '../evaluation/views';
import { workflowDefinitionSchema } from '../workflow/definition';
import {
  type FunnelDealRow,
  type FunnelReport,
  type ProcessMapReport,
  type TimeInStageReport,
  funnelDealGroups,
} from '../metrics/reports';
import type { BottlenecksReport, FailurePointsReport, PatternsReport } from '../metrics/failures';
import type { StageMetricsReport } from '../metrics/stageMetrics';
import { observationInputs } from '../coaching/observationApi';
import type {
  DealStageOnDate,
  ObservationDetail,
  ObservationDraftView,
  ObservationOptions,
  ObservationPage,
  ObservationSummary,
} from '../coaching/observationViews';
import { repScorecardInput, scorecardEvidenceInput, scorecardScopeInput } from '../scorecards/inputs';
import { type ScorecardSettings, scorecardSettingsSchema } from '../scorecards/settings';
import { type CurrencyOverview, currencySettingsSchema } from '../money/settings';
import type { RepScorecard, ScorecardEvidence, TeamScorecard } from '../scorecards/types';
import { oneOnOneInputs } from '../oneOnOnes/inputs';
import type {
  CommitmentItem,
  OneOnOnePrep,
  OneOnOneRecord,
  OneOnOneRepRow,
  RampReport,
} from '../oneOnOnes/types';
import { type DealsCsvExport, dealCsvFields } from '../csv/dealsCsv';
import { backupInputs } from '../backup/inputs';
import type {
  BackupEntry,
  BackupOverview,
  BackupSettings,
  RestoreCandidate,
  RestoreResult,
} from '../backup/types';
import { experimentInputs } from '../experiments/inputs';
import type {
  BottleneckCandidate,
  Experiment,
  ExperimentResults,
  ExperimentSummary,
} from '../experiments/types';
import type { ApiMethod } from './methods';

/**
 * Reads run on the query-only reader and answer while a write is in progress (cancelling an
 * import is one); writes queue on the single writer.
 */
export type Access = 'read' | 'write';

type MethodSpec<I extends z.ZodType, O> = { access: Access; input: I; output?: O };

function method<O>() {
  return <I extends z.ZodType>(access: Access, input: I): MethodSpec<I, O> => ({ access, input });
}

const none = z.object({}).strict();
const epochMs = z.number().int();

export const dealsListInput = z
  .object({
    search: z.string().max(200).optional(),
    ownerIds: z.array(z.number().int()).max(500).optional(),
    stageKeys: z.array(z.string()).max(100).optional(),
    statuses: z
      .array(z.enum(['open', 'won', 'lost']))
      .max(3)
      .optional(),
    teams: z.array(z.string()).max(100).optional(),
    createdFrom: epochMs.optional(),
    createdTo: epochMs.optional(),
    sort: z.object({ key: z.enum(dealSortKeys), desc: z.boolean() }).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type DealsListInput = z.input<typeof dealsListInput>;

/** Every deal the Deals screen's filters match, in its sort, as CSV with the screen's columns. */
export const dealsExportInput = dealsListInput
  .omit({ offset: true, limit: true })
  .extend({
    /** The user's time zone: dates are written as their local days. */
    timeZone: z.string().refine((zone) => isTimeZone(zone), 'is not a known time zone'),
    columns: z
      .array(z.object({ field: z.enum(dealCsvFields), header: z.string().trim().min(1).max(200) }).strict())
      .min(1, 'choose at least one column')
      .max(dealCsvFields.length),
  })
  .strict();
export type DealsExportInput = z.input<typeof dealsExportInput>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const importRequestInput = z
  .object({
    paths: z.array(z.string().min(1)).min(1, 'choose at least one file').max(500),
    names: z.record(z.string(), z.string()).optional(),
    timeZone: z.string().refine(isTimeZone, 'is not a known time zone').optional(),
    dateOrders: z.record(z.string(), z.enum(['MDY', 'DMY'])).optional(),
    formats: z.record(z.string(), z.string()).optional(),
    mappings: z.record(z.string(), columnMappingSchema).optional(),
    /** Removes the demo data in the same transaction, so real figures are not mixed with it. */
    removeDemo: z.boolean().optional(),
  })
  .strict();
export type ImportRequestInput = z.input<typeof importRequestInput>;

export type ImportFormats = {
  formats: { id: string; label: string; entity: string; source: string }[];
  mappingFields: typeof mappingFields;
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in YYYY-MM-DD form');
const versionId = z.number().int().positive();

export const reportPeriodInput = z
  .object({
    from: isoDate,
    to: isoDate,
    versionId: versionId.optional(),
    teams: z.array(z.string()).max(100).optional(),
  })
  .strict();
export type ReportPeriodInput = z.input<typeof reportPeriodInput>;

export const reportFilterInput = reportPeriodInput
  .extend({ ownerIds: z.array(z.number().int()).max(500).optional() })
  .strict();

/** The whole API: method name → access, input schema and (phantom) output type. */
export const apiContract = {
  'workspace:info': method<WorkspaceInfo>()('read', none),
  'deals:list': method<DealPage>()('read', dealsListInput),
  'deals:facets': method<DealFacets>()('read', none),
  'deals:get': method<DealDetail>()('read', z.object({ id: z.number().int().positive() }).strict()),
  'deals:exportCsv': method<DealsCsvExport>()('read', dealsExportInput),
  'reps:list': method<RepSummary[]>()('read', none),
  'workflow:current': method<WorkflowVersion>()('read', none),
  'demo:load': method<WorkspaceCounts>()('write', none),
  'demo:remove': method<WorkspaceCounts>()('write', none),
  'import:formats': method<ImportFormats>()('read', none),
  'import:preview': method<ImportPreview>()('write', importRequestInput),
  'import:apply': method<ImportResult>()('write', importRequestInput),
  'import:cancel': method<{ cancelled: boolean }>()('read', none),
  'import:history': method<ImportBatchView[]>()('read', none),
  'import:undo': method<ImportBatchView[]>()(
    'write',
    z.object({ batchId: z.number().int().positive() }).strict(),
  ),
  'workflow:versions': method<WorkflowVersionSummary[]>()('read', none),
  'workflow:save': method<WorkflowVersion>()(
    'write',
    z
      .object({
        definition: workflowDefinitionSchema,
        note: z.string().trim().min(1, 'say what changed').max(500),
      })
      .strict(),
  ),
  'workflow:activate': method<WorkflowVersion>()('write', z.object({ versionId }).strict()),
  'evaluation:refresh': method<{ computed: boolean; deals: number }>()(
    'write',
    z.object({ versionId: versionId.optional(), force: z.boolean().optional() }).strict(),
  ),
  'evaluation:deal': method<DealChecklist>()(
    'read',
    z.object({ dealId: z.number().int().positive(), versionId: versionId.optional() }).strict(),
  ),
  'reports:compliance': method<ComplianceReport>()('read', reportPeriodInput),
  'reports:complianceDeals': method<ComplianceDealRow[]>()(
    'read',
    reportPeriodInput
      .extend({
        repId: z.number().int().optional(),
        stageKey: z.string().optional(),
        actionKey: z.string().optional(),
        statuses: z.array(z.enum(['on_time', 'late', 'missed', 'pending'])).optional(),
        /** Every matching action, not only the latest 2,000 (a CSV export of the list). */
        all: z.boolean().optional(),
      })
      .strict(),
  ),
  'reports:funnel': method<FunnelReport>()('read', reportFilterInput),
  'reports:funnelDeals': method<FunnelDealRow[]>()(
    'read',
    reportFilterInput
      .extend({
        stageKey: z.string().min(1).max(100),
        group: z.enum(funnelDealGroups),
        /** Every matching deal, not only the latest 2,000 (a CSV export of the list). */
        all: z.boolean().optional(),
      })
      .strict(),
  ),
  'reports:timeInStage': method<TimeInStageReport>()('read', reportFilterInput),
  'reports:processMap': method<ProcessMapReport>()(
    'read',
    reportFilterInput.extend({ outcome: z.enum(['won', 'lost', 'open']).optional() }).strict(),
  ),
  'reports:patterns': method<PatternsReport>()('read', reportFilterInput),
  'reports:failurePoints': method<FailurePointsReport>()('read', reportFilterInput),
  'reports:bottlenecks': method<BottlenecksReport>()('read', reportFilterInput),
  'reports:stageMetrics': method<StageMetricsReport>()('read', reportFilterInput),
  'scorecards:rep': method<RepScorecard>()('read', repScorecardInput),
  'scorecards:team': method<TeamScorecard>()('read', scorecardScopeInput),
  'scorecards:evidence': method<ScorecardEvidence>()('read', scorecardEvidenceInput),
  'scorecards:settings': method<ScorecardSettings>()('read', none),
  'scorecards:saveSettings': method<ScorecardSettings>()('write', scorecardSettingsSchema),
  'currencies:overview': method<CurrencyOverview>()('read', none),
  'currencies:save': method<CurrencyOverview>()('write', currencySettingsSchema.omit({ base: true })),
  'workflow:mapStages': method<WorkflowVersion>()(
    'write',
    z
      .object({
        mappings: z
          .array(z.object({ sourceStage: z.string().min(1), stageKey: z.string().min(1) }).strict())
          .min(1)
          .max(200),
      })
      .strict(),
  ),
  'observations:list': method<ObservationPage>()('read', observationInputs.list),
  'observations:get': method<ObservationDetail>()('read', observationInputs.get),
  'observations:save': method<ObservationDetail>()('write', observationInputs.save),
  'observations:delete': method<{ id: number; deletedAt: number }>()('write', observationInputs.delete),
  'observations:restore': method<ObservationDetail>()('write', observationInputs.restore),
  'observations:draft': method<ObservationDraftView | null>()('read', observationInputs.draft),
  'observations:saveDraft': method<{ updatedAt: number }>()('write', observationInputs.saveDraft),
  'observations:discardDraft': method<{ discarded: boolean }>()('write', observationInputs.discardDraft),
  'observations:options': method<ObservationOptions>()('read', observationInputs.options),
  'observations:saveSettings': method<ObservationOptions>()('write', observationInputs.saveSettings),
  'observations:dealStage': method<DealStageOnDate>()('read', observationInputs.dealStage),
  'observations:summary': method<ObservationSummary>()('read', observationInputs.summary),
  'oneOnOnes:list': method<OneOnOneRepRow[]>()('read', oneOnOneInputs.list),
  'oneOnOnes:prep': method<OneOnOnePrep>()('read', oneOnOneInputs.prep),
  'oneOnOnes:saveDraft': method<OneOnOneRecord>()('write', oneOnOneInputs.saveDraft),
  'oneOnOnes:hold': method<OneOnOneRecord>()('write', oneOnOneInputs.hold),
  'oneOnOnes:history': method<OneOnOneRecord[]>()('read', oneOnOneInputs.history),
  'commitments:add': method<CommitmentItem>()('write', oneOnOneInputs.addCommitment),
  'commitments:resolve': method<CommitmentItem>()('write', oneOnOneInputs.resolveCommitment),
  'commitments:setRule': method<CommitmentItem>()('write', oneOnOneInputs.setCommitmentRule),
  'commitments:remove': method<{ removed: number }>()('write', oneOnOneInputs.removeCommitment),
  'ramp:report': method<RampReport>()('read', oneOnOneInputs.ramp),
  'backups:list': method<BackupOverview>()('read', backupInputs.list),
  'backups:create': method<BackupEntry>()('write', backupInputs.create),
  'backups:verify': method<BackupEntry>()('write', backupInputs.verify),
  'backups:inspect': method<RestoreCandidate>()('write', backupInputs.inspect),
  // Intercepted by the engine host: it closes both connections, swaps the file and reopens them.
  'backups:restore': method<RestoreResult>()('write', backupInputs.restore),
  'backups:saveSettings': method<BackupSettings>()('write', backupInputs.saveSettings),
  // Null from a healthy engine; the engine host answers it while the workspace is damaged.
  'recovery:status': method<RecoveryStatus | null>()('read', none),
  'experiments:list': method<ExperimentSummary[]>()('read', experimentInputs.list),
  'experiments:get': method<{ experiment: Experiment; results: ExperimentResults }>()(
    'read',
    experimentInputs.get,
  ),
  'experiments:candidates': method<BottleneckCandidate[]>()('read', experimentInputs.candidates),
  'experiments:save': method<Experiment>()('write', experimentInputs.save),
  'experiments:decide': method<Experiment>()('write', experimentInputs.decide),
  'experiments:delete': method<{ id: number; deleted: boolean }>()('write', experimentInputs.delete),
} satisfies Record<ApiMethod, MethodSpec<z.ZodType, unknown>>;

type Contract = typeof apiContract;
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<Contract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

type Noun = ApiMethod extends `${infer N}:${string}` ? N : never;
type NounOf<M> = M extends `${infer N}:${string}` ? N : never;

/** The API as named methods: `client.deals.list(input)` calls `deals:list`. */
export type ApiClient = {
  [N in Noun]: {
    [M in ApiMethod as NounOf<M> extends N ? (M extends `${string}:${infer V}` ? V : never) : never]: (
      input: ApiInput<M>,
    ) => Promise<ApiOutput<M>>;
  };
};
