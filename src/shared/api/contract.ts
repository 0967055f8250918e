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
import type { ApiMethod } from './methods';

/** Reads run on the reader connection and answer while a write is in progress. */
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

/** The whole API: method name → access, input schema and (phantom) output type. */
export const apiContract = {
  'workspace:info': method<WorkspaceInfo>()('read', none),
  'deals:list': method<DealPage>()('read', dealsListInput),
  'deals:facets': method<DealFacets>()('read', none),
  'deals:get': method<DealDetail>()('read', z.object({ id: z.number().int().positive() }).strict()),
  'reps:list': method<RepSummary[]>()('read', none),
  'workflow:current': method<WorkflowVersion>()('read', none),
  'demo:load': method<WorkspaceCounts>()('write', none),
  'demo:remove': method<WorkspaceCounts>()('write', none),
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
