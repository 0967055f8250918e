import type { ComplianceCounts } from '@shared/evaluation/views';
import { EMPTY, formatCount } from '../format/format';

const precise = new Intl.NumberFormat(undefined, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const whole = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/** A headline rate with one decimal: "75.3%". */
export function formatRatePrecise(rate: number | null): string {
  return rate === null ? EMPTY : precise.format(rate);
}

/** A rate in a dense table: "82%". */
export function formatRate(rate: number | null): string {
  return rate === null ? EMPTY : whole.format(rate);
}

/** The words a screen reader says for a figure: "82% on time of 140 settled; 3 pending". */
export function describeCounts(counts: ComplianceCounts): string {
  const settled = counts.onTime + counts.late + counts.missed;
  const parts = [
    counts.rate === null
      ? 'no settled actions'
      : `${formatRate(counts.rate)} on time: ${formatCount(counts.onTime)} of ${formatCount(settled)}`,
    `${formatCount(counts.late)} late`,
    `${formatCount(counts.missed)} missed`,
  ];
  if (counts.pending) parts.push(`${formatCount(counts.pending)} pending`);
  return parts.join(', ');
}
