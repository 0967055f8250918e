import { useEffect, useState } from 'react';
import { useTaskProgress } from '../data/engineEvents';
import { formatCount } from '../format/format';

export type ApplyProgressProps = {
  records: number;
  startedAt: number;
  cancelling: boolean;
  onCancel: () => void;
};

/** The running import: how far it is, how fast it goes, and the way to stop it. */
export function ApplyProgress({ records, startedAt, cancelling, onCancel }: ApplyProgressProps) {
  const progress = useTaskProgress('import:apply');
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, []);

  const total = progress?.total ?? records;
  const done = progress?.done ?? 0;
  const seconds = Math.max(0.001, (now - startedAt) / 1000);
  const rate = done > 0 ? done / seconds : null;
  const percent = progress && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;

  return (
    <div className="apply-progress" data-testid="import-progress">
      <div className="apply-progress-text">
        <span className="spinner" aria-hidden="true" />
        <strong>{cancelling ? 'Cancelling the import…' : `Importing ${formatCount(total)} records…`}</strong>
        <span className="muted" aria-live="polite">
          {progress
            ? `${formatCount(done)} of ${formatCount(total)}${rate === null ? '' : ` · ${formatCount(rate)} rows/s`}`
            : 'Reading the files'}
          {` · ${formatCount(Math.floor(seconds))} s`}
        </span>
      </div>
      <div
        className={`progress${percent === null ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <button type="button" className="btn" onClick={onCancel} disabled={cancelling}>
        Cancel
      </button>
    </div>
  );
}
