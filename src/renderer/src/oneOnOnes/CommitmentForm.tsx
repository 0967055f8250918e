import { useState } from 'react';
import type { CommitmentRule } from '@shared/oneOnOnes/rules';
import type { RuleOptionStage } from '@shared/oneOnOnes/types';
import { Icon } from '../ui/Icon';
import { RulePicker } from './RulePicker';
import { addDays } from './prepFormat';

export type CommitmentDraft = { text: string; dueOn: string; rule: CommitmentRule | null };

export type CommitmentFormProps = {
  today: string;
  ruleOptions: RuleOptionStage[];
  /** A suggestion to start from (from a gap); its `key` changes when a new one is picked. */
  initial: CommitmentDraft;
  busy: boolean;
  error: string | null;
  onAdd: (draft: CommitmentDraft) => Promise<boolean>;
};

/** A new commitment: what, by when, and optionally how the data checks it. */
export function CommitmentForm({ today, ruleOptions, initial, busy, error, onAdd }: CommitmentFormProps) {
  const [text, setText] = useState(initial.text);
  const [dueOn, setDueOn] = useState(initial.dueOn);
  const [rule, setRule] = useState<CommitmentRule | null>(initial.rule);
  const problem = dueOn && dueOn < today ? 'The due date is in the past.' : null;
  return (
    <form
      className="oo-commitment-form no-print"
      data-testid="commitment-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim() || problem) return;
        void onAdd({ text: text.trim(), dueOn, rule }).then((ok) => {
          if (ok) {
            setText('');
            setRule(null);
            setDueOn(addDays(today, 14));
          }
        });
      }}
    >
      <div className="oo-form-row">
        <label className="field oo-grow">
          <span className="field-label">New commitment</span>
          <input
            className="input"
            value={text}
            maxLength={300}
            placeholder="What the rep commits to, e.g. Book the follow-up within 24 h of every proposal"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Due</span>
          <input
            className="input date-input"
            type="date"
            value={dueOn}
            min={today}
            onChange={(e) => setDueOn(e.target.value)}
          />
        </label>
      </div>
      <RulePicker options={ruleOptions} value={rule} onChange={setRule} />
      {(problem ?? error) && <p className="oo-field-error">{problem ?? error}</p>}
      <div className="oo-inline-actions">
        <button
          type="submit"
          className="btn btn-primary btn-small"
          disabled={busy || !text.trim() || Boolean(problem)}
        >
          <Icon name="plus" size={12} />
          Add commitment
        </button>
      </div>
    </form>
  );
}
