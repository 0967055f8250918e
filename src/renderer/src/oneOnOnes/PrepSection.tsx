import type { ReactNode } from 'react';

export type PrepSectionProps = {
  id: string;
  number: number;
  title: string;
  subtitle?: ReactNode;
  /** Buttons or links at the right of the heading. */
  actions?: ReactNode;
  children: ReactNode;
};

/** One numbered section of the prep page, in the order a manager goes through it. */
export function PrepSection({ id, number, title, subtitle, actions, children }: PrepSectionProps) {
  const headingId = `oo-${id}-title`;
  return (
    <section className="card oo-section" aria-labelledby={headingId} data-testid={`section-${id}`}>
      <header className="oo-section-head">
        <span className="oo-section-number" aria-hidden="true">
          {number}
        </span>
        <div className="oo-section-titles">
          <h2 id={headingId} className="oo-section-title">
            {title}
          </h2>
          {subtitle && <p className="oo-section-subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="oo-section-actions no-print">{actions}</div>}
      </header>
      <div className="oo-section-body">{children}</div>
    </section>
  );
}
