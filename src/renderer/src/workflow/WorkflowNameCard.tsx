import type { Draft } from './draftModel';
import { TextField } from './fields';

export type WorkflowNameCardProps = { draft: Draft; onChange: (name: string) => void };

/** The workflow's name and what it holds, above the stages. */
export function WorkflowNameCard({ draft, onChange }: WorkflowNameCardProps) {
  const actions = draft.stages.reduce((n, s) => n + s.actions.length, 0);
  const criteria = draft.stages.reduce((n, s) => n + s.criteria.length, 0);
  return (
    <section className="card wf-name-card" aria-label="Workflow">
      <TextField
        className="wf-name-field"
        label="Workflow name"
        path={['name']}
        value={draft.name}
        onChange={onChange}
      />
      <dl className="wf-facts">
        <div>
          <dt>Stages</dt>
          <dd>{draft.stages.length}</dd>
        </div>
        <div>
          <dt>Required actions</dt>
          <dd>{actions}</dd>
        </div>
        <div>
          <dt>Criteria</dt>
          <dd>{criteria}</dd>
        </div>
        <div>
          <dt>Handoffs</dt>
          <dd>{draft.handoffs.length}</dd>
        </div>
        <div>
          <dt>Activity rules</dt>
          <dd>{draft.rules.length}</dd>
        </div>
      </dl>
    </section>
  );
}
