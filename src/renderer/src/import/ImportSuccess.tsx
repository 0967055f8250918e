import { Link } from 'react-router';
import type { ImportResult } from '@shared/import/types';
import { formatCount, plural } from '../format/format';
import { Icon } from '../ui/Icon';
import { CountsTable } from './CountsTable';
import { UnmappedStages } from './UnmappedStages';
import { countTotals } from './importRequest';

export type ImportSuccessProps = { result: ImportResult; onImportMore: () => void };

function filesText(names: string[]): string {
  return names.length === 1 ? names[0]! : plural(names.length, 'file');
}

/** What a finished import wrote, with the ways to look at it. */
export function ImportSuccess({ result, onImportMore }: ImportSuccessProps) {
  const totals = countTotals(result.counts);
  return (
    <>
      <section
        className="card import-success"
        aria-labelledby="import-success-title"
        data-testid="import-success"
      >
        <div className="import-success-head">
          <div className="import-success-icon">
            <Icon name="check" size={22} />
          </div>
          <div className="import-success-text">
            <h2 id="import-success-title">Import complete</h2>
            <p>
              {filesText(result.files.map((f) => f.name))} imported in one batch:{' '}
              <strong>{plural(totals.new, 'new record')}</strong>, {formatCount(totals.changed)} changed,{' '}
              {formatCount(totals.unchanged)} unchanged. You can undo it from the import history below.
            </p>
            {result.demoRemoved && (
              <p data-testid="import-demo-removed">
                The demo data was removed in the same step: every figure is now from your own records.
              </p>
            )}
          </div>
        </div>
        <CountsTable counts={result.counts} label="Records imported" />
        <div className="card-footer">
          <span className="import-success-links">
            <Link className="btn btn-primary" to="/deals">
              Open Deals
            </Link>
            <Link className="btn" to="/reps">
              Open Reps
            </Link>
          </span>
          <button type="button" className="btn btn-ghost" onClick={onImportMore}>
            Import more files
          </button>
        </div>
      </section>
      {result.unmappedStages.length > 0 && <UnmappedStages stages={result.unmappedStages} />}
    </>
  );
}
