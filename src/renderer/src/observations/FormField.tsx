import type { ReactNode } from 'react';
import { sentence } from './fieldText';

export type FormFieldProps = {
  id: string;
  label: string;
  issue?: string | undefined;
  hint?: ReactNode;
  className?: string;
  children: (a11y: { invalid: boolean; describedBy: string | undefined }) => ReactNode;
};

/** A label above its control, with the problem found in it (or a hint) below, wired for screen readers. */
export function FormField({ id, label, issue, hint, className, children }: FormFieldProps) {
  const noteId = issue || hint ? `${id}-note` : undefined;
  return (
    <div className={`obs-field${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ invalid: Boolean(issue), describedBy: noteId })}
      {issue ? (
        <p className="field-issue" id={noteId}>
          {sentence(issue)}
        </p>
      ) : (
        hint && (
          <p className="field-hint" id={noteId}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}
