import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { EmptyWorkspace } from '../overview/DemoControls';
import { LoadingCards } from '../reports/ReportStates';
import { isoDayOf } from '../reports/periodPresets';
import '../reports/reports.css';
import { isEmptyWorkspace, useWorkspace } from '../shell/workspaceContext';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { Candidates } from './Candidates';
import { QuarterBoard } from './QuarterBoard';
import { quarterOf, shiftQuarter } from './experimentFormat';
import { useWorkflowNames } from './useWorkflowNames';
import './experiments.css';

/** #/experiments — the quarter board and the bottlenecks to attack next. */
export function ExperimentsPage() {
  const [today] = useState(() => isoDayOf(new Date()));
  const currentQuarter = quarterOf(today);
  const nextQuarter = shiftQuarter(currentQuarter, 1);
  const experiments = useApiQuery(() => api.experiments.list({}), []);
  const candidates = useApiQuery(() => api.experiments.candidates({ quarter: nextQuarter }), [nextQuarter]);
  const { names } = useWorkflowNames();
  const { data: workspace } = useWorkspace();

  const header = (
    <header className="page-header">
      <div>
        <h1 className="page-title">Experiments</h1>
        <p className="page-subtitle">
          One bottleneck per quarter, attacked with a small change and measured against a baseline or a
          control group — then adopted, refined or reverted.
        </p>
      </div>
      <Link className="btn btn-primary" to="/experiments/new">
        <Icon name="plus" size={14} />
        New experiment
      </Link>
    </header>
  );

  if (workspace && isEmptyWorkspace(workspace))
    return (
      <div className="page">
        {header}
        <EmptyWorkspace />
      </div>
    );

  return (
    <div className="page exp-page">
      {header}
      {experiments.error ? (
        <ErrorBanner
          title="The experiments could not be loaded"
          message={experiments.error}
          onRetry={experiments.reload}
        />
      ) : experiments.data ? (
        <QuarterBoard
          experiments={experiments.data}
          currentQuarter={currentQuarter}
          stageName={names.stage}
        />
      ) : (
        <LoadingCards label="Loading the experiments" cards={1} />
      )}
      {candidates.error ? (
        <ErrorBanner
          title="The bottleneck candidates could not be ranked"
          message={candidates.error}
          onRetry={candidates.reload}
        />
      ) : candidates.data ? (
        <Candidates candidates={candidates.data} quarter={nextQuarter} names={names} />
      ) : (
        <LoadingCards label="Ranking the bottleneck candidates" cards={1} />
      )}
    </div>
  );
}
