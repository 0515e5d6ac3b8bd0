/** Console access by role: anonymous visitors are sent to sign in, others need the permission. */
import type { MiddlewareHandler } from 'hono';
import type { ConsoleEnv } from '../app-env.ts';
import { can, type Permission } from '../auth/roles.ts';
import { renderError } from '../views/render.tsx';

export function requirePermission(permission: Permission): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (user === null) {
      const back = c.req.method === 'GET' ? c.req.path + new URL(c.req.url).search : '';
      return c.redirect(back === '' || back === '/' ? '/login' : `/login?next=${encodeURIComponent(back)}`, 303);
    }
    if (!can(user.role, permission)) return renderError(c, 'forbidden');
    await next();
  };
}
