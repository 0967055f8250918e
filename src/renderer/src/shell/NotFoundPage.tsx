import { Link } from 'react-router';
import { EmptyState } from '../ui/EmptyState';

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState
        icon="alert"
        title="There is no such screen"
        actions={
          <Link className="btn" to="/">
            Back to Overview
          </Link>
        }
      >
        The address does not match any screen of Stagecoach.
      </EmptyState>
    </div>
  );
}
