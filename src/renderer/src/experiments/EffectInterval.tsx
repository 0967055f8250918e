import type { DurationComparison, ProportionComparison } from '@shared/experiments/types';
import { formatEffectWithInterval, formatTick } from './experimentFormat';

export type EffectIntervalProps = {
  comparison: ProportionComparison | DurationComparison;
  better: 'higher' | 'lower';
};

const WIDTH = 360;
const HEIGHT = 74;
const PAD = 22;
const AXIS_Y = 44;

/** The smallest of 1, 2, 2.5, 5 × 10^k that is at least `value`. */
function niceCeil(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * The effect and its 95% interval on an axis through 0, the side where the change helps marked:
 * an interval clear of 0 on that side is green, clear of it on the other side red, across it grey.
 */
export function EffectInterval({ comparison, better }: EffectIntervalProps) {
  const [low, high] = comparison.ci95;
  const floor = comparison.kind === 'durations' ? 1 : 0.05;
  const extent = niceCeil(
    Math.max(floor, Math.abs(low), Math.abs(high), Math.abs(comparison.difference)) * 1.05,
  );
  const x = (value: number) => PAD + ((value + extent) / (2 * extent)) * (WIDTH - 2 * PAD);
  const ticks = [-extent, -extent / 2, 0, extent / 2, extent];
  const helps = (value: number) => (better === 'higher' ? value > 0 : value < 0);
  const hurts = (value: number) => (better === 'higher' ? value < 0 : value > 0);
  const tone = helps(low) && helps(high) ? 'good' : hurts(low) && hurts(high) ? 'bad' : 'neutral';
  const betterRight = better === 'higher';
  return (
    <svg
      className={`exp-interval exp-interval-${tone}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Effect ${formatEffectWithInterval(comparison)}`}
      data-testid="effect-interval"
    >
      <rect
        className="exp-interval-better"
        x={betterRight ? x(0) : PAD}
        y={14}
        width={x(extent) - x(0)}
        height={AXIS_Y - 14}
      />
      <text
        className="exp-interval-side"
        x={betterRight ? x(extent) - 4 : PAD + 4}
        y={10}
        textAnchor={betterRight ? 'end' : 'start'}
      >
        {betterRight ? 'better →' : '← better'}
      </text>
      <line className="exp-interval-axis" x1={PAD} x2={WIDTH - PAD} y1={AXIS_Y} y2={AXIS_Y} />
      {ticks.map((t) => (
        <g key={t}>
          <line
            className={t === 0 ? 'exp-interval-zero' : 'exp-interval-tick'}
            x1={x(t)}
            x2={x(t)}
            y1={t === 0 ? 12 : AXIS_Y}
            y2={AXIS_Y + 4}
          />
          <text className="exp-interval-label" x={x(t)} y={AXIS_Y + 16} textAnchor="middle">
            {formatTick(comparison.kind, t)}
          </text>
        </g>
      ))}
      <line className="exp-interval-ci" x1={x(low)} x2={x(high)} y1={29} y2={29} />
      <line className="exp-interval-cap" x1={x(low)} x2={x(low)} y1={23} y2={35} />
      <line className="exp-interval-cap" x1={x(high)} x2={x(high)} y1={23} y2={35} />
      <circle className="exp-interval-point" cx={x(comparison.difference)} cy={29} r={5} />
      <text className="exp-interval-unit" x={WIDTH - PAD} y={HEIGHT - 2} textAnchor="end">
        {comparison.kind === 'durations' ? 'difference in median days' : 'difference in percentage points'}
      </text>
    </svg>
  );
}
