/**
 * API authentication: `Authorization: Bearer sdc_…` with a token an administrator created. Cookies
 * are never looked at here, so a browser cannot be made to call the API with someone's session
 * (no CSRF exposure), and the console's session cannot be used as an API key.
 */
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv, AppDeps } from '../app-env.ts';
import { tokenActor } from '../auth/actor.ts';
import { apiTokenFor } from '../auth/api-tokens.ts';
import { can, type Permission } from '../auth/roles.ts';

export function apiTokenAuth(deps: AppDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match === null ? undefined : await apiTokenFor(deps.db, match[1], deps.now());
    if (token === undefined) {
      c.header('WWW-Authenticate', 'Bearer realm="sources-de-confiance"');
      return c.json({ error: 'unauthorized' }, 401);
    }
    c.set('actor', tokenActor(token));
    await next();
  };
}

export function apiPermission(permission: Permission): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!can(c.get('actor').role, permission)) return c.json({ error: 'forbidden' }, 403);
    await next();
  };
}
