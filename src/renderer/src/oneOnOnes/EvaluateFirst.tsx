import { useCallback } from 'react';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { type Action, useAction } from '../data/useAction';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';

/** Evaluates the current workflow version, then has every screen read again. */
export function useEvaluateCurrent(): Action<[]> {
  return useAction(
    useCallback(async () => {
      await api.evaluation.refresh({});
      invalidateData();
    }, []),
  );
}

export type EvaluateFirstProps = { evaluate: Action<[]> };

/** One-on-ones and the ramp read the stored evaluation: without one, offer to run it. */
export function EvaluateFirst({ evaluate }: EvaluateFirstProps) {
  return (
    <section className="card">
      {evaluate.error && (
        <div className="card-body">
          <ErrorBanner
            title="The workflow was not evaluated"
            message={evaluate.error}
            onDismiss={evaluate.clearError}
          />
        </div>
      )}
      <EmptyState
        icon="workflow"
        title="The current workflow has not been evaluated yet"
        actions={
          <button
            type="button"
            className="btn btn-primary"
            disabled={evaluate.busy}
            onClick={() => void evaluate.run()}
          >
            {evaluate.busy && <span className="spinner" aria-hidden="true" />}
            {evaluate.busy ? 'Evaluating…' : 'Evaluate the workflow'}
          </button>
        }
      >
        <p>
          One-on-one preps and the ramp view read how each deal met the workflow. Evaluate it once to see
          them; it runs on this computer and takes a few seconds.
        </p>
      </EmptyState>
    </section>
  );
}
