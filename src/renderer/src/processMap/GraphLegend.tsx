import type { EdgeTone } from './graphLayout';
import { edgeKindLabels } from './processFormat';

const tones: EdgeTone[] = ['forward', 'skip', 'loop_back', 'won', 'lost'];

const hints: Record<EdgeTone, string> = {
  forward: 'to the next stage',
  skip: 'jumps a stage',
  loop_back: 'back to an earlier stage',
  won: '',
  lost: '',
};

export type GraphLegendProps = { showGhost: boolean };

/** What the colors, dashes and widths of the graph mean. */
export function GraphLegend({ showGhost }: GraphLegendProps) {
  return (
    <div className="pm-legend">
      <ul className="legend" aria-label="Kinds of move">
        {tones.map((tone) => (
          <li key={tone}>
            <svg width="30" height="10" aria-hidden="true" className={`pm-legend-line tone-${tone}`}>
              <line x1="1" x2="29" y1="5" y2="5" />
            </svg>
            {edgeKindLabels[tone]}
            {hints[tone] && <span className="muted">{hints[tone]}</span>}
          </li>
        ))}
        {showGhost && (
          <li>
            <svg width="30" height="10" aria-hidden="true" className="pm-legend-line ghost">
              <line x1="1" x2="29" y1="5" y2="5" />
            </svg>
            Defined step no deal took
          </li>
        )}
      </ul>
      <span className="pm-legend-width">
        <svg width="40" height="14" aria-hidden="true">
          <path d="M2,7 H14" strokeWidth="1.5" />
          <path d="M20,7 H38" strokeWidth="7" />
        </svg>
        Width follows the number of moves · labels: moves · median days between the two entries
      </span>
    </div>
  );
}
