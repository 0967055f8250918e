import type { ReportPeriodInput } from '@shared/api/contract';
import type { DateRange, PeriodPreset } from '../reports/periodPresets';
import {
  type ReportFilters,
  positiveInt,
  readReportFilters,
  toReportFilter,
  writeReportFilters,
} from '../reports/reportFilters';

/** An action status the compliance figures count (not-due actions never are). */
export type CountedStatus = 'on_time' | 'late' | 'missed' | 'pending';

export const countedStatuses: readonly CountedStatus[] = ['on_time', 'late', 'missed', 'pending'];

/** Which actions the drill-down lists: any mix of rep, stage and action; none of them is every action. */
export type Drill = { repId: number | null; stageKey: string | null; actionKey: string | null };

/**
 * What the Execution screen shows, as it lives in the URL query:
 * `?period=custom&from=2026-01-01&to=2026-03-31&version=2&team=North&drill&rep=5&stage=discovery&show=missed`.
 * It has no rep filter: the reps are its rows.
 */
export type ExecutionView = Omit<ReportFilters, 'ownerIds'> & {
  drill: Drill | null;
  /** The drill-down's status filter; empty shows every status. */
  show: CountedStatus[];
};

export const defaultPeriod: PeriodPreset = 'this-quarter';

export function readExecutionView(params: URLSearchParams): ExecutionView {
  const { period, from, to, versionId, teams } = readReportFilters(params, defaultPeriod);
  return {
    period,
    from,
    to,
    versionId,
    teams,
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
  const params = writeReportFilters(view, defaultPeriod);
  if (view.drill) {
    params.set('drill', '');
    if (view.drill.repId !== null) params.set('rep', String(view.drill.repId));
    if (view.drill.stageKey) params.set('stage', view.drill.stageKey);
    if (view.drill.actionKey) params.set('action', view.drill.actionKey);
    for (const status of view.show) params.append('show', status);
  }
  return params;
}

/** The report API input for a view's range, version and teams. */
export function toReportInput(view: ExecutionView, range: DateRange): ReportPeriodInput {
  return toReportFilter(view, range);
}
