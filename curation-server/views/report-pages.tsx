/** @jsxImportSource hono/jsx */
/** The public report form (no account) and its thank-you page. */
import { MAX_REPORT_MESSAGE } from '../review/report-input.ts';
import { REPORT_KINDS } from '../review/review-types.ts';
import { CsrfField, ErrorSummary, type FieldErrors, fieldId, TextField } from './form-fields.tsx';
import type { View } from './view.ts';

export interface ReportValues {
  site: string;
  kind: string;
  message: string;
  contact: string;
}

function KindField(props: { view: View; value: string; errors?: string[] }) {
  const { t } = props.view;
  const id = fieldId('kind');
  return (
    <fieldset class={props.errors === undefined ? 'field' : 'field field-invalid'} id={id} aria-describedby={props.errors === undefined ? undefined : `${id}-error`}>
      <legend>
        {t.reports.kind} <span class="required">({t.required})</span>
      </legend>
      {props.errors !== undefined && (
        <p class="error-message" id={`${id}-error`}>
          {props.errors.join(' ')}
        </p>
      )}
      {REPORT_KINDS.map((kind) => (
        <div class="field-check">
          <input type="radio" name="kind" id={`kind-${kind}`} value={kind} checked={props.value === kind} required />
          <label for={`kind-${kind}`}>{t.reports.kinds[kind]}</label>
        </div>
      ))}
    </fieldset>
  );
}

function MessageField(props: { view: View; value: string; errors?: string[] }) {
  const { t } = props.view;
  const id = fieldId('message');
  const described = [`${id}-hint`, props.errors === undefined ? '' : `${id}-error`].filter((part) => part !== '').join(' ');
  return (
    <div class={props.errors === undefined ? 'field' : 'field field-invalid'}>
      <label for={id}>{t.reports.message}</label>
      <p class="hint" id={`${id}-hint`}>
        {t.reports.messageHint}
      </p>
      {props.errors !== undefined && (
        <p class="error-message" id={`${id}-error`}>
          {props.errors.join(' ')}
        </p>
      )}
      <textarea id={id} name="message" rows={6} maxlength={MAX_REPORT_MESSAGE} aria-describedby={described} aria-invalid={props.errors === undefined ? undefined : 'true'}>
        {props.value}
      </textarea>
    </div>
  );
}

export function ReportFormPage(props: { view: View; values: ReportValues; errors: FieldErrors }) {
  const { view, values, errors } = props;
  const { t } = view;
  return (
    <>
      <ErrorSummary view={view} errors={errors} />
      <p>{t.reports.intro}</p>
      <p>{t.reports.privacy}</p>
      <form method="post" action="/signaler" class="narrow-form report-form">
        <CsrfField view={view} />
        <TextField view={view} name="site" label={t.reports.site} hint={t.reports.siteHint} value={values.site} required maxlength={2000} spellcheck={false} autocomplete="url" errors={errors.site} />
        <KindField view={view} value={values.kind} errors={errors.kind} />
        <MessageField view={view} value={values.message} errors={errors.message} />
        <TextField view={view} name="contact" type="email" label={t.reports.contact} hint={t.reports.contactHint} value={values.contact} maxlength={254} autocomplete="email" errors={errors.contact} />
        <div class="form-actions">
          <button type="submit">{t.reports.submit}</button>
        </div>
      </form>
    </>
  );
}

export function ReportThanksPage(props: { view: View }) {
  const { t } = props.view;
  return (
    <>
      <div class="notice" role="status">
        <p>{t.reports.thanks}</p>
      </div>
      <p>
        <a href="/signaler">{t.reports.another}</a>
      </p>
    </>
  );
}
