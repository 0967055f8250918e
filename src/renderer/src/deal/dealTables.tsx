import { createColumnHelper } from '@tanstack/react-table';
import { csvDaysFromMs } from '@shared/csv/csvValues';
import type { ActivityRow, DealStageVisit } from '@shared/domain/types';
import { EMPTY, formatDateTime, formatDays, humanize } from '../format/format';
import '../ui/columnMeta';
import { localCsvDateTime } from '../ui/csvCells';
import { activityColor } from './stageTones';

const visit = createColumnHelper<DealStageVisit>();

export const visitColumns = [
  visit.accessor('stageName', {
    header: 'Stage',
    cell: (info) => (
      <>
        {info.getValue()}
        {info.row.original.stageKey === null && (
          <span className="muted" title="This stage name is not mapped to a workflow stage">
            {' '}
            (unmapped)
          </span>
        )}
      </>
    ),
    meta: { csv: (v) => (v.stageKey === null ? `${v.stageName} (unmapped)` : v.stageName) },
  }),
  visit.accessor('enteredAt', {
    header: 'Entered',
    cell: (info) => formatDateTime(info.getValue()),
    meta: { csv: (v) => localCsvDateTime(v.enteredAt) },
  }),
  visit.accessor('exitedAt', {
    header: 'Exited',
    cell: (info) => {
      const { exitedAt, durationMs } = info.row.original;
      if (exitedAt !== null) return formatDateTime(exitedAt);
      // A won or lost stage is where the deal ended, not a stay that goes on.
      return durationMs === 0 ? EMPTY : <span className="muted">still there</span>;
    },
    meta: {
      csv: (v) =>
        v.exitedAt !== null ? localCsvDateTime(v.exitedAt) : v.durationMs === 0 ? null : 'still there',
    },
  }),
  visit.accessor('durationMs', {
    header: 'Days in stage',
    cell: (info) =>
      info.row.original.durationMs === 0 && info.row.original.exitedAt === null
        ? EMPTY
        : formatDays(info.getValue()),
    meta: {
      numeric: true,
      csv: (v) => (v.durationMs === 0 && v.exitedAt === null ? null : csvDaysFromMs(v.durationMs)),
    },
  }),
  visit.accessor('visitNumber', { header: 'Visit #', meta: { numeric: true } }),
];

const activity = createColumnHelper<ActivityRow>();

export const activityColumns = [
  activity.accessor('occurredAt', {
    header: 'Date',
    cell: (info) => formatDateTime(info.getValue()),
    meta: { csv: (a) => localCsvDateTime(a.occurredAt) },
  }),
  activity.accessor('type', {
    header: 'Type',
    meta: { csv: (a) => humanize(a.type) },
    cell: (info) => (
      <span className="activity-type">
        <span className="legend-dot" style={{ background: activityColor(info.getValue()) }} />
        {humanize(info.getValue())}
      </span>
    ),
  }),
  activity.accessor('subject', {
    header: 'Subject',
    cell: (info) => <span title={info.getValue() ?? undefined}>{info.getValue() ?? EMPTY}</span>,
  }),
  activity.accessor('repName', { header: 'Rep', cell: (info) => info.getValue() ?? EMPTY }),
  activity.accessor('contact', { header: 'Contact', cell: (info) => info.getValue() ?? EMPTY }),
];
