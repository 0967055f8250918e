import { useId } from 'react';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { Icon } from '../ui/Icon';
import { type Draft, type DraftStage, isLastOutcomeStage, move, newStage, replaceItem } from './draftModel';
import { useOwnIssues } from './issuesContext';
import { StageCard } from './StageCard';
import { fieldId } from './validation';

export type StagesSectionProps = {
  draft: Draft;
  /** The draft as a definition: the keys new stages will be saved under. */
  definition: WorkflowDefinition;
  types: string[];
  fields: string[];
  expanded: ReadonlySet<string>;
  onExpand: (uids: string[], open: boolean) => void;
  onChange: (draft: Draft) => void;
};

/** The stages in pipeline order, each opening into its fields, required actions and criteria. */
export function StagesSection({
  draft,
  definition,
  types,
  fields,
  expanded,
  onExpand,
  onChange,
}: StagesSectionProps) {
  const fieldsListId = useId();
  const ownIssues = useOwnIssues(['stages']);
  const stages = draft.stages;
  const setStages = (next: DraftStage[]) => onChange({ ...draft, stages: next });
  const allOpen = stages.length > 0 && stages.every((s) => expanded.has(s.uid));

  const addStage = () => {
    const stage = newStage(draft);
    // New working stages go before the won and lost stages, where deals end.
    const firstEnd = stages.findIndex((s) => s.outcome !== undefined);
    const at = firstEnd < 0 ? stages.length : firstEnd;
    setStages([...stages.slice(0, at), stage, ...stages.slice(at)]);
    onExpand([stage.uid], true);
  };

  return (
    <section className="card wf-section" aria-labelledby="wf-stages-title">
      <div className="card-header">
        <div>
          <h2 id="wf-stages-title" className="card-title">
            Stages <span className="wf-count">{stages.length}</span>
          </h2>
          <p className="card-subtitle">
            In pipeline order. Open a stage to edit its required actions and criteria.
          </p>
        </div>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() =>
            onExpand(
              stages.map((s) => s.uid),
              !allOpen,
            )
          }
        >
          {allOpen ? 'Collapse all' : 'Expand all'}
        </button>
      </div>
      {ownIssues.length > 0 && (
        <div className="wf-section-issue" id={fieldId(['stages'])} role="alert" tabIndex={-1}>
          <Icon name="alert" size={14} />
          {ownIssues.map((issue) => (
            <span key={issue.message}>Stages {issue.message}.</span>
          ))}
        </div>
      )}
      <datalist id={fieldsListId}>
        {fields.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <ol className="wf-stage-list">
        {stages.map((stage, i) => (
          <StageCard
            key={stage.uid}
            stage={stage}
            index={i}
            count={stages.length}
            stageKey={definition.stages[i]?.key ?? stage.key}
            expanded={expanded.has(stage.uid)}
            types={types}
            fieldsListId={fieldsListId}
            removeDisabledReason={
              isLastOutcomeStage(draft, stage)
                ? `The workflow needs a ${stage.outcome} stage: this is the only one.`
                : undefined
            }
            onToggle={() => onExpand([stage.uid], !expanded.has(stage.uid))}
            onChange={(next) => setStages(replaceItem(stages, stage.uid, () => next))}
            onMove={(direction) => setStages(move(stages, i, direction))}
            onRemove={() => onChange(removeStage(draft, stage.uid))}
          />
        ))}
      </ol>
      <div className="wf-section-footer">
        <button type="button" className="btn btn-small" onClick={addStage}>
          <Icon name="plus" size={14} />
          Add stage
        </button>
      </div>
    </section>
  );
}

/** Removes a stage; handoffs it triggered keep pointing nowhere, so validation asks for a new trigger. */
function removeStage(draft: Draft, uid: string): Draft {
  return { ...draft, stages: draft.stages.filter((s) => s.uid !== uid) };
}
