import type { WorkflowDefinition } from './definition';

/**
 * Normalizes a stage name as CRMs write it, so "Proposal/Price Quote", "proposal price quote"
 * and "PROPOSAL / PRICE QUOTE" compare equal: case, accents and punctuation are ignored.
 */
export function normalizeStageName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Builds a lookup from a source stage name to the workflow stage key it maps onto.
 * HubSpot's "Closed Won (Sales Pipeline)" form is accepted by dropping the pipeline suffix.
 */
export function createStageMapper(definition: WorkflowDefinition): (sourceStage: string) => string | null {
  const byName = new Map<string, string>();
  for (const stage of definition.stages) {
    byName.set(normalizeStageName(stage.key), stage.key);
    byName.set(normalizeStageName(stage.name), stage.key);
    for (const name of stage.sourceNames) byName.set(normalizeStageName(name), stage.key);
  }
  return (sourceStage) => {
    const exact = byName.get(normalizeStageName(sourceStage));
    if (exact) return exact;
    const withoutPipeline = sourceStage.replace(/\s*\([^)]*\)\s*$/, '');
    return byName.get(normalizeStageName(withoutPipeline)) ?? null;
  };
}

/** The workflow with CRM stage names added to the stages they map to (each name once). */
export function withSourceNames(
  workflow: WorkflowDefinition,
  mappings: readonly { sourceStage: string; stageKey: string }[],
): WorkflowDefinition {
  return {
    ...workflow,
    stages: workflow.stages.map((stage) => ({
      ...stage,
      sourceNames: [
        ...stage.sourceNames,
        ...mappings
          .filter((m) => m.stageKey === stage.key && !stage.sourceNames.includes(m.sourceStage))
          .map((m) => m.sourceStage),
      ],
    })),
  };
}
