import type { RequiredAction } from '@shared/workflow/definition';
import { ChipsField } from './ChipsField';
import type { DraftAction } from './draftModel';
import { CheckboxField, NumberField, SelectField, TextField } from './fields';
import { ItemHead } from './ItemHead';
import type { PathSegment } from './validation';
import { type AnchorKind, actorOptions, anchorOptions, describeAction, typeKey } from './workflowText';

export type RequiredActionEditorProps = {
  action: DraftAction;
  index: number;
  path: PathSegment[];
  /** Normalized activity types known to the workflow, offered in pickers. */
  types: string[];
  onChange: (action: DraftAction) => void;
  onRemove: () => void;
};

function withAnchor(action: DraftAction, kind: AnchorKind, types: string[]): DraftAction {
  const hours = action.withinHours ?? 24;
  switch (kind) {
    case 'stage_entry':
      return { ...action, anchor: { kind }, withinHours: hours };
    case 'activity': {
      const previous = action.anchor.kind === 'activity' ? action.anchor.activityType : '';
      const activityType = previous || (types.includes('demo') ? 'demo' : (types[0] ?? ''));
      return { ...action, anchor: { kind, activityType }, withinHours: hours };
    }
    case 'stage_exit':
      // Before leaving the stage has no deadline in hours, so no working-hours clock either.
      return { ...action, anchor: { kind }, withinHours: undefined, businessHours: false };
  }
}

/** One required action of a stage: what counts, who must do it, and by when. */
export function RequiredActionEditor({
  action,
  index,
  path,
  types,
  onChange,
  onRemove,
}: RequiredActionEditorProps) {
  const set = (change: Partial<RequiredAction>) => onChange({ ...action, ...change });
  const setMatch = (change: Partial<RequiredAction['match']>) =>
    set({ match: { ...action.match, ...change } });
  const anchorTypes =
    action.anchor.kind === 'activity' &&
    action.anchor.activityType &&
    !types.includes(action.anchor.activityType)
      ? [action.anchor.activityType, ...types]
      : types;
  const name = action.label.trim() || `Required action ${index + 1}`;

  return (
    <fieldset className="wf-item">
      <legend className="visually-hidden">{`Required action ${index + 1}: ${name}`}</legend>
      <ItemHead
        index={index}
        title={name}
        summary={describeAction(action)}
        path={path}
        removeLabel={`Remove required action ${name}`}
        onRemove={onRemove}
      />
      <div className="wf-grid">
        <TextField
          className="span-4"
          label="Label"
          path={[...path, 'label']}
          value={action.label}
          onChange={(label) => set({ label })}
          placeholder="e.g. Call within 2 hours"
        />
        <SelectField
          className="span-2"
          label="Done by"
          path={[...path, 'match', 'by']}
          value={action.match.by}
          options={actorOptions}
          onChange={(by) => setMatch({ by })}
        />
        <ChipsField
          className="span-3"
          label="Activity types"
          path={[...path, 'match', 'types']}
          values={action.match.types}
          onChange={(t) => setMatch({ types: t })}
          suggestions={types}
          normalize={typeKey}
          placeholder="Pick or type a type…"
          mono
        />
        <TextField
          className="span-3"
          label="Subject pattern"
          path={[...path, 'match', 'subjectPattern']}
          value={action.match.subjectPattern ?? ''}
          onChange={(subjectPattern) => setMatch({ subjectPattern })}
          placeholder="Optional regular expression, e.g. ^recap"
          mono
        />
        <SelectField
          className="span-2"
          label="Counted from"
          path={[...path, 'anchor']}
          value={action.anchor.kind}
          options={anchorOptions}
          onChange={(kind) => onChange(withAnchor(action, kind, types))}
        />
        {action.anchor.kind === 'activity' && (
          <SelectField
            className="span-2"
            label="Anchor activity"
            path={[...path, 'anchor', 'activityType']}
            value={action.anchor.activityType}
            options={[
              ...(action.anchor.activityType ? [] : [{ value: '', label: 'Choose…' }]),
              ...anchorTypes.map((t) => ({ value: t, label: t })),
            ]}
            onChange={(activityType) => set({ anchor: { kind: 'activity', activityType } })}
          />
        )}
        {action.anchor.kind === 'stage_exit' ? (
          <p className="wf-exit-note span-4">
            Due any time while the deal is in the stage; missed if it moves on without it.
          </p>
        ) : (
          <>
            <NumberField
              className="span-1"
              label="Deadline"
              path={[...path, 'withinHours']}
              value={action.withinHours}
              onChange={(withinHours) => set({ withinHours })}
              unit="hours"
              step={1}
            />
            <div className={`wf-check-cell ${action.anchor.kind === 'activity' ? 'span-1' : 'span-3'}`}>
              <CheckboxField
                label="Count only working hours"
                path={[...path, 'businessHours']}
                checked={action.businessHours}
                onChange={(businessHours) => set({ businessHours })}
                title="Nights, weekends and days off do not count, using the workspace's working hours."
              />
            </div>
          </>
        )}
      </div>
    </fieldset>
  );
}
