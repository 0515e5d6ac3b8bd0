/** @jsxImportSource hono/jsx */
/** The administration area: its sections, accounts, API tokens. */
import type { ApiToken } from '../auth/api-tokens.ts';
import { ROLES } from '../auth/roles.ts';
import type { User } from '../auth/users.ts';
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

export function UsersPage(props: { view: View; users: User[]; errors: FieldErrors; notice?: string }) {
  const { view } = props;
  const { t, lang } = view;
  return (
    <>
      <Notice message={props.notice} />
      <ErrorSummary view={view} errors={props.errors} />
      <p>{t.admin.usersIntro}</p>
      <pre>
        <code>npm run user -- add prenom.nom@example.org --role curator</code>
      </pre>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.admin.email}</th>
            <th scope="col">{t.admin.role}</th>
            <th scope="col">{t.admin.created}</th>
            <th scope="col">{t.admin.state}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => (
            <tr>
              <th scope="row">{user.email}</th>
              <td>
                <form method="post" action={`/admin/users/${user.id}`} class="inline-form">
                  <CsrfField view={view} />
                  <SelectField view={view} name="role" id={`role-${user.id}`} label={t.admin.changeRole(user.email)} value={user.role} options={roleOptions(t)} />
                  <button type="submit" class="secondary">
                    {t.admin.saveRole}
                  </button>
                </form>
              </td>
              <td>
                <time datetime={user.createdAt}>{formatInstant(user.createdAt, lang)}</time>
              </td>
              <td>
                <form method="post" action={`/admin/users/${user.id}`} class="inline-form">
                  <CsrfField view={view} />
                  {user.disabled ? t.admin.disabled : t.admin.active}{' '}
                  <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
                  <button type="submit" class="secondary" aria-label={t.admin.accountAction(user.disabled ? t.admin.enable : t.admin.disable, user.email)}>
                    {user.disabled ? t.admin.enable : t.admin.disable}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
