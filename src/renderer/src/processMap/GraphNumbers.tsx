import { createColumnHelper } from '@tanstack/react-table';
import { csvPercent, csvRound } from '@shared/csv/csvValues';
import { formatCount, formatPercent } from '../format/format';
import { DataTable } from '../ui/DataTable';
import '../ui/columnMeta';
import type { GraphEdge, GraphLayout, GraphNode } from './graphLayout';
import { edgeKindLabels, formatMedianDays } from './processFormat';

const edge = createColumnHelper<GraphEdge>();

const edgeColumns = [
  edge.accessor('fromName', { header: 'From' }),
  edge.accessor('toName', { header: 'To' }),
  edge.accessor('tone', {
    header: 'Kind',
    cell: (info) => (
      <span className={`chip pm-kind tone-${info.getValue()}`}>{edgeKindLabels[info.getValue()]}</span>
    ),
    meta: { csv: (e) => edgeKindLabels[e.tone] },
  }),
  edge.accessor('transitions', {
    header: 'Moves',
    cell: (info) => formatCount(info.getValue()),
    sortDescFirst: true,
    meta: { numeric: true },
  }),
  edge.accessor('deals', {
    header: 'Deals',
    cell: (info) => formatCount(info.getValue()),
    sortDescFirst: true,
    meta: { numeric: true },
  }),
  edge.accessor('medianDays', {
    header: 'Median days',
    cell: (info) => formatMedianDays(info.getValue()),
    sortUndefined: 'last',
    meta: { numeric: true, csv: (e) => csvRound(e.medianDays) },
  }),
  edge.accessor('shareOfSource', {
    header: 'Of moves out',
    cell: (info) => formatPercent(info.getValue()),
    sortDescFirst: true,
    meta: { numeric: true, csvHeader: 'Of moves out (%)', csv: (e) => csvPercent(e.shareOfSource) },
  }),
];

const node = createColumnHelper<GraphNode>();

const nodeColumns = [
  node.accessor('name', { header: 'Stage' }),
  node.accessor('deals', {
    header: 'Deals',
    cell: (info) => formatCount(info.getValue()),
    meta: { numeric: true },
  }),
  node.accessor('visits', {
    header: 'Visits',
    cell: (info) => formatCount(info.getValue()),
    meta: { numeric: true },
  }),
  node.accessor((n) => n.visits - n.deals, {
    id: 'reentries',
    header: 'Re-entries',
    cell: (info) => (info.getValue() > 0 ? formatCount(info.getValue()) : <span className="muted">0</span>),
    meta: { numeric: true },
  }),
];

export type GraphNumbersProps = { layout: Pick<GraphLayout, 'nodes' | 'edges'> };

/** The graph's numbers as tables, for reading exact values and for screen readers. */
export function GraphNumbers({ layout }: GraphNumbersProps) {
  return (
    <details className="pm-numbers">
      <summary>The graph in numbers: every stage and every move</summary>
      <div className="pm-numbers-tables">
        <DataTable
          data={layout.nodes}
          columns={nodeColumns}
          label="Stages in the graph"
          emptyMessage="No stage."
        />
        <DataTable
          data={layout.edges}
          columns={edgeColumns}
          label="Moves between stages"
          initialSorting={[{ id: 'transitions', desc: true }]}
          emptyMessage="No deal moved between stages."
          rowTestId="edge-row"
        />
      </div>
    </details>
  );
}
