/** @jsxImportSource hono/jsx */
/** The administration area (administrators only): accounts and API tokens. */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens.ts';
import { ROLES } from '../auth/roles.ts';
import { listUsers, updateAccount } from '../auth/users.ts';
import { formBody } from '../http/form-body.ts';
import { requirePermission } from '../middleware/permission.ts';
import { shapeErrors } from '../views/form-errors.ts';
import type { FieldErrors } from '../views/form-fields.tsx';
import { AdminIndexPage, TokensPage, UsersPage } from '../views/admin-pages.tsx';
import { noticeFrom, withNotice } from '../views/notices.ts';
import { renderError, renderPage } from '../views/render.tsx';
import { viewOf } from '../views/view.ts';

const AccountForm = z.object({
  role: z.enum(ROLES).optional(),
  disabled: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
});
const TokenForm = z.object({ name: z.string().trim().min(1).max(100), role: z.enum(['reader', 'curator']) });

export function adminRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.use('/admin', requirePermission('administer'));
  app.use('/admin/*', requirePermission('administer'));

  app.get('/admin', (c) => renderPage(c, { title: viewOf(c).t.admin.title, body: <AdminIndexPage view={viewOf(c)} /> }));

  const showUsers = async (c: Context<ConsoleEnv>, errors: FieldErrors = {}) => {
    const view = viewOf(c);
    const hasErrors = Object.keys(errors).length > 0;
    return renderPage(c, {
      title: view.t.admin.users,
      status: hasErrors ? 409 : 200,
      hasErrors,
      body: <UsersPage view={view} users={await listUsers(deps.db)} errors={errors} notice={noticeFrom(view.url, view.t)} />,
    });
  };

  app.get('/admin/users', (c) => showUsers(c));

  app.post('/admin/users/:id', async (c) => {
    const view = viewOf(c);
    const form = AccountForm.safeParse(await formBody(c));
    if (!form.success) return showUsers(c, shapeErrors(form.error, view.t));
    const updated = await updateAccount(deps.db, Number(c.req.param('id')), form.data);
    if (updated.ok) return c.redirect(withNotice('/admin/users', 'accountUpdated'), 303);
    return showUsers(c, { '': [updated.problem === 'last-admin' ? view.t.admin.lastAdmin : view.t.admin.unknownAccount] });
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

  app.get('/admin/tokens', (c) => showTokens(c));

  app.post('/admin/tokens', async (c) => {
    const view = viewOf(c);
    const body = await formBody(c);
    const form = TokenForm.safeParse(body);
    const user = c.get('user');
    if (!form.success || user === null) {
      return showTokens(c, { errors: form.success ? {} : shapeErrors(form.error, view.t), values: { name: String(body.name ?? ''), role: String(body.role ?? 'reader') } });
    }
    const { token } = await createApiToken(deps.db, { ...form.data, createdBy: user.id });
    // Shown once, in this response only: the database keeps its digest.
    return showTokens(c, { newToken: token });
  });

  app.post('/admin/tokens/:id/revoke', async (c) => {
    // Only a live token that exists is said to be revoked: another id (or one already revoked) is not found.
    const id = c.req.param('id');
    if (!/^\d{1,15}$/.test(id) || !(await revokeApiToken(deps.db, Number(id)))) return renderError(c, 'notFound');
    return c.redirect(withNotice('/admin/tokens', 'tokenRevoked'), 303);
  });

  return app;
}
