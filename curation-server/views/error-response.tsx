/**
 * The console's one error handler: the typed errors middleware and handlers throw
 * (http/console-errors.ts, http/bad-request.ts) become the page of their kind, with its status, in
 * the request's language; anything else is a crash, logged and answered 500.
 */
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ConsoleEnv } from '../app-env.ts';
import { badRequestReason } from '../http/bad-request.ts';
import { CsrfRefused, Forbidden, NotFound } from '../http/console-errors.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { detectLang } from '../middleware/language.ts';
import { renderError } from './render.tsx';

/** The client's error, or null for a crash. */
function clientErrorOf(error: Error): HTTPException | null {
  return error instanceof HTTPException && error.status < 500 ? error : null;
}

/** Logs a crash (a client's error is no crash). Shared with the API's JSON answers. */
export function logCrash(error: Error, c: Context): void {
  if (clientErrorOf(error) === null) console.error(`${c.req.method} ${c.req.path}:`, error);
}

export function consoleErrorResponse(secureCookies: boolean): ErrorHandler<ConsoleEnv> {
  return (error, c) => {
    logCrash(error, c);
    // Thrown before the language middleware ran (a body limit on the whole server): the page still speaks the visitor's language.
    if (c.get('t') === undefined) {
      const lang = detectLang(c, secureCookies);
      c.set('lang', lang);
      c.set('t', MESSAGES[lang]);
    }
    const clientError = clientErrorOf(error);
    if (clientError === null) return renderError(c, 'server');
    if (clientError instanceof Forbidden) return renderError(c, 'forbidden');
    if (clientError instanceof CsrfRefused) return renderError(c, 'csrf');
    if (clientError instanceof NotFound) return renderError(c, 'notFound');
    if (clientError.status === 413) return renderError(c, 'tooLarge');
    return renderError(c, 'badRequest', c.get('t').errors.badRequestReasons[badRequestReason(clientError)]);
  };
}
