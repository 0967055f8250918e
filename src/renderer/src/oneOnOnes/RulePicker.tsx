import { useId } from 'react';
import type { CommitmentRule, CommitmentRuleKind } from '@shared/oneOnOnes/rules';
import type { RuleOptionStage } from '@shared/oneOnOnes/types';

export type RulePickerProps = {
  options: RuleOptionStage[];
  value: CommitmentRule | null;
  onChange: (rule: CommitmentRule | null) => void;
};

const kindLabels: Record<CommitmentRuleKind, string> = {
  action_on_time: 'A required action on time',
  compliance: 'All required actions on time',
  criteria_held: 'Criteria met before moving on',
  within_target: 'Deals within the stage’s target days',
  no_stalled_deals: 'No stalled deals by the due date',
};

function withStage(
  kind: CommitmentRuleKind,
  options: RuleOptionStage[],
  minRate: number,
): CommitmentRule | null {
  switch (kind) {
    case 'action_on_time': {
      const stage = options.find((s) => s.actions.length > 0);
      return stage ? { kind, stageKey: stage.key, actionKey: stage.actions[0]!.key, minRate } : null;
    }
    case 'compliance':
      return { kind, minRate };
    case 'criteria_held': {
      const stage = options.find((s) => s.hasCriteria);
      return stage ? { kind, stageKey: stage.key, minRate } : null;
    }
    case 'within_target': {
      const stage = options.find((s) => s.targetDays !== null);
      return stage ? { kind, stageKey: stage.key, minRate } : null;
    }
    case 'no_stalled_deals':
      return { kind };
  }
}

/** Picks how the data checks a commitment: a kind, the stage or action it is about, and the share to reach. */
export function RulePicker({ options, value, onChange }: RulePickerProps) {
  const id = useId();
  const rate = value && 'minRate' in value ? value.minRate : 0.8;
  const stages =
    value?.kind === 'action_on_time'
      ? options.filter((s) => s.actions.length > 0)
      : value?.kind === 'criteria_held'
        ? options.filter((s) => s.hasCriteria)
        : options.filter((s) => s.targetDays !== null);
  const stageKey = value && 'stageKey' in value ? value.stageKey : undefined;
  const stage = options.find((s) => s.key === stageKey);
  return (
    <div className="oo-rule-picker">
      <label className="field">
        <span className="field-label" id={`${id}-kind`}>
          Check against the data
        </span>
        <select
          className="input"
          aria-labelledby={`${id}-kind`}
          value={value?.kind ?? ''}
          onChange={(e) =>
            onChange(e.target.value ? withStage(e.target.value as CommitmentRuleKind, options, rate) : null)
          }
        >
          <option value="">No check — marked by hand</option>
          {(Object.keys(kindLabels) as CommitmentRuleKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
      </label>
      {value && value.kind !== 'compliance' && (
        <label className="field">
          <span className="field-label">Stage</span>
          <select
            className="input"
            value={stageKey ?? ''}
            onChange={(e) => {
              const key = e.target.value;
              if (value.kind === 'action_on_time') {
                const next = options.find((s) => s.key === key);
                if (next?.actions[0]) onChange({ ...value, stageKey: key, actionKey: next.actions[0].key });
              } else if (value.kind === 'no_stalled_deals') {
                onChange(key ? { kind: 'no_stalled_deals', stageKey: key } : { kind: 'no_stalled_deals' });
              } else onChange({ ...value, stageKey: key });
            }}
          >
            {value.kind === 'no_stalled_deals' && <option value="">Any stage</option>}
            {stages.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {value?.kind === 'action_on_time' && stage && (
        <label className="field oo-rule-action">
          <span className="field-label">Action</span>
          <select
            className="input"
            value={value.actionKey}
            onChange={(e) => onChange({ ...value, actionKey: e.target.value })}
          >
            {stage.actions.map((a) => (
              <option key={a.key} value={a.key}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {value && 'minRate' in value && (
        <label className="field oo-rule-rate">
          <span className="field-label">At least</span>
          <span className="oo-rate-input">
            <input
              className="input"
              type="number"
              min={0}
              max={100}
              step={5}
              value={Math.round(value.minRate * 100)}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (Number.isFinite(n)) onChange({ ...value, minRate: Math.min(100, Math.max(0, n)) / 100 });
              }}
            />
            %
          </span>
        </label>
      )}
    </div>
  );
}
