import type { ObservationDraft } from '@shared/coaching/observation';
import { sentence } from './fieldText';
import { Icon } from '../ui/Icon';
import { DateField, describeDateEntry } from './DateField';
import type { FieldIssues } from '@shared/coaching/observationForm';

type Commitment = ObservationDraft['commitments'][number];

export const commitmentTextId = (index: number) => `obs-commitment-${index}-text`;
export const commitmentDueId = (index: number) => `obs-commitment-${index}-due`;
export const ADD_COMMITMENT_ID = 'obs-add-commitment';

export type CommitmentsFieldProps = {
  commitments: readonly Commitment[];
  today: string;
  issues: FieldIssues;
  onChange: (index: number, patch: Partial<Commitment>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
};

/** What the rep commits to, each with a due date; Enter in a commitment starts the next one. */
export function CommitmentsField({
  commitments,
  today,
  issues,
  onChange,
  onAdd,
  onRemove,
}: CommitmentsFieldProps) {
  return (
    <div className="commitments">
      {commitments.length > 0 && (
        <ol className="commitment-list">
          {commitments.map((c, index) => {
            const textIssue = issues.get(`commitments.${index}.text`);
            const dueIssue =
              issues.get(`commitments.${index}.dueOn`) ?? issues.get(`commitments.${index}.id`);
            const due = describeDateEntry(c.dueOn, today);
            return (
              <li key={c.id ?? `new-${index}`} className="commitment">
                <span className="commitment-number" aria-hidden="true">
                  {index + 1}
                </span>
                <div className="commitment-text">
                  <input
                    id={commitmentTextId(index)}
                    type="text"
                    className="input"
                    value={c.text}
                    placeholder="What the rep will do"
                    aria-label={`Commitment ${index + 1}`}
                    aria-invalid={textIssue ? true : undefined}
                    aria-describedby={textIssue ? `${commitmentTextId(index)}-issue` : undefined}
                    onChange={(event) => onChange(index, { text: event.target.value })}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
                        event.preventDefault();
                        if (c.text.trim() !== '') onAdd();
                      }
                    }}
                  />
                  {textIssue && (
                    <p className="field-issue" id={`${commitmentTextId(index)}-issue`}>
                      {sentence(textIssue)}
                    </p>
                  )}
                </div>
                <div className="commitment-due">
                  <DateField
                    id={commitmentDueId(index)}
                    value={c.dueOn}
                    today={today}
                    aria-label={`Commitment ${index + 1} due on`}
                    invalid={Boolean(dueIssue)}
                    describedBy={`${commitmentDueId(index)}-note`}
                    onChange={(dueOn) => onChange(index, { dueOn })}
                  />
                  <p
                    className={dueIssue ? 'field-issue' : 'field-hint'}
                    id={`${commitmentDueId(index)}-note`}
                  >
                    {dueIssue
                      ? sentence(dueIssue)
                      : due
                        ? `Due ${due}`
                        : c.dueOn.trim()
                          ? 'Not a date'
                          : 'No due date'}
                  </p>
                </div>
                <button
                  type="button"
                  className="btn btn-ghost btn-small commitment-remove"
                  aria-label={`Remove commitment ${index + 1}`}
                  onClick={() => onRemove(index)}
                >
                  <Icon name="trash" size={14} />
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <button id={ADD_COMMITMENT_ID} type="button" className="btn btn-small" onClick={onAdd}>
        <Icon name="plus" size={13} />
        Add commitment
      </button>
    </div>
  );
}
