import type { Context } from 'hono';

/**
 * The client's address, for rate limiting. Behind a reverse proxy (trustProxy) it is the last
 * address the proxy appended to X-Forwarded-For — earlier entries are whatever the client sent.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
