import type { ImportRecord } from './records';

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "All 11,583 deals", "The deal" or "12 of 40 deals". */
function share(n: number, total: number, one: string, many: string): string {
  if (n < total) return `${n.toLocaleString('en-US')} of ${count(total, one, many)}`;
  return total === 1 ? `The ${one}` : `All ${count(total, one, many)}`;
}

/**
 * What a file will not contribute to the figures, said before it is imported (a file of deals
 * with no stage, owner or dates otherwise imports thousands of deals that appear in no metric,
 * with no word). `staged` holds the deals the import's stage-history files give a history.
 */
export function fileLimits(records: readonly ImportRecord[], staged: ReadonlySet<string>): string[] {
  const deals = records.filter((r) => r.kind === 'deal', 'deals');
  const activities = records.filter((r) => r.kind === 'activity', 'activities');
  const limits: string[] = [];
  if (deals.length > 0) {
    const total = deals.length;
    const unstaged = deals.filter((d) => d.stage === null && d.status === null && !staged.has(d.externalId));
    const undated = deals.filter((d) => d.createdAt === null && d.closeDate === null && d.closedAt === null);
    if (unstaged.length > 0) {
      const lacksDates = unstaged.every(
        (d) => d.createdAt === null && d.closeDate === null && d.closedAt === null,
      );
      limits.push(
        `${share(unstaged.length, total, 'deal', 'deals')} ${unstaged.length === 1 ? 'has' : 'have'} no stage or won/lost status${lacksDates ? ' and no dates' : ''}: ` +
          `${unstaged.length === 1 ? 'it' : 'they'} will not appear in funnel, cycle or win-rate figures. Import a file with the stage (or its history) for them.`,
      );
    } else if (undated.length > 0) {
      limits.push(
        `${share(undated.length, total, 'deal', 'deals')} ${undated.length === 1 ? 'has' : 'have'} no created or close date: no cycle time, and a closed one counts in no period.`,
      );
    }
    const ownerless = deals.filter((d) => d.owner === null).length;
    if (ownerless > 0)
      limits.push(
        `${share(ownerless, total, 'deal', 'deals')} ${ownerless === 1 ? 'has' : 'have'} no owner: counted for the team, credited to no rep.`,
      );
    if (deals.every((d) => d.amount === null))
      limits.push('No deal has an amount: won amount and velocity will leave these deals out.');
  }
  if (activities.length > 0) {
    const total = activities.length;
    const dealless = activities.filter((a) => a.dealExternalId === null).length;
    if (dealless > 0)
      limits.push(
        `${share(dealless, total, 'activity', 'activities')} name${dealless === 1 ? 's' : ''} no deal: ${dealless === 1 ? 'it counts' : 'they count'} for a rep's activity but for no deal's required actions.`,
      );
    const ownerless = activities.filter((a) => a.owner === null).length;
    if (ownerless > 0)
      limits.push(
        `${share(ownerless, total, 'activity', 'activities')} ${ownerless === 1 ? 'has' : 'have'} no owner: credited to no rep.`,
      );
  }
  return limits;
}
