/** @jsxImportSource hono/jsx */
/** The administration area: its sections, accounts, API tokens. */
import type { ApiToken } from '../auth/api-tokens.ts';
import { ROLES } from '../auth/roles.ts';
import type { User } from '../auth/users.ts';
import type { AccountEvent } from '../auth/account-events.ts';
import type { AccountLinkPurpose } from '../db/schema.ts';
import { HANDOVER_METHODS } from '../auth/account-commands.ts';
import { AccountJournal, accountStateText, ChoiceField } from './account-pages.tsx';
import { formatInstant } from '../i18n/format.ts';
import type { Messages } from '../i18n/messages.ts';
import { CsrfField, ErrorSummary, type FieldErrors, Notice, SelectField, TextField } from './form-fields.tsx';
import type { View } from './view.ts';

/** The administration sections. */
export const ADMIN_SECTIONS: { href: string; label: (t: Messages) => string }[] = [
  { href: '/admin/users', label: (t) => t.admin.users },
  { href: '/admin/tokens', label: (t) => t.admin.tokens },
  { href: '/admin/publications', label: (t) => t.publications.title },
];

export function AdminIndexPage(props: { view: View }) {
  const { t } = props.view;
  return (
    <nav aria-label={t.admin.sections}>
      <ul class="admin-sections">
        {ADMIN_SECTIONS.map((section) => (
          <li>
            <a href={section.href}>{section.label(t)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const roleOptions = (t: Messages) => ROLES.map((role) => ({ value: role, label: t.roles[role] }));

export interface NewAccountValues {
  email: string;
  role: string;
  method: string;
}

export function UsersPage(props: {
  view: View;
  users: User[];
  waiting: Map<number, { purpose: AccountLinkPurpose; expiresAt: string }>;
  events: AccountEvent[];
  values: NewAccountValues;
  errors: FieldErrors;
  notice?: string;
}) {
  const { view } = props;
  const { t, lang } = view;
  return (
    <>
      <Notice message={props.notice} />
      <ErrorSummary view={view} errors={props.errors} />
      <p>{t.admin.usersIntro}</p>
      <pre class="wrap">
        <code>npm run user -- add vous@example.org --role admin</code>
      </pre>
      <section aria-labelledby="new-account-title">
        <h2 id="new-account-title">{t.accounts.newAccount}</h2>
        <form method="post" action="/admin/users" class="narrow-form account-form">
          <CsrfField view={view} />
          <TextField view={view} name="email" type="email" label={t.accounts.email} hint={t.accounts.emailHint} value={props.values.email} errors={props.errors.email} required maxlength={254} spellcheck={false} autocomplete="off" />
          <SelectField view={view} name="role" label={t.accounts.role} value={props.values.role} options={[{ value: '', label: t.accounts.chooseRole }, ...roleOptions(t)]} errors={props.errors.role} required />
          <ChoiceField
            view={view}
            name="method"
            legend={t.accounts.method}
            value={props.values.method}
            options={HANDOVER_METHODS.map((method) => ({ value: method, label: t.accounts.methods[method] }))}
            errors={props.errors.method}
          />
          <button type="submit">{t.accounts.create}</button>
        </form>
      </section>
      <div class="table-scroll">
        <table>
          <caption>{t.admin.users}</caption>
          <thead>
            <tr>
              <th scope="col">{t.admin.email}</th>
              <th scope="col">{t.admin.role}</th>
              <th scope="col">{t.admin.state}</th>
              <th scope="col">{t.admin.created}</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((user) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/users/${user.id}`} aria-label={t.accounts.manageAccount(user.email)}>
                    {user.email}
                  </a>
                </th>
                <td>{t.roles[user.role]}</td>
                <td>{accountStateText(user, props.waiting.get(user.id), view)}</td>
                <td>
                  <time datetime={user.createdAt}>{formatInstant(user.createdAt, lang)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AccountJournal view={view} events={props.events} title={t.accounts.journal} />
    </>
  );
}

export function TokensPage(props: { view: View; tokens: ApiToken[]; errors: FieldErrors; values: { name: string; role: string }; newToken?: string; notice?: string }) {
  const { view } = props;
  const { t, lang } = view;
  return (
    <>
      <Notice message={props.notice} />
      <ErrorSummary view={view} errors={props.errors} />
      {props.newToken !== undefined && (
        <section class="new-token" aria-labelledby="new-token-title">
          <h2 id="new-token-title">{t.admin.newToken}</h2>
          <p>{t.admin.newTokenWarning}</p>
          <p>
            <code class="secret">{props.newToken}</code>
          </p>
        </section>
      )}
      <p>{t.admin.tokensIntro}</p>
      <form method="post" action="/admin/tokens" class="inline-form">
        <CsrfField view={view} />
        <TextField view={view} name="name" label={t.admin.tokenName} hint={t.admin.tokenNameHint} value={props.values.name} errors={props.errors.name} required maxlength={100} />
        <SelectField view={view} name="role" label={t.admin.tokenRole} value={props.values.role} options={roleOptions(t).filter((option) => option.value !== 'admin')} errors={props.errors.role} />
        <button type="submit">{t.admin.createToken}</button>
      </form>
      {props.tokens.length === 0 ? (
        <p>{t.admin.noTokens}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.admin.tokenName}</th>
              <th scope="col">{t.admin.role}</th>
              <th scope="col">{t.admin.tokenCreatedBy}</th>
              <th scope="col">{t.admin.tokenLastUsed}</th>
              <th scope="col">{t.admin.state}</th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((token) => (
              <tr>
                <th scope="row">{token.name}</th>
                <td>{t.roles[token.role]}</td>
                <td>
                  {token.createdBy}, <time datetime={token.createdAt}>{formatInstant(token.createdAt, lang)}</time>
                </td>
                <td>{token.lastUsedAt === null ? t.admin.never : <time datetime={token.lastUsedAt}>{formatInstant(token.lastUsedAt, lang)}</time>}</td>
                <td>
                  {token.revokedAt === null ? (
                    <form method="post" action={`/admin/tokens/${token.id}/revoke`} class="inline-form">
                      <CsrfField view={view} />
                      {t.admin.active}{' '}
                      <button type="submit" class="secondary" aria-label={t.admin.revokeToken(token.name)}>
                        {t.admin.revoke}
                      </button>
                    </form>
                  ) : (
                    t.admin.revoked
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
