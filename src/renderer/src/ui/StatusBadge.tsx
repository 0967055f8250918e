import type { DealStatus } from '@shared/domain/types';

const labels: Record<DealStatus, string> = { open: 'Open', won: 'Won', lost: 'Lost' };

export type StatusBadgeProps = { status: DealStatus };

export function StatusBadge({ status }: StatusBadgeProps) {
  return (
    <span className={`badge badge-${status}`} data-testid="status-badge">
      {labels[status]}
    </span>
  );
}
