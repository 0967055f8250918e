import type { OneOnOnePrep } from '@shared/oneOnOnes/types';
import { type CommitmentActions, CommitmentRow } from './CommitmentRow';
import { type CommitmentDraft, CommitmentForm } from './CommitmentForm';
import { PrepSection } from './PrepSection';
import { SaveStatus } from './SaveStatus';
import type { AutosaveState } from './useAutosave';

export type NotesSectionProps = {
  prep: OneOnOnePrep;
  notes: string;
  onNotes: (notes: string) => void;
  onBlur: () => void;
  saveState: AutosaveState;
  commitment: { key: number; draft: CommitmentDraft };
  onAdd: (draft: CommitmentDraft) => Promise<boolean>;
  addError: string | null;
  actions: CommitmentActions;
  busy: boolean;
};

/** 7 — The record of this one-on-one: the manager's notes and the new commitments, saved as they go. */
export function NotesSection(props: NotesSectionProps) {
  const { prep, notes, onNotes, onBlur, saveState, commitment, onAdd, addError, actions, busy } = props;
  const made = prep.draft?.commitments ?? [];
  return (
    <PrepSection
      id="notes"
      number={7}
      title="Notes and new commitments"
      subtitle="Saved as you type. Marking the one-on-one held makes them the record the next prep starts from."
      actions={<SaveStatus state={saveState} />}
    >
      <label className="field">
        <span className="field-label">Notes</span>
        <textarea
          className="input oo-notes"
          data-testid="notes"
          value={notes}
          rows={6}
          maxLength={20_000}
          placeholder="What you discussed, what the rep said, what you agreed…"
          onChange={(e) => onNotes(e.target.value)}
          onBlur={onBlur}
        />
      </label>
      <div className="oo-print-notes print-only">{notes || 'No notes.'}</div>
      {made.length > 0 && (
        <ul className="oo-commitments oo-new-commitments" data-testid="new-commitments">
          {made.map((c) => (
            <CommitmentRow
              key={c.id}
              commitment={c}
              origin="added in this one-on-one"
              today={prep.today}
              ruleOptions={prep.ruleOptions}
              actions={actions}
              busy={busy}
            />
          ))}
        </ul>
      )}
      <CommitmentForm
        key={commitment.key}
        today={prep.today}
        ruleOptions={prep.ruleOptions}
        initial={commitment.draft}
        busy={busy}
        error={addError}
        onAdd={onAdd}
      />
    </PrepSection>
  );
}
