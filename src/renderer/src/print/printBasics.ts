import type { EpochMs, WorkspaceInfo } from '@shared/domain/types';
import type { ScorecardScopeInput } from '@shared/scorecards/inputs';
import { api } from '../api/client';
import { type ApiQuery, useApiQuery } from '../data/useApiQuery';
import { formatDate, formatIsoDate } from '../format/format';
import type { ScorecardView } from '../scorecards/scorecardView';
import type { PrintStatus } from './PrintDocument';

/** What every printed page states in its footer, and the currency scorecard amounts are in. */
export type PrintBasics = { workspace: WorkspaceInfo; currency: string | null };

/** The workspace's facts and the corporate currency scorecard amounts are in. */
export function usePrintBasics(): ApiQuery<PrintBasics> {
  return useApiQuery(async () => {
    const workspace = await api.workspace.info({});
    return { workspace, currency: workspace.money.corporate };
  }, []);
}

/** The footer line: "Workflow v3 · data up to 27 Nov 2026 · printed 28 Nov 2026 · Stagecoach". */
export function footerText(version: number, newestDataAt: EpochMs | null, now: EpochMs = Date.now()): string {
  const data = newestDataAt === null ? 'no imported data' : `data up to ${formatDate(newestDataAt)}`;
  return `Workflow v${version} · ${data} · printed ${formatDate(now)} · Stagecoach`;
}

/** "Q3 2026 · 1 Jul 2026 – 30 Sep 2026", "to date" while the period runs. */
export function periodText(period: { label: string; from: string; to: string }, partial: boolean): string {
  return `${period.label}${partial ? ' to date' : ''} · ${formatIsoDate(period.from)} – ${formatIsoDate(period.to)}`;
}

/** The scorecard API input of a print route's view; without `at`, the period containing today. */
export function scopeInput(view: ScorecardView, today: string): ScorecardScopeInput {
  return {
    kind: view.kind,
    anchor: view.at ?? today,
    ...(view.versionId !== null ? { versionId: view.versionId } : {}),
    ...(view.teams.length ? { teams: view.teams } : {}),
  };
}

/** The status of a page from its queries: the first error, else loading until every one answered. */
export function queryStatus(
  queries: ApiQuery<unknown>[],
  ready: () => Extract<PrintStatus, { state: 'ready' }>,
): PrintStatus {
  const failed = queries.find((q) => q.error !== null && q.data === undefined);
  if (failed) return { state: 'error', message: failed.error ?? 'The page could not be loaded.' };
  if (queries.some((q) => q.data === undefined)) return { state: 'loading' };
  return ready();
}
