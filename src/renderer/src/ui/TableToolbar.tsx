import { type ReactNode, useState } from 'react';
import { errorMessage } from '../data/errorMessage';
import { Icon } from './Icon';
import './tableToolbar.css';

export type ExportCsvButtonProps = {
  /** Builds the file and saves it; a thrown error is shown next to the button. */
  onExport: () => Promise<void> | void;
  /** What is exported, for screen readers: "Export CSV: Deals". */
  what: string;
  disabled?: boolean;
};

/** "Export CSV": busy while the file is built, the failure said in words next to it. */
export function ExportCsvButton({ onExport, what, disabled }: ExportCsvButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await onExport();
    } catch (failure) {
      setError(`The CSV could not be made: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="csv-export">
      {error && (
        <span className="csv-export-error" role="alert">
          {error}
        </span>
      )}
      <button
        type="button"
        className="btn btn-small btn-ghost csv-export-button"
        aria-label={`Export CSV: ${what}`}
        title="Save these rows as a CSV file for Excel or Sheets: the filters, sort and columns shown"
        disabled={disabled || busy}
        aria-busy={busy}
        onClick={() => void run()}
      >
        {busy ? (
          <span className="spinner csv-export-spinner" aria-hidden="true" />
        ) : (
          <Icon name="download" size={13} />
        )}
        {busy ? 'Exporting…' : 'Export CSV'}
      </button>
    </span>
  );
}

export type TableToolbarProps = { children: ReactNode };

/** The slim strip above a table holding its actions (Export CSV), right-aligned; never printed. */
export function TableToolbar({ children }: TableToolbarProps) {
  return <div className="table-toolbar">{children}</div>;
}
