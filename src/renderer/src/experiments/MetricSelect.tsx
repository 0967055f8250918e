import type { ExperimentMetric } from '@shared/experiments/types';
import { decodeMetric, encodeMetric } from './experimentFormat';
import type { MetricGroup } from './metricOptions';

export type MetricSelectProps = {
  id: string;
  value: ExperimentMetric | null;
  groups: MetricGroup[];
  invalid: boolean;
  describedBy: string | undefined;
  /** Shown when nothing is picked yet. */
  placeholder?: string;
  onChange: (metric: ExperimentMetric) => void;
  'aria-label'?: string;
};

/** A metric picked from the workflow's stages and actions, grouped by stage. */
export function MetricSelect({
  id,
  value,
  groups,
  invalid,
  describedBy,
  placeholder = 'Choose a metric',
  onChange,
  'aria-label': ariaLabel,
}: MetricSelectProps) {
  return (
    <select
      id={id}
      className="input"
      value={value ? encodeMetric(value) : ''}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      aria-label={ariaLabel}
      onChange={(event) => {
        const metric = decodeMetric(event.target.value);
        if (metric) onChange(metric);
      }}
    >
      {value === null && (
        <option value="" disabled>
          {placeholder}
        </option>
      )}
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
