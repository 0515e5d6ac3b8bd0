/**
 * The console's cookies. All are HttpOnly and SameSite=Lax; over HTTPS they are Secure and carry
 * the `__Host-` prefix, which browsers only accept from this exact origin, on path /.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export type CookieName = 'session' | 'csrf' | 'lang';

const NAMES: Record<CookieName, string> = { session: 'sdc_session', csrf: 'sdc_csrf', lang: 'sdc_lang' };

export function cookieName(name: CookieName, secure: boolean): string {
  return secure ? `__Host-${NAMES[name]}` : NAMES[name];
}

export function readCookie(c: Context, name: CookieName, secure: boolean): string | undefined {
  return getCookie(c, cookieName(name, secure));
}

/** Without maxAge, the cookie ends with the browser session (sign-in cookies on shared computers). */
export function writeCookie(c: Context, name: CookieName, value: string, secure: boolean, maxAge?: number): void {
  setCookie(c, cookieName(name, secure), value, { path: '/', httpOnly: true, sameSite: 'Lax', secure, ...(maxAge === undefined ? {} : { maxAge }) });
}

export function clearCookie(c: Context, name: CookieName, secure: boolean): void {
  deleteCookie(c, cookieName(name, secure), { path: '/', secure });
}
