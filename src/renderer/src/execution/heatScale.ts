import type { ComplianceCounts } from '@shared/evaluation/views';

/** Below this many settled actions a rate is shown pale: too few to judge a rep by. */
export const SMALL_SAMPLE = 10;

/** A step of the compliance scale: rates from `min` (inclusive) upwards, warm red to green. */
export type HeatStep = { min: number; label: string; color: string; ink: string };

export const heatSteps: HeatStep[] = [
  { min: 0, label: '< 50%', color: '#d9483b', ink: '#ffffff' },
  { min: 0.5, label: '50–60%', color: '#f08a4b', ink: '#1b1b1f' },
  { min: 0.6, label: '60–70%', color: '#f7c46c', ink: '#1b1b1f' },
  { min: 0.7, label: '70–80%', color: '#d5e27b', ink: '#1b1b1f' },
  { min: 0.8, label: '80–90%', color: '#8fcb75', ink: '#1b1b1f' },
  { min: 0.9, label: '≥ 90%', color: '#2f9a5a', ink: '#ffffff' },
];

export function settledOf(counts: ComplianceCounts): number {
  return counts.onTime + counts.late + counts.missed;
}

export function heatStep(rate: number): HeatStep {
  let step = heatSteps[0]!;
  for (const candidate of heatSteps) if (rate >= candidate.min) step = candidate;
  return step;
}

export type HeatTone = { kind: 'none' } | { kind: 'rate'; step: HeatStep; pale: boolean };

/** How a figure is colored: its step on the scale, pale for a small sample, grey without a rate. */
export function heatTone(counts: ComplianceCounts | undefined): HeatTone {
  if (!counts || counts.rate === null) return { kind: 'none' };
  return { kind: 'rate', step: heatStep(counts.rate), pale: settledOf(counts) < SMALL_SAMPLE };
}

/** The CSS custom properties a heat-colored element reads. */
export function heatStyle(tone: HeatTone): Record<string, string> | undefined {
  if (tone.kind === 'none') return undefined;
  return { '--heat': tone.step.color, '--heat-ink': tone.step.ink };
}

export function heatClass(tone: HeatTone): string {
  if (tone.kind === 'none') return 'heat heat-none';
  return tone.pale ? 'heat heat-pale' : 'heat';
}
