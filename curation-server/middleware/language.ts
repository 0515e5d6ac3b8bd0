/**
 * The console's language: `?lang=` (remembered in a cookie), else the cookie, else the browser's
 * Accept-Language, else French.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { ConsoleEnv } from '../app-env.ts';
import { readCookie, writeCookie } from '../http/cookies.ts';
import { type Lang, LANGS, MESSAGES } from '../i18n/messages.ts';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

function isLang(value: string | undefined): value is Lang {
  return (LANGS as readonly string[]).includes(value ?? '');
}

/** The first supported language of an Accept-Language header, by preference. Pure. */
export function preferredLang(header: string): Lang | undefined {
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { base: tag.trim().slice(0, 2).toLowerCase(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find((entry) => isLang(entry.base))?.base as Lang | undefined;
}

export function detectLang(c: Context, secure: boolean): Lang {
  const asked = c.req.query('lang');
  if (isLang(asked)) return asked;
  const remembered = readCookie(c, 'lang', secure);
  if (isLang(remembered)) return remembered;
  return preferredLang(c.req.header('accept-language') ?? '') ?? 'fr';
}

export function language(secure: boolean): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const lang = detectLang(c, secure);
    if (isLang(c.req.query('lang'))) writeCookie(c, 'lang', lang, secure, ONE_YEAR_S);
    c.set('lang', lang);
    c.set('t', MESSAGES[lang]);
    await next();
  };
}
