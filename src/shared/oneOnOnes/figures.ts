import type { IsoDate } from '../domain/types';

/** A share with what it rests on: `ok` of `total` (rate null when total is 0). */
export type RateFigure = { ok: number; total: number; rate: number | null };

/** Days the figures of a prep look back over, ending on the day they are taken. */
export const FIGURE_WINDOW_DAYS = 30;

/**
 * A rep's headline figures over a window of {@link FIGURE_WINDOW_DAYS} days, as a one-on-one
 * compares them: taken now, and stored in the one-on-one's snapshot when it is held.
 * - compliance: required actions due in the window done on time / settled (PRODUCT.md, pending left out);
 * - criteria: stage exits in the window with every advancement criterion met / exits checked;
 * - conversion: stage visits entered in the window that went on to a later stage / visits that
 *   have settled (moved on, lost, or past the stage's target days);
 * - winRate: won / closed in the window; stalled: open deals over target days at the window's end.
 */
export type PrepFigures = {
  from: IsoDate;
  to: IsoDate;
  compliance: RateFigure;
  criteria: RateFigure;
  conversion: RateFigure;
  winRate: RateFigure;
  won: number;
  lost: number;
  /** In the corporate currency; null when a won deal's currency has no rate. */
  wonAmount: number | null;
  stalled: number;
  medianCycleDays: number | null;
};

export type FigureKey = 'compliance' | 'criteria' | 'conversion' | 'winRate' | 'stalled' | 'medianCycleDays';

export type FigureTone = 'better' | 'worse' | 'same';

export type FigureChange = {
  key: FigureKey;
  label: string;
  unit: 'share' | 'count' | 'days';
  direction: 'higher' | 'lower';
  now: number | null;
  then: number | null;
  /** now − then; null when either is unknown. */
  delta: number | null;
  tone: FigureTone | null;
  /** What the current value rests on, e.g. "41 of 58 actions". */
  basis: string;
};

/** Changes smaller than these read as "about the same". */
const SAME_WITHIN = { share: 0.03, count: 0, days: 1 } as const;

/** `ok` of `total` as a share, null when nothing was counted. */
export function rateFigure(ok: number, total: number): RateFigure {
  return { ok, total, rate: total === 0 ? null : ok / total };
}

type FigureSpec = {
  key: FigureKey;
  label: string;
  unit: FigureChange['unit'];
  direction: FigureChange['direction'];
  value: (f: PrepFigures) => number | null;
  basis: (f: PrepFigures) => string;
};

const specs: FigureSpec[] = [
  {
    key: 'compliance',
    label: 'Actions on time',
    unit: 'share',
    direction: 'higher',
    value: (f) => f.compliance.rate,
    basis: (f) => `${f.compliance.ok} of ${f.compliance.total} actions`,
  },
  {
    key: 'criteria',
    label: 'Criteria met at advancement',
    unit: 'share',
    direction: 'higher',
    value: (f) => f.criteria.rate,
    basis: (f) => `${f.criteria.ok} of ${f.criteria.total} advancements`,
  },
  {
    key: 'conversion',
    label: 'Stage conversion',
    unit: 'share',
    direction: 'higher',
    value: (f) => f.conversion.rate,
    basis: (f) => `${f.conversion.ok} of ${f.conversion.total} stage entries`,
  },
  {
    key: 'winRate',
    label: 'Win rate',
    unit: 'share',
    direction: 'higher',
    value: (f) => f.winRate.rate,
    basis: (f) => `${f.won} won, ${f.lost} lost`,
  },
  {
    key: 'stalled',
    label: 'Stalled deals',
    unit: 'count',
    direction: 'lower',
    value: (f) => f.stalled,
    basis: () => 'open deals over target days',
  },
  {
    key: 'medianCycleDays',
    label: 'Median cycle',
    unit: 'days',
    direction: 'lower',
    value: (f) => f.medianCycleDays,
    basis: (f) => `${f.won} won ${f.won === 1 ? 'deal' : 'deals'}`,
  },
];

/** Whether a change is for the better, for the worse, or too small to matter. */
export function figureTone(
  delta: number | null,
  unit: FigureChange['unit'],
  direction: FigureChange['direction'],
): FigureTone | null {
  if (delta === null) return null;
  if (Math.abs(delta) <= SAME_WITHIN[unit] + 1e-9) return 'same';
  return delta > 0 === (direction === 'higher') ? 'better' : 'worse';
}

/**
 * Each headline figure now against the same figure at the last one-on-one (`then`, null when
 * there was none): the delta, and whether it moved the right way for the figure's direction.
 */
export function figureChanges(now: PrepFigures, then: PrepFigures | null): FigureChange[] {
  return specs.map((spec) => {
    const current = spec.value(now);
    const before = then ? spec.value(then) : null;
    const delta = current === null || before === null ? null : current - before;
    return {
      key: spec.key,
      label: spec.label,
      unit: spec.unit,
      direction: spec.direction,
      now: current,
      then: before,
      delta,
      tone: figureTone(delta, spec.unit, spec.direction),
      basis: spec.basis(now),
    };
  });
}

/** Reads a snapshot's figures back, or null when it holds none (older records, other shapes). */
export function snapshotFigures(snapshot: unknown): PrepFigures | null {
  if (typeof snapshot !== 'object' || snapshot === null) return null;
  const figures = (snapshot as { figures?: unknown }).figures;
  if (typeof figures !== 'object' || figures === null) return null;
  const f = figures as Partial<PrepFigures>;
  const isRate = (r: unknown): r is RateFigure =>
    typeof r === 'object' && r !== null && typeof (r as RateFigure).total === 'number';
  if (
    typeof f.from !== 'string' ||
    typeof f.to !== 'string' ||
    !isRate(f.compliance) ||
    !isRate(f.criteria) ||
    !isRate(f.conversion) ||
    !isRate(f.winRate) ||
    typeof f.stalled !== 'number'
  )
    return null;
  return figures as PrepFigures;
}
