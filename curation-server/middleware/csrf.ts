/**
 * CSRF protection for the console (the API uses bearer tokens, which browsers never send on
 * their own, so it needs none). Every state-changing request must carry a token derived from the
 * browser's secret: its session token once signed in, before that a random cookie of its own.
 * Another site can make a browser send the cookie, but cannot read the token to send with it.
 * Requests a browser labels cross-site are refused outright.
 *
 * The token travels in the form, so checking it means reading the body (an import: up to 10 MB).
 * On a route behind requirePermission, that middleware checks it, after the session and the role,
 * so that a request which may not post there is refused before its body is read. Here, the token
 * is checked for every other state-changing request (the sign-in form, sign-out, unknown paths).
 * A refusal is thrown (CsrfRefused) and rendered by the console's onError.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { COMPOSED_HANDLER } from 'hono/utils/constants';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { derivedToken, randomToken, sameSecret } from '../auth/secret-token.ts';
import { readCookie, writeCookie } from '../http/cookies.ts';
import { CsrfRefused } from '../http/console-errors.ts';
import { formBody } from '../http/form-body.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_FIELD = '_csrf';

export function csrfTokenFor(secret: string): string {
  return derivedToken(secret, 'csrf');
}

export function isStateChanging(c: Context): boolean {
  return !SAFE_METHODS.has(c.req.method);
}

/** Whether a state-changing request carries this page's token (header `x-csrf-token`, else the form field). */
export async function hasCsrfToken(c: Context<ConsoleEnv>): Promise<boolean> {
  const header = c.req.header('x-csrf-token');
  const body = header === undefined && c.req.header('content-type')?.match(/^(multipart\/form-data|application\/x-www-form-urlencoded)/) ? await formBody(c) : {};
  const sent = header ?? body[CSRF_FIELD];
  return typeof sent === 'string' && sameSecret(sent, c.get('csrfToken'));
}

const permissionChecks = new WeakSet<object>();

/** Marks a middleware as one that checks the CSRF token itself, after deciding who may go on. */
export function checksCsrfItself<T extends object>(middleware: T): T {
  permissionChecks.add(middleware);
  return middleware;
}

/** The handler a route was declared with: an app with its own onError wraps each of its handlers when mounted. */
function declaredHandler(handler: unknown): unknown {
  let declared = handler;
  while (typeof declared === 'function' && COMPOSED_HANDLER in declared) declared = (declared as { [COMPOSED_HANDLER]: unknown })[COMPOSED_HANDLER];
  return declared;
}

export function csrf(deps: AppDeps): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const secure = deps.secureCookies;
    let secret = readCookie(c, 'session', secure);
    if (c.get('user') === null) {
      secret = readCookie(c, 'csrf', secure);
      if (secret === undefined) {
        secret = randomToken();
        writeCookie(c, 'csrf', secret, secure);
      }
    }
    c.set('csrfToken', csrfTokenFor(secret ?? ''));
    if (isStateChanging(c)) {
      if (c.req.header('sec-fetch-site') === 'cross-site') throw new CsrfRefused();
      const checkedLater = matchedRoutes(c).some((route) => permissionChecks.has(declaredHandler(route.handler) as object));
      if (!checkedLater && !(await hasCsrfToken(c))) throw new CsrfRefused();
    }
    await next();
  };
}
