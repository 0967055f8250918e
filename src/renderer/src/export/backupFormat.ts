import type { BackupReason, WorkspaceContents, WorkspaceRowCounts } from '@shared/backup/types';
import { EMPTY, formatCount } from '../format/format';

/** How each reason reads on screen. */
export const reasonLabels: Record<BackupReason, string> = {
  manual: 'Manual',
  daily: 'Automatic',
  'pre-restore': 'Before restore',
  'pre-upgrade': 'Before upgrade',
};

const byteUnits = ['bytes', 'KB', 'MB', 'GB', 'TB'];
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A file size in the largest unit under 1,024 of it: "12.4 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${formatCount(value)} bytes` : `${oneDecimal.format(value)} ${byteUnits[unit]}`;
}

/** A row count, or a dash where the table does not exist at that schema version. */
export function formatRows(n: number | null | undefined): string {
  return n === null || n === undefined ? EMPTY : formatCount(n);
}

/** The rows of the comparison between the workspace and a backup, in the order a manager reads them. */
export const countRows: { key: keyof WorkspaceRowCounts; label: string }[] = [
  { key: 'reps', label: 'Reps' },
  { key: 'deals', label: 'Deals' },
  { key: 'stageEvents', label: 'Stage history entries' },
  { key: 'activities', label: 'Activities' },
  { key: 'observations', label: 'Observations' },
  { key: 'oneOnOnes', label: 'One-on-ones' },
  { key: 'commitments', label: 'Commitments' },
  { key: 'workflowVersions', label: 'Workflow versions' },
  { key: 'imports', label: 'Imports' },
];

/** A one-line summary of what a backup holds: "1,512 deals · 38,112 activities · 20 observations". */
export function contentsSummary(contents: WorkspaceContents): string {
  const { deals, activities, observations } = contents.counts;
  return [
    `${formatRows(deals)} deals`,
    `${formatRows(activities)} activities`,
    `${formatRows(observations)} observations`,
  ].join(' · ');
}
