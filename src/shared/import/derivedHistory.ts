/**
 * A deal whose file carries no stage history gets one stage event derived from its own row, for
 * the stage it is in now. Its external id starts with {@link DERIVED_EVENT_PREFIX}; its
 * `source_row` says which fact of the row dates it, so the evaluator knows how far to trust it.
 */
export const DERIVED_EVENT_PREFIX = 'derived:';

/**
 * - `stage_entered`: the row says when the deal entered its current stage (HubSpot "Date entered
 *   current stage", Salesforce LastStageChangeDate, a mapped column): a real entry time.
 * - `close`: a won or lost deal closes at its close moment (the CRM's won/lost time, else its
 *   Close Date): a real close, known to the day.
 * - `created`: nothing dates the entry; the deal is placed in its stage from its creation, which is
 *   only a lower bound, so no visit, action or time in stage is judged from it.
 */
export type DerivedBasis = 'stage_entered' | 'close' | 'created';

export const derivedSourceRow: Record<DerivedBasis, string> = {
  stage_entered: 'deal row: date entered its current stage',
  close: 'deal row: close date',
  created: 'deal row: no stage date, placed at creation',
};

const basisBySourceRow = new Map(
  (Object.entries(derivedSourceRow) as [DerivedBasis, string][]).map(([basis, text]) => [text, basis]),
);

/** The basis of a derived event from its stored source_row; older workspaces' rows count as `created`. */
export function basisOfSourceRow(sourceRow: string | null): DerivedBasis {
  return basisBySourceRow.get(sourceRow ?? '') ?? 'created';
}

/** The basis of a stage event if it was derived from its deal row, else null (real history). */
export function derivedBasis(externalId: string | null, sourceRow: string | null): DerivedBasis | null {
  return externalId?.startsWith(DERIVED_EVENT_PREFIX) ? basisOfSourceRow(sourceRow) : null;
}

/**
 * What the figures can say of a deal whose file has no stage history, given what dates its one
 * derived entry (null: it has none, for want of a stage or, closed, of any close date).
 */
export function missingHistoryDetail(basis: DerivedBasis | null, closed: boolean): string {
  switch (basis) {
    case null:
      return closed
        ? 'the file gives no stage history and no close date: this deal counts in no period’s win rate or cycle time'
        : 'the file gives no stage for this deal: it appears in no funnel, time-in-stage or action figure';
    case 'close':
      return 'the file gives no stage history: the deal closes at its Close Date; the stages before are not known, so it counts in win rate and cycle time but in no funnel step';
    case 'stage_entered':
      return 'the file gives no stage history: only when the deal entered its current stage is known, not the stages before';
    case 'created':
      return 'the file gives no stage history or stage dates: when the deal entered its current stage is not known, so no time in stage or action is judged for it';
  }
}
