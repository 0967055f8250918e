import type { OneOnOneRecord } from '@shared/oneOnOnes/types';
import { agoLabel, formatDay } from './prepFormat';

export type LastTimeCardProps = { last: OneOnOneRecord; today: string };

/** The record this prep starts from: what was noted and raised at the last one-on-one. */
export function LastTimeCard({ last, today }: LastTimeCardProps) {
  return (
    <section className="card oo-last" aria-label="Last one-on-one" data-testid="last-time">
      <div className="oo-last-head">
        <span className="oo-last-label">Last time</span>
        <strong>{formatDay(last.heldOn, today)}</strong>
        <span className="muted">
          {agoLabel(last.heldOn, today)}
          {last.manager ? ` · with ${last.manager}` : ''}
        </span>
      </div>
      <blockquote className="oo-last-notes" data-testid="last-notes">
        {last.notes || <span className="muted">No notes were kept.</span>}
      </blockquote>
      {last.talkingPoints.length > 0 && (
        <p className="oo-last-points">
          <span className="muted">Raised: </span>
          {last.talkingPoints.join(' · ')}
        </p>
      )}
    </section>
  );
}
