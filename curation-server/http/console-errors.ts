/**
 * What the console's middleware and handlers refuse, as typed errors: thrown where it is decided
 * and turned into a page (status, French or English) by the console's one `onError`
 * (views/error-response.tsx), so that no middleware imports a view. Each is an HTTPException, so
 * the API's handler answers them too (JSON), and none is logged as a crash.
 * A request that cannot be read (malformed body, refused search) is `BadRequest`, in ./bad-request.ts.
 */
import { HTTPException } from 'hono/http-exception';

/** The role of the signed-in account does not allow this. */
export class Forbidden extends HTTPException {
  constructor() {
    super(403, { message: 'forbidden' });
  }
}

/** A state-changing request without this page's CSRF token, or labelled cross-site by the browser. */
export class CsrfRefused extends HTTPException {
  constructor() {
    super(403, { message: 'csrf-refused' });
  }
}

/** No such page, or no such record behind a page's id. */
export class NotFound extends HTTPException {
  constructor() {
    super(404, { message: 'not-found' });
  }
}

/** A body larger than the path allows (middleware/body-limits.ts). */
export class PayloadTooLarge extends HTTPException {
  constructor() {
    super(413, { message: 'payload-too-large' });
  }
}
