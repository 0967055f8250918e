import type { EdgeKind, ProcessMap } from '@shared/metrics/processMap';
import type { ProcessMapReport } from '@shared/metrics/reports';

/**
 * Where the directly-follows graph draws its nodes and edges, in pixels. Stages sit on one row
 * left to right in the defined order, the won stage at its end; lost stages sit below the end of
 * the row. Moves to the next stage are straight arrows, moves that jump ahead arc above the row,
 * moves back arc below it, and moves into a lost stage run down and along their own lane.
 */

export const UNMAPPED = '(unmapped)';

export type NodeRole = 'stage' | 'won' | 'lost' | 'unmapped';

export type GraphNode = {
  key: string;
  name: string;
  role: NodeRole;
  deals: number;
  visits: number;
  /** Centre and size. */
  x: number;
  y: number;
  w: number;
  h: number;
};

/** How an edge is drawn: its kind, and for a close which outcome it reaches. */
export type EdgeTone = 'forward' | 'skip' | 'loop_back' | 'won' | 'lost';

export type GraphEdge = {
  id: string;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  kind: EdgeKind;
  tone: EdgeTone;
  transitions: number;
  deals: number;
  medianDays: number | null;
  /** This move's share of all moves out of its stage. */
  shareOfSource: number;
  strokeWidth: number;
  path: string;
  arrow: string;
  /** Where the numbers go; `inline` labels sit above and below a straight arrow. */
  label: { x: number; y: number; placement: 'inline' | 'pill'; align: 'start' | 'middle' };
};

/** A step of the defined workflow that no deal took in the period, drawn faintly. */
export type GhostLink = { id: string; x1: number; x2: number; y: number };

export type GraphLayout = {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  ghosts: GhostLink[];
};

type Point = { x: number; y: number };

const PAD_X = 18;
const NODE_H = 50;
const MIN_STROKE = 1.5;
const MAX_STROKE = 12;
const LABEL_H = 18;

/** Stroke width for a number of transitions: proportional to the busiest move. */
export function strokeFor(transitions: number, max: number): number {
  return max <= 0 ? MIN_STROKE : MIN_STROKE + ((MAX_STROKE - MIN_STROKE) * transitions) / max;
}

function toneOf(kind: EdgeKind, target: NodeRole): EdgeTone {
  if (kind !== 'close') return kind;
  return target === 'won' ? 'won' : 'lost';
}

/** An arrowhead whose tip is at `tip`, pointing along the unit vector `dir`. */
function arrowHead(tip: Point, dir: Point, strokeWidth: number): string {
  const length = 6 + strokeWidth * 0.8;
  const half = 3.5 + strokeWidth * 0.55;
  const base = { x: tip.x - dir.x * length, y: tip.y - dir.y * length };
  const normal = { x: -dir.y, y: dir.x };
  const points = [
    tip,
    { x: base.x + normal.x * half, y: base.y + normal.y * half },
    { x: base.x - normal.x * half, y: base.y - normal.y * half },
  ];
  return points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

function arrowLength(strokeWidth: number): number {
  return 6 + strokeWidth * 0.8;
}

const f = (n: number) => n.toFixed(1);

/** Height above the row of an arc jumping `span` columns ahead. */
function upHeight(span: number): number {
  return 34 + 26 * (span - 2);
}

/** Depth below the row of an arc going `span` columns back. */
function downDepth(span: number): number {
  return 30 + 24 * (span - 1);
}

/** Port offset from a node's centre for an arc of `span`: wider arcs start further out, so arcs nest. */
function portOffset(w: number, span: number, minSpan: number): number {
  return w * Math.max(0.12, 0.4 - 0.09 * (span - minSpan));
}

/** Lays out the report's graph in a drawing `width` pixels wide. */
export function layoutGraph(report: ProcessMapReport, width: number): GraphLayout {
  const map: ProcessMap = report.map;
  const counts = new Map(map.nodes.map((n) => [n.key, n]));
  const defined = report.stages.filter((s) => !s.outcome);
  const known = new Set(report.stages.map((s) => s.key));
  // Stages the deals visited that this version does not define (another version's, or unmapped).
  const extra = map.nodes.filter((n) => !known.has(n.key)).map((n) => n.key);
  const wonStages = report.stages.filter((s) => s.outcome === 'won');
  const lostStages = report.stages.filter((s) => s.outcome === 'lost');
  const [mainOutcome, ...otherWon] = wonStages;
  const sinks = [...otherWon, ...lostStages];

  const row: { key: string; name: string; role: NodeRole }[] = [
    ...defined.map((s) => ({ key: s.key, name: s.name, role: 'stage' as const })),
    ...extra.map((key) => ({ key, name: key === UNMAPPED ? 'Not mapped' : key, role: 'unmapped' as const })),
  ];
  if (mainOutcome) row.push({ key: mainOutcome.key, name: mainOutcome.name, role: 'won' });
  const columns = Math.max(1, row.length + (mainOutcome ? 0 : sinks.length ? 1 : 0));
  const colW = (width - PAD_X * 2) / columns;
  const nodeW = Math.min(150, Math.max(92, colW - 76));
  const column = new Map(row.map((n, i) => [n.key, i]));
  const outcomeX = PAD_X + colW * (columns - 0.5);

  const maxTransitions = Math.max(0, ...map.edges.map((e) => e.transitions));
  const outOf = new Map<string, number>();
  for (const e of map.edges) outOf.set(e.from, (outOf.get(e.from) ?? 0) + e.transitions);
  const sinkKeys = new Set(sinks.map((s) => s.key));

  // Vertical budget: arcs above, the row, arcs below, then one lane per move into a lost stage.
  const onRow = (e: { from: string; to: string }) => column.has(e.from) && column.has(e.to);
  const spans = map.edges.filter(onRow).map((e) => column.get(e.to)! - column.get(e.from)!);
  const maxUp = Math.max(0, ...spans.filter((s) => s > 1));
  const maxDown = Math.max(0, ...spans.filter((s) => s < 0).map((s) => -s));
  const selfLoops = spans.some((s) => s === 0);
  const top = 14 + (maxUp > 1 ? upHeight(maxUp) + LABEL_H / 2 + 4 : selfLoops ? 40 : 0);
  const mainY = top + NODE_H / 2;
  const rowBottom = mainY + NODE_H / 2;
  const belowRow = rowBottom + (maxDown > 0 ? downDepth(maxDown) + LABEL_H / 2 + 12 : 16);

  const laneEdges = map.edges
    .filter((e) => sinkKeys.has(e.to) && column.has(e.from))
    .sort(
      (a, b) =>
        sinks.findIndex((s) => s.key === a.to) - sinks.findIndex((s) => s.key === b.to) ||
        column.get(b.from)! - column.get(a.from)!,
    );
  const laneGap = Math.max(30, strokeFor(maxTransitions, maxTransitions) + 20);
  const laneY = new Map<string, number>();
  const sinkBox = new Map<string, { top: number; bottom: number }>();
  let cursor = belowRow + 18;
  for (const sink of sinks) {
    const mine = laneEdges.filter((e) => e.to === sink.key);
    const first = cursor;
    mine.forEach((e, i) => laneY.set(`${e.from}\u0000${e.to}`, first + i * laneGap));
    const last = first + Math.max(0, mine.length - 1) * laneGap;
    const boxTop = Math.min(first - 20, (first + last) / 2 - NODE_H / 2);
    const boxBottom = Math.max(last + 20, (first + last) / 2 + NODE_H / 2);
    sinkBox.set(sink.key, { top: boxTop, bottom: boxBottom });
    cursor = boxBottom + 30;
  }

  const nodes: GraphNode[] = row.map((n, i) => ({
    ...n,
    deals: counts.get(n.key)?.deals ?? 0,
    visits: counts.get(n.key)?.visits ?? 0,
    x: PAD_X + colW * (i + 0.5),
    y: mainY,
    w: nodeW,
    h: NODE_H,
  }));
  for (const sink of sinks) {
    const box = sinkBox.get(sink.key)!;
    nodes.push({
      key: sink.key,
      name: sink.name,
      role: sink.outcome === 'won' ? 'won' : 'lost',
      deals: counts.get(sink.key)?.deals ?? 0,
      visits: counts.get(sink.key)?.visits ?? 0,
      x: outcomeX,
      y: (box.top + box.bottom) / 2,
      w: nodeW,
      h: box.bottom - box.top,
    });
  }
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const height = Math.max(rowBottom + 20, ...nodes.map((n) => n.y + n.h / 2 + 16));

  const edges: GraphEdge[] = [];
  for (const e of map.edges) {
    const source = byKey.get(e.from);
    const target = byKey.get(e.to);
    if (!source || !target) continue;
    const strokeWidth = strokeFor(e.transitions, maxTransitions);
    const tip = arrowLength(strokeWidth);
    const base = {
      id: `${e.from}\u0000${e.to}`,
      from: e.from,
      to: e.to,
      fromName: source.name,
      toName: target.name,
      kind: e.kind,
      tone: toneOf(e.kind, target.role),
      transitions: e.transitions,
      deals: e.deals,
      medianDays: e.medianDays,
      shareOfSource: e.transitions / (outOf.get(e.from) ?? e.transitions),
      strokeWidth,
    };
    const lane = laneY.get(base.id);
    const sc = column.get(e.from);
    const tc = column.get(e.to);
    if (lane !== undefined) {
      // Down from the stage, then along its lane into the left side of the lost stage.
      const x = source.x;
      const y0 = source.y + source.h / 2;
      const end = target.x - target.w / 2;
      const r = Math.min(12, (lane - y0) / 2);
      edges.push({
        ...base,
        path: `M${f(x)},${f(y0)} V${f(lane - r)} Q${f(x)},${f(lane)} ${f(x + r)},${f(lane)} H${f(end - tip)}`,
        arrow: arrowHead({ x: end, y: lane }, { x: 1, y: 0 }, strokeWidth),
        label: {
          x: x + r + 8,
          y: lane - strokeWidth / 2 - LABEL_H / 2 - 3,
          placement: 'pill',
          align: 'start',
        },
      });
    } else if (sc !== undefined && tc !== undefined && tc - sc === 1) {
      const x1 = source.x + source.w / 2;
      const x2 = target.x - target.w / 2;
      edges.push({
        ...base,
        path: `M${f(x1)},${f(mainY)} H${f(x2 - tip)}`,
        arrow: arrowHead({ x: x2, y: mainY }, { x: 1, y: 0 }, strokeWidth),
        label: { x: (x1 + x2) / 2, y: mainY, placement: 'inline', align: 'middle' },
      });
    } else if (sc !== undefined && tc !== undefined && tc - sc > 1) {
      const span = tc - sc;
      const x1 = source.x + portOffset(source.w, span, 2);
      const x2 = target.x - portOffset(target.w, span, 2);
      const y = mainY - NODE_H / 2;
      const k = upHeight(span) / 0.75;
      edges.push({
        ...base,
        path: `M${f(x1)},${f(y)} C${f(x1)},${f(y - k)} ${f(x2)},${f(y - k)} ${f(x2)},${f(y - tip)}`,
        arrow: arrowHead({ x: x2, y }, { x: 0, y: 1 }, strokeWidth),
        label: { x: (x1 + x2) / 2, y: y - upHeight(span), placement: 'pill', align: 'middle' },
      });
    } else if (sc !== undefined && tc !== undefined && tc < sc) {
      const span = sc - tc;
      const x1 = source.x - portOffset(source.w, span, 1);
      const x2 = target.x + portOffset(target.w, span, 1);
      const y = mainY + NODE_H / 2;
      const k = downDepth(span) / 0.75;
      edges.push({
        ...base,
        path: `M${f(x1)},${f(y)} C${f(x1)},${f(y + k)} ${f(x2)},${f(y + k)} ${f(x2)},${f(y + tip)}`,
        arrow: arrowHead({ x: x2, y }, { x: 0, y: -1 }, strokeWidth),
        label: { x: (x1 + x2) / 2, y: y + downDepth(span), placement: 'pill', align: 'middle' },
      });
    } else if (sc !== undefined && sc === tc) {
      // One unmapped stage followed by another: a small loop over the node.
      const x1 = source.x + source.w * 0.15;
      const x2 = source.x + source.w * 0.4;
      const y = mainY - NODE_H / 2;
      edges.push({
        ...base,
        path: `M${f(x1)},${f(y)} C${f(x1)},${f(y - 44)} ${f(x2)},${f(y - 44)} ${f(x2)},${f(y - tip)}`,
        arrow: arrowHead({ x: x2, y }, { x: 0, y: 1 }, strokeWidth),
        label: { x: (x1 + x2) / 2, y: y - 33, placement: 'pill', align: 'middle' },
      });
    } else {
      // A move out of a lost stage (a reopened deal): from its top back to the stage's bottom.
      const start = { x: source.x - source.w / 4, y: source.y - source.h / 2 };
      const end = { x: target.x, y: target.y + target.h / 2 };
      edges.push({
        ...base,
        path: `M${f(start.x)},${f(start.y)} C${f(start.x)},${f(start.y - 40)} ${f(end.x)},${f(end.y + 40)} ${f(end.x)},${f(end.y + tip)}`,
        arrow: arrowHead(end, { x: 0, y: -1 }, strokeWidth),
        label: { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2, placement: 'pill', align: 'middle' },
      });
    }
  }
  // Thin edges last, so they stay visible on top of thick ones.
  edges.sort((a, b) => b.strokeWidth - a.strokeWidth);

  const observed = new Set(map.edges.map((e) => `${e.from}\u0000${e.to}`));
  const path = [...defined.map((s) => s.key), ...(mainOutcome ? [mainOutcome.key] : [])];
  const ghosts: GhostLink[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const a = byKey.get(path[i]!);
    const b = byKey.get(path[i + 1]!);
    if (!a || !b || observed.has(`${a.key}\u0000${b.key}`) || column.get(b.key)! - column.get(a.key)! !== 1)
      continue;
    ghosts.push({ id: `${a.key}-${b.key}`, x1: a.x + a.w / 2, x2: b.x - b.w / 2, y: mainY });
  }

  return { width, height, nodes, edges, ghosts };
}

/** The defined happy path: every stage in order, ending in the won stage. */
export function happyPath(report: ProcessMapReport): string[] {
  const won = report.stages.find((s) => s.outcome === 'won');
  return [...report.stages.filter((s) => !s.outcome).map((s) => s.key), ...(won ? [won.key] : [])];
}
