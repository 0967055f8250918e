/**
 * Gives stage events without a source id a key that is stable across re-imports of the same
 * file — deal, time and stage — numbering repeats within the file so none overwrites another.
 */
export function createStageEventKeys(): (dealExternalId: string, enteredAt: number, stage: string) => string {
  const seen = new Map<string, number>();
  return (dealExternalId, enteredAt, stage) => {
    const key = `${dealExternalId}:${new Date(enteredAt).toISOString()}:${stage}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}#${count}`;
  };
}
