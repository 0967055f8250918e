import { type ChecklistState, checklistStateLabels } from '@shared/coaching/observation';
import type { ChecklistRow } from '@shared/coaching/observationChecklist';
import { type Choice, ChoiceRow } from './ChoiceRow';

const choices: Choice<ChecklistState>[] = [
  { value: 'done', short: 'Done', label: 'Done (1 or D)', tone: 'done' },
  { value: 'partial', short: 'Partial', label: 'Partial (2 or P)', tone: 'partial' },
  { value: 'skipped', short: 'Skipped', label: 'Skipped (3 or S)', tone: 'skipped' },
  { value: 'na', short: 'N.a.', label: 'Not applicable (4 or N)', tone: 'na' },
];

const keys: Record<string, ChecklistState> = {
  '1': 'done',
  d: 'done',
  '2': 'partial',
  p: 'partial',
  '3': 'skipped',
  s: 'skipped',
  '4': 'na',
  n: 'na',
};

const kindLabels = { action: 'Action', criterion: 'Criterion', other: 'From the sheet' } as const;

export const checklistRowId = (index: number) => `obs-check-${index}`;

export type ChecklistFieldProps = {
  rows: readonly ChecklistRow[];
  onMark: (key: string, state: ChecklistState | null) => void;
  /** Where ↑ leaves the first row and where the last row hands over. */
  previousId: string;
  nextId: string;
};

/** The stage's required actions and advancement criteria, each marked as the coach saw it. */
export function ChecklistField({ rows, onMark, previousId, nextId }: ChecklistFieldProps) {
  return (
    <div className="choice-list">
      {rows.map((row, index) => (
        <ChoiceRow
          key={row.key}
          id={checklistRowId(index)}
          label={`${row.label}: ${row.state ? checklistStateLabels[row.state] : 'not marked'}`}
          choices={choices}
          value={row.state}
          onChange={(state) => onMark(row.key, state)}
          keys={keys}
          previousId={index === 0 ? previousId : checklistRowId(index - 1)}
          nextId={index === rows.length - 1 ? nextId : checklistRowId(index + 1)}
        >
          <span className="choice-row-title">{row.label}</span>
          <span className={`kind-chip kind-${row.kind}`}>{kindLabels[row.kind]}</span>
        </ChoiceRow>
      ))}
    </div>
  );
}
