/** Activity flags under a deal's aligned timeline: each label hangs at its time, in the first free lane. */

export type Flag<T> = {
  item: T;
  /** The flag's time position in pixels. */
  x: number;
  /** The label's left edge in pixels; the dot sits at `x`, on the label's left (or right, when flipped). */
  left: number;
  width: number;
  lane: number;
  /** True when the label hangs to the left of its time, so it stays inside the plot. */
  flipped: boolean;
};

const CHAR_W = 6.4;
const PADDING = 20;
const GAP = 4;
const DOT_INSET = 6;

/** A label's width in pixels for its text, at the timeline's 11.5px font. */
export function flagWidth(text: string): number {
  return Math.ceil(text.length * CHAR_W + PADDING);
}

/**
 * Places one label per item (sorted by position) so no two overlap: each goes in the first lane
 * where it fits, hanging right from its time, or left near the plot's right edge.
 */
export function packFlags<T>(
  items: readonly { item: T; x: number; text: string }[],
  plotWidth: number,
): { flags: Flag<T>[]; lanes: number } {
  const laneEnds: number[] = [];
  const flags: Flag<T>[] = [];
  for (const { item, x, text } of [...items].sort((a, b) => a.x - b.x)) {
    const width = flagWidth(text);
    const flipped = x - DOT_INSET + width > plotWidth;
    const left = flipped ? x + DOT_INSET - width : x - DOT_INSET;
    let lane = laneEnds.findIndex((end) => end + GAP <= left);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(left + width);
    } else {
      laneEnds[lane] = left + width;
    }
    flags.push({ item, x, left, width, lane, flipped });
  }
  return { flags, lanes: laneEnds.length };
}
