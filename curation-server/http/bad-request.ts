/**
 * A request the client got wrong — a body that cannot be parsed, a refused search, a body of the
 * wrong type — thrown where it is found and answered by app.onError with a 4xx and the reason (a
 * page in the console, JSON in the API), never logged as a crash.
 */
import { HTTPException } from 'hono/http-exception';

export const BAD_REQUEST_REASONS = ['malformed-body', 'invalid-search', 'unsupported-media-type'] as const;
export type BadRequestReason = (typeof BAD_REQUEST_REASONS)[number];

export class BadRequest extends HTTPException {
  constructor(
    readonly reason: BadRequestReason,
    options: { cause?: unknown } = {},
  ) {
    super(reason === 'unsupported-media-type' ? 415 : 400, { message: reason, cause: options.cause });
  }
}

/** The reason of a client error: ours, or one of Hono's validators (malformed JSON: 400, wrong Content-Type: 415). */
export function badRequestReason(error: HTTPException): BadRequestReason {
  if (error instanceof BadRequest) return error.reason;
  return error.status === 415 ? 'unsupported-media-type' : 'malformed-body';
}
