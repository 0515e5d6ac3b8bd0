/** @jsxImportSource hono/jsx */
/**
 * Accounts in the console: the page of one account (role, password reset, access, its history),
 * the confirmations before a reset or a disabling, the secret shown once to the administrator,
 * and the pages where a person chooses a password (through a one-time link, or after signing in
 * with a temporary password).
 */
import { type Handover, HANDOVER_METHODS, type HandoverMethod } from '../auth/account-commands.ts';
import type { AccountEvent, AccountEventDetail } from '../auth/account-events.ts';
import { linkPath } from '../auth/account-links.ts';
import { ROLES, type Role } from '../auth/roles.ts';
import type { User } from '../auth/users.ts';
import type { AccountLinkPurpose } from '../db/schema.ts';
import { formatInstant } from '../i18n/format.ts';
import type { Messages } from '../i18n/messages.ts';
import { CsrfField, ErrorSummary, type FieldErrors, fieldId, Notice, SelectField, TextField } from './form-fields.tsx';
import type { View } from './view.ts';

/** A link still waiting for an account, as the accounts pages show it. */
export type WaitingLink = { purpose: AccountLinkPurpose; expiresAt: string } | undefined;

const roleOptions = (t: Messages) => ROLES.map((role) => ({ value: role, label: t.roles[role] }));

/** Radio buttons in a fieldset whose legend names the choice; the error, if any, is tied to the group. */
export function ChoiceField(props: { view: View; name: string; legend: string; value: string; options: readonly { value: string; label: string }[]; errors?: string[]; id?: string }) {
  const id = props.id ?? fieldId(props.name);
  return (
    <fieldset class={props.errors === undefined ? 'choices' : 'choices field-invalid'} id={id} aria-describedby={props.errors === undefined ? undefined : `${id}-error`}>
      <legend>
        {props.legend} <span class="required">({props.view.t.required})</span>
      </legend>
      {props.errors !== undefined && (
        <p class="error-message" id={`${id}-error`}>
          {props.errors.join(' ')}
        </p>
      )}
      {props.options.map((option) => (
        <div class="choice">
          <input type="radio" name={props.name} id={`${id}-${option.value}`} value={option.value} checked={props.value === option.value} required />
          <label for={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** What an account's state says beyond active/disabled: a link waiting, no password, a temporary one. */
export function accountStateText(user: User, waiting: WaitingLink, view: View): string {
  const { t, lang } = view;
  const parts = [user.disabled ? t.admin.disabled : t.admin.active];
  if (waiting !== undefined) parts.push(t.accounts.waiting[waiting.purpose](formatInstant(waiting.expiresAt, lang)));
  else if (user.pending) parts.push(t.accounts.noPassword);
  if (user.mustChangePassword) parts.push(t.accounts.temporaryPassword);
  return parts.join(' ; ');
}

/** One line of the accounts' audit trail, in words: who did what to whom (the when is beside it). */
export function accountEventText(event: AccountEvent, view: View): string {
  const { t, lang } = view;
  const words = t.accounts.events;
  const detail = event.detail as AccountEventDetail & Partial<{ role: Role; from: Role; to: Role; method: string; expiresAt: string; purpose: AccountLinkPurpose }>;
  switch (event.action) {
    case 'create':
      return words.create(event.email, t.roles[detail.role ?? 'reader'], detail.method === 'temporary-password');
    case 'invite':
      return words.invite(event.email, t.roles[detail.role ?? 'reader'], detail.expiresAt === undefined ? '' : formatInstant(detail.expiresAt, lang));
    case 'role':
      return words.role(event.email, t.roles[detail.from ?? 'reader'], t.roles[detail.to ?? 'reader']);
    case 'disable':
      return words.disable(event.email);
    case 'enable':
      return words.enable(event.email);
    case 'reset':
      return words.reset(event.email, detail.method === 'temporary-password');
    case 'password-chosen':
      return words.passwordChosen(detail.purpose ?? 'reset');
    case 'password-changed':
      return words.passwordChanged(event.email, event.actor === event.email, 'chosen' in detail);
  }
}

export function AccountJournal(props: { view: View; events: AccountEvent[]; title: string }) {
  const { view } = props;
  return (
    <section aria-labelledby="account-journal-title">
      <h2 id="account-journal-title">{props.title}</h2>
      {props.events.length === 0 ? (
        <p class="empty">{view.t.accounts.noEvents}</p>
      ) : (
        <ol class="account-journal">
          {props.events.map((event) => (
            <li>
              <time datetime={event.at}>{formatInstant(event.at, view.lang)}</time> — <strong>{event.actor}</strong> {accountEventText(event, view)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function AccountPage(props: { view: View; user: User; waiting: WaitingLink; events: AccountEvent[]; errors: FieldErrors; notice?: string }) {
  const { view, user } = props;
  const { t, lang } = view;
  const isSelf = view.user?.id === user.id;
  return (
    <>
      <Notice message={props.notice} />
      <ErrorSummary view={view} errors={props.errors} />
      <p>
        <a href="/admin/users">{t.accounts.backToAccounts}</a>
      </p>
      <dl class="details">
        <dt>{t.admin.role}</dt>
        <dd>{t.roles[user.role]}</dd>
        <dt>{t.admin.state}</dt>
        <dd>{accountStateText(user, props.waiting, view)}</dd>
        <dt>{t.admin.created}</dt>
        <dd>
          <time datetime={user.createdAt}>{formatInstant(user.createdAt, lang)}</time>
        </dd>
      </dl>

      <section aria-labelledby="role-title">
        <h2 id="role-title">{t.admin.role}</h2>
        <form method="post" action={`/admin/users/${user.id}/role`} class="inline-form">
          <CsrfField view={view} />
          <SelectField view={view} name="role" label={t.admin.changeRole(user.email)} value={user.role} options={roleOptions(t)} errors={props.errors.role} />
          <button type="submit" class="secondary">
            {t.admin.saveRole}
          </button>
        </form>
      </section>

      {!isSelf && !user.disabled && (
        <section aria-labelledby="password-title">
          <h2 id="password-title">{t.accounts.passwordSection}</h2>
          <p>{t.accounts.resetIntro}</p>
          <form method="post" action={`/admin/users/${user.id}/reset`}>
            <CsrfField view={view} />
            <ChoiceField
              view={view}
              name="method"
              legend={t.accounts.resetMethod}
              value="link"
              options={HANDOVER_METHODS.map((method) => ({ value: method, label: t.accounts.resetMethods[method] }))}
              errors={props.errors.method}
            />
            <button type="submit" class="secondary">
              {t.accounts.reset}
            </button>
          </form>
        </section>
      )}

      <section aria-labelledby="access-title">
        <h2 id="access-title">{t.accounts.accessSection}</h2>
        <p>{user.disabled ? t.accounts.enableIntro : t.accounts.disableIntro}</p>
        <form method="post" action={`/admin/users/${user.id}/${user.disabled ? 'enable' : 'disable'}`}>
          <CsrfField view={view} />
          <button type="submit" class="secondary">
            {user.disabled ? t.accounts.enable : t.accounts.disable}
          </button>
        </form>
      </section>

      <AccountJournal view={view} events={props.events} title={t.accounts.accountJournal} />
    </>
  );
}

/** Asked before a destructive action: what it will do, then « yes » (which posts again with confirm=1) or back. */
export function ConfirmAccountActionPage(props: { view: View; user: User; action: 'disable' | 'reset'; method?: HandoverMethod }) {
  const { view, user } = props;
  const { t } = view;
  return (
    <form method="post" action={`/admin/users/${user.id}/${props.action}`}>
      <CsrfField view={view} />
      <input type="hidden" name="confirm" value="1" />
      {props.method !== undefined && <input type="hidden" name="method" value={props.method} />}
      <p>{props.action === 'disable' ? t.accounts.disableIntro : t.accounts.confirmResetText(t.accounts.resetMethods[props.method ?? 'link'])}</p>
      <div class="form-actions">
        <button type="submit">{props.action === 'disable' ? t.accounts.confirmDisable : t.accounts.confirmReset}</button>
        <a href={`/admin/users/${user.id}`}>{t.accounts.cancel}</a>
      </div>
    </form>
  );
}

/** The link or temporary password, in this response only: the database keeps its digest. */
/** `base`: where the console is reached from outside (SDC_PUBLIC_URL, else the request's origin). */
export function HandoverPage(props: { view: View; user: User; handover: Handover; base: string }) {
  const { view, user, handover } = props;
  const { t, lang } = view;
  return (
    <>
      {handover.kind !== 'password' && (
        <section class="new-token" aria-labelledby="handover-title">
          <h2 id="handover-title">{t.accounts.handover}</h2>
          <p>{handover.kind === 'link' ? t.accounts.linkWarning(user.email, formatInstant(handover.expiresAt, lang)) : t.accounts.passwordWarning(user.email)}</p>
          <p>
            <code class="secret" id="handover-secret">
              {handover.kind === 'link' ? new URL(linkPath(handover.token), props.base).href : handover.password}
            </code>
          </p>
        </section>
      )}
      <ul class="form-actions">
        <li>
          <a href={`/admin/users/${user.id}`}>{t.accounts.manageAccount(user.email)}</a>
        </li>
        <li>
          <a href="/admin/users">{t.accounts.backToAccounts}</a>
        </li>
      </ul>
    </>
  );
}

function NewPasswordFields(props: { view: View; email: string; errors: FieldErrors }) {
  const { view } = props;
  const { t } = view;
  return (
    <>
      {/* For password managers: the account the new password belongs to. */}
      <input type="hidden" name="username" value={props.email} autocomplete="username" />
      <TextField view={view} name="password" type="password" label={t.accounts.newPassword} hint={t.accounts.newPasswordHint} value="" errors={props.errors.password} required autocomplete="new-password" />
      <TextField view={view} name="confirmation" type="password" label={t.accounts.confirmPassword} value="" errors={props.errors.confirmation} required autocomplete="new-password" />
    </>
  );
}

/** The public page a one-time link opens: the person chooses their password. */
export function AccountSetupPage(props: { view: View; token: string; email: string; expiresAt: string; errors: FieldErrors }) {
  const { view } = props;
  const { t, lang } = view;
  return (
    <>
      <ErrorSummary view={view} errors={props.errors} />
      <p>{t.accounts.setupIntro(props.email, formatInstant(props.expiresAt, lang))}</p>
      <form method="post" action="/account/setup" class="narrow-form">
        <CsrfField view={view} />
        <input type="hidden" name="token" value={props.token} />
        <NewPasswordFields view={view} email={props.email} errors={props.errors} />
        <button type="submit">{t.accounts.savePassword}</button>
      </form>
    </>
  );
}

export function InvalidLinkPage(props: { view: View }) {
  const { t } = props.view;
  return (
    <>
      <p>{t.accounts.invalidLink}</p>
      <p>
        <a href="/login">{t.login.title}</a>
      </p>
    </>
  );
}

/** After signing in with a temporary password: nothing else opens until a new one is chosen. */
/** A signed-in person changes their own password: the current one first (a session left open on a shared computer is not enough). */
export function OwnPasswordPage(props: { view: View; email: string; errors: FieldErrors }) {
  const { view } = props;
  const { t } = view;
  return (
    <>
      <ErrorSummary view={view} errors={props.errors} />
      <p>{t.accounts.ownIntro}</p>
      <form method="post" action="/account/password" class="narrow-form">
        <CsrfField view={view} />
        <TextField view={view} name="current" type="password" label={t.accounts.currentPassword} value="" errors={props.errors.current} required autocomplete="current-password" />
        <NewPasswordFields view={view} email={props.email} errors={props.errors} />
        <button type="submit">{t.accounts.savePassword}</button>
      </form>
    </>
  );
}

export function ForcedPasswordPage(props: { view: View; email: string; errors: FieldErrors }) {
  const { view } = props;
  return (
    <>
      <ErrorSummary view={view} errors={props.errors} />
      <p>{view.t.accounts.forcedIntro}</p>
      <form method="post" action="/account/password" class="narrow-form">
        <CsrfField view={view} />
        <NewPasswordFields view={view} email={props.email} errors={props.errors} />
        <button type="submit">{view.t.accounts.savePassword}</button>
      </form>
    </>
  );
}
