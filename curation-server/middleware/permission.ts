/**
 * Console access by role: anonymous visitors are sent to sign in, others need the permission
 * (refused: Forbidden, rendered by the console's onError). For a state-changing request, the CSRF
 * token is checked here too, once the session and the role are known to allow it: what may not
 * post here is refused before its body is read (middleware/csrf.ts).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { ConsoleEnv } from '../app-env.ts';
import { type Actor, userActor } from '../auth/actor.ts';
import { can, type Permission } from '../auth/roles.ts';
import type { User } from '../auth/users.ts';
import { CsrfRefused, Forbidden } from '../http/console-errors.ts';
import { checksCsrfItself, hasCsrfToken, isStateChanging } from './csrf.ts';

export function requirePermission(permission: Permission): MiddlewareHandler<ConsoleEnv> {
  return checksCsrfItself<MiddlewareHandler<ConsoleEnv>>(async (c, next) => {
    const user = c.get('user');
    if (user === null) {
      const back = c.req.method === 'GET' ? c.req.path + new URL(c.req.url).search : '';
      return c.redirect(back === '' || back === '/' ? '/login' : `/login?next=${encodeURIComponent(back)}`, 303);
    }
    if (!can(user.role, permission)) throw new Forbidden();
    if (isStateChanging(c) && !(await hasCsrfToken(c))) throw new CsrfRefused();
    await next();
  });
}

/**
 * The signed-in account of a handler behind requirePermission, never null: a handler reached
 * without it (a route declared without the check) refuses, rather than act for nobody.
 */
export function signedInUser(c: Context<ConsoleEnv>): User {
  const user = c.get('user') ?? null;
  if (user === null) throw new Forbidden();
  return user;
}

/** The signed-in account as the history writes it (see signedInUser). */
export function actorOf(c: Context<ConsoleEnv>): Actor {
  return userActor(signedInUser(c));
}
