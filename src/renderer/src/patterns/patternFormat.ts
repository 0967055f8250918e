import { EMPTY } from '../format/format';

const points = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });

/** A difference of two rates in percentage points: 0.12 → "+12 pts". */
export function formatPoints(delta: number | null): string {
  return delta === null ? EMPTY : `${points.format(delta * 100)} pts`;
}

const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Fractional days, one decimal: "42.5 d". */
export function formatDayCount(days: number | null): string {
  return days === null ? EMPTY : `${oneDecimal.format(days)} d`;
}

const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** Days rounded to whole days, for totals in the hundreds: "4,436 d". */
export function formatWholeDays(days: number): string {
  return `${whole.format(days)} d`;
}
