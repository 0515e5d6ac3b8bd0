/** @jsxImportSource hono/jsx */
import { CsrfField, ErrorSummary, type FieldErrors, Notice, TextField } from './form-fields.tsx';
import type { View } from './view.ts';

export function LoginPage(props: { view: View; email: string; next: string; errors: FieldErrors; notice?: string }) {
  const { view } = props;
  const { t } = view;
  return (
    <>
      <Notice message={props.notice} />
      <ErrorSummary view={view} errors={props.errors} />
      <p>{t.login.intro}</p>
      <form method="post" action="/login" class="narrow-form">
        <CsrfField view={view} />
        <input type="hidden" name="next" value={props.next} />
        <TextField view={view} name="email" type="email" label={t.login.email} value={props.email} required autocomplete="username" spellcheck={false} />
        <TextField view={view} name="password" type="password" label={t.login.password} value="" required autocomplete="current-password" />
        <button type="submit">{t.login.submit}</button>
      </form>
    </>
  );
}
