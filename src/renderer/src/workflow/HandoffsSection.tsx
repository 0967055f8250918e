import type { RepRole } from '@shared/workflow/definition';
import { ChipsField } from './ChipsField';
import { type Draft, type DraftHandoff, newHandoff, replaceItem } from './draftModel';
import { Icon } from '../ui/Icon';
import { NumberField, SelectField, TextField } from './fields';
import { ItemHead } from './ItemHead';
import { roleOptions } from './workflowText';

export type HandoffsSectionProps = {
  draft: Draft;
  fields: string[];
  onChange: (draft: Draft) => void;
};

function describeHandoff(h: DraftHandoff, stageName: string | null): string {
  const when = stageName ? `When a deal enters ${stageName}` : 'When a deal enters the trigger stage';
  const sla = h.firstTouchWithinHours === undefined ? '' : ` within ${h.firstTouchWithinHours} hours`;
  const fields = h.requiredFields.length ? `, with ${h.requiredFields.join(', ')} filled in` : '';
  return `${when}, the ${h.fromRole} hands it to the ${h.toRole}${fields}; the ${h.toRole} must touch it${sla}.`;
}

/** Handoff protocols between roles: what triggers them, what must be passed on, and how fast the next role acts. */
export function HandoffsSection({ draft, fields, onChange }: HandoffsSectionProps) {
  const handoffs = draft.handoffs;
  const setHandoffs = (next: DraftHandoff[]) => onChange({ ...draft, handoffs: next });
  const stageOptions = draft.stages.map((s, i) => ({
    value: s.uid,
    label: s.name.trim() || `Stage ${i + 1}`,
  }));

  return (
    <section className="card wf-section" aria-labelledby="wf-handoffs-title">
      <div className="card-header">
        <div>
          <h2 id="wf-handoffs-title" className="card-title">
            Handoffs <span className="wf-count">{handoffs.length}</span>
          </h2>
          <p className="card-subtitle">
            Who passes the deal to whom, when, with what, and how fast the next role must act.
          </p>
        </div>
      </div>
      <div className="wf-section-body">
        {handoffs.length === 0 && (
          <p className="wf-empty">No handoffs: one role owns deals from start to end.</p>
        )}
        {handoffs.map((h, i) => {
          const path = ['handoffs', i];
          const name = h.label.trim() || `Handoff ${i + 1}`;
          const trigger = stageOptions.find((o) => o.value === h.triggerStageUid);
          const set = (change: Partial<DraftHandoff>) =>
            setHandoffs(replaceItem(handoffs, h.uid, (x) => ({ ...x, ...change })));
          return (
            <fieldset className="wf-item" key={h.uid}>
              <legend className="visually-hidden">{`Handoff ${i + 1}: ${name}`}</legend>
              <ItemHead
                index={i}
                title={name}
                summary={describeHandoff(h, trigger?.label ?? null)}
                path={path}
                removeLabel={`Remove handoff ${name}`}
                onRemove={() => setHandoffs(handoffs.filter((x) => x.uid !== h.uid))}
              />
              <div className="wf-grid">
                <TextField
                  className="span-2"
                  label="Label"
                  path={[...path, 'label']}
                  value={h.label}
                  onChange={(label) => set({ label })}
                  placeholder="e.g. SDR → AE: qualified lead"
                />
                <SelectField
                  className="span-1"
                  label="From role"
                  path={[...path, 'fromRole']}
                  value={h.fromRole}
                  options={roleOptions}
                  onChange={(fromRole: RepRole) => set({ fromRole })}
                />
                <SelectField
                  className="span-1"
                  label="To role"
                  path={[...path, 'toRole']}
                  value={h.toRole}
                  options={roleOptions}
                  onChange={(toRole: RepRole) => set({ toRole })}
                />
                <SelectField
                  className="span-2"
                  label="Triggers on entering"
                  path={[...path, 'triggerStage']}
                  value={trigger ? trigger.value : ''}
                  options={[...(trigger ? [] : [{ value: '', label: 'Choose a stage…' }]), ...stageOptions]}
                  onChange={(uid) => set({ triggerStageUid: uid || null })}
                />
                <ChipsField
                  className="span-4"
                  label="Required fields"
                  path={[...path, 'requiredFields']}
                  values={h.requiredFields}
                  onChange={(requiredFields) => set({ requiredFields })}
                  suggestions={fields}
                  placeholder="Deal fields that must be filled in"
                  mono
                />
                <NumberField
                  className="span-2"
                  label="First-touch SLA"
                  path={[...path, 'firstTouchWithinHours']}
                  value={h.firstTouchWithinHours}
                  // An empty box stays empty in the draft; validation reports it before saving.
                  onChange={(n) => set({ firstTouchWithinHours: n as number })}
                  unit="hours"
                />
              </div>
            </fieldset>
          );
        })}
      </div>
      <div className="wf-section-footer">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setHandoffs([...handoffs, newHandoff(draft)])}
        >
          <Icon name="plus" size={14} />
          Add handoff
        </button>
      </div>
    </section>
  );
}
