import { cloneElement, type ReactElement, useId } from 'react';

interface TFieldProps {
  label: string;
  /** The server's (or the form's) message for this field. */
  error?: string | undefined;
  hint?: string | undefined;
  /** One input/select/textarea; it gets the id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
  testId?: string;
}

/** A labelled form control with its error message next to it. */
export function Field({ label, error, hint, children, testId }: TFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <p
          className="field-error"
          id={errorId}
          role="alert"
          data-testid={testId ? `${testId}-error` : undefined}
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}
