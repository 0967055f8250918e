import type { ReactNode } from 'react';
import { useFieldIssue } from './issuesContext';
import { type PathSegment, fieldId } from './validation';

/** Form fields of the workflow editor: a visible label, the input, and the problem found in it. */

/** An issue message as shown under its field: "must be positive" → "Must be positive". */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

type ShellProps = {
  label: string;
  path: readonly PathSegment[];
  hint?: ReactNode;
  className?: string;
  children: (input: { id: string; invalid: boolean; describedBy: string | undefined }) => ReactNode;
};

/** Label above, problem (or hint) below, wired with aria-invalid and aria-describedby. */
function FieldShell({ label, path, hint, className, children }: ShellProps) {
  const id = fieldId(path);
  const issue = useFieldIssue(path);
  const noteId = issue || hint ? `${id}-note` : undefined;
  return (
    <div className={`wf-field${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, invalid: issue !== null, describedBy: noteId })}
      {issue ? (
        <p className="wf-field-error" id={noteId}>
          {sentence(issue.message)}
        </p>
      ) : (
        hint && (
          <p className="wf-field-hint" id={noteId}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

export type TextFieldProps = {
  label: string;
  path: readonly PathSegment[];
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  mono?: boolean;
  hint?: ReactNode;
  className?: string;
  list?: string;
  disabled?: boolean;
};

export function TextField({
  label,
  path,
  value,
  onChange,
  placeholder,
  mono,
  hint,
  className,
  list,
  disabled,
}: TextFieldProps) {
  return (
    <FieldShell label={label} path={path} hint={hint} className={className}>
      {({ id, invalid, describedBy }) => (
        <input
          id={id}
          type="text"
          className={`input${mono ? ' mono' : ''}${invalid ? ' input-invalid' : ''}`}
          value={value}
          placeholder={placeholder}
          list={list}
          disabled={disabled}
          spellCheck={mono ? false : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}

export type NumberFieldProps = {
  label: string;
  path: readonly PathSegment[];
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  unit: string;
  step?: number;
  placeholder?: string;
  hint?: ReactNode;
  className?: string;
};

/** A number with its unit beside it; an empty box is `undefined`, never 0. */
export function NumberField({
  label,
  path,
  value,
  onChange,
  unit,
  step = 1,
  placeholder,
  hint,
  className,
}: NumberFieldProps) {
  return (
    <FieldShell label={label} path={path} hint={hint} className={className}>
      {({ id, invalid, describedBy }) => (
        <span className={`wf-number${invalid ? ' input-invalid' : ''}`}>
          <input
            id={id}
            type="number"
            inputMode="decimal"
            className="input"
            value={value ?? ''}
            step={step}
            placeholder={placeholder}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              const text = event.target.value;
              const n = Number(text);
              onChange(text === '' || Number.isNaN(n) ? undefined : n);
            }}
          />
          <span className="wf-number-unit" aria-hidden="true">
            {unit}
          </span>
        </span>
      )}
    </FieldShell>
  );
}

export type SelectOption<V extends string> = { value: V; label: string; group?: string };

export type SelectFieldProps<V extends string> = {
  label: string;
  path: readonly PathSegment[];
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  hint?: ReactNode;
  className?: string;
};

export function SelectField<V extends string>({
  label,
  path,
  value,
  options,
  onChange,
  hint,
  className,
}: SelectFieldProps<V>) {
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const render = (o: SelectOption<V>) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <FieldShell label={label} path={path} hint={hint} className={className}>
      {({ id, invalid, describedBy }) => (
        <select
          id={id}
          className={`input${invalid ? ' input-invalid' : ''}`}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value as V)}
        >
          {groups.map((group) =>
            group ? (
              <optgroup key={group} label={group}>
                {options.filter((o) => o.group === group).map(render)}
              </optgroup>
            ) : (
              options.filter((o) => !o.group).map(render)
            ),
          )}
        </select>
      )}
    </FieldShell>
  );
}

export type CheckboxFieldProps = {
  label: string;
  path: readonly PathSegment[];
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  title?: string;
};

export function CheckboxField({ label, path, checked, onChange, disabled, title }: CheckboxFieldProps) {
  const id = fieldId(path);
  return (
    <div className="wf-check" title={title}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export { FieldShell };
