import { useState } from 'react';
import type { OneOnOnePrep, TalkingPointSource } from '@shared/oneOnOnes/types';
import { Icon } from '../ui/Icon';
import { PrepSection } from './PrepSection';
import type { AutosaveState } from './useAutosave';
import { SaveStatus } from './SaveStatus';

export type TalkingPointsSectionProps = {
  prep: OneOnOnePrep;
  /** The agenda the manager saved; null while it is the suggestions as they are. */
  points: string[] | null;
  onChange: (points: string[]) => void;
  saveState: AutosaveState;
};

const sourceLabels: Record<TalkingPointSource, string> = {
  commitment: 'Commitment',
  change: 'Change',
  gap: 'Gap',
  risk: 'Risk',
  observation: 'Observation',
  win: 'Recognition',
};

/** 6 — The agenda: suggested points built from the sections above, which the manager edits into their own. */
export function TalkingPointsSection({ prep, points, onChange, saveState }: TalkingPointsSectionProps) {
  const [draft, setDraft] = useState('');
  const suggested = prep.suggestedTalkingPoints;
  const agenda = points ?? suggested.map((p) => p.text);
  const source = new Map(suggested.map((p) => [p.text, p.source]));
  const left = points ? suggested.filter((p) => !points.includes(p.text)) : [];
  const add = (): void => {
    const text = draft.trim();
    if (!text) return;
    onChange([...agenda, text]);
    setDraft('');
  };
  return (
    <PrepSection
      id="talking-points"
      number={6}
      title="Talking points"
      subtitle={
        points
          ? 'Your agenda for this one-on-one; it is kept with the record.'
          : 'Suggested from this prep, most pressing first. Remove, reorder or add your own — they are kept with the record.'
      }
      actions={<SaveStatus state={saveState} />}
    >
      <ol className="oo-points" data-testid="talking-points">
        {agenda.map((text, i) => (
          <li key={`${i}:${text}`} className="oo-point">
            <span className="oo-point-number">{i + 1}</span>
            <span className="oo-point-text">
              {source.has(text) && (
                <span className={`oo-source oo-source-${source.get(text)}`}>
                  {sourceLabels[source.get(text)!]}
                </span>
              )}
              {text}
            </span>
            <span className="oo-point-actions no-print">
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label="Move up"
                disabled={i === 0}
                onClick={() => {
                  const next = [...agenda];
                  [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
                  onChange(next);
                }}
              >
                <Icon name="arrowUp" size={12} />
              </button>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={`Remove talking point ${i + 1}`}
                onClick={() => onChange(agenda.filter((_, j) => j !== i))}
              >
                <Icon name="close" size={12} />
              </button>
            </span>
          </li>
        ))}
        {agenda.length === 0 && <li className="muted">No talking point yet.</li>}
      </ol>
      <form
        className="oo-add-point no-print"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          className="input"
          value={draft}
          maxLength={500}
          placeholder="Add a talking point"
          aria-label="New talking point"
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="btn btn-small" disabled={!draft.trim()}>
          <Icon name="plus" size={12} />
          Add
        </button>
      </form>
      {left.length > 0 && (
        <div className="oo-left no-print">
          <span className="muted">Suggestions not on your agenda:</span>
          {left.map((p) => (
            <button
              key={p.text}
              type="button"
              className="oo-suggestion"
              onClick={() => onChange([...agenda, p.text])}
            >
              <Icon name="plus" size={11} /> {p.text}
            </button>
          ))}
        </div>
      )}
    </PrepSection>
  );
}
