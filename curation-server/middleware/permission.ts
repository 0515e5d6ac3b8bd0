/**
 * Console access by role: anonymous visitors are sent to sign in, others need the permission. For a
 * state-changing request, the CSRF token is checked here too, once the session and the role are
 * known to allow it: what may not post here is refused before its body is read (middleware/csrf.ts).
 */
import type { MiddlewareHandler } from 'hono';
import type { ConsoleEnv } from '../app-env.ts';
import { can, type Permission } from '../auth/roles.ts';
import { renderError } from '../views/render.tsx';
import { checksCsrfItself, hasCsrfToken, isStateChanging } from './csrf.ts';

export function requirePermission(permission: Permission): MiddlewareHandler<ConsoleEnv> {
  return checksCsrfItself<MiddlewareHandler<ConsoleEnv>>(async (c, next) => {
    const user = c.get('user');
    if (user === null) {
      const back = c.req.method === 'GET' ? c.req.path + new URL(c.req.url).search : '';
      return c.redirect(back === '' || back === '/' ? '/login' : `/login?next=${encodeURIComponent(back)}`, 303);
    }
    if (!can(user.role, permission)) return renderError(c, 'forbidden');
    if (isStateChanging(c) && !(await hasCsrfToken(c))) return renderError(c, 'csrf');
    await next();
  });
}
