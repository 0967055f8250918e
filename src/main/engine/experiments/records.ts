import type { ExperimentSaveInput } from '@shared/experiments/inputs';
import { experimentMetricSchema } from '@shared/experiments/inputs';
import type {
  ChangeKind,
  Experiment,
  ExperimentDecision,
  ExperimentDesign,
  ExperimentInput,
  ExperimentMetric,
  ExperimentStatus,
} from '@shared/experiments/types';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { z } from 'zod';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { currentWorkflow, workflowVersion } from '../queries/workflow';

type ExperimentRow = {
  id: number;
  title: string;
  quarter: string;
  bottleneck: string;
  hypothesis: string;
  change_kind: string;
  change_description: string;
  workflow_version_id: number | null;
  baseline_version_id: number | null;
  design: string;
  treatment: string;
  control: string;
  primary_metric: string;
  guardrails: string;
  starts_on: string;
  ends_on: string;
  status: string;
  decision: string | null;
  decision_note: string | null;
  decided_at: number | null;
  created_at: number;
  updated_at: number;
};

const bottleneckColumn = z.object({ stageKey: z.string(), metric: experimentMetricSchema });
const metricsColumn = z.array(experimentMetricSchema);
const repsColumn = z.array(z.number().int());

function toExperiment(row: ExperimentRow): Experiment {
  return {
    id: row.id,
    title: row.title,
    quarter: row.quarter,
    bottleneck: bottleneckColumn.parse(JSON.parse(row.bottleneck)),
    hypothesis: row.hypothesis,
    changeKind: row.change_kind as ChangeKind,
    changeDescription: row.change_description,
    workflowVersionId: row.workflow_version_id,
    baselineVersionId: row.baseline_version_id,
    design: row.design as ExperimentDesign,
    treatmentRepIds: repsColumn.parse(JSON.parse(row.treatment)),
    controlRepIds: repsColumn.parse(JSON.parse(row.control)),
    primaryMetric: experimentMetricSchema.parse(JSON.parse(row.primary_metric)),
    guardrails: metricsColumn.parse(JSON.parse(row.guardrails)),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status as ExperimentStatus,
    decision: row.decision as ExperimentDecision | null,
    decisionNote: row.decision_note,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Every experiment, newest quarter first, then by start date. */
export function listExperimentRecords(db: Db, quarter?: string): Experiment[] {
  const rows = (
    quarter === undefined
      ? db.prepare('SELECT * FROM experiments ORDER BY quarter DESC, starts_on DESC, id DESC').all()
      : db
          .prepare('SELECT * FROM experiments WHERE quarter = ? ORDER BY starts_on DESC, id DESC')
          .all(quarter)
  ) as ExperimentRow[];
  return rows.map(toExperiment);
}

export function getExperimentRecord(db: Db, id: number): Experiment {
  const row = db.prepare('SELECT * FROM experiments WHERE id = ?').get(id) as ExperimentRow | undefined;
  if (!row) throw new EngineError('not_found', `Experiment ${id} does not exist.`);
  return toExperiment(row);
}

function invalid(field: string, message: string): EngineError {
  return new EngineError('invalid_input', `Invalid input for experiments:save at ${field}: ${message}`);
}

/** A metric's stage (and action) must be in the workflow the experiment is measured with. */
function checkMetric(field: string, metric: ExperimentMetric, workflows: WorkflowDefinition[]): void {
  if (metric.kind === 'win_rate') return;
  const stages = workflows.flatMap((w) => w.stages.filter((s) => s.key === metric.stageKey));
  if (stages.length === 0) {
    throw invalid(`${field}.stageKey`, `stage "${metric.stageKey}" is not in the workflow`);
  }
  if (stages.every((s) => s.outcome)) {
    throw invalid(`${field}.stageKey`, `"${metric.stageKey}" is a won or lost stage; choose an open stage`);
  }
  if (metric.kind === 'compliance') {
    if (metric.actionKey === undefined) {
      if (stages.every((s) => s.requiredActions.length === 0)) {
        throw invalid(`${field}.stageKey`, `stage "${metric.stageKey}" has no required actions to measure`);
      }
    } else if (!stages.some((s) => s.requiredActions.some((a) => a.key === metric.actionKey))) {
      throw invalid(
        `${field}.actionKey`,
        `action "${metric.actionKey}" is not a required action of stage "${metric.stageKey}"`,
      );
    }
  }
}

/**
 * What the input names must exist in the workspace: workflow versions, reps, and the stages and
 * actions of its metrics — in the current workflow or in the version the experiment introduces
 * (a new required action exists only there).
 */
function checkAgainstWorkspace(db: Db, input: ExperimentInput): void {
  const workflows = [currentWorkflow(db).definition];
  for (const field of ['workflowVersionId', 'baselineVersionId'] as const) {
    const versionId = input[field];
    if (versionId === null) continue;
    const exists = db.prepare('SELECT 1 FROM workflow_versions WHERE id = ?').get(versionId);
    if (!exists) throw invalid(field, `workflow version ${versionId} does not exist`);
    if (field === 'workflowVersionId') workflows.push(workflowVersion(db, versionId).definition);
  }
  checkMetric('bottleneck.metric', input.bottleneck.metric, workflows);
  if (!workflows.some((w) => w.stages.some((s) => s.key === input.bottleneck.stageKey))) {
    throw invalid('bottleneck.stageKey', `stage "${input.bottleneck.stageKey}" is not in the workflow`);
  }
  checkMetric('primaryMetric', input.primaryMetric, workflows);
  input.guardrails.forEach((metric, i) => checkMetric(`guardrails.${i}`, metric, workflows));
  const known = new Set(db.prepare('SELECT id FROM reps').pluck().all() as number[]);
  for (const field of ['treatmentRepIds', 'controlRepIds'] as const) {
    const missing = input[field].filter((repId) => !known.has(repId));
    if (missing.length > 0) throw invalid(field, `rep ${missing.join(', ')} does not exist`);
  }
}

/** Creates an experiment, or replaces the plan of an existing one (its decision stays). */
export function saveExperimentRecord(db: Db, input: ExperimentSaveInput, now: number): Experiment {
  const { id, ...fields } = input;
  checkAgainstWorkspace(db, fields);
  const design = fields.design;
  const values = {
    title: fields.title,
    quarter: fields.quarter,
    bottleneck: JSON.stringify(fields.bottleneck),
    hypothesis: fields.hypothesis,
    change_kind: fields.changeKind,
    change_description: fields.changeDescription,
    workflow_version_id: fields.workflowVersionId,
    baseline_version_id: fields.baselineVersionId,
    design,
    // A before/after experiment runs on the whole team: no groups are kept for it.
    treatment: JSON.stringify(design === 'treatment_control' ? [...new Set(fields.treatmentRepIds)] : []),
    control: JSON.stringify(design === 'treatment_control' ? [...new Set(fields.controlRepIds)] : []),
    primary_metric: JSON.stringify(fields.primaryMetric),
    guardrails: JSON.stringify(fields.guardrails),
    starts_on: fields.startsOn,
    ends_on: fields.endsOn,
    status: fields.status,
    now,
  };
  return db.transaction(() => {
    if (id === undefined) {
      const result = db
        .prepare(
          `INSERT INTO experiments (title, quarter, bottleneck, hypothesis, change_kind, change_description,
             workflow_version_id, baseline_version_id, design, treatment, control, primary_metric, guardrails,
             starts_on, ends_on, status, created_at, updated_at)
           VALUES (@title, @quarter, @bottleneck, @hypothesis, @change_kind, @change_description,
             @workflow_version_id, @baseline_version_id, @design, @treatment, @control, @primary_metric, @guardrails,
             @starts_on, @ends_on, @status, @now, @now)`,
        )
        .run(values);
      return getExperimentRecord(db, Number(result.lastInsertRowid));
    }
    getExperimentRecord(db, id);
    db.prepare(
      `UPDATE experiments SET title = @title, quarter = @quarter, bottleneck = @bottleneck, hypothesis = @hypothesis,
         change_kind = @change_kind, change_description = @change_description,
         workflow_version_id = @workflow_version_id, baseline_version_id = @baseline_version_id, design = @design,
         treatment = @treatment, control = @control, primary_metric = @primary_metric, guardrails = @guardrails,
         starts_on = @starts_on, ends_on = @ends_on, status = @status, updated_at = @now
       WHERE id = @id`,
    ).run({ ...values, id });
    return getExperimentRecord(db, id);
  })();
}

export function deleteExperimentRecord(db: Db, id: number): { id: number; deleted: boolean } {
  getExperimentRecord(db, id);
  db.prepare('DELETE FROM experiments WHERE id = ?').run(id);
  return { id, deleted: true };
}
