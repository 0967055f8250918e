import { useMemo } from 'react';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { humanize } from '../format/format';
import type { MetricNames } from './experimentFormat';

/** Stage and action names of a workflow; a key it does not know is shown humanized. */
export function namesOf(definition: WorkflowDefinition | undefined): MetricNames {
  const stages = new Map(definition?.stages.map((s) => [s.key, s]) ?? []);
  return {
    stage: (key) => stages.get(key)?.name ?? humanize(key),
    action: (stageKey, actionKey) =>
      stages.get(stageKey)?.requiredActions.find((a) => a.key === actionKey)?.label ?? humanize(actionKey),
  };
}

/** The current workflow, to name stages and actions in words. */
export function useWorkflowNames() {
  const workflow = useApiQuery(() => api.workflow.current({}), []);
  const names = useMemo(() => namesOf(workflow.data?.definition), [workflow.data]);
  return { workflow, names };
}
