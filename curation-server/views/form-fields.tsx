/** @jsxImportSource hono/jsx */
/**
 * Form pieces that keep the accessibility rules in one place: every control has a label; hints
 * and errors are tied to it with aria-describedby; invalid fields say so (aria-invalid); an error
 * summary at the top links to each field.
 */
import { CSRF_FIELD } from '../middleware/csrf.ts';
import type { View } from './view.ts';

/** Error messages by field name; '' holds the ones about the form as a whole. */
export type FieldErrors = Partial<Record<string, string[]>>;

export const fieldId = (name: string) => `field-${name}`;

export function countErrors(errors: FieldErrors): number {
  return Object.values(errors).reduce((sum, messages) => sum + (messages?.length ?? 0), 0);
}

export function CsrfField(props: { view: View }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.view.csrfToken} />;
}

function describedBy(id: string, hint: string | undefined, errors: string[] | undefined, note?: string): string | undefined {
  const ids = [hint === undefined ? '' : `${id}-hint`, note === undefined ? '' : `${id}-note`, errors === undefined ? '' : `${id}-error`].filter((part) => part !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}

interface FieldProps {
  view: View;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  /** What the server understood of what was typed (a pasted address), shown before saving. */
  note?: string;
  required?: boolean;
  /** Set when several forms of one page have a field of the same name. */
  id?: string;
}

function FieldLabel(props: FieldProps & { id: string }) {
  return (
    <>
      <label for={props.id}>
        {props.label}
        {props.required && <span class="required"> ({props.view.t.required})</span>}
      </label>
      {props.hint !== undefined && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.note !== undefined && (
        <p class="field-note" id={`${props.id}-note`}>
          {props.note}
        </p>
      )}
      {props.errors !== undefined && (
        <p class="error-message" id={`${props.id}-error`}>
          {props.errors.join(' ')}
        </p>
      )}
    </>
  );
}

export function TextField(props: FieldProps & { value: string; type?: 'text' | 'email' | 'password' | 'search' | 'date'; autocomplete?: string; maxlength?: number; spellcheck?: boolean }) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={props.errors === undefined ? 'field' : 'field field-invalid'}>
      <FieldLabel {...props} id={id} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy(id, props.hint, props.errors, props.note)}
        aria-invalid={props.errors === undefined ? undefined : 'true'}
      />
    </div>
  );
}

export function SelectField(props: FieldProps & { value: string; options: readonly { value: string; label: string }[] }) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={props.errors === undefined ? 'field' : 'field field-invalid'}>
      <FieldLabel {...props} id={id} />
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-describedby={describedBy(id, props.hint, props.errors, props.note)}
        aria-invalid={props.errors === undefined ? undefined : 'true'}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The optional comment that goes into the history with a change. */
export function CommentField(props: { view: View; id?: string; label?: string; value?: string; errors?: string[] }) {
  const { t } = props.view;
  return (
    <TextField
      view={props.view}
      name="comment"
      id={props.id}
      label={props.label ?? t.comment.label}
      hint={t.comment.hint}
      value={props.value ?? ''}
      maxlength={1000}
      errors={props.errors}
    />
  );
}

export function ErrorSummary(props: { view: View; errors: FieldErrors }) {
  const count = countErrors(props.errors);
  if (count === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{props.view.t.formErrors(count)}</h2>
      <ul>
        {Object.entries(props.errors).flatMap(([field, messages]) =>
          (messages ?? []).map((message) => <li>{field === '' ? message : <a href={`#${fieldId(field)}`}>{message}</a>}</li>),
        )}
      </ul>
    </div>
  );
}

export function Notice(props: { message: string | undefined }) {
  if (props.message === undefined) return null;
  return (
    <div class="notice" role="status">
      <p>{props.message}</p>
    </div>
  );
}
