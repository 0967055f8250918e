import { createColumnHelper } from '@tanstack/react-table';
import { useId } from 'react';
import type { ImportIssueView, ImportPreview } from '@shared/import/types';
import { EMPTY, formatCount, plural } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { Icon } from '../ui/Icon';

const column = createColumnHelper<ImportIssueView>();

/** An engine message as a sentence: the engine writes them to follow "file, row N: ". */
export function asSentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

const columns = [
  column.accessor('severity', {
    header: 'Severity',
    meta: { csv: (issue) => (issue.severity === 'error' ? 'Error' : 'Warning') },
    cell: (info) =>
      info.getValue() === 'error' ? (
        <span className="issue-severity issue-error">
          <Icon name="alert" size={13} />
          Error
        </span>
      ) : (
        <span className="issue-severity issue-warning">
          <Icon name="info" size={13} />
          Warning
        </span>
      ),
  }),
  column.accessor('file', { header: 'File' }),
  column.accessor((issue) => issue.line ?? undefined, {
    id: 'line',
    header: 'Row',
    cell: (info) => (info.getValue() === undefined ? EMPTY : formatCount(info.getValue()!)),
    sortUndefined: 'last',
    meta: { numeric: true },
  }),
  column.accessor((issue) => issue.column ?? undefined, {
    id: 'column',
    header: 'Column',
    cell: (info) => info.getValue() ?? EMPTY,
    sortUndefined: 'last',
  }),
  column.accessor('message', {
    header: 'Problem',
    enableSorting: false,
    meta: { csv: (issue) => asSentence(issue.message) },
    cell: (info) => <span className="issue-message">{asSentence(info.getValue())}</span>,
  }),
];

export type IssuesListProps = { preview: ImportPreview };

/** Every problem the preview found, errors first, each with the file, row and column it is in. */
export function IssuesList({ preview }: IssuesListProps) {
  const id = useId();
  const total = preview.errorCount + preview.warningCount;
  if (total === 0) return null;
  return (
    <section className="card issues-card" aria-labelledby={`${id}-title`}>
      <div className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          Problems found
        </h2>
        <span className="issues-counts">
          {preview.errorCount > 0 && (
            <span className="chip chip-bad">{plural(preview.errorCount, 'error')}</span>
          )}
          {preview.warningCount > 0 && (
            <span className="chip chip-warn">{plural(preview.warningCount, 'warning')}</span>
          )}
        </span>
      </div>
      <p className="issues-intro">
        {preview.errorCount > 0
          ? 'Errors stop the import: fix them in the files and drop them again, or change the choices above. Warnings are imported as they are.'
          : 'Warnings do not stop the import; the rows are imported as described.'}
      </p>
      <div className="issues-table">
        <DataTable
          label="Import problems"
          data={preview.issues}
          columns={columns}
          emptyMessage="No problems."
          rowTestId="import-issue"
        />
      </div>
      {preview.issues.length < total && (
        <p className="issues-more" role="note">
          Showing the first {formatCount(preview.issues.length)} of {plural(total, 'problem')}.
        </p>
      )}
    </section>
  );
}
