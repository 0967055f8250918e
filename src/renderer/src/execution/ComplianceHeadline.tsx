import type { ComplianceReport } from '@shared/evaluation/views';
import { formatCount, plural } from '../format/format';
import { formatRate, formatRatePrecise } from './complianceFormat';
import type { CountedStatus, Drill } from './executionView';
import { SMALL_SAMPLE, settledOf } from './heatScale';

export type ComplianceHeadlineProps = {
  report: ComplianceReport;
  onDrill: (drill: Drill, show?: CountedStatus[]) => void;
};

const parts: { status: CountedStatus; label: string; key: 'onTime' | 'late' | 'missed' | 'pending' }[] = [
  { status: 'on_time', label: 'On time', key: 'onTime' },
  { status: 'late', label: 'Late', key: 'late' },
  { status: 'missed', label: 'Missed', key: 'missed' },
  { status: 'pending', label: 'Pending', key: 'pending' },
];

const everything: Drill = { repId: null, stageKey: null, actionKey: null };

/** The team's compliance rate with its counts, and where the workflow breaks most. */
export function ComplianceHeadline({ report, onDrill }: ComplianceHeadlineProps) {
  const { team } = report;
  const stageNames = new Map(report.stages.map((s) => [s.key, s.name]));
  const judged = report.actions.filter((a) => a.totals.rate !== null && settledOf(a.totals) >= SMALL_SAMPLE);
  const weakest = judged.reduce<(typeof judged)[number] | null>(
    (low, a) => (low === null || a.totals.rate! < low.totals.rate! ? a : low),
    null,
  );
  const rated = report.reps.filter((r) => r.totals.rate !== null && settledOf(r.totals) >= SMALL_SAMPLE);
  const ranked = [...rated].sort((a, b) => b.totals.rate! - a.totals.rate!);
  const best = ranked[0];
  const worst = ranked.length > 1 ? ranked.at(-1) : undefined;

  return (
    <section className="card headline" aria-labelledby="headline-heading">
      <div className="headline-main">
        <h2 id="headline-heading" className="headline-label">
          Team compliance
        </h2>
        <div className="headline-rate-row">
          <span className="headline-rate" data-testid="team-compliance">
            {formatRatePrecise(team.rate)}
          </span>
          <span className="headline-rate-note">
            of {plural(settledOf(team), 'settled action')} done on time
          </span>
        </div>
        <div className="headline-bar" aria-hidden="true">
          {parts.map(({ status, key }) =>
            team[key] > 0 ? (
              <span key={status} className={`bar-part bar-${status}`} style={{ flexGrow: team[key] }} />
            ) : null,
          )}
        </div>
        <ul className="headline-counts" aria-label="Actions due in the period">
          {parts.map(({ status, label, key }) => (
            <li key={status}>
              <button
                type="button"
                className="count-button"
                disabled={team[key] === 0}
                onClick={() => onDrill(everything, [status])}
                aria-label={`${label}: ${formatCount(team[key])}. Show these actions`}
              >
                <span className={`count-dot bar-${status}`} />
                <span className="count-label">{label}</span>
                <span className="count-value">{formatCount(team[key])}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="headline-side">
        <div className="insight">
          <span className="insight-label">Where the workflow breaks most</span>
          {weakest ? (
            <button
              type="button"
              className="insight-link"
              onClick={() =>
                onDrill({ repId: null, stageKey: weakest.stageKey, actionKey: weakest.actionKey }, [
                  'late',
                  'missed',
                ])
              }
            >
              <span className="insight-value">{formatRate(weakest.totals.rate)}</span>
              <span className="insight-text">
                {weakest.label}
                <span className="muted"> · {stageNames.get(weakest.stageKey) ?? weakest.stageKey}</span>
              </span>
            </button>
          ) : (
            <span className="muted">Not enough settled actions to tell.</span>
          )}
        </div>
        <div className="insight">
          <span className="insight-label">Spread between reps</span>
          {best && worst ? (
            <span className="insight-spread">
              <button
                type="button"
                className="insight-link"
                onClick={() => onDrill({ repId: best.id, stageKey: null, actionKey: null })}
              >
                <span className="insight-value">{formatRate(best.totals.rate)}</span>
                <span className="insight-text">{best.name}</span>
              </button>
              <span className="insight-arrow" aria-hidden="true">
                →
              </span>
              <button
                type="button"
                className="insight-link"
                onClick={() =>
                  onDrill({ repId: worst.id, stageKey: null, actionKey: null }, ['late', 'missed'])
                }
              >
                <span className="insight-value">{formatRate(worst.totals.rate)}</span>
                <span className="insight-text">{worst.name}</span>
              </button>
            </span>
          ) : (
            <span className="muted">Needs two reps with {SMALL_SAMPLE} or more settled actions.</span>
          )}
        </div>
      </div>
    </section>
  );
}
