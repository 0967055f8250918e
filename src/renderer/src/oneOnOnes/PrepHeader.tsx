import { useState } from 'react';
import { Link } from 'react-router';
import type { OneOnOnePrep } from '@shared/oneOnOnes/types';
import type { Action } from '../data/useAction';
import { PrepPdfActions } from '../print/PdfActions';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { agoLabel, formatDay } from './prepFormat';

export type PrepHeaderProps = {
  prep: OneOnOnePrep;
  hold: Action<[string]>;
};

/** Who the one-on-one is with, where the prep starts from, and the actions on the whole record. */
export function PrepHeader({ prep, hold }: PrepHeaderProps) {
  const { rep, changes, today, last } = prep;
  const [asking, setAsking] = useState(false);
  const [heldOn, setHeldOn] = useState(today);
  const facts = [rep.role, rep.team, rep.managerName ? `Manager ${rep.managerName}` : null].filter(Boolean);
  const tooEarly = last !== null && heldOn < last.heldOn;
  return (
    <>
      <Link className="oo-back" to="/one-on-ones">
        <Icon name="back" size={14} />
        One-on-ones
      </Link>
      <header className="page-header oo-header">
        <div>
          <h1 className="page-title">One-on-one prep · {rep.name}</h1>
          <p className="page-subtitle">
            {facts.join(' · ')}
            {' — '}
            {changes.sinceLastOneOnOne ? (
              <>
                last one-on-one on <strong>{formatDay(changes.since, today)}</strong> (
                {agoLabel(changes.since, today)})
              </>
            ) : (
              <>no one-on-one recorded yet: this prep looks at the last 30 days</>
            )}
          </p>
        </div>
        <div className="oo-header-actions no-print">
          <PrepPdfActions repId={rep.id} />
          <button
            type="button"
            className="btn btn-primary"
            data-testid="hold-button"
            onClick={() => {
              setHeldOn(today);
              setAsking(true);
            }}
          >
            <Icon name="check" size={14} />
            Mark as held
          </button>
        </div>
      </header>
      {hold.error && (
        <ErrorBanner
          title="The one-on-one was not marked held"
          message={hold.error}
          onDismiss={hold.clearError}
        />
      )}
      <ConfirmDialog
        open={asking}
        title={`Mark the one-on-one with ${rep.name} as held`}
        confirmLabel="Mark as held"
        busy={hold.busy}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          if (!heldOn || heldOn > today || tooEarly) return;
          void hold.run(heldOn).then((ok) => ok && setAsking(false));
        }}
      >
        <p>
          The notes, talking points and commitments become the record of this one-on-one, with the figures as
          they stand today. The next prep starts from it.
        </p>
        <label className="field oo-dialog-field">
          <span className="field-label">Held on</span>
          <input
            className="input date-input"
            type="date"
            value={heldOn}
            max={today}
            min={last?.heldOn}
            onChange={(e) => setHeldOn(e.target.value)}
          />
        </label>
        {heldOn > today && <p className="oo-field-error">A one-on-one cannot be held in the future.</p>}
        {tooEarly && (
          <p className="oo-field-error">
            The last one was held on {formatDay(last!.heldOn, today)}: pick that day or later.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
