/**
 * CSRF protection for the console (the API uses bearer tokens, which browsers never send on
 * their own, so it needs none). Every state-changing request must carry a token derived from the
 * browser's secret: its session token once signed in, before that a random cookie of its own.
 * Another site can make a browser send the cookie, but cannot read the token to send with it.
 * Requests a browser labels cross-site are refused outright.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { derivedToken, randomToken, sameSecret } from '../auth/secret-token.ts';
import { readCookie, writeCookie } from '../http/cookies.ts';
import { formBody } from '../http/form-body.ts';
import { renderError } from '../views/render.tsx';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_FIELD = '_csrf';

export function csrfTokenFor(secret: string): string {
  return derivedToken(secret, 'csrf');
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
    const expected = csrfTokenFor(secret ?? '');
    c.set('csrfToken', expected);
    if (!SAFE_METHODS.has(c.req.method)) {
      const crossSite = c.req.header('sec-fetch-site') === 'cross-site';
      const body = c.req.header('content-type')?.match(/^(multipart\/form-data|application\/x-www-form-urlencoded)/) ? await formBody(c) : {};
      const sent = c.req.header('x-csrf-token') ?? body[CSRF_FIELD];
      if (crossSite || typeof sent !== 'string' || !sameSecret(sent, expected)) {
        return renderError(c, 'csrf');
      }
    }
    await next();
  };
}
