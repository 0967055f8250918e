const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const shortcuts: [keys: string[], what: string][] = [
  [['Tab', '⇧ Tab'], 'next / previous field'],
  [['↑', '↓', 'Enter'], 'pick from a list'],
  [['1–4', 'D P S N'], 'mark done, partial, skipped, n.a.'],
  [['1–5'], 'score a rubric line'],
  [['↑', '↓'], 'previous / next line'],
  [['0', '⌫'], 'clear a mark or score'],
  [['t', 'y', '-3', '+2w'], 'dates; ↑ ↓ move a day'],
  [['Enter'], 'in a commitment: add another'],
  [[isMac ? '⌘ Enter' : 'Ctrl Enter'], 'save'],
  [['Esc'], 'cancel'],
];

/** The form's keys, always in view: the form is meant to be used without the mouse. */
export function ShortcutLegend() {
  return (
    <section className="card shortcut-legend" aria-labelledby="shortcut-heading">
      <div className="card-header">
        <h2 id="shortcut-heading" className="card-title">
          Keyboard
        </h2>
      </div>
      <dl className="shortcut-list">
        {shortcuts.map(([keys, what]) => (
          <div key={what} className="shortcut">
            <dt>
              {keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
