import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import type { ProcessMapReport } from '@shared/metrics/reports';
import { formatCount, formatPercent, plural } from '../format/format';
import { type EdgeTone, type GraphEdge, type GraphNode, layoutGraph } from './graphLayout';
import { edgeKindLabels, formatMedianDays } from './processFormat';
import { useElementWidth } from './useElementWidth';

export type ProcessGraphProps = {
  report: ProcessMapReport;
  /** The move picked by click or keyboard; the page shows the variants that take it. */
  pinned: string | null;
  onPin: (edgeId: string | null) => void;
};

/** Below this width the graph scrolls sideways instead of squeezing its labels together. */
const MIN_WIDTH = 880;

const CHAR_W = 6.3;

function pillWidth(text: string): number {
  return Math.round(text.length * CHAR_W + 14);
}

function edgeText(edge: GraphEdge): string {
  return `${formatCount(edge.transitions)} · ${formatMedianDays(edge.medianDays)}`;
}

/** The sentence a screen reader hears for one move. */
export function describeEdge(edge: GraphEdge): string {
  return (
    `${edge.fromName} to ${edge.toName}, ${edgeKindLabels[edge.tone].toLowerCase()}: ` +
    `${plural(edge.transitions, 'move')} by ${plural(edge.deals, 'deal')}, ` +
    `median ${formatMedianDays(edge.medianDays)} between the two entries, ` +
    `${formatPercent(edge.shareOfSource)} of the moves out of ${edge.fromName}.`
  );
}

function summary(report: ProcessMapReport): string {
  const edges = report.map.edges;
  const count = (kind: string) => edges.filter((e) => e.kind === kind).length;
  return (
    `${plural(report.map.deals, 'deal')} moved between ${plural(report.map.nodes.length, 'stage')} ` +
    `in ${plural(edges.length, 'distinct move')}: ${plural(count('forward'), 'forward move')}, ` +
    `${plural(count('skip'), 'skip')}, ${plural(count('loop_back'), 'loop back', 'loops back')} and ` +
    `${plural(count('close'), 'close')}. The table below the graph lists every move with its numbers.`
  );
}

/** The directly-follows graph as SVG, with each move's numbers on hover, focus or click. */
export function ProcessGraph({ report, pinned, onPin }: ProcessGraphProps) {
  const [wrapRef, measured] = useElementWidth<HTMLDivElement>();
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const width = Math.max(MIN_WIDTH, measured);
  const layout = useMemo(() => (measured > 0 ? layoutGraph(report, width) : null), [report, width, measured]);
  const titleId = useId();
  const descId = useId();
  const activeId = hovered ?? focused ?? pinned;
  const active = layout?.edges.find((e) => e.id === activeId) ?? null;

  const onKey = (event: KeyboardEvent, edge: GraphEdge) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPin(pinned === edge.id ? null : edge.id);
    } else if (event.key === 'Escape') {
      onPin(null);
    }
  };

  return (
    // Only a narrow window scrolls the graph sideways; otherwise nothing clips the tooltips.
    <div
      className={measured > 0 && measured < MIN_WIDTH ? 'pm-graph-scroll scrolls' : 'pm-graph-scroll'}
      ref={wrapRef}
    >
      <div className="pm-graph" style={{ width }}>
        {layout && (
          <svg
            className={active ? 'pm-svg has-active' : 'pm-svg'}
            width={layout.width}
            height={layout.height}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            role="group"
            aria-labelledby={titleId}
            aria-describedby={descId}
            data-testid="process-graph"
          >
            <title id={titleId}>Directly-follows graph of the stages deals moved through</title>
            <desc id={descId}>{summary(report)}</desc>
            {layout.ghosts.map((ghost) => (
              <line
                key={ghost.id}
                className="pm-ghost"
                x1={ghost.x1}
                x2={ghost.x2}
                y1={ghost.y}
                y2={ghost.y}
              />
            ))}
            {layout.nodes.map((node) => (
              <Node key={node.key} node={node} />
            ))}
            {layout.edges.map((edge) => (
              <g
                key={edge.id}
                className={`pm-edge tone-${edge.tone}${edge.id === activeId ? ' active' : ''}`}
                role="button"
                tabIndex={0}
                aria-label={describeEdge(edge)}
                aria-pressed={pinned === edge.id}
                data-testid="process-edge"
                data-kind={edge.kind}
                onMouseEnter={() => setHovered(edge.id)}
                onMouseLeave={() => setHovered(null)}
                onFocus={() => setFocused(edge.id)}
                onBlur={() => setFocused(null)}
                onClick={() => onPin(pinned === edge.id ? null : edge.id)}
                onKeyDown={(event) => onKey(event, edge)}
              >
                <path
                  className="pm-edge-hit"
                  d={edge.path}
                  strokeWidth={Math.max(14, edge.strokeWidth + 10)}
                />
                <path className="pm-edge-line" d={edge.path} strokeWidth={edge.strokeWidth} />
                <polygon className="pm-edge-arrow" points={edge.arrow} />
              </g>
            ))}
            {layout.edges.map((edge) => (
              <EdgeLabel key={edge.id} edge={edge} active={edge.id === activeId} />
            ))}
          </svg>
        )}
        {active && <EdgeTooltip edge={active} width={layout?.width ?? width} pinned={pinned === active.id} />}
      </div>
    </div>
  );
}

type NodeProps = { node: GraphNode };

function fitText(text: string, maxWidth: number, charWidth: number): string {
  const max = Math.floor(maxWidth / charWidth);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function Node({ node }: NodeProps) {
  const left = node.x - node.w / 2;
  const top = node.y - node.h / 2;
  const empty = node.deals === 0;
  const reentries = node.visits - node.deals;
  return (
    <g
      className={`pm-node role-${node.role}${empty ? ' empty' : ''}`}
      data-testid="process-node"
      data-stage={node.key}
    >
      <title>
        {`${node.name}: ${empty ? 'no deal in this period' : `${plural(node.deals, 'deal')}, ${plural(node.visits, 'visit')}`}${
          reentries > 0 ? ` (${formatCount(reentries)} re-entries)` : ''
        }`}
      </title>
      <rect x={left} y={top} width={node.w} height={node.h} rx={8} />
      <text className="pm-node-name" x={node.x} y={node.y - 3} textAnchor="middle">
        {fitText(node.name, node.w - 14, 7.4)}
      </text>
      <text className="pm-node-count" x={node.x} y={node.y + 13} textAnchor="middle">
        {empty ? 'no deals' : plural(node.deals, 'deal')}
      </text>
    </g>
  );
}

type EdgeLabelProps = { edge: GraphEdge; active: boolean };

function EdgeLabel({ edge, active }: EdgeLabelProps) {
  const className = `pm-label tone-${edge.tone}${active ? ' active' : ''}`;
  if (edge.label.placement === 'inline') {
    const offset = edge.strokeWidth / 2;
    return (
      <g className={className} aria-hidden="true">
        <text className="pm-label-count" x={edge.label.x} y={edge.label.y - offset - 5} textAnchor="middle">
          {formatCount(edge.transitions)}
        </text>
        <text className="pm-label-days" x={edge.label.x} y={edge.label.y + offset + 13} textAnchor="middle">
          {formatMedianDays(edge.medianDays)}
        </text>
      </g>
    );
  }
  const text = edgeText(edge);
  const w = pillWidth(text);
  // Lane labels start where their lane turns; arc labels sit centred on the arc.
  const x = edge.label.align === 'start' ? edge.label.x : edge.label.x - w / 2;
  return (
    <g className={className} aria-hidden="true">
      <rect x={x} y={edge.label.y - 9} width={w} height={18} rx={9} />
      <text x={x + w / 2} y={edge.label.y + 4} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

type EdgeTooltipProps = { edge: GraphEdge; width: number; pinned: boolean };

const toneNotes: Record<EdgeTone, string> = {
  forward: 'the next stage',
  skip: 'jumps over a stage',
  loop_back: 'back to an earlier stage',
  won: 'the deal is won',
  lost: 'the deal is lost',
};

function EdgeTooltip({ edge, width, pinned }: EdgeTooltipProps) {
  const x = edge.label.align === 'start' ? edge.label.x + 50 : edge.label.x;
  const flip = x > width - 150 ? ' flip-left' : x < 150 ? ' flip-right' : '';
  // Near the top the card would clip it, so it opens downwards there.
  const below = edge.label.y < 170 ? ' below' : '';
  return (
    <div
      className={`pm-tooltip tone-${edge.tone}${flip}${below}`}
      style={{ left: x, top: edge.label.y }}
      role="status"
      data-testid="edge-tooltip"
    >
      <div className="pm-tooltip-title">
        {edge.fromName} → {edge.toName}
      </div>
      <div className="pm-tooltip-kind">
        <span className="pm-swatch" aria-hidden="true" />
        {edgeKindLabels[edge.tone]}: {toneNotes[edge.tone]}
      </div>
      <dl className="pm-tooltip-facts">
        <div>
          <dt>Moves</dt>
          <dd>{formatCount(edge.transitions)}</dd>
        </div>
        <div>
          <dt>Deals</dt>
          <dd>{formatCount(edge.deals)}</dd>
        </div>
        <div>
          <dt>Median time</dt>
          <dd>{formatMedianDays(edge.medianDays)}</dd>
        </div>
        <div>
          <dt>Of moves out</dt>
          <dd>{formatPercent(edge.shareOfSource)}</dd>
        </div>
      </dl>
      <div className="pm-tooltip-hint">
        {pinned
          ? 'The paths below are those that take this move. Click again to list them all.'
          : 'Click to list only the paths that take this move.'}
      </div>
    </div>
  );
}
