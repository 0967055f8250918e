import type { ExperimentDecideInput } from '@shared/experiments/inputs';
import type { Experiment } from '@shared/experiments/types';
import type { WorkflowVersion } from '@shared/domain/types';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { activateWorkflowVersion, currentWorkflow } from '../queries/workflow';
import { getExperimentRecord } from './records';

/**
 * Records a decision and concludes the experiment. Adopt makes the experiment's workflow version
 * the current one; revert makes the baseline version current again when it is not; refine
 * changes no rules. The activation and the decision are one transaction. Returns the version
 * that became current, when one did, so the caller can bring its evaluation up to date.
 */
export function decideExperiment(
  db: Db,
  input: ExperimentDecideInput,
  now: number,
): { experiment: Experiment; activated: WorkflowVersion | null } {
  return db.transaction(() => {
    const experiment = getExperimentRecord(db, input.id);
    let activated: WorkflowVersion | null = null;
    const current = currentWorkflow(db);
    if (input.decision === 'adopt') {
      if (experiment.workflowVersionId === null) {
        throw new EngineError(
          'invalid_input',
          'This experiment has no workflow version to adopt: save the change in the workflow editor and link its version to the experiment first.',
        );
      }
      if (current.id !== experiment.workflowVersionId) {
        activated = activateWorkflowVersion(db, experiment.workflowVersionId);
      }
    } else if (input.decision === 'revert') {
      if (experiment.baselineVersionId !== null && current.id !== experiment.baselineVersionId) {
        activated = activateWorkflowVersion(db, experiment.baselineVersionId);
      }
    }
    db.prepare(
      `UPDATE experiments SET status = 'concluded', decision = ?, decision_note = ?, decided_at = ?, updated_at = ?
       WHERE id = ?`,
    ).run(input.decision, input.note === '' ? null : input.note, now, now, input.id);
    return { experiment: getExperimentRecord(db, input.id), activated };
  })();
}
