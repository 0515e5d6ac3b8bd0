/**
 * Request body size limits: small for forms and API calls, larger for CSV imports (the whole
 * corpus exported as CSV is about 5 MB). A body announced larger (Content-Length) gets 413 at
 * once; otherwise bytes are counted as the body is read, and reading fails with 413 past the limit.
 * Nothing is read here: Hono's bodyLimit would buffer a chunked upload whole before any session or
 * role check, so an anonymous client could make the server hold 10 MB per request.
 */
import type { MiddlewareHandler } from 'hono';
import { PayloadTooLarge } from '../http/console-errors.ts';

export const FORM_BODY_LIMIT = 64 * 1024;
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const IMPORT_PATHS = ['/import', '/api/imports'];

/** The body, read only when a handler reads it (nothing is pulled ahead), failing with 413 past `maxSize` bytes. */
function limitedBody(source: ReadableStream<Uint8Array>, maxSize: number): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let size = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        size += value.byteLength;
        if (size <= maxSize) return controller.enqueue(value);
        controller.error(new PayloadTooLarge());
        await reader.cancel();
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

export function bodyLimits(): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (body === null) return next();
    const maxSize = IMPORT_PATHS.includes(c.req.path) ? IMPORT_BODY_LIMIT : FORM_BODY_LIMIT;
    const announced = Number(c.req.header('content-length'));
    if (!c.req.raw.headers.has('transfer-encoding') && announced > maxSize) throw new PayloadTooLarge();
    c.req.raw = new Request(c.req.raw, { body: limitedBody(body, maxSize), duplex: 'half' } as RequestInit);
    return next();
  };
}
