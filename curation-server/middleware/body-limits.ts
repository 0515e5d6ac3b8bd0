/**
 * Request body size limits: small for forms and API calls, larger for CSV imports (the whole
 * corpus exported as CSV is about 5 MB). Larger bodies get 413 before anything reads them.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

export const FORM_BODY_LIMIT = 64 * 1024;
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const IMPORT_PATHS = ['/import', '/api/imports'];

function limit(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new HTTPException(413);
    },
  });
}

export function bodyLimits(): MiddlewareHandler {
  const forms = limit(FORM_BODY_LIMIT);
  const imports = limit(IMPORT_BODY_LIMIT);
  return (c, next) => (IMPORT_PATHS.some((path) => c.req.path === path) ? imports(c, next) : forms(c, next));
}
