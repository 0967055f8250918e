import type { MetricResult, MetricSample } from '@shared/experiments/types';
import { formatCount } from '../format/format';
import { EffectInterval } from './EffectInterval';
import { VerdictBadge } from './ExperimentBadges';
import { formatEffectWithInterval, formatMetricValue, methodLabels, pValueWords } from './experimentFormat';

export type MetricResultCardProps = {
  result: MetricResult;
  kind: 'primary' | 'guardrail';
};

function unitOf(result: MetricResult): string {
  switch (result.metric.kind) {
    case 'time_in_stage':
      return 'stage visits';
    case 'compliance':
      return 'settled actions';
    default:
      return 'deals';
  }
}

function Side({ sample, result }: { sample: MetricSample; result: MetricResult }) {
  return (
    <div className="exp-side" data-testid="metric-side">
      <span className="exp-side-label">{sample.label}</span>
      <span className="exp-side-value">{formatMetricValue(result.metric, sample.value)}</span>
      <span className="exp-side-n">
        n = {formatCount(sample.n)} {unitOf(result)}
        {sample.successes !== null && sample.n > 0 && <> · {formatCount(sample.successes)} counted</>}
      </span>
    </div>
  );
}

/** One metric of an experiment: the two sides, the effect with its interval, the test and the verdict. */
export function MetricResultCard({ result, kind }: MetricResultCardProps) {
  const { comparison } = result;
  return (
    <section
      className={`card exp-result exp-result-${kind}`}
      aria-label={`${kind === 'primary' ? 'Primary metric' : 'Guardrail'}: ${result.label}`}
      data-testid={kind === 'primary' ? 'primary-result' : 'guardrail-result'}
    >
      <header className="exp-result-head">
        <div>
          <p className="exp-result-role">{kind === 'primary' ? 'Primary metric' : 'Guardrail'}</p>
          <h3 className="exp-result-title">{result.label}</h3>
          <p className="muted">{result.better === 'higher' ? 'Higher is better' : 'Lower is better'}</p>
        </div>
        <VerdictBadge verdict={result.verdict} />
      </header>
      <div className="exp-result-body">
        <div className="exp-sides">
          <Side sample={result.baseline} result={result} />
          <Side sample={result.result} result={result} />
        </div>
        {result.verdict === 'not_enough_data' || comparison === null ? (
          <div className="exp-not-enough" data-testid="not-enough-data">
            <strong>{result.summary}</strong>
            <p>
              Below the minimum sample a difference means little, so no interval or verdict is shown yet. The
              figures grow as data is imported.
            </p>
          </div>
        ) : (
          <div className="exp-effect">
            <p className="exp-effect-figure" data-testid="effect-figure">
              {formatEffectWithInterval(comparison)}
            </p>
            <EffectInterval comparison={comparison} better={result.better} />
            <p className="exp-effect-method">
              <span className="exp-effect-method-name">{methodLabels[comparison.method]}.</span>{' '}
              {pValueWords(comparison.pValue)}
            </p>
          </div>
        )}
      </div>
      {result.verdict !== 'not_enough_data' && comparison !== null && (
        <p className="exp-result-summary">{result.summary}</p>
      )}
    </section>
  );
}
