import { fileName, formatDate } from '../format/format';
import { Icon } from '../ui/Icon';
import { useWorkspace } from './workspaceContext';

export function TopBar() {
  const { data: info, loading } = useWorkspace();
  return (
    <header className="topbar">
      <div className="topbar-workspace" title={info?.dbPath}>
        <Icon name="database" />
        {info ? (
          <span className="topbar-file" data-testid="workspace-file">
            {fileName(info.dbPath)}
          </span>
        ) : (
          <span className="skeleton-bar topbar-skeleton" aria-hidden="true" />
        )}
        {info?.hasDemoData && <span className="chip chip-demo">Demo data</span>}
        {loading && info && <span className="spinner topbar-spinner" aria-label="Refreshing" />}
      </div>
      {info && (
        <div className="topbar-facts">
          <span className="topbar-fact" data-testid="data-freshness">
            <Icon name="clock" size={14} />
            {info.newestDataAt === null ? 'No data yet' : `Data up to ${formatDate(info.newestDataAt)}`}
          </span>
          <span className="topbar-fact">
            <Icon name="workflow" size={14} />
            {info.workflowVersion
              ? `${info.workflowVersion.name} · v${info.workflowVersion.version}`
              : 'No workflow defined'}
          </span>
        </div>
      )}
    </header>
  );
}
