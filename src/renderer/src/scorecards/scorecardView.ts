import type { ScorecardMetricKey } from '@shared/scorecards/metrics';
import { scorecardMetricKeys } from '@shared/scorecards/metrics';
import type { ScorecardPeriodKind } from '@shared/scorecards/periods';
import type { ScorecardDrill } from '@shared/scorecards/types';
import { isIsoDay } from '../reports/periodPresets';
import { positiveInt } from '../reports/reportFilters';

/**
 * What a scorecard screen shows, as it lives in the URL query: `?period=month&at=2026-11-27&team=North&version=2`.
 * `at` is any day of the month or quarter shown; without it, today.
 */
export type ScorecardView = {
  kind: ScorecardPeriodKind;
  /** A day in the period shown (YYYY-MM-DD); null: today. */
  at: string | null;
  teams: string[];
  versionId: number | null;
};

export const defaultKind: ScorecardPeriodKind = 'quarter';

export function readScorecardView(params: URLSearchParams): ScorecardView {
  const at = params.get('at') ?? '';
  return {
    kind:
      params.get('period') === 'month'
        ? 'month'
        : params.get('period') === 'quarter'
          ? 'quarter'
          : defaultKind,
    at: isIsoDay(at) ? at : null,
    teams: [...new Set(params.getAll('team').filter(Boolean))],
    versionId: positiveInt(params.get('version')),
  };
}

export function writeScorecardView(view: ScorecardView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.kind !== defaultKind) params.set('period', view.kind);
  if (view.at) params.set('at', view.at);
  for (const team of view.teams) params.append('team', team);
  if (view.versionId !== null) params.set('version', String(view.versionId));
  return params;
}

/** The query string of a view, with its leading "?" (or nothing). */
export function viewSearch(view: ScorecardView): string {
  const text = writeScorecardView(view).toString();
  return text ? `?${text}` : '';
}

/** The rep scorecard of `repId` for the same period, teams and version. */
export function repScorecardLink(repId: number, view: ScorecardView): string {
  return `/scorecards/${repId}${viewSearch(view)}`;
}

/** The team scorecard for the same period and version. */
export function teamScorecardLink(view: ScorecardView): string {
  return `/scorecards${viewSearch(view)}`;
}

/**
 * Where a figure's evidence is: the Execution drill-down for action compliance, the Observations
 * list for shadowing, the evidence list of `scorecards:evidence` for the rest.
 */
export function drillLink(drill: ScorecardDrill, view: ScorecardView): string {
  if (drill.kind === 'observations') {
    const params = new URLSearchParams();
    if (drill.repId !== null) params.set('rep', String(drill.repId));
    params.set('from', drill.from);
    params.set('to', drill.to);
    return `/observations?${params.toString()}`;
  }
  if (drill.kind === 'execution') {
    const params = new URLSearchParams({ period: 'custom', from: drill.from, to: drill.to });
    params.set('version', String(drill.versionId));
    for (const team of view.teams) params.append('team', team);
    params.set('drill', '');
    if (drill.repId !== null) params.set('rep', String(drill.repId));
    return `/execution?${params.toString()}`;
  }
  const params = writeScorecardView(view);
  params.set('metric', drill.metric);
  params.set('from', drill.from);
  params.set('to', drill.to);
  if (drill.repId !== null) params.set('rep', String(drill.repId));
  params.set('version', String(drill.versionId));
  return `/scorecards/evidence?${params.toString()}`;
}

/** An evidence list as its URL names it. */
export type EvidenceView = {
  metric: ScorecardMetricKey;
  repId: number | null;
  from: string;
  to: string;
};

/** The evidence list the URL asks for, or null when it names no figure or period. */
export function readEvidenceView(params: URLSearchParams): EvidenceView | null {
  const metric = params.get('metric') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (!(scorecardMetricKeys as readonly string[]).includes(metric) || !isIsoDay(from) || !isIsoDay(to))
    return null;
  return { metric: metric as ScorecardMetricKey, repId: positiveInt(params.get('rep')), from, to };
}
