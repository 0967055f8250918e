import { ChipsField } from './ChipsField';
import type { DraftCriterion } from './draftModel';
import { NumberField, SelectField, TextField } from './fields';
import { ItemHead } from './ItemHead';
import type { PathSegment } from './validation';
import { type CriterionKind, criterionKindOptions, describeCriterion, typeKey } from './workflowText';

export type CriterionEditorProps = {
  criterion: DraftCriterion;
  index: number;
  path: PathSegment[];
  types: string[];
  /** The id of the datalist of deal fields, rendered once by the stage. */
  fieldsListId: string;
  onChange: (criterion: DraftCriterion) => void;
  onRemove: () => void;
};

/** The same criterion under another kind: the label stays, and the field when both kinds have one. */
function withKind(c: DraftCriterion, kind: CriterionKind): DraftCriterion {
  const base = { uid: c.uid, isNew: c.isNew, key: c.key, label: c.label };
  const field = c.kind === 'field_set' || c.kind === 'field_in' ? c.field : '';
  switch (kind) {
    case 'field_set':
      return { ...base, kind, field };
    case 'field_in':
      return { ...base, kind, field, values: [] };
    case 'activity_present':
      return { ...base, kind, activityTypes: [] };
    case 'stakeholders':
      return { ...base, kind, minDistinctContacts: 2 };
  }
}

/** One advancement criterion: what must be true at the moment a deal leaves the stage. */
export function CriterionEditor({
  criterion,
  index,
  path,
  types,
  fieldsListId,
  onChange,
  onRemove,
}: CriterionEditorProps) {
  const name = criterion.label.trim() || `Criterion ${index + 1}`;
  return (
    <fieldset className="wf-item">
      <legend className="visually-hidden">{`Criterion ${index + 1}: ${name}`}</legend>
      <ItemHead
        index={index}
        title={name}
        summary={`Holds when ${describeCriterion(criterion)}.`}
        path={path}
        removeLabel={`Remove criterion ${name}`}
        onRemove={onRemove}
      />
      <div className="wf-grid">
        <TextField
          className="span-2"
          label="Label"
          path={[...path, 'label']}
          value={criterion.label}
          onChange={(label) => onChange({ ...criterion, label })}
          placeholder="e.g. Pain point validated"
        />
        <SelectField
          className="span-2"
          label="Check"
          path={[...path, 'kind']}
          value={criterion.kind}
          options={criterionKindOptions}
          onChange={(kind) => onChange(withKind(criterion, kind))}
        />
        {(criterion.kind === 'field_set' || criterion.kind === 'field_in') && (
          <TextField
            className="span-2"
            label="Deal field"
            path={[...path, 'field']}
            value={criterion.field}
            onChange={(field) => onChange({ ...criterion, field })}
            placeholder="e.g. pain_point"
            list={fieldsListId}
            hint={
              criterion.kind === 'field_set'
                ? 'A core column or a custom field of the CRM export.'
                : undefined
            }
            mono
          />
        )}
        {criterion.kind === 'field_in' && (
          <ChipsField
            className="span-6"
            label="Accepted values"
            path={[...path, 'values']}
            values={criterion.values}
            onChange={(values) => onChange({ ...criterion, values })}
            placeholder="Type a value, then Enter"
          />
        )}
        {criterion.kind === 'activity_present' && (
          <ChipsField
            className="span-2"
            label="Activity types (any of)"
            path={[...path, 'activityTypes']}
            values={criterion.activityTypes}
            onChange={(activityTypes) => onChange({ ...criterion, activityTypes })}
            suggestions={types}
            normalize={typeKey}
            placeholder="Pick or type a type…"
            mono
          />
        )}
        {criterion.kind === 'stakeholders' && (
          <NumberField
            className="span-2"
            label="Distinct contacts, at least"
            path={[...path, 'minDistinctContacts']}
            value={criterion.minDistinctContacts}
            // An empty box stays empty in the draft; validation reports it before saving.
            onChange={(n) => onChange({ ...criterion, minDistinctContacts: n as number })}
            unit="contacts"
          />
        )}
      </div>
    </fieldset>
  );
}
