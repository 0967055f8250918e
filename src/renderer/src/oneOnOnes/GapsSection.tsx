import { Link } from 'react-router';
import type { CommitmentRule } from '@shared/oneOnOnes/rules';
import type { GapView, OneOnOnePrep } from '@shared/oneOnOnes/types';
import { formatPercent, plural } from '../format/format';
import { Icon } from '../ui/Icon';
import { PrepSection } from './PrepSection';
import { executionLink, formatDay, formatShortDate } from './prepFormat';

export type GapsSectionProps = {
  prep: OneOnOnePrep;
  onCommit: (suggestion: { text: string; rule: CommitmentRule }) => void;
};

const kindLabels: Record<GapView['kind'], string> = {
  action: 'Required action',
  criteria: 'Advancement criteria',
  time: 'Time in stage',
};

function points(share: number): string {
  return `${Math.round(share * 100)} pts`;
}

function GapCard({
  gap,
  rank,
  onCommit,
}: {
  gap: GapView;
  rank: number;
  onCommit: GapsSectionProps['onCommit'];
}) {
  const misses = Math.round(gap.excess);
  return (
    <article className="oo-gap" data-testid="gap-card">
      <header className="oo-gap-head">
        <span className="oo-gap-rank">#{rank}</span>
        <span className="chip">{kindLabels[gap.kind]}</span>
        <span className="chip">{gap.stageName}</span>
      </header>
      <h3 className="oo-gap-title">{gap.label}</h3>
      <div
        className="oo-gap-bars"
        aria-label={`${formatPercent(gap.rate)} against ${formatPercent(gap.teamRate)} for the team`}
      >
        <div className="oo-gap-bar">
          <span className="oo-gap-bar-label">Rep</span>
          <span className="oo-gap-track">
            <span
              className="oo-gap-fill oo-gap-fill-rep"
              style={{ width: `${Math.max(2, gap.rate * 100)}%` }}
            />
          </span>
          <span className="oo-gap-bar-value">{formatPercent(gap.rate)}</span>
        </div>
        <div className="oo-gap-bar">
          <span className="oo-gap-bar-label">Team</span>
          <span className="oo-gap-track">
            <span className="oo-gap-fill" style={{ width: `${Math.max(2, gap.teamRate * 100)}%` }} />
          </span>
          <span className="oo-gap-bar-value">{formatPercent(gap.teamRate)}</span>
        </div>
      </div>
      <p className="oo-gap-impact">
        <strong>{gap.ok}</strong> of <strong>{gap.total}</strong> went right —{' '}
        <strong>{plural(misses, 'miss', 'misses')}</strong> beyond the team&rsquo;s rate.{' '}
        {gap.lift !== null && gap.lift > 0 ? (
          <>
            Deals where this goes right win <strong>{points(gap.lift)}</strong> more often ({gap.liftDeals}{' '}
            closed deals).
          </>
        ) : (
          <>No measurable win-rate effect in the closed deals; weighed at the minimum.</>
        )}{' '}
        <span className="oo-gap-score" title="impact = misses beyond the team's rate × win-rate lift">
          Impact ≈ {gap.impact.toFixed(1)} {gap.impact >= 0.95 && gap.impact < 1.05 ? 'win' : 'wins'}
        </span>
      </p>
      <ul className="oo-evidence" aria-label="Evidence">
        {gap.evidence.map((e) => (
          <li key={`${e.dealId}:${e.at}`}>
            <span className={`oo-outcome oo-outcome-${e.outcome === 'Late' ? 'warn' : 'bad'}`}>
              {e.outcome}
            </span>
            <span className="oo-evidence-main">
              <Link to={`/deals/${e.dealId}`}>{e.dealName}</Link>
              <span className="oo-line-meta">
                {formatShortDate(e.at)} · {e.detail}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <footer className="oo-gap-foot no-print">
        {gap.drill ? (
          <a href={executionLink(gap.drill)} className="oo-link">
            All {gap.evidenceTotal} in Execution <Icon name="arrowRight" size={12} />
          </a>
        ) : (
          <span className="muted">
            {gap.evidenceTotal > gap.evidence.length ? `${gap.evidenceTotal} deals in all` : ''}
          </span>
        )}
        <button type="button" className="btn btn-small" onClick={() => onCommit(gap.suggestion)}>
          <Icon name="plus" size={12} />
          Make it a commitment
        </button>
      </footer>
    </article>
  );
}

/** 2 — The top three gaps against the team, ranked by the wins they cost, with the deals behind them. */
export function GapsSection({ prep, onCommit }: GapsSectionProps) {
  return (
    <PrepSection
      id="gaps"
      number={2}
      title="Top gaps"
      subtitle={
        <>
          Where {prep.rep.name} does worse than the rest of the team,{' '}
          {formatDay(prep.gapWindow.from, prep.today)} – {formatDay(prep.gapWindow.to, prep.today)}. Ranked by
          impact: misses beyond the team&rsquo;s rate × how much more often deals are won when the step goes
          right.
        </>
      }
    >
      {prep.gaps.length === 0 ? (
        <p className="muted oo-empty">
          No gap: on every required action, criterion and stage target, {prep.rep.name} is at or above the
          team over the last 90 days (or has too few deals to tell).
        </p>
      ) : (
        <div className="oo-gaps">
          {prep.gaps.map((gap, i) => (
            <GapCard key={gap.key} gap={gap} rank={i + 1} onCommit={onCommit} />
          ))}
        </div>
      )}
    </PrepSection>
  );
}
