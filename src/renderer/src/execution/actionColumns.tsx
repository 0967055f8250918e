import { createColumnHelper } from '@tanstack/react-table';
import { csvPercent } from '@shared/csv/csvValues';
import type { ComplianceCounts } from '@shared/evaluation/views';
import { formatCount } from '../format/format';
import '../ui/columnMeta';
import { formatRate } from './complianceFormat';
import { heatClass, heatStyle, heatTone } from './heatScale';
import './heatmap.css';

/** One required action's figures, as the per-action table shows them. */
export type ActionRow = {
  stageKey: string;
  stageName: string;
  /** The stage's place in the workflow, so sorting by stage follows the workflow, not the alphabet. */
  stageOrder: number;
  actionKey: string;
  label: string;
  totals: ComplianceCounts;
};

const column = createColumnHelper<ActionRow>();

const count = (key: 'due' | 'onTime' | 'late' | 'missed' | 'pending', header: string) =>
  column.accessor((row) => row.totals[key], {
    id: key,
    header,
    cell: (info) => formatCount(info.getValue()),
    sortDescFirst: true,
    meta: { numeric: true },
  });

/** The per-action table; `onOpen` drills into an action's deals. */
export function actionColumns(onOpen: (row: ActionRow) => void) {
  return [
    column.accessor('stageOrder', {
      header: 'Stage',
      cell: (info) => info.row.original.stageName,
      meta: { csv: (row) => row.stageName },
    }),
    column.accessor('label', {
      header: 'Action',
      cell: (info) => (
        <button
          type="button"
          className="link-button"
          title={info.getValue()}
          onClick={(event) => {
            event.stopPropagation();
            onOpen(info.row.original);
          }}
        >
          {info.getValue()}
        </button>
      ),
    }),
    count('due', 'Due'),
    count('onTime', 'On time'),
    count('late', 'Late'),
    count('missed', 'Missed'),
    count('pending', 'Pending'),
    column.accessor((row) => row.totals.rate ?? undefined, {
      id: 'rate',
      header: 'Rate',
      cell: (info) => {
        const tone = heatTone(info.row.original.totals);
        return (
          <span className={`${heatClass(tone)} rate-pill`} style={heatStyle(tone)}>
            {formatRate(info.row.original.totals.rate)}
          </span>
        );
      },
      sortUndefined: 'last',
      sortDescFirst: true,
      meta: { numeric: true, csvHeader: 'Rate (%)', csv: (row) => csvPercent(row.totals.rate) },
    }),
  ];
}
