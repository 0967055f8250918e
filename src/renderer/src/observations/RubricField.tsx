import { useState } from 'react';
import type { RubricEntry } from '@shared/coaching/observation';
import { type Choice, ChoiceRow } from './ChoiceRow';

export type RubricRow = {
  /** What the score is stored under: the rubric's key, or a sheet's own criterion name. */
  criterion: string;
  label: string;
  /** What 1…5 look like; none for a criterion the rubric does not define. */
  anchors: readonly string[] | null;
};

const keys: Record<string, number> = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };

export const rubricRowId = (index: number) => `obs-score-${index}`;

export type RubricFieldProps = {
  rows: readonly RubricRow[];
  scores: readonly RubricEntry[];
  onScore: (criterion: string, score: number | null) => void;
  previousId: string;
  nextId: string;
};

/** Each rubric criterion scored 1–5, with the anchor of the score in words. */
export function RubricField({ rows, scores, onScore, previousId, nextId }: RubricFieldProps) {
  return (
    <div className="choice-list">
      {rows.map((row, index) => (
        <RubricLine
          key={row.criterion}
          row={row}
          index={index}
          last={index === rows.length - 1}
          score={scores.find((s) => s.criterion === row.criterion)?.score ?? null}
          onScore={onScore}
          previousId={previousId}
          nextId={nextId}
        />
      ))}
    </div>
  );
}

type RubricLineProps = {
  row: RubricRow;
  index: number;
  last: boolean;
  score: number | null;
  onScore: (criterion: string, score: number | null) => void;
  previousId: string;
  nextId: string;
};

function RubricLine({ row, index, last, score, onScore, previousId, nextId }: RubricLineProps) {
  // While a score button has the focus, its anchor is shown: the coach reads before choosing.
  const [preview, setPreview] = useState<number | null>(null);
  const choices: Choice<number>[] = [1, 2, 3, 4, 5].map((n) => ({
    value: n,
    short: String(n),
    label: row.anchors ? `${n}: ${row.anchors[n - 1]}` : String(n),
    tone: `score-${n}`,
  }));
  const shown = preview ?? (score === null ? null : Math.round(score));
  const anchor = shown !== null && row.anchors ? row.anchors[shown - 1] : null;
  return (
    <ChoiceRow
      id={rubricRowId(index)}
      label={`${row.label}: ${score === null ? 'not scored' : `${score} of 5`}`}
      choices={choices}
      value={score}
      onChange={(value) => onScore(row.criterion, value)}
      keys={keys}
      previousId={index === 0 ? previousId : rubricRowId(index - 1)}
      nextId={last ? nextId : rubricRowId(index + 1)}
      onFocusValue={setPreview}
      aside={
        <span className={anchor ? 'rubric-anchor' : 'rubric-anchor muted'} aria-hidden="true">
          {anchor ?? (row.anchors ? 'Not scored' : 'Not in the current rubric')}
        </span>
      }
    >
      <span className="choice-row-title">{row.label}</span>
    </ChoiceRow>
  );
}
