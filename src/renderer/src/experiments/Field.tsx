import type { ReactNode } from 'react';

export type FieldProps = {
  id: string;
  label: string;
  issue?: string | undefined;
  hint?: ReactNode;
  wide?: boolean;
  /** Several controls (a group) are labelled by a legend-like heading instead of a <label>. */
  group?: boolean;
  children: (a11y: { invalid: boolean; describedBy: string | undefined }) => ReactNode;
};

/** A label above its control and, below it, the engine's message about it or a hint. */
export function Field({ id, label, issue, hint, wide = false, group = false, children }: FieldProps) {
  const noteId = issue || hint ? `${id}-note` : undefined;
  const labelId = `${id}-label`;
  return (
    <div
      className={wide ? 'exp-field exp-field-wide' : 'exp-field'}
      role={group ? 'group' : undefined}
      aria-labelledby={group ? labelId : undefined}
      data-invalid={issue ? 'true' : undefined}
    >
      {group ? (
        <span className="field-label" id={labelId}>
          {label}
        </span>
      ) : (
        <label className="field-label" htmlFor={id} id={labelId}>
          {label}
        </label>
      )}
      {children({ invalid: Boolean(issue), describedBy: noteId })}
      {issue ? (
        <p className="exp-field-issue" id={noteId} data-testid="field-issue">
          {issue}
        </p>
      ) : (
        hint && (
          <p className="exp-field-hint" id={noteId}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}
