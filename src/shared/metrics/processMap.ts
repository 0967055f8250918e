import { median } from 'simple-statistics';
import type { StageDefinition } from '../workflow/definition';
import type { FunnelVisit } from './funnel';
import { msToDays } from './period';

export type EdgeKind = 'forward' | 'skip' | 'loop_back' | 'close';

export type ProcessMap = {
  deals: number;
  variants: {
    path: string[];
    deals: number;
    share: number;
    medianDays: number | null;
    won: number;
    lost: number;
  }[];
  nodes: { key: string; deals: number; visits: number }[];
  edges: {
    from: string;
    to: string;
    transitions: number;
    deals: number;
    medianDays: number | null;
    kind: EdgeKind;
  }[];
};

const UNMAPPED = '(unmapped)';

/**
 * Maps how deals really move (process mining on stage visits): the path variants with their
 * counts, share and median duration, and the directly-follows graph — every observed move from
 * one stage to the next with how often and how long it took — each move classed against the
 * defined order: forward, skip (jumps a stage), loop back, or close (to won or lost).
 */
export function processMap(
  visits: readonly FunnelVisit[],
  stages: readonly StageDefinition[],
  maxVariants = 15,
): ProcessMap {
  const order = new Map(stages.map((s, i) => [s.key, i]));
  const outcome = new Map(stages.filter((s) => s.outcome).map((s) => [s.key, s.outcome!]));
  const byDeal = new Map<number, FunnelVisit[]>();
  for (const v of visits) {
    const list = byDeal.get(v.dealId);
    if (list) list.push(v);
    else byDeal.set(v.dealId, [v]);
  }
  const variants = new Map<string, { path: string[]; durations: number[]; won: number; lost: number }>();
  const nodes = new Map<string, { deals: Set<number>; visits: number }>();
  const edges = new Map<
    string,
    { from: string; to: string; transitions: number; deals: Set<number>; durations: number[] }
  >();
  for (const [dealId, dealVisits] of byDeal) {
    const path = dealVisits.map((v) => v.stageKey ?? UNMAPPED);
    const key = path.join('\u0000');
    const variant = variants.get(key) ?? { path, durations: [], won: 0, lost: 0 };
    const last = dealVisits.at(-1)!;
    variant.durations.push(last.enteredAt - dealVisits[0]!.enteredAt);
    if (outcome.get(path.at(-1)!) === 'won') variant.won++;
    if (outcome.get(path.at(-1)!) === 'lost') variant.lost++;
    variants.set(key, variant);
    dealVisits.forEach((visit, i) => {
      const stage = path[i]!;
      const node = nodes.get(stage) ?? { deals: new Set<number>(), visits: 0 };
      node.deals.add(dealId);
      node.visits++;
      nodes.set(stage, node);
      const next = dealVisits[i + 1];
      if (!next) return;
      const edgeKey = `${stage}\u0000${path[i + 1]}`;
      const edge = edges.get(edgeKey) ?? {
        from: stage,
        to: path[i + 1]!,
        transitions: 0,
        deals: new Set<number>(),
        durations: [],
      };
      edge.transitions++;
      edge.deals.add(dealId);
      edge.durations.push(next.enteredAt - visit.enteredAt);
      edges.set(edgeKey, edge);
    });
  }
  const total = byDeal.size;
  const classify = (from: string, to: string): EdgeKind => {
    if (outcome.has(to)) return 'close';
    const a = order.get(from);
    const b = order.get(to);
    if (a === undefined || b === undefined) return 'skip';
    if (b <= a) return 'loop_back';
    return b === a + 1 ? 'forward' : 'skip';
  };
  return {
    deals: total,
    variants: [...variants.values()]
      .sort((a, b) => b.durations.length - a.durations.length)
      .slice(0, maxVariants)
      .map((v) => ({
        path: v.path,
        deals: v.durations.length,
        share: total === 0 ? 0 : v.durations.length / total,
        medianDays: v.path.length < 2 ? null : msToDays(median(v.durations)),
        won: v.won,
        lost: v.lost,
      })),
    nodes: [...nodes.entries()]
      .map(([key, n]) => ({ key, deals: n.deals.size, visits: n.visits }))
      .sort((a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99)),
    edges: [...edges.values()]
      .map((e) => ({
        from: e.from,
        to: e.to,
        transitions: e.transitions,
        deals: e.deals.size,
        medianDays: e.durations.length === 0 ? null : msToDays(median(e.durations)),
        kind: classify(e.from, e.to),
      }))
      .sort((a, b) => b.transitions - a.transitions),
  };
}
