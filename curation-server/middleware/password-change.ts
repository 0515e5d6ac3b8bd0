/**
 * An account signed in with a temporary password (given by an administrator, who has seen it) may
 * do nothing but choose its own: every other console request is sent to that page.
 */
import type { MiddlewareHandler } from 'hono';
import type { ConsoleEnv } from '../app-env.ts';

export const PASSWORD_CHANGE_PATH = '/account/password';
const STILL_OPEN = new Set([PASSWORD_CHANGE_PATH, '/logout']);

export function passwordChange(): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (c.get('user')?.mustChangePassword === true && !STILL_OPEN.has(c.req.path)) return c.redirect(PASSWORD_CHANGE_PATH, 303);
    await next();
  };
}
