import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { invalidateData, useTaskProgress } from '../data/engineEvents';
import { useAction } from '../data/useAction';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';

const removeDemo = async (): Promise<void> => {
  await api.demo.remove({});
  invalidateData();
};

const loadDemo = async (): Promise<void> => {
  await api.demo.load({});
  invalidateData();
};

/** The banner over a demo workspace, with the way out of it. */
export function DemoBanner() {
  const [confirming, setConfirming] = useState(false);
  const remove = useAction(removeDemo);
  return (
    <>
      <div className="banner banner-info demo-banner" role="status">
        <Icon name="info" className="banner-icon" size={18} />
        <div className="banner-body">
          <div className="banner-title">You are looking at the demo workspace</div>
          <div>
            Its reps, deals and activities are invented to show what Stagecoach does. Remove them before you
            import your own CRM exports.
          </div>
        </div>
        <div className="banner-actions">
          <button type="button" className="btn" onClick={() => setConfirming(true)}>
            Remove demo data
          </button>
        </div>
      </div>
      {remove.error && (
        <ErrorBanner
          title="The demo data was not removed"
          message={remove.error}
          onDismiss={remove.clearError}
        />
      )}
      <ConfirmDialog
        open={confirming}
        title="Remove the demo data?"
        confirmLabel="Remove demo data"
        danger
        busy={remove.busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          void remove.run().then(() => setConfirming(false));
        }}
      >
        <p>
          This deletes the demo reps, deals, stage history and activities from this workspace. The workflow
          stays as it is.
        </p>
        <p className="muted">You can load the demo again from the Overview while the workspace is empty.</p>
      </ConfirmDialog>
    </>
  );
}

/** What an empty workspace offers: the way to real data, or the demo to look around. */
export function EmptyWorkspace() {
  const load = useAction(loadDemo);
  const progress = useTaskProgress('demo:load');
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  return (
    <section className="card">
      {load.error && (
        <div className="card-body">
          <ErrorBanner
            title="The demo data was not loaded"
            message={load.error}
            onDismiss={load.clearError}
          />
        </div>
      )}
      <EmptyState
        icon="import"
        title="This workspace has no data yet"
        actions={
          <>
            <Link className="btn btn-primary" to="/import">
              Go to Import
            </Link>
            <button type="button" className="btn" onClick={() => void load.run()} disabled={load.busy}>
              {load.busy && <span className="spinner" aria-hidden="true" />}
              {load.busy ? `Loading demo data${percent === null ? '…' : ` · ${percent}%`}` : 'Load demo data'}
            </button>
          </>
        }
      >
        <p>
          Import your CRM exports (HubSpot, Salesforce, Pipedrive or any CSV) to see your team’s deals, stage
          history and activities — or load the demo workspace to look around first.
        </p>
      </EmptyState>
    </section>
  );
}
