/** @jsxImportSource hono/jsx */
/**
 * Where a person chooses their password: the public page a one-time link opens (an invitation, a
 * reset); the page a temporary password leads to after signing in (middleware/password-change.ts
 * keeps every other page closed until then); and, otherwise, the page where a signed-in person
 * changes theirs, the current one first (its guesses are throttled as sign-ins are). Either way,
 * all the account's sessions close and the person signs in again with the new password.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { changePassword, type CommandProblem, choosePasswordWithLink } from '../auth/account-commands.ts';
import { openLink } from '../auth/account-links.ts';
import { userActor } from '../auth/actor.ts';
import { PASSWORD_MAX_LENGTH } from '../auth/password.ts';
import { clientAddress } from '../http/client-address.ts';
import { clearCookie } from '../http/cookies.ts';
import { formBody } from '../http/form-body.ts';
import type { Messages } from '../i18n/messages.ts';
import { requirePermission, signedInUser } from '../middleware/permission.ts';
import { AccountSetupPage, ForcedPasswordPage, InvalidLinkPage, OwnPasswordPage } from '../views/account-pages.tsx';
import type { FieldErrors } from '../views/form-fields.tsx';
import { renderPage } from '../views/render.tsx';
import { viewOf } from '../views/view.ts';

const PasswordForm = z.object({
  token: z.string().max(100).default(''),
  current: z.string().max(PASSWORD_MAX_LENGTH).default(''),
  password: z.string().max(PASSWORD_MAX_LENGTH).default(''),
  confirmation: z.string().max(PASSWORD_MAX_LENGTH).default(''),
});

/** Where a refused password goes on the form; a mismatch is said under the confirmation. */
function passwordErrors(t: Messages, problem: CommandProblem | 'mismatch', own = false): FieldErrors {
  if (problem === 'mismatch') return { confirmation: [t.accounts.mismatch] };
  if (problem === 'wrong-current-password') return { current: [t.accounts.wrongCurrentPassword] };
  if (problem === 'same-password') return { password: [own ? t.accounts.sameAsCurrent : t.accounts.samePassword] };
  if (problem in t.passwordProblems) return { password: [t.passwordProblems[problem as keyof Messages['passwordProblems']]] };
  return { '': [t.admin.unknownAccount] };
}

export function accountPasswordRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();

  const invalidLink = (c: Context<ConsoleEnv>) => renderPage(c, { title: viewOf(c).t.accounts.invalidLinkTitle, status: 410, body: <InvalidLinkPage view={viewOf(c)} /> });

  const showSetup = async (c: Context<ConsoleEnv>, token: string, errors: FieldErrors = {}) => {
    const link = await openLink(deps.db, token, deps.now());
    if (link === undefined) return invalidLink(c);
    const view = viewOf(c);
    const hasErrors = Object.keys(errors).length > 0;
    return renderPage(c, {
      title: view.t.accounts.setupTitle[link.purpose],
      status: hasErrors ? 422 : 200,
      hasErrors,
      body: <AccountSetupPage view={view} token={token} email={link.user.email} expiresAt={link.expiresAt} errors={errors} />,
    });
  };

  // The token is in the query, not the path: the server's error log writes paths only.
  app.get('/setup', (c) => showSetup(c, c.req.query('token') ?? ''));

  app.post('/setup', async (c) => {
    const form = PasswordForm.safeParse(await formBody(c));
    if (!form.success) return invalidLink(c);
    const { token, password, confirmation } = form.data;
    if (password !== confirmation) return showSetup(c, token, passwordErrors(viewOf(c).t, 'mismatch'));
    const chosen = await choosePasswordWithLink(deps.db, token, password, deps.now());
    if (!chosen.ok) return chosen.problem === 'invalid-link' ? invalidLink(c) : showSetup(c, token, passwordErrors(viewOf(c).t, chosen.problem));
    return c.redirect('/login?done=passwordSet', 303);
  });

  app.use('/password', requirePermission('read'));

  /** The signed-in person's password page: replacing a temporary password (`forced`) or changing their own; refused with `errors` (422, or `status`). */
  const showPasswordPage = (c: Context<ConsoleEnv>, forced: boolean, email: string, errors: FieldErrors = {}, status?: 429) => {
    const view = viewOf(c);
    const hasErrors = Object.keys(errors).length > 0;
    const Page = forced ? ForcedPasswordPage : OwnPasswordPage;
    return renderPage(c, { title: forced ? view.t.accounts.forcedTitle : view.t.accounts.ownTitle, status: status ?? (hasErrors ? 422 : 200), hasErrors, body: <Page view={view} email={email} errors={errors} /> });
  };
  const showForced = (c: Context<ConsoleEnv>, email: string, errors: FieldErrors = {}) => showPasswordPage(c, true, email, errors);
  const showOwn = (c: Context<ConsoleEnv>, email: string, errors: FieldErrors = {}, status?: 429) => showPasswordPage(c, false, email, errors, status);

  app.get('/password', (c) => {
    const user = signedInUser(c);
    return user.mustChangePassword ? showForced(c, user.email) : showOwn(c, user.email);
  });

  app.post('/password', async (c) => {
    const user = signedInUser(c);
    if (!user.mustChangePassword) return changeOwn(c);
    const form = PasswordForm.safeParse(await formBody(c));
    if (!form.success) return showForced(c, user.email, { password: [viewOf(c).t.invalidValue] });
    const { password, confirmation } = form.data;
    if (password !== confirmation) return showForced(c, user.email, passwordErrors(viewOf(c).t, 'mismatch'));
    const changed = await changePassword(deps.db, userActor(user), user.id, password, deps.now());
    if (!changed.ok) return showForced(c, user.email, passwordErrors(viewOf(c).t, changed.problem));
    // Its sessions, this one included, closed with the temporary password.
    clearCookie(c, 'session', deps.secureCookies);
    return c.redirect('/login?done=passwordSet', 303);
  });

  /** A signed-in person's own change: the current password checked (a guess counts as a failed sign-in until it is right), then the new one. */
  const changeOwn = async (c: Context<ConsoleEnv>) => {
    const user = signedInUser(c);
    const { t } = viewOf(c);
    const form = PasswordForm.safeParse(await formBody(c));
    if (!form.success) return showOwn(c, user.email, { password: [t.invalidValue] });
    const { current, password, confirmation } = form.data;
    if (password !== confirmation) return showOwn(c, user.email, passwordErrors(t, 'mismatch'));
    const admission = deps.loginThrottle.admit({ account: user.email, address: clientAddress(c, deps.trustProxy) }, deps.now().getTime());
    if (!admission.ok) {
      c.header('Retry-After', String(Math.ceil(admission.retryAfterMs / 1000)));
      return showOwn(c, user.email, { current: [t.login.throttled(Math.ceil(admission.retryAfterMs / 60_000))] }, 429);
    }
    const changed = await changePassword(deps.db, userActor(user), user.id, password, deps.now(), current);
    if (!changed.ok) {
      if (changed.problem !== 'wrong-current-password') admission.attempt.succeeded();
      return showOwn(c, user.email, passwordErrors(t, changed.problem, true));
    }
    admission.attempt.succeeded();
    clearCookie(c, 'session', deps.secureCookies);
    return c.redirect('/login?done=passwordSet', 303);
  };

  return app;
}
