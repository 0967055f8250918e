import { plural } from '../format/format';
import { Icon } from '../ui/Icon';
import { ChipsField } from './ChipsField';
import { CriterionEditor } from './CriterionEditor';
import {
  type DraftAction,
  type DraftCriterion,
  type DraftStage,
  newAction,
  newCriterion,
  replaceItem,
} from './draftModel';
import { NumberField, SelectField, TextField, sentence } from './fields';
import { useIssueCount, useOwnIssues } from './issuesContext';
import { RequiredActionEditor } from './RequiredActionEditor';
import { type PathSegment, fieldId } from './validation';
import { type OutcomeChoice, groupOptions, outcomeOptions, roleOptions } from './workflowText';

export type StageCardProps = {
  stage: DraftStage;
  index: number;
  count: number;
  /** The key the stage is saved under: its own, or the one derived from its name when new. */
  stageKey: string;
  expanded: boolean;
  types: string[];
  fieldsListId: string;
  removeDisabledReason?: string;
  onToggle: () => void;
  onChange: (stage: DraftStage) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
};

function tone(stage: DraftStage): string {
  return stage.outcome ?? stage.group.toLowerCase();
}

/** One stage: a summary line that opens into its fields, required actions and advancement criteria. */
export function StageCard(props: StageCardProps) {
  const { stage, index, count, stageKey, expanded, onToggle, onMove } = props;
  const path: PathSegment[] = ['stages', index];
  const problems = useIssueCount(path);
  const bodyId = `${fieldId(path)}-body`;
  const name = stage.name.trim() || `Stage ${index + 1}`;

  return (
    <li className={`wf-stage${expanded ? ' is-expanded' : ''}`} data-tone={tone(stage)}>
      <div className="wf-stage-head">
        <button
          type="button"
          className="wf-stage-toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          id={fieldId(path)}
          onClick={onToggle}
        >
          <Icon name="chevronRight" className="wf-stage-chevron" size={14} />
          <span className="wf-stage-order" aria-hidden="true">
            {index + 1}
          </span>
          <span className="wf-stage-name">{name}</span>
          <span className="visually-hidden">, </span>
          <span className="wf-stage-facts">
            <span className="wf-group-chip">
              {stage.outcome ? (stage.outcome === 'won' ? 'Won' : 'Lost') : stage.group}
            </span>
            <span>{stage.ownerRole}</span>
            {stage.targetDays !== undefined && <span>{stage.targetDays} d target</span>}
            <span>{plural(stage.actions.length, 'action')}</span>
            <span>{plural(stage.criteria.length, 'criterion', 'criteria')}</span>
          </span>
        </button>
        {problems > 0 && <span className="chip chip-bad wf-problem-chip">{plural(problems, 'problem')}</span>}
        <div className="wf-item-buttons">
          <button
            type="button"
            className="btn btn-small btn-ghost btn-icon"
            aria-label={`Move ${name} up`}
            title="Move up"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            <Icon name="arrowUp" size={14} />
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost btn-icon"
            aria-label={`Move ${name} down`}
            title="Move down"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            <Icon name="arrowDown" size={14} />
          </button>
        </div>
      </div>
      {expanded && (
        <div className="wf-stage-body" id={bodyId} role="group" aria-label={`Stage ${name}`}>
          <StageFields {...props} path={path} stageKey={stageKey} />
        </div>
      )}
    </li>
  );
}

type StageFieldsProps = StageCardProps & { path: PathSegment[] };

function StageFields({
  stage,
  stageKey,
  path,
  types,
  fieldsListId,
  removeDisabledReason,
  onChange,
  onRemove,
}: StageFieldsProps) {
  const set = (change: Partial<DraftStage>) => onChange({ ...stage, ...change });
  const keyIssue = useOwnIssues([...path, 'key'])[0];
  const setAction = (uid: string, action: DraftAction) =>
    onChange({ ...stage, actions: replaceItem(stage.actions, uid, () => action) });
  const setCriterion = (uid: string, criterion: DraftCriterion) =>
    onChange({ ...stage, criteria: replaceItem(stage.criteria, uid, () => criterion) });

  return (
    <>
      <div className="wf-grid">
        <TextField
          className="span-2"
          label="Name"
          path={[...path, 'name']}
          value={stage.name}
          onChange={(name) => set({ name })}
        />
        <div className="wf-field span-1">
          <label className="field-label" htmlFor={fieldId([...path, 'key'])}>
            Key
          </label>
          <input
            id={fieldId([...path, 'key'])}
            className={`input mono wf-readonly${keyIssue ? ' input-invalid' : ''}`}
            value={stageKey}
            readOnly
            title={
              stage.isNew
                ? 'Made from the name when the stage is saved.'
                : 'Fixed once saved: reports and experiments refer to the stage by its key.'
            }
            aria-invalid={keyIssue ? true : undefined}
            aria-describedby={keyIssue || stage.isNew ? `${fieldId([...path, 'key'])}-note` : undefined}
          />
          {keyIssue ? (
            <p className="wf-field-error" id={`${fieldId([...path, 'key'])}-note`}>
              {sentence(keyIssue.message)}
            </p>
          ) : (
            stage.isNew && (
              <p className="wf-field-hint" id={`${fieldId([...path, 'key'])}-note`}>
                Made from the name.
              </p>
            )
          )}
        </div>
        <SelectField
          className="span-1"
          label="Group"
          path={[...path, 'group']}
          value={stage.group}
          options={groupOptions}
          onChange={(group) => set({ group })}
        />
        <SelectField
          className="span-1"
          label="Owner role"
          path={[...path, 'ownerRole']}
          value={stage.ownerRole}
          options={roleOptions}
          onChange={(ownerRole) => set({ ownerRole })}
        />
        <NumberField
          className="span-1"
          label="Target days"
          path={[...path, 'targetDays']}
          value={stage.targetDays}
          onChange={(targetDays) => set({ targetDays })}
          unit="days"
          placeholder={stage.outcome ? '—' : undefined}
        />
        <SelectField
          className="span-1"
          label="Outcome"
          path={[...path, 'outcome']}
          value={stage.outcome ?? 'none'}
          options={outcomeOptions}
          onChange={(choice: OutcomeChoice) =>
            // A won or lost stage is where deals end: it has no target days to stall against.
            choice === 'none' ? set({ outcome: undefined }) : set({ outcome: choice, targetDays: undefined })
          }
        />
        <ChipsField
          className="span-5"
          label="Source stage names"
          path={[...path, 'sourceNames']}
          values={stage.sourceNames}
          onChange={(sourceNames) => set({ sourceNames })}
          placeholder="Type a CRM stage name, then Enter"
          hint="How CRM exports name this stage; matched ignoring case, spaces and punctuation."
        />
      </div>

      <section className="wf-subsection" aria-label={`Required actions of ${stage.name || 'this stage'}`}>
        <div className="wf-subsection-head">
          <h4 className="wf-subsection-title">
            Required actions <span className="wf-count">{stage.actions.length}</span>
          </h4>
          <p className="wf-subsection-text">What must happen in this stage, who does it, and by when.</p>
        </div>
        {stage.actions.length === 0 && (
          <p className="wf-empty">No required actions: nothing is checked in this stage.</p>
        )}
        {stage.actions.map((action, j) => (
          <RequiredActionEditor
            key={action.uid}
            action={action}
            index={j}
            path={[...path, 'requiredActions', j]}
            types={types}
            onChange={(next) => setAction(action.uid, next)}
            onRemove={() => set({ actions: stage.actions.filter((a) => a.uid !== action.uid) })}
          />
        ))}
        <button
          type="button"
          className="btn btn-small wf-add"
          onClick={() => onChange({ ...stage, actions: [...stage.actions, newAction(types)] })}
        >
          <Icon name="plus" size={14} />
          Add required action
        </button>
      </section>

      <section className="wf-subsection" aria-label={`Advancement criteria of ${stage.name || 'this stage'}`}>
        <div className="wf-subsection-head">
          <h4 className="wf-subsection-title">
            Advancement criteria <span className="wf-count">{stage.criteria.length}</span>
          </h4>
          <p className="wf-subsection-text">Checked at the moment a deal leaves the stage.</p>
        </div>
        {stage.criteria.length === 0 && (
          <p className="wf-empty">No criteria: deals may advance at any time.</p>
        )}
        {stage.criteria.map((criterion, j) => (
          <CriterionEditor
            key={criterion.uid}
            criterion={criterion}
            index={j}
            path={[...path, 'advancementCriteria', j]}
            types={types}
            fieldsListId={fieldsListId}
            onChange={(next) => setCriterion(criterion.uid, next)}
            onRemove={() =>
              onChange({ ...stage, criteria: stage.criteria.filter((c) => c.uid !== criterion.uid) })
            }
          />
        ))}
        <button
          type="button"
          className="btn btn-small wf-add"
          onClick={() => onChange({ ...stage, criteria: [...stage.criteria, newCriterion()] })}
        >
          <Icon name="plus" size={14} />
          Add criterion
        </button>
      </section>

      <div className="wf-stage-footer">
        {removeDisabledReason && (
          <span className="wf-footnote">
            <Icon name="info" size={13} />
            {removeDisabledReason}
          </span>
        )}
        <button
          type="button"
          className="btn btn-small btn-ghost wf-danger-text"
          disabled={removeDisabledReason !== undefined}
          onClick={onRemove}
        >
          <Icon name="trash" size={14} />
          Remove stage
        </button>
      </div>
    </>
  );
}
