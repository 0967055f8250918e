import type { ShadowingSummary } from '@shared/scorecards/types';
import { formatCount, plural } from '../format/format';

export type ShadowingDetailsProps = { shadowing: ShadowingSummary };

const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** What the coaches saw in the period: rubric means per criterion, checklist marks and tags. */
export function ShadowingDetails({ shadowing }: ShadowingDetailsProps) {
  if (shadowing.observations === 0)
    return <p className="shadowing-none">No shadowing observations dated in this period.</p>;
  const { checklist } = shadowing;
  const marks = [
    { key: 'done', label: 'Done', count: checklist.done },
    { key: 'partial', label: 'Partial', count: checklist.partial },
    { key: 'skipped', label: 'Skipped', count: checklist.skipped },
    { key: 'na', label: 'N.a.', count: checklist.na },
  ];
  const judged = checklist.done + checklist.partial + checklist.skipped + checklist.na;
  return (
    <div className="shadowing-details">
      <div>
        <h3 className="composite-subtitle">Rubric, {plural(shadowing.observations, 'observation')}</h3>
        <ul className="rubric-list">
          {shadowing.rubric.map((c) => (
            <li key={c.criterion}>
              <span className="rubric-name">{c.criterion}</span>
              <span className="rubric-track" aria-hidden="true">
                <span className="rubric-fill" style={{ width: `${(c.average / 5) * 100}%` }} />
              </span>
              <span className="rubric-score">{oneDecimal.format(c.average)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="composite-subtitle">Checklist marks</h3>
        <div className="checklist-bar" aria-hidden="true">
          {marks.map((m) =>
            m.count > 0 ? (
              <span key={m.key} className={`checklist-${m.key}`} style={{ flexGrow: m.count }} />
            ) : null,
          )}
        </div>
        <ul className="checklist-legend">
          {marks.map((m) => (
            <li key={m.key}>
              <span className={`legend-dot checklist-${m.key}`} aria-hidden="true" />
              {m.label} <strong>{formatCount(m.count)}</strong>
              {judged > 0 && <span className="muted"> · {Math.round((m.count / judged) * 100)}%</span>}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="composite-subtitle">Tags seen</h3>
        {shadowing.tags.length === 0 ? (
          <p className="muted">No tags.</p>
        ) : (
          <ul className="tag-list">
            {shadowing.tags.map((t) => (
              <li key={t.tag} className="chip">
                {t.tag}
                {t.count > 1 && <span className="tag-count">×{t.count}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
