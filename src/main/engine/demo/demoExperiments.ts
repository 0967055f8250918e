import type { ExperimentInput } from '@shared/experiments/types';
import type { Db } from '../db/open';
import { currentWorkflow } from '../queries/workflow';
import { DEMO_SOURCE, getSetting, setSetting } from '../queries/workspace';
import { DAY, isoDate, quarterStart } from './demoTime';

/**
 * The demo's quarterly experiments, so the experiments board is not empty: one concluded and
 * adopted two quarters ago (before/after), one running this quarter (Team North's AEs against
 * Team South's), one planned for the next. Fixed values only — the demo's random generator is
 * not touched, so no other demo figure moves. The experiments table has no source column: the
 * ids of the demo's experiments are kept in a setting, and removing the demo deletes those.
 */

const DEMO_EXPERIMENTS_SETTING = 'demo_experiment_ids';

type DemoExperiment = Omit<ExperimentInput, 'treatmentRepIds' | 'controlRepIds'> & {
  treatmentRepKeys: string[];
  controlRepKeys: string[];
  decision: { decision: 'adopt' | 'refine' | 'revert'; note: string; decidedAt: number } | null;
};

function quarterName(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

function demoExperiments(now: number, versionId: number): DemoExperiment[] {
  const past = quarterStart(now, -2);
  const current = quarterStart(now, 0);
  const next = quarterStart(now, 1);
  return [
    {
      title: 'Demo recap within 24 hours',
      quarter: quarterName(past),
      bottleneck: { stageKey: 'demo', metric: { kind: 'conversion', stageKey: 'demo' } },
      hypothesis:
        'Deals stall after the demo because buyers get no written recap. If every demo is followed by a recap within 24 hours, more demos lead to a proposal.',
      changeKind: 'required_action',
      changeDescription:
        'Made "Demo recap sent" a required action of the Demo stage, due 24 hours after the demo.',
      workflowVersionId: versionId,
      baselineVersionId: null,
      design: 'before_after',
      treatmentRepKeys: [],
      controlRepKeys: [],
      primaryMetric: { kind: 'compliance', stageKey: 'demo', actionKey: 'demo_recap' },
      guardrails: [
        { kind: 'conversion', stageKey: 'demo' },
        { kind: 'time_in_stage', stageKey: 'demo' },
      ],
      startsOn: isoDate(past),
      endsOn: isoDate(quarterStart(now, -1) - DAY),
      status: 'concluded',
      decision: {
        decision: 'refine',
        note: 'No clear change in on-time recaps over the quarter. Keep the rule, add a recap template and a calendar reminder, and run it again.',
        decidedAt: quarterStart(now, -1) + 6 * DAY,
      },
    },
    {
      title: 'Proposal follow-up sequence',
      quarter: quarterName(current),
      bottleneck: { stageKey: 'proposal', metric: { kind: 'conversion', stageKey: 'proposal' } },
      hypothesis:
        'Proposals go quiet when nobody follows up. A three-touch follow-up sequence in the first week moves more proposals to negotiation without slowing them down.',
      changeKind: 'follow_up_sequence',
      changeDescription:
        "Team North's AEs run a call on day 2, an email on day 4 and a call on day 7 after sending a proposal; Team South's AEs work as before.",
      workflowVersionId: null,
      baselineVersionId: versionId,
      design: 'treatment_control',
      treatmentRepKeys: ['rep-03', 'rep-04', 'rep-05', 'rep-06'],
      controlRepKeys: ['rep-09', 'rep-10', 'rep-11'],
      primaryMetric: { kind: 'conversion', stageKey: 'proposal' },
      guardrails: [{ kind: 'time_in_stage', stageKey: 'proposal' }, { kind: 'win_rate' }],
      startsOn: isoDate(current),
      endsOn: isoDate(next - DAY),
      status: 'running',
      decision: null,
    },
    {
      title: 'Discovery notes before the demo',
      quarter: quarterName(next),
      bottleneck: { stageKey: 'discovery', metric: { kind: 'time_in_stage', stageKey: 'discovery' } },
      hypothesis:
        'Discovery drags on when notes are missing and the demo has to be re-scoped. Logging discovery notes within a day shortens the stage.',
      changeKind: 'advancement_criteria',
      changeDescription: 'Add "Notes logged" as an advancement criterion of Discovery.',
      workflowVersionId: null,
      baselineVersionId: versionId,
      design: 'before_after',
      treatmentRepKeys: [],
      controlRepKeys: [],
      primaryMetric: { kind: 'time_in_stage', stageKey: 'discovery' },
      guardrails: [{ kind: 'conversion', stageKey: 'discovery' }],
      startsOn: isoDate(next),
      endsOn: isoDate(quarterStart(now, 2) - DAY),
      status: 'planned',
      decision: null,
    },
  ];
}

/** The stages a demo experiment names must be in the workflow the demo is loaded into. */
function fitsWorkflow(experiment: DemoExperiment, stages: Map<string, Set<string>>): boolean {
  const metrics = [experiment.bottleneck.metric, experiment.primaryMetric, ...experiment.guardrails];
  return metrics.every(
    (m) =>
      m.kind === 'win_rate' ||
      (stages.has(m.stageKey) &&
        (m.kind !== 'compliance' || m.actionKey === undefined || stages.get(m.stageKey)!.has(m.actionKey))),
  );
}

/** Inserts the demo experiments (after the demo reps) and remembers their ids. */
export function insertDemoExperiments(db: Db, now: number): void {
  const workflow = currentWorkflow(db);
  const stages = new Map(
    workflow.definition.stages.map((s) => [s.key, new Set(s.requiredActions.map((a) => a.key))]),
  );
  const repIds = new Map(
    (
      db
        .prepare('SELECT external_id AS key, rep_id AS id FROM rep_identities WHERE source = ?')
        .all(DEMO_SOURCE) as {
        key: string;
        id: number;
      }[]
    ).map((r) => [r.key, r.id]),
  );
  const toIds = (keys: string[]): number[] => keys.flatMap((key) => repIds.get(key) ?? []);
  const insert = db.prepare(
    `INSERT INTO experiments (title, quarter, bottleneck, hypothesis, change_kind, change_description,
       workflow_version_id, baseline_version_id, design, treatment, control, primary_metric, guardrails,
       starts_on, ends_on, status, decision, decision_note, decided_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids: number[] = [];
  for (const e of demoExperiments(now, workflow.id)) {
    if (!fitsWorkflow(e, stages)) continue;
    const createdAt = Date.parse(`${e.startsOn}T00:00:00Z`) - 14 * DAY;
    const id = insert.run(
      e.title,
      e.quarter,
      JSON.stringify(e.bottleneck),
      e.hypothesis,
      e.changeKind,
      e.changeDescription,
      e.workflowVersionId,
      e.baselineVersionId,
      e.design,
      JSON.stringify(toIds(e.treatmentRepKeys)),
      JSON.stringify(toIds(e.controlRepKeys)),
      JSON.stringify(e.primaryMetric),
      JSON.stringify(e.guardrails),
      e.startsOn,
      e.endsOn,
      e.status,
      e.decision?.decision ?? null,
      e.decision?.note ?? null,
      e.decision?.decidedAt ?? null,
      Math.min(createdAt, now),
      e.decision?.decidedAt ?? Math.min(createdAt, now),
    ).lastInsertRowid;
    ids.push(Number(id));
  }
  setSetting(db, DEMO_EXPERIMENTS_SETTING, JSON.stringify(ids));
}

/** Deletes the demo's experiments (those still there) and forgets their ids. */
export function removeDemoExperiments(db: Db): void {
  const stored = getSetting(db, DEMO_EXPERIMENTS_SETTING);
  if (stored === null) return;
  const ids = (JSON.parse(stored) as unknown[]).filter((id): id is number => typeof id === 'number');
  const remove = db.prepare('DELETE FROM experiments WHERE id = ?');
  for (const id of ids) remove.run(id);
  db.prepare('DELETE FROM settings WHERE key = ?').run(DEMO_EXPERIMENTS_SETTING);
}
