import { useId, useState } from 'react';
import type { ActivityRule } from '@shared/workflow/definition';
import { createActivityClassifier } from '@shared/workflow/activityTypes';
import { ChipsField } from './ChipsField';
import { type Draft, type DraftRule, move, newRule, replaceItem } from './draftModel';
import { Icon } from '../ui/Icon';
import { TextField } from './fields';

export type ActivityRulesSectionProps = {
  draft: Draft;
  types: string[];
  onChange: (draft: Draft) => void;
};

function describeRule(rule: DraftRule): string {
  const raw = rule.rawTypes.length
    ? `a raw type of ${rule.rawTypes.map((t) => (t === '' ? '(empty)' : `“${t}”`)).join(', ')}`
    : null;
  const subject = rule.subjectPattern ? `a subject matching /${rule.subjectPattern}/` : null;
  const when = [raw, subject].filter(Boolean).join(' and ');
  return when ? `An activity with ${when} becomes ${rule.type || '…'}.` : 'Matches nothing yet.';
}

/** Raw CRM activities become workflow events here: the first rule that matches decides the type. */
export function ActivityRulesSection({ draft, types, onChange }: ActivityRulesSectionProps) {
  const typesListId = useId();
  const rules = draft.rules;
  const setRules = (next: DraftRule[]) => onChange({ ...draft, rules: next });

  return (
    <section className="card wf-section" aria-labelledby="wf-rules-title">
      <div className="card-header">
        <div>
          <h2 id="wf-rules-title" className="card-title">
            Activity-type rules <span className="wf-count">{rules.length}</span>
          </h2>
          <p className="card-subtitle">
            Turn raw CRM activities into workflow events. Order matters: the first rule that matches wins.
          </p>
        </div>
      </div>
      <datalist id={typesListId}>
        {types.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <div className="wf-section-body">
        {rules.length === 0 && (
          <p className="wf-empty">No rules: every activity keeps its raw CRM type, lower-cased.</p>
        )}
        {rules.length > 0 && (
          <div className="wf-rule-columns" aria-hidden="true">
            <span>#</span>
            <span>Becomes type</span>
            <span>Raw types (any of)</span>
            <span>Subject pattern</span>
          </div>
        )}
        <ol className="wf-rule-list">
          {rules.map((rule, i) => {
            const path = ['activityRules', i];
            const label = `rule ${i + 1}${rule.type ? ` (${rule.type})` : ''}`;
            const set = (change: Partial<ActivityRule>) =>
              setRules(replaceItem(rules, rule.uid, (r) => ({ ...r, ...change })));
            return (
              <li key={rule.uid}>
                <fieldset className="wf-rule" title={describeRule(rule)}>
                  <legend className="visually-hidden">{`Activity rule ${i + 1}`}</legend>
                  <span className="wf-item-index" aria-hidden="true">
                    {i + 1}
                  </span>
                  <TextField
                    label="Becomes type"
                    path={[...path, 'type']}
                    value={rule.type}
                    // Typed as a key as it goes; anything the schema refuses is reported under the box.
                    onChange={(type) => set({ type: type.toLowerCase().replace(/[\s-]+/g, '_') })}
                    placeholder="e.g. demo"
                    list={typesListId}
                    mono
                  />
                  <ChipsField
                    label="Raw types (any of)"
                    path={[...path, 'rawTypes']}
                    values={rule.rawTypes}
                    onChange={(rawTypes) => set({ rawTypes })}
                    placeholder="Any raw type"
                    normalize={(text) => text.trim().toLowerCase()}
                    mono
                  />
                  <TextField
                    label="Subject pattern"
                    path={[...path, 'subjectPattern']}
                    value={rule.subjectPattern ?? ''}
                    onChange={(subjectPattern) => set({ subjectPattern })}
                    placeholder="Any subject"
                    mono
                  />
                  <div className="wf-item-buttons">
                    <button
                      type="button"
                      className="btn btn-small btn-ghost btn-icon"
                      aria-label={`Move ${label} up`}
                      title="Move up"
                      disabled={i === 0}
                      onClick={() => setRules(move(rules, i, -1))}
                    >
                      <Icon name="arrowUp" size={14} />
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost btn-icon"
                      aria-label={`Move ${label} down`}
                      title="Move down"
                      disabled={i === rules.length - 1}
                      onClick={() => setRules(move(rules, i, 1))}
                    >
                      <Icon name="arrowDown" size={14} />
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost btn-icon wf-remove"
                      aria-label={`Remove ${label}`}
                      title={`Remove ${label}`}
                      onClick={() => setRules(rules.filter((r) => r.uid !== rule.uid))}
                    >
                      <Icon name="trash" size={14} />
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <RuleTester rules={rules} />
      </div>
      <div className="wf-section-footer">
        <button type="button" className="btn btn-small" onClick={() => setRules([...rules, newRule()])}>
          <Icon name="plus" size={14} />
          Add rule
        </button>
      </div>
    </section>
  );
}

type Classified = { type: string; ruleIndex: number | null } | { error: string };

/** Which type a raw activity gets under these rules, and which rule decided it. */
function classify(rules: readonly ActivityRule[], rawType: string, subject: string): Classified {
  try {
    const type = createActivityClassifier(rules)(rawType, subject);
    // Each rule alone, under a marker type, tells whether it matches; the first that does decided.
    const marker = '\u0000';
    const ruleIndex = rules.findIndex(
      (rule) => createActivityClassifier([{ ...rule, type: marker }])(rawType, subject) === marker,
    );
    return { type, ruleIndex: ruleIndex < 0 ? null : ruleIndex };
  } catch {
    return { error: 'A subject pattern above is not a valid regular expression.' };
  }
}

/** Try the rules on an activity as a CRM writes it, before saving them. */
function RuleTester({ rules }: { rules: readonly DraftRule[] }) {
  const [rawType, setRawType] = useState('Task');
  const [subject, setSubject] = useState('Demo with the buying committee');
  const id = useId();
  const result = classify(rules, rawType, subject);
  return (
    <div className="wf-tester" role="group" aria-labelledby={`${id}-title`}>
      <div id={`${id}-title`} className="wf-tester-title">
        Try the rules
      </div>
      <div className="wf-tester-row">
        <label className="wf-field">
          <span className="field-label">Raw type</span>
          <input className="input mono" value={rawType} onChange={(e) => setRawType(e.target.value)} />
        </label>
        <label className="wf-field wf-tester-subject">
          <span className="field-label">Subject</span>
          <input className="input" value={subject} onChange={(e) => setSubject(e.target.value)} />
        </label>
        <Icon name="arrowRight" className="wf-tester-arrow" size={14} />
        <output className="wf-tester-result" aria-live="polite">
          {'error' in result ? (
            <span className="wf-field-error">{result.error}</span>
          ) : (
            <>
              <span className="wf-type-chip mono">{result.type}</span>
              <span className="muted">
                {result.ruleIndex === null
                  ? 'no rule matched: the raw type itself'
                  : `by rule ${result.ruleIndex + 1}`}
              </span>
            </>
          )}
        </output>
      </div>
    </div>
  );
}
