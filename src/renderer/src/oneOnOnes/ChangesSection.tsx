import { Link } from 'react-router';
import type { FigureChange } from '@shared/oneOnOnes/figures';
import type { OneOnOnePrep, PrepScorecard } from '@shared/oneOnOnes/types';
import { formatMoney, plural } from '../format/format';
import { Icon } from '../ui/Icon';
import { ScorecardDeltas } from './ScorecardDeltas';
import { formatDay, formatDelta, formatFigure } from './prepFormat';
import { PrepSection } from './PrepSection';

export type ChangesSectionProps = {
  prep: OneOnOnePrep;
  /** The running month's scorecard against the last one-on-one; undefined while it loads, null without one. */
  scorecard: PrepScorecard | null | undefined;
};

function thenLabel(prep: OneOnOnePrep): string {
  const { changes, today } = prep;
  if (changes.thenSource === 'previous_period' && changes.thenWindow)
    return `the 30 days before (${formatDay(changes.thenWindow.from, today)} – ${formatDay(changes.thenWindow.to, today)})`;
  if (changes.thenSource === 'recomputed')
    return `at the last one-on-one (30 days to ${formatDay(changes.since, today)})`;
  return 'at the last one-on-one';
}

function Tile({ figure, then }: { figure: FigureChange; then: string }) {
  const tone = figure.tone ?? 'none';
  return (
    <div className={`oo-tile oo-tone-${tone}`} data-testid="figure-tile">
      <span className="oo-tile-label">{figure.label}</span>
      <span className="oo-tile-value">{formatFigure(figure.unit, figure.now)}</span>
      <span className="oo-tile-delta">
        {figure.delta !== null && figure.tone !== 'same' && (
          <Icon name={figure.delta > 0 ? 'arrowUp' : 'arrowDown'} size={12} />
        )}
        {figure.delta === null
          ? 'no comparison'
          : figure.tone === 'same'
            ? 'about the same'
            : formatDelta(figure.unit, figure.delta)}
      </span>
      <span className="oo-tile-then" title={`Compared with ${then}`}>
        {figure.then === null ? '' : `was ${formatFigure(figure.unit, figure.then)} · `}
        {figure.basis}
      </span>
    </div>
  );
}

/** 1 — What changed since the last one-on-one: figures, scorecard, new stalls, broken rules, deals closed. */
export function ChangesSection({ prep, scorecard }: ChangesSectionProps) {
  const { changes, today, figures } = prep;
  const since = changes.sinceLastOneOnOne
    ? `since ${formatDay(changes.since, today)}`
    : 'in the last 30 days';
  const closed = changes.won.length + changes.lost.length;
  return (
    <PrepSection
      id="changes"
      number={1}
      title={`What changed ${since}`}
      subtitle={`Last 30 days (${formatDay(figures.from, today)} – ${formatDay(figures.to, today)}) against ${thenLabel(prep)}.`}
    >
      {figures.compliance.total + figures.conversion.total + figures.winRate.total + figures.stalled ===
        0 && (
        <p className="muted">
          {prep.rep.name} owned no deal that moved in the last 30 days: the figures count the deals a rep
          owns.
        </p>
      )}
      <div className="oo-tiles">
        {changes.figures.map((figure) => (
          <Tile key={figure.key} figure={figure} then={thenLabel(prep)} />
        ))}
      </div>
      {scorecard === undefined ? (
        <div className="oo-scorecard-loading" aria-busy="true" aria-label="Loading the scorecard">
          <span className="skeleton-bar" style={{ width: '60%' }} />
          <span className="skeleton-bar" style={{ width: '45%' }} />
        </div>
      ) : (
        scorecard && <ScorecardDeltas scorecard={scorecard} />
      )}
      <div className="oo-change-lists">
        <div className="oo-change-list" data-testid="new-stalls">
          <h3 className="oo-list-title">
            New stalls <span className="oo-count">{changes.newStalls.length}</span>
          </h3>
          {changes.newStalls.length === 0 ? (
            <p className="muted">No deal went over its stage&rsquo;s target days {since}.</p>
          ) : (
            <ul className="oo-lines">
              {changes.newStalls.slice(0, 6).map((d) => (
                <li key={d.dealId}>
                  <Link to={`/deals/${d.dealId}`}>{d.dealName}</Link>
                  <span className="oo-line-meta">
                    {Math.round(d.days)} d in {d.stageName} · target {d.targetDays} d
                  </span>
                </li>
              ))}
              {changes.newStalls.length > 6 && (
                <li className="muted">and {changes.newStalls.length - 6} more in Deals at risk below</li>
              )}
            </ul>
          )}
        </div>
        <div className="oo-change-list" data-testid="broken-rules">
          <h3 className="oo-list-title">
            Rules broken <span className="oo-count">{changes.brokenTotal}</span>
          </h3>
          {changes.brokenRules.length === 0 ? (
            <p className="muted">No required action missed or late, no criteria skipped {since}.</p>
          ) : (
            <ul className="oo-lines">
              {changes.brokenRules.slice(0, 5).map((rule) => (
                <li key={`${rule.kind}:${rule.stageKey}:${rule.key}`}>
                  <span className="oo-rule-label">
                    {rule.label} <span className="oo-count-inline">× {rule.total}</span>
                  </span>
                  <span className="oo-line-meta">
                    {rule.stageName}:{' '}
                    {rule.deals.slice(0, 2).map((d, i) => (
                      <span key={`${d.dealId}:${d.at}`}>
                        {i > 0 && ', '}
                        <Link to={`/deals/${d.dealId}`}>{d.dealName}</Link> (
                        {d.status === 'failed' ? d.detail : d.status})
                      </span>
                    ))}
                    {rule.total > 2 && ` +${rule.total - 2}`}
                  </span>
                </li>
              ))}
              {changes.brokenRules.length > 5 && (
                <li className="muted">and {plural(changes.brokenRules.length - 5, 'more rule')}</li>
              )}
            </ul>
          )}
        </div>
        <div className="oo-change-list" data-testid="closed-deals">
          <h3 className="oo-list-title">
            Won and lost <span className="oo-count">{closed}</span>
          </h3>
          {closed === 0 ? (
            <p className="muted">No deal closed {since}.</p>
          ) : (
            <ul className="oo-lines">
              {[...changes.won, ...changes.lost].slice(0, 6).map((d) => (
                <li key={d.dealId}>
                  <span>
                    <span className={`badge badge-${d.outcome}`}>{d.outcome === 'won' ? 'Won' : 'Lost'}</span>{' '}
                    <Link to={`/deals/${d.dealId}`}>{d.dealName}</Link>
                  </span>
                  <span className="oo-line-meta">
                    {formatMoney(d.amount, d.currency)}
                    {d.outcome === 'lost' && d.fromStageName ? ` · at ${d.fromStageName}` : ''}
                    {d.lostReason ? ` · “${d.lostReason}”` : ''}
                  </span>
                </li>
              ))}
              {closed > 6 && (
                <li className="muted">
                  {changes.won.length} won and {changes.lost.length} lost in all
                </li>
              )}
            </ul>
          )}
        </div>
      </div>
    </PrepSection>
  );
}
