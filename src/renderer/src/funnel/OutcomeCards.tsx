import type { RepOutcome } from '@shared/metrics/repOutcomes';
import { formatCount, formatMoney, formatPercent } from '../format/format';
import { formatDayValue } from './funnelFormat';

export type OutcomeCardsProps = {
  outcomes: RepOutcome;
  currency: string | null;
  /** Lists the deals closed won or lost in the period; absent when the workflow has no such stage. */
  onDrill?: (outcome: 'won' | 'lost') => void;
};

type Card = { label: string; value: string; hint: string; tone?: 'won' | 'lost'; count?: number };

/** The deals closed in the period, in five figures (PRODUCT.md: win rate, cycle time). */
export function OutcomeCards({ outcomes, currency, onDrill }: OutcomeCardsProps) {
  const cards: Card[] = [
    {
      label: 'Deals won',
      value: formatCount(outcomes.won),
      hint: 'entered a won stage in the period',
      tone: 'won',
      count: outcomes.won,
    },
    {
      label: 'Deals lost',
      value: formatCount(outcomes.lost),
      hint: 'entered a lost stage in the period',
      tone: 'lost',
      count: outcomes.lost,
    },
    { label: 'Win rate', value: formatPercent(outcomes.winRate), hint: 'won ÷ (won + lost)' },
    {
      label: 'Median cycle',
      value: formatDayValue(outcomes.medianCycleDays),
      hint: 'creation to won, over won deals',
    },
    {
      label: 'Won amount',
      value: formatMoney(outcomes.wonAmount, currency),
      hint: outcomes.missingRates
        ? `not summed: no rate for ${outcomes.missingRates.join(', ')} (Settings)`
        : 'sum over the deals won',
    },
  ];
  return (
    <section className="funnel-outcomes" aria-label="Deals closed in the period">
      {cards.map((card) => (
        <div key={card.label} className="card funnel-outcome" data-testid="outcome-card">
          <span className="funnel-outcome-label">
            {card.tone && <span className={`funnel-dot funnel-dot-${card.tone}`} aria-hidden="true" />}
            {card.label}
          </span>
          {card.tone && onDrill && card.count ? (
            <button
              type="button"
              className="funnel-outcome-value"
              title={`List the deals ${card.tone} in the period`}
              onClick={() => onDrill(card.tone!)}
            >
              {card.value}
            </button>
          ) : (
            <span className="funnel-outcome-value">{card.value}</span>
          )}
          <span className="funnel-outcome-hint">{card.hint}</span>
        </div>
      ))}
    </section>
  );
}
