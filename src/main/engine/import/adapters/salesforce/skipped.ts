/** Counts rows deliberately left out, by the reason shown to the user. */
export type SkipCounter = {
  counts: Record<string, number>;
  skip(reason: string): void;
};

/** Creates an empty skip counter for one file. */
export function createSkipCounter(): SkipCounter {
  const counts: Record<string, number> = {};
  return {
    counts,
    skip(reason) {
      counts[reason] = (counts[reason] ?? 0) + 1;
    },
  };
}

export const skipReasons = {
  deleted: 'deleted in Salesforce (IsDeleted)',
  listEmail: 'list email',
  automatedUser: 'automated or integration user',
  otherUser: 'portal, partner or Chatter user (not a Standard user)',
  childEvent: 'invitee copy of a group event',
  notStage: 'not a stage change',
} as const;
