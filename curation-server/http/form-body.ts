/** A console form's fields, read from the body (urlencoded or multipart). */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { BodyData, ParseBodyOptions } from 'hono/utils/body';
import { BadRequest } from './bad-request.ts';

/** Like `c.req.parseBody()`, but a body that cannot be parsed (a broken multipart) is the client's error: a typed 400. */
export async function formBody<Options extends Partial<ParseBodyOptions>>(c: Context, options?: Options): Promise<BodyData<Options>> {
  try {
    return await c.req.parseBody<Options, BodyData<Options>>(options);
  } catch (error) {
    // The body limit's 413 arrives through the stream being read: it stays a 413.
    if (error instanceof HTTPException) throw error;
    throw new BadRequest('malformed-body', { cause: error });
  }
}
