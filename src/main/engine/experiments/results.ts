import type { WorkflowVersion } from '@shared/domain/types';
import { compareDurations, compareProportions, MIN_SAMPLE } from '@shared/experiments/stats';
import type {
  Experiment,
  ExperimentMetric,
  ExperimentResults,
  MetricResult,
  MetricSample,
  MetricVerdict,
} from '@shared/experiments/types';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { currentWorkflow, workflowVersion } from '../queries/workflow';
import { type RawSample, readSample } from './samples';
import { emptyWindow, isoDay, type Window, windowOf, windowText } from './windows';

const DAY_MS = 86_400_000;

function isEvaluated(db: Db, versionId: number): boolean {
  return (
    db.prepare('SELECT 1 FROM evaluation_runs WHERE workflow_version_id = ?').get(versionId) !== undefined
  );
}

/**
 * The rules both sides are measured with — one version for both, so a difference is the team's
 * and not the yardstick's: the version the experiment introduces, when it has one and it has
 * been evaluated (a new required action exists only there, and the baseline window is judged by
 * it too, retroactively), else the current version.
 */
export function measuringVersion(db: Db, experiment: Experiment): WorkflowVersion {
  if (experiment.workflowVersionId !== null && isEvaluated(db, experiment.workflowVersionId)) {
    return workflowVersion(db, experiment.workflowVersionId);
  }
  const current = currentWorkflow(db);
  if (!isEvaluated(db, current.id)) {
    throw new EngineError(
      'not_found',
      `Workflow version ${current.version} has not been evaluated yet: evaluate it first.`,
    );
  }
  return current;
}

export function metricBetter(metric: ExperimentMetric): 'higher' | 'lower' {
  return metric.kind === 'time_in_stage' ? 'lower' : 'higher';
}

export function metricName(metric: ExperimentMetric, workflow: WorkflowDefinition): string {
  if (metric.kind === 'win_rate') return 'Win rate';
  const stage = workflow.stages.find((s) => s.key === metric.stageKey);
  const stageName = stage?.name ?? metric.stageKey;
  switch (metric.kind) {
    case 'conversion':
      return `${stageName} → next stage conversion`;
    case 'time_in_stage':
      return `Median days in ${stageName}`;
    case 'compliance': {
      if (metric.actionKey === undefined) return `${stageName} actions on time`;
      const action = stage?.requiredActions.find((a) => a.key === metric.actionKey);
      return `${action?.label ?? metric.actionKey} on time (${stageName})`;
    }
  }
}

function unitOf(metric: ExperimentMetric): [one: string, many: string] {
  if (metric.kind === 'time_in_stage') return ['stage visit', 'stage visits'];
  if (metric.kind === 'compliance') return ['action', 'actions'];
  return ['deal', 'deals'];
}

function minSample(metric: ExperimentMetric): number {
  return metric.kind === 'time_in_stage' ? MIN_SAMPLE.durations : MIN_SAMPLE.proportions;
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function toSample(label: string, window: Window, raw: RawSample): MetricSample {
  const to = window.end > window.start ? isoDay(window.end - DAY_MS) : window.to;
  if (raw.kind === 'proportion') {
    return {
      label,
      from: window.from,
      to,
      n: raw.n,
      successes: raw.successes,
      value: raw.n === 0 ? null : raw.successes / raw.n,
    };
  }
  return {
    label,
    from: window.from,
    to,
    n: raw.days.length,
    successes: null,
    value: median([...raw.days].sort((a, b) => a - b)),
  };
}

const percent = (value: number): string => `${Math.round(value * 100)}%`;
const points = (value: number): string => {
  const rounded = Math.round(value * 100);
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  return `${sign}${Math.abs(rounded)} ${Math.abs(rounded) === 1 ? 'point' : 'points'}`;
};
const days = (value: number): string => `${value.toFixed(1)} days`;
/** One decimal; two when that would show a small non-zero shift as 0.0. */
const signedDays = (value: number): string => {
  const size = Math.abs(value);
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${size.toFixed(size > 0 && size < 0.05 ? 2 : 1)} days`;
};

function verdictOf(ci95: [number, number], better: 'higher' | 'lower'): MetricVerdict {
  const up = ci95[0] > 0;
  const down = ci95[1] < 0;
  if (!up && !down) return 'no_clear_change';
  return up === (better === 'higher') ? 'improved' : 'worse';
}

/**
 * Compares one metric between a baseline (or control) side and a result (or treatment) side:
 * the statistics of `@shared/experiments/stats`, and a verdict only when the interval says so and
 * both sides reach the minimum sample.
 */
export function compareMetric(
  metric: ExperimentMetric,
  label: string,
  baseline: { label: string; window: Window; raw: RawSample },
  result: { label: string; window: Window; raw: RawSample },
): MetricResult {
  const better = metricBetter(metric);
  const before = toSample(baseline.label, baseline.window, baseline.raw);
  const after = toSample(result.label, result.window, result.raw);
  const needed = minSample(metric);
  const moreNeeded = Math.max(0, needed - before.n) + Math.max(0, needed - after.n);
  const [one, many] = unitOf(metric);
  if (moreNeeded > 0) {
    return {
      metric,
      label,
      better,
      baseline: before,
      result: after,
      comparison: null,
      verdict: 'not_enough_data',
      moreNeeded,
      summary: `Not enough data yet — ${moreNeeded} more ${moreNeeded === 1 ? one : many} needed.`,
    };
  }
  const comparison =
    baseline.raw.kind === 'proportion' && result.raw.kind === 'proportion'
      ? compareProportions(baseline.raw.successes, baseline.raw.n, result.raw.successes, result.raw.n)
      : compareDurations(
          baseline.raw.kind === 'durations' ? baseline.raw.days : [],
          result.raw.kind === 'durations' ? result.raw.days : [],
        );
  const verdict = verdictOf(comparison.ci95, better);
  const isRate = comparison.kind === 'proportions';
  const show = (value: number | null): string =>
    value === null ? '—' : isRate ? percent(value) : days(value);
  const shift = (value: number): string => (isRate ? points(value) : signedDays(value));
  const interval = `95% CI ${shift(comparison.ci95[0])} to ${shift(comparison.ci95[1])}`;
  const move = `${show(before.value)} → ${show(after.value)} (${shift(comparison.difference)}, ${interval})`;
  const summary =
    verdict === 'improved'
      ? `Improved: ${move}.`
      : verdict === 'worse'
        ? `Worse: ${move}.`
        : `No clear change: ${move}.`;
  return {
    metric,
    label,
    better,
    baseline: before,
    result: after,
    comparison,
    verdict,
    moreNeeded: 0,
    summary,
  };
}

function repsText(count: number): string {
  return `${count} ${count === 1 ? 'rep' : 'reps'}`;
}

/**
 * The windows and groups of an experiment's design. Before/after: the whole team, the result
 * from startsOn to the earlier of endsOn and today, the baseline the same number of days as the
 * planned window just before startsOn (a fixed baseline that does not move as the days pass).
 * Treatment/control: both groups over the same window, startsOn to the earlier of endsOn and today.
 */
function sides(experiment: Experiment, now: number) {
  const planned = windowOf(experiment.startsOn, experiment.endsOn);
  const today = isoDay(now);
  const resultWindow =
    today < experiment.startsOn
      ? emptyWindow(experiment.startsOn)
      : windowOf(experiment.startsOn, today < experiment.endsOn ? today : experiment.endsOn);
  if (experiment.design === 'treatment_control') {
    const text = windowText(resultWindow);
    return [
      {
        label: `Control: ${repsText(experiment.controlRepIds.length)}, ${text}`,
        window: resultWindow,
        owners: new Set(experiment.controlRepIds),
      },
      {
        label: `Treatment: ${repsText(experiment.treatmentRepIds.length)}, ${text}`,
        window: resultWindow,
        owners: new Set(experiment.treatmentRepIds),
      },
    ] as const;
  }
  const baselineWindow = windowBefore(planned);
  return [
    { label: `Before: ${windowText(baselineWindow)}`, window: baselineWindow, owners: null },
    { label: `After: ${windowText(resultWindow)}`, window: resultWindow, owners: null },
  ] as const;
}

/**
 * The baseline of a before/after experiment: as long as the planned window, just before it — in
 * whole months when the window is whole months (a quarter's baseline is the quarter before), else
 * in days.
 */
export function windowBefore(planned: Window): Window {
  const first = new Date(planned.start);
  const afterLast = new Date(planned.end);
  if (first.getUTCDate() === 1 && afterLast.getUTCDate() === 1) {
    const months =
      (afterLast.getUTCFullYear() - first.getUTCFullYear()) * 12 +
      afterLast.getUTCMonth() -
      first.getUTCMonth();
    const start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - months, 1);
    return windowOf(isoDay(start), isoDay(planned.start - DAY_MS));
  }
  const length = planned.end - planned.start;
  return windowOf(isoDay(planned.start - length), isoDay(planned.start - DAY_MS));
}

function dataUpTo(db: Db): number | null {
  const row = db
    .prepare(
      `SELECT max(at) AS at FROM (SELECT max(entered_at) AS at FROM stage_events
       UNION ALL SELECT max(occurred_at) FROM activities)`,
    )
    .get() as { at: number | null };
  return row.at;
}

/** An experiment's results, computed from the stored evaluation as of `now`. */
export function experimentResults(db: Db, experiment: Experiment, now: number): ExperimentResults {
  const version = measuringVersion(db, experiment);
  const [baseline, result] = sides(experiment, now);
  const measure = (metric: ExperimentMetric): MetricResult =>
    compareMetric(
      metric,
      `${metricName(metric, version.definition)} · workflow v${version.version}`,
      {
        label: baseline.label,
        window: baseline.window,
        raw: readSample(db, version, metric, baseline.window, baseline.owners, now),
      },
      {
        label: result.label,
        window: result.window,
        raw: readSample(db, version, metric, result.window, result.owners, now),
      },
    );
  return {
    primary: measure(experiment.primaryMetric),
    guardrails: experiment.guardrails.map(measure),
    computedAt: now,
    dataUpTo: dataUpTo(db),
  };
}
