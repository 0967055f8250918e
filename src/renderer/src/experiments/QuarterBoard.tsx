import type { ExperimentSummary } from '@shared/experiments/types';
import { plural } from '../format/format';
import { ExperimentCard } from './ExperimentCard';
import { quarterName } from './experimentFormat';

export type QuarterBoardProps = {
  experiments: ExperimentSummary[];
  currentQuarter: string;
  stageName: (key: string) => string;
};

function quarterRole(quarter: string, current: string): string {
  if (quarter === current) return 'This quarter';
  return quarter > current ? 'Coming' : 'Past';
}

/**
 * A section per quarter, newest first, always with the current one: planned quarters ahead of it,
 * then this quarter's experiment, then the past ones with their outcomes.
 */
export function QuarterBoard({ experiments, currentQuarter, stageName }: QuarterBoardProps) {
  const byQuarter = new Map<string, ExperimentSummary[]>([[currentQuarter, []]]);
  for (const e of experiments) {
    const list = byQuarter.get(e.quarter) ?? [];
    list.push(e);
    byQuarter.set(e.quarter, list);
  }
  const quarters = [...byQuarter.keys()].sort((a, b) => b.localeCompare(a));
  return (
    <div className="exp-board">
      {quarters.map((quarter) => {
        const list = byQuarter.get(quarter)!.toSorted((a, b) => a.startsOn.localeCompare(b.startsOn));
        const headingId = `exp-quarter-${quarter}`;
        return (
          <section
            key={quarter}
            className={quarter === currentQuarter ? 'exp-quarter exp-quarter-current' : 'exp-quarter'}
            aria-labelledby={headingId}
            data-testid="experiment-quarter"
          >
            <header className="exp-quarter-head">
              <h2 className="section-title" id={headingId}>
                {quarterName(quarter)}
              </h2>
              <span className="chip">{quarterRole(quarter, currentQuarter)}</span>
              <span className="muted">{plural(list.length, 'experiment')}</span>
            </header>
            {list.length === 0 ? (
              <p className="exp-quarter-empty">
                No experiment this quarter yet. Pick one bottleneck from the candidates below and design a
                small, measured change against it.
              </p>
            ) : (
              <ul className="exp-cards">
                {list.map((e) => (
                  <ExperimentCard key={e.id} experiment={e} stageName={stageName} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
