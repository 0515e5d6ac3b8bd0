/** Loads the signed-in account from the session cookie (or null), for every console request. */
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { sessionUser } from '../auth/sessions.ts';
import { clearCookie, readCookie } from '../http/cookies.ts';

export function session(deps: AppDeps): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const token = readCookie(c, 'session', deps.secureCookies);
    const user = token === undefined ? undefined : await sessionUser(deps.db, token, deps.now());
    if (token !== undefined && user === undefined) clearCookie(c, 'session', deps.secureCookies);
    c.set('user', user ?? null);
    await next();
  };
}
