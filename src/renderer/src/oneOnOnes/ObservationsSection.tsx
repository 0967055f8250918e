import { Link } from 'react-router';
import type { OneOnOnePrep } from '@shared/oneOnOnes/types';
import { PrepSection } from './PrepSection';
import { formatDay } from './prepFormat';

export type ObservationsSectionProps = { prep: OneOnOnePrep };

/** 4 — What coaches saw when they shadowed the rep since the last one-on-one. */
export function ObservationsSection({ prep }: ObservationsSectionProps) {
  const { observations, changes, today } = prep;
  const since = changes.sinceLastOneOnOne
    ? `since ${formatDay(changes.since, today)}`
    : 'in the last 30 days';
  return (
    <PrepSection id="observations" number={4} title={`Observations ${since} (${observations.length})`}>
      {observations.length === 0 ? (
        <p className="muted oo-empty">
          Nobody shadowed {prep.rep.name} {since}. <Link to="/observations">Log an observation</Link> on a
          live deal to bring evidence to the next one.
        </p>
      ) : (
        <ul className="oo-observations">
          {observations.map((o) => (
            <li key={o.id} className="oo-observation" data-testid="observation-item">
              <div className="oo-observation-head">
                <strong>{o.coach}</strong>
                <span className="muted">{formatDay(o.observedOn, today)}</span>
                {o.dealId !== null && <Link to={`/deals/${o.dealId}`}>{o.dealName}</Link>}
                {o.stageName && <span className="chip">{o.stageName}</span>}
                {o.rubricAverage !== null && (
                  <span className={`oo-score ${o.rubricAverage < 3 ? 'oo-score-low' : ''}`}>
                    Rubric {o.rubricAverage.toFixed(1)} / 5
                  </span>
                )}
              </div>
              <div className="oo-observation-facts">
                <span className="oo-checklist" title="Checklist marks: done · partial · skipped">
                  Checklist {o.checklist.done} done · {o.checklist.partial} partial · {o.checklist.skipped}{' '}
                  skipped
                </span>
                {o.missed.length > 0 && (
                  <span className="muted">{o.missed.map((m) => `${m.label} (${m.state})`).join(', ')}</span>
                )}
                {o.lowScores.length > 0 && (
                  <span className="oo-low-scores">
                    Low: {o.lowScores.map((s) => `${s.criterion} ${s.score}/5`).join(', ')}
                  </span>
                )}
              </div>
              {o.tags.length > 0 && (
                <div className="oo-tags">
                  {o.tags.map((t) => (
                    <span key={t.tag} className={`oo-tag oo-tag-${t.tone}`}>
                      {t.tag}
                    </span>
                  ))}
                </div>
              )}
              {o.notes && <p className="oo-observation-notes">{o.notes}</p>}
            </li>
          ))}
        </ul>
      )}
    </PrepSection>
  );
}
