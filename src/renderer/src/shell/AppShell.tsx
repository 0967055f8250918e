import { Outlet } from 'react-router';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { RecoveryScreen } from '../recovery/RecoveryScreen';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { WorkspaceContext } from './workspaceContext';
import './shell.css';

export function AppShell() {
  const workspace = useApiQuery(() => api.workspace.info({}), []);
  // The workspace failed its start-up check: the recovery screen replaces the app.
  if (workspace.errorCode === 'workspace_damaged') return <RecoveryScreen problem={workspace.error ?? ''} />;
  return (
    <WorkspaceContext value={workspace}>
      <div className="app">
        <Sidebar />
        <div className="app-main">
          <TopBar />
          {workspace.error && (
            <div className="app-banner">
              <ErrorBanner
                title="The workspace could not be opened"
                message={workspace.error}
                onRetry={workspace.reload}
              />
            </div>
          )}
          <main className="app-content">
            <Outlet />
          </main>
        </div>
      </div>
    </WorkspaceContext>
  );
}
