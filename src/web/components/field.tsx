// A labelled input with its hint and the server's message for it: every input has a visible
// label tied by id, and an error is announced through aria-describedby and aria-invalid.
import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';

interface Common {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | readonly string[];
}

function describe(id: string, hint: ReactNode, error: Common['error']) {
  const errors = error === undefined ? [] : typeof error === 'string' ? [error] : error;
  const ids = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const extra = (
    <>
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {errors.length ? (
        <small id={`${id}-error`} className="field-error" role="alert">
          {errors.join(' ')}
        </small>
      ) : null}
    </>
  );
  return { describedBy: ids || undefined, invalid: errors.length > 0 || undefined, extra };
}

export function Field({ label, hint, error, id, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const fieldId = id ?? auto;
  const d = describe(fieldId, hint, error);
  const checkbox = input.type === 'checkbox' || input.type === 'radio';
  return (
    <div className={checkbox ? 'field field-check' : 'field'}>
      {checkbox ? <input id={fieldId} aria-describedby={d.describedBy} aria-invalid={d.invalid} {...input} /> : null}
      <label htmlFor={fieldId}>{label}</label>
      {checkbox ? null : <input id={fieldId} aria-describedby={d.describedBy} aria-invalid={d.invalid} {...input} />}
      {d.extra}
    </div>
  );
}

export function SelectField({ label, hint, error, id, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const auto = useId();
  const fieldId = id ?? auto;
  const d = describe(fieldId, hint, error);
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} aria-describedby={d.describedBy} aria-invalid={d.invalid} {...select}>
        {children}
      </select>
      {d.extra}
    </div>
  );
}

export function TextField({ label, hint, error, id, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId();
  const fieldId = id ?? auto;
  const d = describe(fieldId, hint, error);
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <textarea id={fieldId} aria-describedby={d.describedBy} aria-invalid={d.invalid} {...area} />
      {d.extra}
    </div>
  );
}
