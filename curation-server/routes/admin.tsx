/** @jsxImportSource hono/jsx */
/** The administration area (administrators only): accounts (auth/account-commands.ts, each change audited) and API tokens. */
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens.ts';
import { ROLES } from '../auth/roles.ts';
import { changeRole, type CommandProblem, createAccount, HANDOVER_METHODS, resetPassword, setDisabled } from '../auth/account-commands.ts';
import { recentAccountEvents } from '../auth/account-events.ts';
import { waitingLinks } from '../auth/account-links.ts';
import { listUsers, type User, userById } from '../auth/users.ts';
import type { Messages } from '../i18n/messages.ts';
import { formBody } from '../http/form-body.ts';
import { actorOf, requirePermission, signedInUser } from '../middleware/permission.ts';
import { shapeErrors } from '../views/form-errors.ts';
import type { FieldErrors } from '../views/form-fields.tsx';
import { AccountPage, ConfirmAccountActionPage, HandoverPage } from '../views/account-pages.tsx';
import { AdminIndexPage, type NewAccountValues, TokensPage, UsersPage } from '../views/admin-pages.tsx';
import { noticeFrom, withNotice } from '../views/notices.ts';
import { renderPage } from '../views/render.tsx';
import { NotFound } from '../http/console-errors.ts';
import { viewOf } from '../views/view.ts';
import { publicationRoutes } from './publications.tsx';

const NewAccountForm = z.object({
  email: z.string().max(254),
  role: z.enum(ROLES),
  method: z.enum(HANDOVER_METHODS),
});
const RoleForm = z.object({ role: z.enum(ROLES) });
const ResetForm = z.object({ method: z.enum(HANDOVER_METHODS), confirm: z.literal('1').optional() });
const ConfirmForm = z.object({ confirm: z.literal('1').optional() });
/** How many account events the accounts page shows (each account's page shows its own). */
const JOURNAL_LENGTH = 50;

/** The account an `:id` names, or undefined (not a number, or no such account). */
/** The account a page's `:id` names; a 404 page when there is none. */
async function accountOf(deps: AppDeps, id: string): Promise<User> {
  const user = /^\d{1,15}$/.test(id) ? await userById(deps.db, Number(id)) : undefined;
  if (user === undefined) throw new NotFound();
  return user;
}

const TokenForm = z.object({ name: z.string().trim().min(1).max(100), role: z.enum(['reader', 'curator']) });

export function adminRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.use(requirePermission('administer'));
  // Publishing is part of the administration area, behind the same check.
  app.route('/publications', publicationRoutes(deps));

  app.get('/', (c) => renderPage(c, { title: viewOf(c).t.admin.title, body: <AdminIndexPage view={viewOf(c)} /> }));

  const showUsers = async (c: Context<ConsoleEnv>, extra: { errors?: FieldErrors; values?: NewAccountValues } = {}) => {
    const view = viewOf(c);
    const errors = extra.errors ?? {};
    const hasErrors = Object.keys(errors).length > 0;
    return renderPage(c, {
      title: view.t.admin.users,
      status: hasErrors ? 422 : 200,
      hasErrors,
      body: (
        <UsersPage
          view={view}
          users={await listUsers(deps.db)}
          waiting={await waitingLinks(deps.db, deps.now())}
          events={await recentAccountEvents(deps.db, { limit: JOURNAL_LENGTH })}
          values={extra.values ?? { email: '', role: '', method: '' }}
          errors={errors}
          notice={noticeFrom(view.url, view.t)}
        />
      ),
    });
  };

  const showAccount = async (c: Context<ConsoleEnv>, user: User, errors: FieldErrors = {}, status: ContentfulStatusCode = 409) => {
    const view = viewOf(c);
    const hasErrors = Object.keys(errors).length > 0;
    return renderPage(c, {
      title: view.t.accounts.accountTitle(user.email),
      status: hasErrors ? status : 200,
      hasErrors,
      body: (
        <AccountPage
          view={view}
          user={user}
          waiting={(await waitingLinks(deps.db, deps.now())).get(user.id)}
          events={await recentAccountEvents(deps.db, { userId: user.id, limit: JOURNAL_LENGTH })}
          errors={errors}
          notice={noticeFrom(view.url, view.t)}
        />
      ),
    });
  };

  /** What a refused account command says, at the top of the form. */
  const problemText = (t: Messages, problem: CommandProblem): string => {
    switch (problem) {
      case 'last-admin':
        return t.admin.lastAdmin;
      case 'self':
        return t.accounts.self;
      case 'disabled':
        return t.accounts.disabledAccount;
      case 'exists':
        return t.accounts.exists;
      case 'invalid-email':
        return t.accounts.invalidEmail;
      case 'invalid-link':
        return t.accounts.invalidLink;
      case 'same-password':
        return t.accounts.samePassword;
      case 'wrong-current-password':
        return t.accounts.wrongCurrentPassword;
      case 'unknown':
        return t.admin.unknownAccount;
      default:
        return t.passwordProblems[problem];
    }
  };

  app.get('/users', (c) => showUsers(c));

  app.post('/users', async (c) => {
    const view = viewOf(c);
    const body = await formBody(c);
    const values = { email: String(body.email ?? ''), role: String(body.role ?? ''), method: String(body.method ?? '') };
    const form = NewAccountForm.safeParse(body);
    if (!form.success) return showUsers(c, { errors: shapeErrors(form.error, view.t), values });
    const created = await createAccount(deps.db, actorOf(c), { email: form.data.email, role: form.data.role, credential: { kind: form.data.method } }, deps.now());
    if (!created.ok) return showUsers(c, { errors: { email: [problemText(view.t, created.problem)] }, values });
    // Shown once, in this response only: the database keeps the link's digest, or the password's hash.
    return renderPage(c, { title: view.t.accounts.createdTitle(created.user.email), body: <HandoverPage view={view} user={created.user} handover={created.handover} base={deps.publicUrl ?? view.url.origin} /> });
  });

  app.get('/users/:id', async (c) => {
    const user = await accountOf(deps, c.req.param('id'));
    return showAccount(c, user);
  });

  app.post('/users/:id/role', async (c) => {
    const user = await accountOf(deps, c.req.param('id'));
    const form = RoleForm.safeParse(await formBody(c));
    if (!form.success) return showAccount(c, user, shapeErrors(form.error, viewOf(c).t), 422);
    const changed = await changeRole(deps.db, actorOf(c), user.id, form.data.role, deps.now());
    if (!changed.ok) return showAccount(c, user, { '': [problemText(viewOf(c).t, changed.problem)] });
    return c.redirect(withNotice(`/admin/users/${user.id}`, 'accountUpdated'), 303);
  });

  app.post('/users/:id/disable', async (c) => {
    const view = viewOf(c);
    const user = await accountOf(deps, c.req.param('id'));
    const form = ConfirmForm.safeParse(await formBody(c));
    if (!form.success || form.data.confirm !== '1') {
      return renderPage(c, { title: view.t.accounts.confirmDisableTitle(user.email), body: <ConfirmAccountActionPage view={view} user={user} action="disable" /> });
    }
    const disabled = await setDisabled(deps.db, actorOf(c), user.id, true, deps.now());
    if (!disabled.ok) return showAccount(c, user, { '': [problemText(view.t, disabled.problem)] });
    return c.redirect(withNotice(`/admin/users/${user.id}`, 'accountUpdated'), 303);
  });

  app.post('/users/:id/enable', async (c) => {
    const user = await accountOf(deps, c.req.param('id'));
    const enabled = await setDisabled(deps.db, actorOf(c), user.id, false, deps.now());
    if (!enabled.ok) return showAccount(c, user, { '': [problemText(viewOf(c).t, enabled.problem)] });
    return c.redirect(withNotice(`/admin/users/${user.id}`, 'accountUpdated'), 303);
  });

  app.post('/users/:id/reset', async (c) => {
    const view = viewOf(c);
    const user = await accountOf(deps, c.req.param('id'));
    const form = ResetForm.safeParse(await formBody(c));
    if (!form.success) return showAccount(c, user, shapeErrors(form.error, view.t), 422);
    if (form.data.confirm !== '1') {
      return renderPage(c, { title: view.t.accounts.confirmResetTitle(user.email), body: <ConfirmAccountActionPage view={view} user={user} action="reset" method={form.data.method} /> });
    }
    const reset = await resetPassword(deps.db, actorOf(c), user.id, form.data.method, deps.now());
    if (!reset.ok) return showAccount(c, user, { '': [problemText(view.t, reset.problem)] });
    return renderPage(c, { title: view.t.accounts.resetTitle(user.email), body: <HandoverPage view={view} user={reset.user} handover={reset.handover} base={deps.publicUrl ?? view.url.origin} /> });
  });

  const showTokens = async (c: Context<ConsoleEnv>, extra: { errors?: FieldErrors; values?: { name: string; role: string }; newToken?: string } = {}) => {
    const view = viewOf(c);
    const errors = extra.errors ?? {};
    const hasErrors = Object.keys(errors).length > 0;
    return renderPage(c, {
      title: view.t.admin.tokens,
      status: hasErrors ? 422 : 200,
      hasErrors,
      body: (
        <TokensPage
          view={view}
          tokens={await listApiTokens(deps.db)}
          errors={errors}
          values={extra.values ?? { name: '', role: 'reader' }}
          newToken={extra.newToken}
          notice={noticeFrom(view.url, view.t)}
        />
      ),
    });
  };

  app.get('/tokens', (c) => showTokens(c));

  app.post('/tokens', async (c) => {
    const view = viewOf(c);
    const body = await formBody(c);
    const form = TokenForm.safeParse(body);
    if (!form.success) {
      return showTokens(c, { errors: form.success ? {} : shapeErrors(form.error, view.t), values: { name: String(body.name ?? ''), role: String(body.role ?? 'reader') } });
    }
    const { token } = await createApiToken(deps.db, { ...form.data, createdBy: signedInUser(c).id });
    // Shown once, in this response only: the database keeps its digest.
    return showTokens(c, { newToken: token });
  });

  app.post('/tokens/:id/revoke', async (c) => {
    // Only a live token that exists is said to be revoked: another id (or one already revoked) is not found.
    const id = c.req.param('id');
    if (!/^\d{1,15}$/.test(id) || !(await revokeApiToken(deps.db, Number(id)))) throw new NotFound();
    return c.redirect(withNotice('/admin/tokens', 'tokenRevoked'), 303);
  });

  return app;
}
