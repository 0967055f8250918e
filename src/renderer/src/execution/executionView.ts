import type { ReportPeriodInput } from '@shared/api/contract';
import {
  type DateRange,
  type PeriodChoice,
  type PeriodPreset,
  isIsoDay,
  periodPresets,
  presetRange,
} from './period';

/** An action status the compliance figures count (not-due actions never are). */
export type CountedStatus = 'on_time' | 'late' | 'missed' | 'pending';

export const countedStatuses: readonly CountedStatus[] = ['on_time', 'late', 'missed', 'pending'];

/** Which actions the drill-down lists: any mix of rep, stage and action; none of them is every action. */
export type Drill = { repId: number | null; stageKey: string | null; actionKey: string | null };

/**
 * What the Execution screen shows, as it lives in the URL query:
 * `?period=custom&from=2026-01-01&to=2026-03-31&version=2&team=North&drill&rep=5&stage=discovery&show=missed`.
 */
export type ExecutionView = {
  period: PeriodChoice;
  /** The custom period's dates; presets compute theirs from today. */
  from: string;
  to: string;
  /** null: the current workflow version. */
  versionId: number | null;
  teams: string[];
  drill: Drill | null;
  /** The drill-down's status filter; empty shows every status. */
  show: CountedStatus[];
};

export const defaultPeriod: PeriodPreset = 'this-quarter';

const choices: readonly string[] = [...periodPresets.map((p) => p.value), 'custom'];

function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

export function readExecutionView(params: URLSearchParams): ExecutionView {
  const period = params.get('period') ?? '';
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return isIsoDay(value) ? value : '';
  };
  return {
    period: choices.includes(period) ? (period as PeriodChoice) : defaultPeriod,
    from: day('from'),
    to: day('to'),
    versionId: positiveInt(params.get('version')),
    teams: [...new Set(params.getAll('team').filter(Boolean))],
    drill: params.has('drill')
      ? {
          repId: positiveInt(params.get('rep')),
          stageKey: params.get('stage') || null,
          actionKey: params.get('action') || null,
        }
      : null,
    show: countedStatuses.filter((s) => params.getAll('show').includes(s)),
  };
}

export function writeExecutionView(view: ExecutionView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.period !== defaultPeriod) params.set('period', view.period);
  if (view.period === 'custom') {
    if (view.from) params.set('from', view.from);
    if (view.to) params.set('to', view.to);
  }
  if (view.versionId !== null) params.set('version', String(view.versionId));
  for (const team of view.teams) params.append('team', team);
  if (view.drill) {
    params.set('drill', '');
    if (view.drill.repId !== null) params.set('rep', String(view.drill.repId));
    if (view.drill.stageKey) params.set('stage', view.drill.stageKey);
    if (view.drill.actionKey) params.set('action', view.drill.actionKey);
    for (const status of view.show) params.append('show', status);
  }
  return params;
}

/** The dates the view covers, or a sentence saying why a custom period cannot be used yet. */
export function viewRange(view: ExecutionView, today: Date): DateRange | { problem: string } {
  if (view.period !== 'custom') return presetRange(view.period, today);
  if (!view.from || !view.to) return { problem: 'Pick both a start and an end date for the custom period.' };
  if (view.to < view.from) return { problem: 'The custom period ends before it starts.' };
  return { from: view.from, to: view.to };
}

/** The report API input for a view's range, version and teams. */
export function toReportInput(view: ExecutionView, range: DateRange): ReportPeriodInput {
  const input: ReportPeriodInput = { from: range.from, to: range.to };
  if (view.versionId !== null) input.versionId = view.versionId;
  if (view.teams.length) input.teams = view.teams;
  return input;
}
