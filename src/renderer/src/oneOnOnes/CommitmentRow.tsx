import { useState } from 'react';
import { Link } from 'react-router';
import type { CommitmentRule } from '@shared/oneOnOnes/rules';
import type { CommitmentItem, CommitmentStatus, RuleOptionStage } from '@shared/oneOnOnes/types';
import { formatDate } from '../format/format';
import { Icon } from '../ui/Icon';
import { RulePicker } from './RulePicker';
import { formatDay, formatShortDate, statusLabels, toneOf, verdictLabels } from './prepFormat';

export type CommitmentActions = {
  resolve: (id: number, status: CommitmentStatus, note?: string) => Promise<boolean>;
  setRule: (id: number, rule: CommitmentRule | null) => Promise<boolean>;
  remove?: (id: number) => Promise<boolean>;
};

export type CommitmentRowProps = {
  commitment: CommitmentItem;
  origin: string | null;
  today: string;
  ruleOptions: RuleOptionStage[];
  actions: CommitmentActions;
  busy: boolean;
};

const resolutions: { status: Exclude<CommitmentStatus, 'open'>; label: string }[] = [
  { status: 'met', label: 'Met' },
  { status: 'not_met', label: 'Not met' },
  { status: 'dropped', label: 'Drop' },
];

/** One commitment: what was promised, by when, what the data says, and the manager's call. */
export function CommitmentRow({
  commitment: c,
  origin,
  today,
  ruleOptions,
  actions,
  busy,
}: CommitmentRowProps) {
  const [resolving, setResolving] = useState<Exclude<CommitmentStatus, 'open'> | null>(null);
  const [note, setNote] = useState('');
  const [rule, setRule] = useState<CommitmentRule | null>(null);
  const [picking, setPicking] = useState(false);
  const open = c.status === 'open';
  const startResolving = (status: Exclude<CommitmentStatus, 'open'>): void => {
    setResolving(status);
    setNote(c.check && c.check.verdict !== 'no_data' ? c.check.summary : '');
  };
  return (
    <li
      className={`oo-commitment oo-commitment-${c.status}`}
      data-testid="commitment-row"
      data-status={c.status}
    >
      <span className={`oo-status oo-status-${toneOf(c.status)}`} data-testid="commitment-status">
        {c.status === 'met' && <Icon name="check" size={12} />}
        {statusLabels[c.status]}
      </span>
      <div className="oo-commitment-main">
        <div className="oo-commitment-text">{c.text}</div>
        <div className="oo-line-meta">
          {c.dueOn ? (
            <span className={c.overdue ? 'oo-overdue' : undefined}>
              {c.overdue ? 'Overdue since' : 'Due'} {formatDay(c.dueOn, today)}
            </span>
          ) : (
            <span>No due date</span>
          )}
          {origin && <span> · {origin}</span>}
        </div>
        {c.rule && (
          <div className="oo-check" data-testid="commitment-check">
            <span className="oo-check-rule">{c.ruleText}</span>
            {c.check ? (
              <>
                <span className={`oo-chip oo-chip-${toneOf(c.check.verdict)}`}>
                  {verdictLabels[c.check.verdict]}
                </span>
                {c.check.verdict === 'no_data' ? (
                  <span className="muted">measured from {formatShortDate(c.createdAt)}</span>
                ) : (
                  <span className="oo-check-summary">{c.check.summary}</span>
                )}
                {c.check.deals.slice(0, 3).map((d) => (
                  <Link key={d.dealId} to={`/deals/${d.dealId}`} className="oo-check-deal">
                    {d.dealName}
                  </Link>
                ))}
              </>
            ) : (
              <span className="muted">cannot be measured under the current workflow</span>
            )}
            {open && (
              <button
                type="button"
                className="btn btn-small btn-ghost no-print oo-check-remove"
                disabled={busy}
                onClick={() => void actions.setRule(c.id, null)}
              >
                Remove check
              </button>
            )}
          </div>
        )}
        {!open && (
          <div className="oo-resolution">
            Marked {statusLabels[c.status].toLowerCase()}
            {c.resolvedAt !== null && ` on ${formatDate(c.resolvedAt)}`}
            {c.resolutionNote && <> — {c.resolutionNote}</>}
          </div>
        )}
        {picking && (
          <div className="oo-inline-form no-print">
            <RulePicker options={ruleOptions} value={rule} onChange={setRule} />
            <div className="oo-inline-actions">
              <button
                type="button"
                className="btn btn-small btn-primary"
                disabled={!rule || busy}
                onClick={() =>
                  rule &&
                  void actions.setRule(c.id, rule).then((ok) => {
                    if (ok) setPicking(false);
                  })
                }
              >
                Check it
              </button>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setPicking(false)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        {resolving && (
          <form
            className="oo-inline-form no-print"
            onSubmit={(e) => {
              e.preventDefault();
              void actions.resolve(c.id, resolving, note).then((ok) => ok && setResolving(null));
            }}
          >
            <label className="field oo-note-field">
              <span className="field-label">Note (optional)</span>
              <input
                className="input"
                value={note}
                maxLength={500}
                placeholder="What happened"
                onChange={(e) => setNote(e.target.value)}
              />
            </label>
            <div className="oo-inline-actions">
              <button
                type="submit"
                className="btn btn-small btn-primary"
                disabled={busy}
                data-testid="confirm-resolution"
              >
                Mark {statusLabels[resolving].toLowerCase()}
              </button>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setResolving(null)}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </div>
      <div className="oo-commitment-actions no-print">
        {open && !resolving && (
          <>
            {resolutions.map((r) => (
              <button
                key={r.status}
                type="button"
                className="btn btn-small"
                disabled={busy}
                onClick={() => startResolving(r.status)}
              >
                {r.label}
              </button>
            ))}
            {!c.rule && !picking && (
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setPicking(true)}>
                Check against data
              </button>
            )}
          </>
        )}
        {!open && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={busy}
            onClick={() => void actions.resolve(c.id, 'open')}
          >
            Reopen
          </button>
        )}
        {actions.remove && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-label={`Delete “${c.text}”`}
            disabled={busy}
            onClick={() => void actions.remove?.(c.id)}
          >
            <Icon name="trash" size={13} />
          </button>
        )}
      </div>
    </li>
  );
}
