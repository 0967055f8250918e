import type { CommitmentItem, OneOnOnePrep } from '@shared/oneOnOnes/types';
import { PrepSection } from './PrepSection';
import { type CommitmentActions, CommitmentRow } from './CommitmentRow';
import { formatDay } from './prepFormat';

export type CommitmentsSectionProps = {
  prep: OneOnOnePrep;
  actions: CommitmentActions;
  busy: boolean;
};

function origin(c: CommitmentItem, prep: OneOnOnePrep): string | null {
  if (prep.last && c.oneOnOneId === prep.last.id)
    return `made at the last one-on-one (${formatDay(prep.last.heldOn, prep.today)})`;
  if (c.observationId !== null) return 'from a shadowing observation';
  if (c.oneOnOneId !== null) return 'from an earlier one-on-one';
  return null;
}

/** 5 — Commitments from last time (and any still open), with their status checked against the data. */
export function CommitmentsSection({ prep, actions, busy }: CommitmentsSectionProps) {
  const open = prep.commitments.filter((c) => c.status === 'open').length;
  return (
    <PrepSection
      id="commitments"
      number={5}
      title={`${prep.last ? 'Commitments from last time' : 'Open commitments'} (${prep.commitments.length})`}
      subtitle={
        prep.commitments.length > 0
          ? `${open} open. Where a commitment carries a check, the data's verdict stands next to yours.`
          : undefined
      }
    >
      {prep.commitments.length === 0 ? (
        <p className="muted oo-empty">No commitment to follow up. Add one in the notes below.</p>
      ) : (
        <ul className="oo-commitments">
          {prep.commitments.map((c) => (
            <CommitmentRow
              key={c.id}
              commitment={c}
              origin={origin(c, prep)}
              today={prep.today}
              ruleOptions={prep.ruleOptions}
              actions={actions}
              busy={busy}
            />
          ))}
        </ul>
      )}
    </PrepSection>
  );
}
