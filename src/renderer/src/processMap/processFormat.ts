import { EMPTY } from '../format/format';
import type { EdgeTone } from './graphLayout';

const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Fractional days from a report, one decimal: "9.8 d"; a dash when there is no duration. */
export function formatMedianDays(days: number | null): string {
  return days === null ? EMPTY : `${oneDecimal.format(days)} d`;
}

/** What each kind of move is called in the legend, tooltips and tables. */
export const edgeKindLabels: Record<EdgeTone, string> = {
  forward: 'Forward',
  skip: 'Skip',
  loop_back: 'Loop back',
  won: 'Close, won',
  lost: 'Close, lost',
};
