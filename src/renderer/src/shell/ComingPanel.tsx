import { Icon } from '../ui/Icon';
import type { ComingScreen } from './comingScreens';

export type ComingPanelProps = { screen: ComingScreen };

/** A screen of the product that is not in this version yet, saying what it will hold. */
export function ComingPanel({ screen }: ComingPanelProps) {
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{screen.title}</h1>
          <p className="page-subtitle">{screen.summary}</p>
        </div>
      </header>
      <section className="card coming" aria-labelledby="coming-heading">
        <div className="coming-icon">
          <Icon name={screen.icon} size={22} />
        </div>
        <div className="coming-body">
          <span className="chip chip-accent">In a coming version</span>
          <h2 id="coming-heading">What this screen will hold</h2>
          <ul className="coming-list">
            {screen.contents.map((line) => (
              <li key={line}>
                <Icon name="check" size={14} />
                <span>{line}</span>
              </li>
            ))}
          </ul>
          <p className="muted">Built for: {screen.audience}.</p>
        </div>
      </section>
    </div>
  );
}
