import { SMALL_SAMPLE, heatSteps } from './heatScale';

/** What the heatmap's colors and figures mean. */
export function HeatLegend() {
  return (
    <div className="heat-legend">
      <div
        className="heat-legend-scale"
        role="img"
        aria-label="Color scale: red below 50% on time, green at 90% and above"
      >
        {heatSteps.map((step) => (
          <span key={step.label} className="heat-legend-step">
            <span className="heat-legend-swatch" style={{ background: step.color }} />
            {step.label}
          </span>
        ))}
      </div>
      <ul className="heat-legend-notes">
        <li>
          <span
            className="heat-legend-sample heat heat-pale"
            style={{ ['--heat' as string]: heatSteps[4]!.color }}
          >
            82% · 6
          </span>
          pale: fewer than {SMALL_SAMPLE} settled actions
        </li>
        <li>
          <span className="heat-legend-sample heat heat-none">—</span>
          nothing due or nothing settled yet
        </li>
        <li className="muted">
          Each figure: on time ÷ (on time + late + missed) · actions due. Pending actions are never counted as
          missed.
        </li>
      </ul>
    </div>
  );
}
