import type { DealStatus } from '@shared/domain/types';
import { writeDealsView } from '../deals/dealsView';
import type { PeriodPreset } from '../reports/periodPresets';
import { type ReportFilters, readReportFilters, writeReportFilters } from '../reports/reportFilters';
import type { ViewQuery } from '../reports/useReportScope';

/**
 * What the Funnel screen shows, as it lives in the URL query:
 * `?period=last-4-quarters&version=2&team=North&owner=5&stage=discovery`. Custom periods carry
 * `from` and `to` as local calendar days (YYYY-MM-DD); `stage` picks the time-in-stage stage.
 */
export type FunnelView = ReportFilters & {
  /** The stage whose time in stage is shown; null: the first one. */
  stageKey: string | null;
};

export const defaultPeriod: PeriodPreset = 'this-quarter';

export function readFunnelView(params: URLSearchParams): FunnelView {
  return { ...readReportFilters(params, defaultPeriod), stageKey: params.get('stage') || null };
}

export function writeFunnelView(view: FunnelView): URLSearchParams {
  const params = writeReportFilters(view, defaultPeriod);
  if (view.stageKey) params.set('stage', view.stageKey);
  return params;
}

export const funnelQuery: ViewQuery<FunnelView> = { read: readFunnelView, write: writeFunnelView };

/**
 * The Deals screen narrowed to this view's reps and teams, and to a stage and status when given,
 * longest in their stage first. The Deals screen filters on a deal's current stage, so this lists
 * the deals in a stage now.
 */
export function dealsLink(view: FunnelView, narrow: { stageKey?: string; statuses?: DealStatus[] }): string {
  const params = writeDealsView({
    search: '',
    ownerIds: view.ownerIds,
    teams: view.teams,
    stageKeys: narrow.stageKey ? [narrow.stageKey] : [],
    statuses: narrow.statuses ?? [],
    createdFrom: '',
    createdTo: '',
    sort: { key: 'lastStageChangeAt', desc: false },
  });
  return `/deals?${params.toString()}`;
}
