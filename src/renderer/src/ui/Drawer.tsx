import { type ReactNode, useEffect, useRef } from 'react';
import { Icon } from './Icon';
import './drawer.css';

export type DrawerProps = {
  title: string;
  subtitle: ReactNode;
  /** A row of controls under the title (filters, counts); optional. */
  toolbar?: ReactNode;
  onClose: () => void;
  className?: string;
  testId?: string;
  children: ReactNode;
};

/**
 * A side panel over the screen, opened as a modal dialog: focus moves into it, Escape or a
 * click on the backdrop closes it, and the screen behind keeps its state.
 */
export function Drawer({ title, subtitle, toolbar, onClose, className, testId, children }: DrawerProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    // Clicks on the backdrop land on the dialog itself; Escape arrives as its cancel event.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      className={className ? `drawer ${className}` : 'drawer'}
      aria-labelledby="drawer-title"
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="drawer-panel">
        <header className="drawer-header">
          <div>
            <h2 id="drawer-title" className="drawer-title">
              {title}
            </h2>
            <p className="drawer-subtitle">{subtitle}</p>
          </div>
          <button type="button" className="btn btn-ghost btn-small" onClick={onClose} aria-label="Close">
            <Icon name="close" size={16} />
          </button>
        </header>
        {toolbar && <div className="drawer-filters">{toolbar}</div>}
        <div className="drawer-body">{children}</div>
      </div>
    </dialog>
  );
}

/** Grey bars where a drawer's rows will be, while they load. */
export function DrawerLoading({ label }: { label: string }) {
  return (
    <div className="drawer-loading" aria-busy="true" aria-label={label}>
      {Array.from({ length: 10 }, (_, i) => (
        <span key={i} className="skeleton-bar" style={{ width: `${55 + ((i * 17) % 40)}%` }} />
      ))}
    </div>
  );
}
