import type { DealStageVisit } from '@shared/domain/types';
import type { WorkflowDefinition } from '@shared/workflow/definition';

/** The color family of a stage band: its workflow group, or the outcome for won and lost. */
export type StageTone = 'prospect' | 'advance' | 'close' | 'expand' | 'won' | 'lost' | 'other';

export const toneLabels: Record<StageTone, string> = {
  prospect: 'Prospect',
  advance: 'Advance',
  close: 'Close',
  expand: 'Expand',
  won: 'Won',
  lost: 'Lost',
  other: 'Not in the workflow',
};

/** Stage key → outcome, from the workflow definition. */
export function outcomesOf(definition: WorkflowDefinition | undefined): Map<string, 'won' | 'lost'> {
  const outcomes = new Map<string, 'won' | 'lost'>();
  for (const stage of definition?.stages ?? []) if (stage.outcome) outcomes.set(stage.key, stage.outcome);
  return outcomes;
}

export function stageTone(visit: DealStageVisit, outcomes: Map<string, 'won' | 'lost'>): StageTone {
  const outcome = visit.stageKey ? outcomes.get(visit.stageKey) : undefined;
  if (outcome) return outcome;
  switch (visit.group) {
    case 'Prospect':
      return 'prospect';
    case 'Advance':
      return 'advance';
    case 'Close':
      return 'close';
    case 'Expand':
      return 'expand';
    default:
      return 'other';
  }
}

const activityPalette: Record<string, string> = {
  call: '#3b82f6',
  email: '#8b5cf6',
  meeting: '#0ea5a4',
  demo: '#f59e0b',
  discovery_call: '#06b6d4',
  proposal_sent: '#ec4899',
  contract_sent: '#ef4444',
  note: '#94a3b8',
  task: '#64748b',
  kickoff: '#22c55e',
};
const spare = ['#a855f7', '#14b8a6', '#f97316', '#84cc16', '#6366f1', '#e11d48'];

/** A stable color per activity type; unknown types get one from a spare palette by name. */
export function activityColor(type: string): string {
  const known = activityPalette[type];
  if (known) return known;
  let hash = 0;
  for (const char of type) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return spare[Math.abs(hash) % spare.length]!;
}
