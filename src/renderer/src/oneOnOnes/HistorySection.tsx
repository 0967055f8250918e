import type { OneOnOneRecord } from '@shared/oneOnOnes/types';
import { plural } from '../format/format';
import { PrepSection } from './PrepSection';
import { agoLabel, formatDay, statusLabels, toneOf } from './prepFormat';

export type HistorySectionProps = {
  records: OneOnOneRecord[] | undefined;
  today: string;
  error: string | null;
  /** Every record unfolded (on paper); on screen only the latest is. */
  allOpen?: boolean;
};

/** 8 — The rep's past one-on-ones, the latest first: what was noted, raised and committed. */
export function HistorySection({ records, today, error, allOpen = false }: HistorySectionProps) {
  const held = (records ?? []).filter((r) => r.status === 'held');
  return (
    <PrepSection id="history" number={8} title={`Past one-on-ones (${held.length})`}>
      {error && <p className="oo-field-error">The past one-on-ones could not be loaded: {error}</p>}
      {!error && held.length === 0 && <p className="muted oo-empty">None recorded yet.</p>}
      <ul className="oo-history">
        {held.map((r, i) => (
          <li key={r.id} className="oo-history-item" data-testid="history-item">
            <details open={allOpen || i === 0}>
              <summary>
                <strong>{formatDay(r.heldOn, today)}</strong>
                <span className="muted">
                  {' '}
                  · {agoLabel(r.heldOn, today)}
                  {r.manager ? ` · with ${r.manager}` : ''} · {plural(r.commitments.length, 'commitment')}
                </span>
              </summary>
              <div className="oo-history-body">
                {r.notes ? <p className="oo-history-notes">{r.notes}</p> : <p className="muted">No notes.</p>}
                {r.talkingPoints.length > 0 && (
                  <>
                    <h4 className="oo-mini-title">Talking points</h4>
                    <ul className="oo-bullets">
                      {r.talkingPoints.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  </>
                )}
                {r.commitments.length > 0 && (
                  <>
                    <h4 className="oo-mini-title">Commitments</h4>
                    <ul className="oo-bullets">
                      {r.commitments.map((c) => (
                        <li key={c.id}>
                          <span className={`oo-status oo-status-${toneOf(c.status)}`}>
                            {statusLabels[c.status]}
                          </span>{' '}
                          {c.text}
                          {c.resolutionNote && <span className="muted"> — {c.resolutionNote}</span>}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            </details>
          </li>
        ))}
      </ul>
    </PrepSection>
  );
}
