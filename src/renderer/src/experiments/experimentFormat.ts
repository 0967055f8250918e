import type {
  ChangeKind,
  DurationComparison,
  ExperimentDecision,
  ExperimentDesign,
  ExperimentMetric,
  ExperimentStatus,
  MetricVerdict,
  ProportionComparison,
} from '@shared/experiments/types';
import { EMPTY, formatPercent } from '../format/format';

/** Words for the experiment's fixed choices, as the screens and the PDF say them. */
export const statusLabels: Record<ExperimentStatus, string> = {
  planned: 'Planned',
  running: 'Running',
  concluded: 'Concluded',
};

export const decisionLabels: Record<ExperimentDecision, string> = {
  adopt: 'Adopt',
  refine: 'Refine',
  revert: 'Revert',
};

export const verdictLabels: Record<MetricVerdict, string> = {
  improved: 'Improved',
  worse: 'Worse',
  no_clear_change: 'No clear change',
  not_enough_data: 'Not enough data yet',
};

export const designLabels: Record<ExperimentDesign, string> = {
  before_after: 'Before / after, whole team',
  treatment_control: 'Treatment vs control reps',
};

export const changeKindLabels: Record<ChangeKind, string> = {
  advancement_criteria: 'New advancement criteria',
  handoff_checklist: 'Revised handoff checklist',
  follow_up_sequence: 'New follow-up sequence',
  required_action: 'New or changed required action',
  other: 'Other change',
};

export const metricKindLabels: Record<ExperimentMetric['kind'], string> = {
  conversion: 'Conversion',
  time_in_stage: 'Time in stage',
  compliance: 'Compliance',
  win_rate: 'Win rate',
};

/** Stage and action names of the workflow, to name a metric in words. */
export type MetricNames = {
  stage: (key: string) => string;
  action: (stageKey: string, actionKey: string) => string;
};

/** "Demo → next stage conversion", "Median days in Proposal", "Demo actions on time", "Win rate". */
export function metricLabel(metric: ExperimentMetric, names: MetricNames): string {
  switch (metric.kind) {
    case 'conversion':
      return `${names.stage(metric.stageKey)} → next stage conversion`;
    case 'time_in_stage':
      return `Median days in ${names.stage(metric.stageKey)}`;
    case 'compliance':
      return metric.actionKey
        ? `${names.action(metric.stageKey, metric.actionKey)} on time`
        : `${names.stage(metric.stageKey)} actions on time`;
    case 'win_rate':
      return 'Win rate';
  }
}

/** Which way a metric should move. */
export function betterOf(metric: ExperimentMetric): 'higher' | 'lower' {
  return metric.kind === 'time_in_stage' ? 'lower' : 'higher';
}

/** A metric as one string, for a <select> value and the address: "compliance:demo:recap_email". */
export function encodeMetric(metric: ExperimentMetric): string {
  switch (metric.kind) {
    case 'win_rate':
      return 'win_rate';
    case 'compliance':
      return metric.actionKey
        ? `compliance:${metric.stageKey}:${metric.actionKey}`
        : `compliance:${metric.stageKey}`;
    default:
      return `${metric.kind}:${metric.stageKey}`;
  }
}

/** The inverse of encodeMetric; null for anything malformed. */
export function decodeMetric(value: string | null | undefined): ExperimentMetric | null {
  if (!value) return null;
  const [kind, stageKey, actionKey, ...rest] = value.split(':');
  if (rest.length > 0) return null;
  if (kind === 'win_rate') return stageKey === undefined ? { kind: 'win_rate' } : null;
  if (!stageKey) return null;
  if (kind === 'compliance') return actionKey ? { kind, stageKey, actionKey } : { kind, stageKey };
  if ((kind === 'conversion' || kind === 'time_in_stage') && actionKey === undefined)
    return { kind, stageKey };
  return null;
}

/** The stage a metric is about, if any. */
export function metricStage(metric: ExperimentMetric): string | null {
  return metric.kind === 'win_rate' ? null : metric.stageKey;
}

const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signedOne = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const signedWhole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const wholeOrOne = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A metric's value: a rate as a percent, a median as days. */
export function formatMetricValue(metric: ExperimentMetric, value: number | null): string {
  if (value === null) return EMPTY;
  return metric.kind === 'time_in_stage' ? `${oneDecimal.format(value)} d` : formatPercent(value);
}

/** A difference in the metric's unit: "+9 pts" for rates, "−3.5 d" for medians. */
export function formatEffect(kind: 'proportions' | 'durations', value: number): string {
  const text =
    kind === 'durations' ? `${signedOne.format(value)} d` : `${signedWhole.format(value * 100)} pts`;
  return text.replace('-', '−');
}

/** A tick on the interval axis, without a sign on positive numbers. */
export function formatTick(kind: 'proportions' | 'durations', value: number): string {
  return kind === 'durations' ? `${wholeOrOne.format(value)} d` : `${wholeOrOne.format(value * 100)}`;
}

/** "+9 pts, 95% CI +2 to +16". */
export function formatEffectWithInterval(comparison: ProportionComparison | DurationComparison): string {
  const [low, high] = comparison.ci95;
  const bare = (value: number) => formatEffect(comparison.kind, value).replace(/ (pts|d)$/, '');
  return `${formatEffect(comparison.kind, comparison.difference)}, 95% CI ${bare(low)} to ${bare(high)}`;
}

export const methodLabels: Record<ProportionComparison['method'] | DurationComparison['method'], string> = {
  two_proportion_z: 'Two-proportion z-test',
  fisher_exact: 'Fisher’s exact test (small counts)',
  mann_whitney: 'Mann–Whitney U test, with a bootstrap interval on the median',
};

/** A p-value in words a manager can use. */
export function pValueWords(pValue: number): string {
  const shown = pValue < 0.001 ? 'p < 0.001' : `p = ${pValue < 0.01 ? pValue.toFixed(3) : pValue.toFixed(2)}`;
  if (pValue < 0.001) return `${shown}: a difference this large would almost never turn up by chance alone.`;
  const inHundred = Math.max(1, Math.round(pValue * 100));
  const chance =
    pValue >= 0.995 ? 'nearly every time' : `about ${inHundred === 1 ? 'once' : `${inHundred} times`} in 100`;
  const conclusion =
    pValue < 0.05 ? 'unlikely to be chance' : 'chance alone could explain it, so it is no proof of an effect';
  return `${shown}: if the change did nothing, a difference at least this large would turn up ${chance} — ${conclusion}.`;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** "2026-Q4" of a YYYY-MM-DD date. */
export function quarterOf(isoDate: string): string {
  const year = isoDate.slice(0, 4);
  const month = Number(isoDate.slice(5, 7));
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function isQuarter(value: string): boolean {
  return QUARTER.test(value);
}

/** The quarter `steps` after (or before, when negative) this one. */
export function shiftQuarter(quarter: string, steps: number): string {
  const match = QUARTER.exec(quarter);
  if (!match) return quarter;
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + steps;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The first and last day of a quarter, YYYY-MM-DD. */
export function quarterBounds(quarter: string): { from: string; to: string } | null {
  const match = QUARTER.exec(quarter);
  if (!match) return null;
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay)}` };
}

/** "2026-Q4" → "Q4 2026". */
export function quarterName(quarter: string): string {
  const match = QUARTER.exec(quarter);
  return match ? `Q${match[2]} ${match[1]}` : quarter;
}
