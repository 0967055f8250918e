import { useCallback, useState } from 'react';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import type { Experiment, ExperimentDecision } from '@shared/experiments/types';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { useAction } from '../data/useAction';
import { formatDateTime } from '../format/format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorBanner } from '../ui/ErrorBanner';
import { DecisionBadge } from './ExperimentBadges';
import { decisionLabels } from './experimentFormat';

export type DecisionLogProps = {
  experiment: Experiment;
  /** The version with the change, which adopting makes current. */
  version: WorkflowVersionSummary | null;
  /** The version the team ran before, which reverting makes current again. */
  baseline: WorkflowVersionSummary | null;
};

const meanings: Record<ExperimentDecision, string> = {
  adopt: 'Keep the change: its workflow version becomes the current one for everyone.',
  refine: 'Promising but not there yet: change it and run it again.',
  revert: 'Drop the change and go back to the baseline workflow.',
};

/** What was decided about the experiment, and recording a decision: adopt, refine or revert, with a note. */
export function DecisionLog({ experiment, version, baseline }: DecisionLogProps) {
  const [choice, setChoice] = useState<ExperimentDecision | null>(null);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [changing, setChanging] = useState(false);
  const decide = useAction(
    useCallback(
      async (decision: ExperimentDecision) => {
        await api.experiments.decide({ id: experiment.id, decision, note });
        invalidateData();
      },
      [experiment.id, note],
    ),
  );
  const record = async () => {
    if (!choice) return;
    if (switching(choice) && !confirming) {
      setConfirming(true);
      return;
    }
    if (await decide.run(choice)) {
      setConfirming(false);
      setChanging(false);
      setChoice(null);
      setNote('');
    } else setConfirming(false);
  };
  const adoptBlocked = experiment.workflowVersionId === null;
  // The version a decision makes current, when it is not current already.
  const switchTo = (d: ExperimentDecision) => (d === 'adopt' ? version : d === 'revert' ? baseline : null);
  const switching = (d: ExperimentDecision) => {
    const target = switchTo(d);
    return target !== null && !target.isCurrent;
  };
  const target = confirming && choice ? switchTo(choice) : null;
  const showForm = experiment.decision === null || changing;

  return (
    <section className="card exp-decision" aria-labelledby="exp-decision-title">
      <header className="card-header">
        <h2 className="card-title" id="exp-decision-title">
          Decision
        </h2>
        <span className="card-subtitle">Adopt, refine or revert — with a note on why.</span>
      </header>
      {experiment.decision && (
        <div className="exp-decision-recorded" data-testid="decision-recorded">
          <DecisionBadge decision={experiment.decision} />
          <div>
            <p className="exp-decision-note">{experiment.decisionNote || 'No note.'}</p>
            <p className="muted">
              Decided {formatDateTime(experiment.decidedAt)}
              {experiment.decision === 'adopt' && version ? ` · version ${version.version} adopted` : ''}
            </p>
          </div>
          {!changing && (
            <button type="button" className="btn btn-small exp-no-print" onClick={() => setChanging(true)}>
              Change the decision
            </button>
          )}
        </div>
      )}
      {showForm && (
        <div className="exp-decision-form exp-no-print">
          <div className="exp-decision-choices" role="radiogroup" aria-label="Decision">
            {(['adopt', 'refine', 'revert'] as const).map((d) => (
              <label
                key={d}
                className={`exp-decision-choice${choice === d ? ' exp-decision-choice-on' : ''}`}
                data-disabled={d === 'adopt' && adoptBlocked ? 'true' : undefined}
              >
                <input
                  type="radio"
                  name="decision"
                  value={d}
                  checked={choice === d}
                  disabled={d === 'adopt' && adoptBlocked}
                  onChange={() => setChoice(d)}
                />
                <span className="exp-decision-choice-name">{decisionLabels[d]}</span>
                <span className="exp-decision-choice-meaning">
                  {d === 'adopt' && adoptBlocked
                    ? 'Name the workflow version with the change first (Edit the plan).'
                    : d === 'adopt' && version
                      ? `Keep the change: version ${version.version} becomes the current workflow for everyone.`
                      : d === 'revert' && baseline && !baseline.isCurrent
                        ? `Drop the change: version ${baseline.version}, the baseline, becomes current again.`
                        : meanings[d]}
                </span>
              </label>
            ))}
          </div>
          <label className="field-label" htmlFor="exp-decision-note">
            Note
          </label>
          <textarea
            id="exp-decision-note"
            className="input exp-textarea"
            rows={3}
            value={note}
            placeholder="What the results showed and why this decision"
            onChange={(e) => setNote(e.target.value)}
          />
          {decide.error && !confirming && (
            <ErrorBanner
              title="The decision was not recorded"
              message={decide.error}
              onDismiss={decide.clearError}
            />
          )}
          <div className="exp-form-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={choice === null || decide.busy}
              onClick={() => void record()}
            >
              {decide.busy && !confirming && <span className="spinner" aria-hidden="true" />}
              Record decision
            </button>
            {changing && (
              <button type="button" className="btn" onClick={() => setChanging(false)}>
                Cancel
              </button>
            )}
          </div>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`${choice === 'revert' ? 'Revert' : 'Adopt'} and make version ${target?.version ?? ''} current?`}
        confirmLabel={`${choice === 'revert' ? 'Revert' : 'Adopt'} and make version ${target?.version ?? ''} current`}
        busy={decide.busy}
        onConfirm={() => void record()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Version {target?.version} of the workflow becomes the current one: from now on every screen judges
          deals by its rules, and new scorecards use it.
        </p>
        <p>The version the team runs now stays in the Workflow editor and can be made current again.</p>
        {decide.error && <p className="exp-field-issue">{decide.error}</p>}
      </ConfirmDialog>
    </section>
  );
}
