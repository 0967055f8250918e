import type { DealStatus } from '@shared/domain/types';
import { type FunnelDealGroup, funnelDealGroups } from '@shared/metrics/reports';
import { writeDealsView } from '../deals/dealsView';
import type { PeriodPreset } from '../reports/periodPresets';
import { type ReportFilters, readReportFilters, writeReportFilters } from '../reports/reportFilters';
import type { ViewQuery } from '../reports/useReportScope';

/**
 * What the Funnel screen shows, as it lives in the URL query:
 * `?period=last-4-quarters&version=2&team=North&owner=5&stage=discovery&deals=demo&group=lost`. Custom periods carry
 * `from` and `to` as local calendar days (YYYY-MM-DD); `stage` picks the time-in-stage stage.
 */
export type FunnelView = ReportFilters & {
  /** The stage whose time in stage is shown; null: the first one. */
  stageKey: string | null;
  /** The figure whose deals are listed in the side panel (`?deals=discovery&group=lost`), if any. */
  drill: FunnelDrill | null;
};

/** A funnel figure: a stage (a won or lost one for the closed deals) and which of its deals. */
export type FunnelDrill = { stageKey: string; group: FunnelDealGroup };

function readDrill(params: URLSearchParams): FunnelDrill | null {
  const stageKey = params.get('deals');
  if (!stageKey) return null;
  const group = params.get('group');
  return { stageKey, group: funnelDealGroups.find((g) => g === group) ?? 'entered' };
}

export const defaultPeriod: PeriodPreset = 'this-quarter';

export function readFunnelView(params: URLSearchParams): FunnelView {
  return {
    ...readReportFilters(params, defaultPeriod),
    stageKey: params.get('stage') || null,
    drill: readDrill(params),
  };
}

export function writeFunnelView(view: FunnelView): URLSearchParams {
  const params = writeReportFilters(view, defaultPeriod);
  if (view.stageKey) params.set('stage', view.stageKey);
  if (view.drill) {
    params.set('deals', view.drill.stageKey);
    if (view.drill.group !== 'entered') params.set('group', view.drill.group);
  }
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
