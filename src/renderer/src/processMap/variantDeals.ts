import type { DealDetail, DealStatus } from '@shared/domain/types';
import { api } from '../api/client';
import { UNMAPPED } from './graphLayout';
import type { ReportFilter } from '../reports/reportFilters';

const DAY_MS = 86_400_000;

/** A deal that took a variant's path, with how long it took from its first to its last entry. */
export type VariantDeal = {
  id: number;
  name: string;
  ownerName: string | null;
  status: DealStatus;
  days: number;
};

/** How many deals the picker offers, and how many it reads at most to find them. */
const WANTED = 12;
const MAX_SCANNED = 400;
const BATCH = 20;

/** The stage keys of a deal's visits, as the process map names them. */
export function dealPath(detail: DealDetail): string[] {
  return detail.visits.map((v) => v.stageKey ?? UNMAPPED);
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/**
 * Deals that followed exactly `path` and entered a stage inside the period, as the process map
 * counts them. The map does not list its deals, so this reads the deals now in the path's last
 * stage (newest first) and keeps those whose stage history matches, until it has enough.
 */
export async function findVariantDeals(
  path: readonly string[],
  status: DealStatus,
  filter: ReportFilter,
): Promise<VariantDeal[]> {
  const last = path.at(-1);
  if (!last) return [];
  const page = await api.deals.list({
    stageKeys: last === UNMAPPED ? undefined : [last],
    statuses: [status],
    teams: filter.teams,
    ownerIds: filter.ownerIds,
    limit: MAX_SCANNED,
  });
  // The report reads the period's dates in UTC, so this does too.
  const start = Date.parse(`${filter.from}T00:00:00Z`);
  const end = Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS;
  const found: VariantDeal[] = [];
  for (let i = 0; i < page.rows.length && found.length < WANTED; i += BATCH) {
    const details = await Promise.all(
      page.rows.slice(i, i + BATCH).map((row) => api.deals.get({ id: row.id })),
    );
    for (const detail of details) {
      if (!samePath(dealPath(detail), path)) continue;
      if (!detail.visits.some((v) => v.enteredAt >= start && v.enteredAt < end)) continue;
      const first = detail.visits[0]!;
      const final = detail.visits.at(-1)!;
      found.push({
        id: detail.deal.id,
        name: detail.deal.name,
        ownerName: detail.deal.ownerName,
        status: detail.deal.status,
        days: (final.enteredAt - first.enteredAt) / DAY_MS,
      });
    }
  }
  return found.slice(0, WANTED).sort((a, b) => a.days - b.days);
}

/** The fastest, the middle and the slowest of the deals (already sorted by days): the contrast a manager wants. */
export function contrastingPicks(deals: readonly VariantDeal[]): number[] {
  if (deals.length <= 3) return deals.map((d) => d.id);
  return [deals[0]!.id, deals[Math.floor((deals.length - 1) / 2)]!.id, deals.at(-1)!.id];
}

/** The status a deal has when its path ends in `last`: the outcome of a closing stage, open otherwise. */
export function statusAfter(last: string, outcomes: ReadonlyMap<string, 'won' | 'lost'>): DealStatus {
  return outcomes.get(last) ?? 'open';
}
