import { RouterProvider, createHashRouter, useRouteError } from 'react-router';
import { ComparePage } from './compare/ComparePage';
import { DealPage } from './deal/DealPage';
import { DealsPage } from './deals/DealsPage';
import { FunnelPage } from './funnel/FunnelPage';
import { ExecutionPage } from './execution/ExecutionPage';
import { ExportPage } from './export/ExportPage';
import { SettingsPage } from './settings/SettingsPage';
import { ExperimentFormPage } from './experiments/ExperimentFormPage';
import { ExperimentPage } from './experiments/ExperimentPage';
import { ExperimentsPage } from './experiments/ExperimentsPage';
import { ImportPage } from './import/ImportPage';
import { ObservationFormPage } from './observations/ObservationFormPage';
import { ObservationSettingsPage } from './observations/ObservationSettingsPage';
import { ObservationsPage } from './observations/ObservationsPage';
import { OneOnOnesPage } from './oneOnOnes/OneOnOnesPage';
import { PrepPage } from './oneOnOnes/PrepPage';
import { OneOnOnePrint } from './print/OneOnOnePrint';
import { PrintRouteError } from './print/PrintRouteError';
import { RepScorecardPrint } from './print/RepScorecardPrint';
import { TeamPackPrint } from './print/TeamPackPrint';
import { TeamScorecardPrint } from './print/TeamScorecardPrint';
import { OverviewPage } from './overview/OverviewPage';
import { PatternsPage } from './patterns/PatternsPage';
import { ProcessMapPage } from './processMap/ProcessMapPage';
import { RampPage } from './ramp/RampPage';
import { RepsPage } from './reps/RepsPage';
import { EvidencePage } from './scorecards/EvidencePage';
import { RepScorecardPage } from './scorecards/RepScorecardPage';
import { TeamScorecardPage } from './scorecards/TeamScorecardPage';
import { AppShell } from './shell/AppShell';
import { ComingPanel } from './shell/ComingPanel';
import { NotFoundPage } from './shell/NotFoundPage';
import { comingScreens } from './shell/comingScreens';
import { ErrorBanner } from './ui/ErrorBanner';
import { WorkflowPage } from './workflow/WorkflowPage';

function RouteError() {
  const error = useRouteError();
  return (
    <div className="page">
      <ErrorBanner
        title="This screen failed to show"
        message={error instanceof Error ? error.message : String(error)}
        onRetry={() => window.location.reload()}
      />
    </div>
  );
}

// Hash routing: the Electron build loads the renderer from file://.
const router = createHashRouter([
  // Print routes stand alone, without the app shell: a page of paper and nothing else.
  {
    path: '/print',
    errorElement: <PrintRouteError />,
    children: [
      { path: 'scorecard/:repId', element: <RepScorecardPrint /> },
      { path: 'team', element: <TeamScorecardPrint /> },
      { path: 'team-pack', element: <TeamPackPrint /> },
      { path: 'one-on-one/:repId', element: <OneOnOnePrint /> },
    ],
  },
  {
    path: '/',
    element: <AppShell />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'deals', element: <DealsPage /> },
          { path: 'deals/:id', element: <DealPage /> },
          { path: 'reps', element: <RepsPage /> },
          { path: 'execution', element: <ExecutionPage /> },
          { path: 'import', element: <ImportPage /> },
          { path: 'workflow', element: <WorkflowPage /> },
          { path: 'funnel', element: <FunnelPage /> },
          { path: 'process-map', element: <ProcessMapPage /> },
          { path: 'compare', element: <ComparePage /> },
          { path: 'patterns', element: <PatternsPage /> },
          { path: 'observations', element: <ObservationsPage /> },
          { path: 'observations/new', element: <ObservationFormPage /> },
          { path: 'observations/settings', element: <ObservationSettingsPage /> },
          { path: 'observations/:id', element: <ObservationFormPage /> },
          { path: 'scorecards', element: <TeamScorecardPage /> },
          { path: 'scorecards/evidence', element: <EvidencePage /> },
          { path: 'scorecards/:repId', element: <RepScorecardPage /> },
          { path: 'one-on-ones', element: <OneOnOnesPage /> },
          { path: 'one-on-ones/:repId', element: <PrepPage /> },
          { path: 'ramp', element: <RampPage /> },
          { path: 'export', element: <ExportPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'experiments', element: <ExperimentsPage /> },
          { path: 'experiments/new', element: <ExperimentFormPage /> },
          { path: 'experiments/:id', element: <ExperimentPage /> },
          { path: 'experiments/:id/edit', element: <ExperimentFormPage /> },
          ...comingScreens.map((screen) => ({
            path: screen.path.slice(1),
            element: <ComingPanel screen={screen} />,
          })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
