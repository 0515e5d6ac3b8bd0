import type { MiddlewareHandler } from 'hono';

/** Console pages hold account details and CSRF tokens: no cache (shared computers, proxies) keeps them. */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
}
