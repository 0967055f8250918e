import { Icon } from './Icon';

export type ErrorBannerProps = {
  message: string;
  title?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
};

/** A failed call, said in words, with a way to try again. */
export function ErrorBanner({
  message,
  title = 'Stagecoach could not load this',
  onRetry,
  onDismiss,
}: ErrorBannerProps) {
  return (
    <div className="banner banner-error" role="alert">
      <Icon name="alert" className="banner-icon" />
      <div className="banner-body">
        <div className="banner-title">{title}</div>
        <div>{message}</div>
      </div>
      <div className="banner-actions">
        {onRetry && (
          <button type="button" className="btn btn-small" onClick={onRetry}>
            Try again
          </button>
        )}
        {onDismiss && (
          <button type="button" className="btn btn-small btn-ghost" onClick={onDismiss} aria-label="Dismiss">
            <Icon name="close" size={14} />
          </button>
        )}
      </div>
    </div>
  );
}
