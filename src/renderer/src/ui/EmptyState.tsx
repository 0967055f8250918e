import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export type EmptyStateProps = {
  icon: IconName;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
};

export function EmptyState({ icon, title, children, actions }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <div className="empty-state-icon">
        <Icon name={icon} size={22} />
      </div>
      <h2>{title}</h2>
      {children && <div>{children}</div>}
      {actions && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
