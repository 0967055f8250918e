/**
 * Every API method name, `noun:verb`. Kept free of zod so the sandboxed preload can
 * enumerate them; `contract.ts` is checked against this list at compile time.
 */
export const apiMethodNames = [
  'workspace:info',
  'deals:list',
  'deals:facets',
  'deals:get',
  'reps:list',
  'workflow:current',
  'demo:load',
  'demo:remove',
  'import:formats',
  'import:preview',
  'import:apply',
  'import:cancel',
  'import:history',
  'import:undo',
  'workflow:mapStages',
  'workflow:versions',
  'workflow:save',
  'workflow:activate',
  'evaluation:refresh',
  'evaluation:deal',
  'reports:compliance',
  'reports:complianceDeals',
  'reports:funnel',
  'reports:funnelDeals',
  'reports:timeInStage',
  'reports:processMap',
  'reports:patterns',
  'reports:failurePoints',
  'reports:bottlenecks',
  'reports:stageMetrics',
] as const;

export type ApiMethod = (typeof apiMethodNames)[number];
