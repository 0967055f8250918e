/** Where a problem the engine found in an experiment is shown and where the focus goes to fix it. */
export const fieldIds = {
  title: 'exp-title',
  quarter: 'exp-quarter',
  stage: 'exp-stage',
  bottleneckMetric: 'exp-bottleneck-metric',
  hypothesis: 'exp-hypothesis',
  changeKind: 'exp-change-kind',
  changeDescription: 'exp-change-description',
  workflowVersionId: 'exp-version',
  baselineVersionId: 'exp-baseline-version',
  design: 'exp-design',
  reps: 'exp-reps',
  primaryMetric: 'exp-primary',
  guardrails: 'exp-guardrails',
  startsOn: 'exp-starts',
  endsOn: 'exp-ends',
  status: 'exp-status',
} as const;

export type FieldKey = keyof typeof fieldIds;

export type FieldIssue = { field: FieldKey; message: string };

/** The field a path of the experiment input belongs to ("guardrails.1.stageKey" → guardrails). */
function fieldOfPath(path: string): FieldKey | null {
  const [head, second] = path.split('.');
  switch (head) {
    case 'bottleneck':
      return second === 'metric' ? 'bottleneckMetric' : 'stage';
    case 'treatmentRepIds':
    case 'controlRepIds':
      return 'reps';
    case undefined:
      return null;
    default:
      return head in fieldIds ? (head as FieldKey) : null;
  }
}

/**
 * The field an engine message is about: "Invalid input for experiments:save at endsOn: must be on
 * or after …" → endsOn; null for a message about no one field.
 */
export function issueOf(message: string): FieldIssue | null {
  const match = /^Invalid input for [\w:]+ at ([\w.]+): (.+)$/s.exec(message);
  if (!match) return null;
  const field = fieldOfPath(match[1]!);
  if (!field) return null;
  const text = match[2]!;
  return { field, message: text.charAt(0).toUpperCase() + text.slice(1) };
}
