import { Outlet } from 'react-router';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { WorkspaceContext } from './workspaceContext';
import './shell.css';

export function AppShell() {
  const workspace = useApiQuery(() => api.workspace.info({}), []);
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
