import { Fragment } from 'react';
import type { ComplianceCounts, ComplianceReport } from '@shared/evaluation/views';
import { EMPTY, formatCount } from '../format/format';
import { describeCounts, formatRate } from './complianceFormat';
import type { Drill } from './executionView';
import { heatClass, heatStyle, heatTone } from './heatScale';
import { HeatLegend } from './HeatLegend';
import './heatmap.css';

export type ComplianceHeatmapProps = {
  report: ComplianceReport;
  drill: Drill | null;
  onDrill: (drill: Drill) => void;
};

/** Rep × stage compliance: one row per rep, one column per stage with required actions, and totals. */
export function ComplianceHeatmap({ report, drill, onDrill }: ComplianceHeatmapProps) {
  const cells = new Map(report.cells.map((c) => [`${c.repId}:${c.stageKey}`, c.counts]));
  const stageTotals = sumByStage(report);
  const teams = groupByTeam(report.reps);
  const showTeams = teams.length > 1 || teams[0]?.[0] !== null;
  const isOpen = (repId: number | null, stageKey: string | null) =>
    drill !== null && drill.actionKey === null && drill.repId === repId && drill.stageKey === stageKey;

  return (
    <section className="card" aria-labelledby="heatmap-heading">
      <div className="card-header">
        <h2 id="heatmap-heading" className="card-title">
          Compliance by rep and stage
        </h2>
        <span className="card-subtitle">Click a figure to see the actions behind it.</span>
      </div>
      <div className="heatmap-wrap">
        <table className="heatmap" aria-labelledby="heatmap-heading">
          <thead>
            <tr>
              <th scope="col" className="heatmap-rep-col">
                Rep
              </th>
              {report.stages.map((stage) => (
                <th scope="col" key={stage.key}>
                  {stage.name}
                </th>
              ))}
              <th scope="col" className="heatmap-total-col">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {teams.map(([team, reps]) => (
              <Fragment key={team ?? ''}>
                {showTeams && (
                  <tr className="heatmap-team-row">
                    <th scope="colgroup" colSpan={report.stages.length + 2}>
                      {team ?? 'No team'}
                    </th>
                  </tr>
                )}
                {reps.map((rep) => (
                  <tr key={rep.id} data-testid="heatmap-row">
                    <th scope="row" className="heatmap-rep">
                      {rep.name}
                      <span className="visually-hidden">, {rep.team ?? 'no team'}</span>
                    </th>
                    {report.stages.map((stage) => (
                      <td key={stage.key}>
                        <HeatCell
                          counts={cells.get(`${rep.id}:${stage.key}`)}
                          label={`${rep.name}, ${stage.name}`}
                          selected={isOpen(rep.id, stage.key)}
                          onOpen={() => onDrill({ repId: rep.id, stageKey: stage.key, actionKey: null })}
                        />
                      </td>
                    ))}
                    <td className="heatmap-total-col">
                      <HeatCell
                        counts={rep.totals}
                        label={`${rep.name}, all stages`}
                        selected={isOpen(rep.id, null)}
                        onOpen={() => onDrill({ repId: rep.id, stageKey: null, actionKey: null })}
                      />
                    </td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="heatmap-rep">
                All deals
              </th>
              {report.stages.map((stage) => (
                <td key={stage.key}>
                  <HeatCell
                    counts={stageTotals.get(stage.key)}
                    label={`All deals, ${stage.name}`}
                    selected={isOpen(null, stage.key)}
                    onOpen={() => onDrill({ repId: null, stageKey: stage.key, actionKey: null })}
                  />
                </td>
              ))}
              <td className="heatmap-total-col">
                <HeatCell
                  counts={report.team}
                  label="All deals, all stages"
                  selected={isOpen(null, null)}
                  onOpen={() => onDrill({ repId: null, stageKey: null, actionKey: null })}
                />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <HeatLegend />
    </section>
  );
}

type HeatCellProps = {
  counts: ComplianceCounts | undefined;
  label: string;
  selected: boolean;
  onOpen: () => void;
};

function HeatCell({ counts, label, selected, onOpen }: HeatCellProps) {
  const tone = heatTone(counts);
  if (!counts || counts.due === 0)
    return (
      <span className="heat heat-none heat-empty" title="No action of this stage came due">
        <span aria-hidden="true">{EMPTY}</span>
        <span className="visually-hidden">{label}: nothing due</span>
      </span>
    );
  return (
    <button
      type="button"
      className={`${heatClass(tone)}${selected ? ' heat-selected' : ''}`}
      style={heatStyle(tone)}
      aria-label={`${label}: ${describeCounts(counts)}. Show the actions.`}
      aria-pressed={selected}
      title={describeCounts(counts)}
      onClick={onOpen}
    >
      <span className="heat-rate">{formatRate(counts.rate)}</span>
      <span className="heat-sep" aria-hidden="true">
        ·
      </span>
      <span className="heat-count">{formatCount(counts.due)}</span>
    </button>
  );
}

/** Per-stage totals over every deal, from the per-action figures, so each drills to the same list. */
function sumByStage(report: ComplianceReport): Map<string, ComplianceCounts> {
  const totals = new Map<string, ComplianceCounts>();
  for (const action of report.actions) {
    const sum = totals.get(action.stageKey) ?? {
      due: 0,
      onTime: 0,
      late: 0,
      missed: 0,
      pending: 0,
      rate: null,
    };
    sum.due += action.totals.due;
    sum.onTime += action.totals.onTime;
    sum.late += action.totals.late;
    sum.missed += action.totals.missed;
    sum.pending += action.totals.pending;
    const settled = sum.onTime + sum.late + sum.missed;
    sum.rate = settled === 0 ? null : sum.onTime / settled;
    totals.set(action.stageKey, sum);
  }
  return totals;
}

type Rep = ComplianceReport['reps'][number];

/** Reps grouped by team, keeping the engine's order (team, then name). */
function groupByTeam(reps: Rep[]): [string | null, Rep[]][] {
  const groups = new Map<string | null, Rep[]>();
  for (const rep of reps) {
    const list = groups.get(rep.team) ?? [];
    list.push(rep);
    groups.set(rep.team, list);
  }
  return [...groups];
}
