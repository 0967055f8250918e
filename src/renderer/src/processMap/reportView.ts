import type { DealStatus } from '@shared/domain/types';
import { defaultSort, writeDealsView } from '../deals/dealsView';
import type { PeriodPreset } from '../reports/periodPresets';
import { type VersionPicker, shortVersionLabel } from '../reports/ReportFilterBar';
import {
  type OutcomeChoice,
  type ReportFilters,
  readOutcome,
  readReportFilters,
  writeReportFilters,
} from '../reports/reportFilters';
import type { ViewQuery } from '../reports/useReportScope';

/**
 * What the Process map and Patterns screens show, as it lives in the URL query:
 * `?period=last-quarter&version=2&team=North&owner=5&outcome=lost`. Custom periods carry `from`
 * and `to` as local calendar days (YYYY-MM-DD). Patterns ignores the outcome.
 */
export type ReportView = ReportFilters & { outcome: OutcomeChoice };

/** Paths and patterns need many deals to say anything: a year is the sensible first look. */
export const defaultPeriod: PeriodPreset = 'last-4-quarters';

export function readReportView(params: URLSearchParams): ReportView {
  return { ...readReportFilters(params, defaultPeriod), outcome: readOutcome(params) };
}

export function writeReportView(view: ReportView): URLSearchParams {
  const params = writeReportFilters(view, defaultPeriod);
  if (view.outcome) params.set('outcome', view.outcome);
  return params;
}

/** The process map and patterns follow the current version unless the URL names another. */
export const realityVersionPicker: VersionPicker = {
  kind: 'current-first',
  className: 'reality-select',
  label: shortVersionLabel,
};

export const reportQuery: ViewQuery<ReportView> = { read: readReportView, write: writeReportView };

/**
 * The Deals screen narrowed to this view's reps and teams, to the deals now in `stageKey` and to
 * a status. The Deals screen filters on a deal's current stage and status, not on its path.
 */
export function dealsLink(view: ReportView, narrow: { stageKey?: string; status?: DealStatus }): string {
  const params = writeDealsView({
    search: '',
    ownerIds: view.ownerIds,
    teams: view.teams,
    stageKeys: narrow.stageKey ? [narrow.stageKey] : [],
    statuses: narrow.status ? [narrow.status] : [],
    createdFrom: '',
    createdTo: '',
    sort: defaultSort,
  });
  return `/deals?${params.toString()}`;
}
