import { metricDefinition, scorecardMetricKeys } from '@shared/scorecards/metrics';
import type { TeamRepRow } from '@shared/scorecards/types';
import { EMPTY } from '../format/format';
import { ScoreBadge } from '../scorecards/ScorecardBits';
import { formatCell, scoreTone } from '../scorecards/scorecardFormat';
import { shortLabels } from '../scorecards/teamColumns';

export type PrintTeamTableProps = { reps: TeamRepRow[]; currency: string | null };

/** The column labels with soft hyphens, so a long word that must break breaks where it should. */
function hyphenated(label: string): string {
  return label
    .replace('Checklist', 'Check\u00adlist')
    .replace('Discount', 'Dis\u00adcount')
    .replace('Proposal', 'Pro\u00adposal')
    .replace('Velocity', 'Veloc\u00adity')
    .replace('Criteria', 'Crite\u00adria')
    .replace('Handoff', 'Hand\u00adoff');
}

/** Best composite first; reps without one last, by name. */
function byScore(a: TeamRepRow, b: TeamRepRow): number {
  const sa = a.composite.score;
  const sb = b.composite.score;
  if (sa === null || sb === null) return sa === sb ? a.name.localeCompare(b.name) : sa === null ? 1 : -1;
  return sb - sa || a.name.localeCompare(b.name);
}

/**
 * The reps side by side on paper: every figure of every rep in one page-wide table, cells toned
 * by the rep's percentile as on screen, best score first. No sorting buttons, no links.
 */
export function PrintTeamTable({ reps, currency }: PrintTeamTableProps) {
  return (
    <table className="print-team-table" aria-label="Reps side by side" data-testid="print-team-table">
      <thead>
        <tr>
          <th scope="col">Rep</th>
          <th scope="col" className="num">
            Score
          </th>
          {scorecardMetricKeys.map((key) => (
            <th key={key} scope="col" className="num" title={metricDefinition(key).label}>
              {hyphenated(shortLabels[key])}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {reps.toSorted(byScore).map((rep) => (
          <tr key={rep.id} data-testid="print-team-row">
            <th scope="row">
              <span className="print-team-rep">{rep.name}</span>
              <span className="print-team-detail">{[rep.role, rep.team].filter(Boolean).join(' · ')}</span>
            </th>
            <td className="num">
              <ScoreBadge score={rep.composite.score} />
            </td>
            {scorecardMetricKeys.map((key) => {
              const value = rep.values[key];
              const def = metricDefinition(key);
              if (value.value === null)
                return (
                  <td key={key} className="num muted">
                    {EMPTY}
                  </td>
                );
              const tone = value.enough ? scoreTone(value.percentile) : 'none';
              return (
                <td key={key} className="num">
                  <span className={`team-cell team-cell-${tone}`}>
                    {formatCell(value.value, def.unit, currency)}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
