/** @jsxImportSource hono/jsx */
/** The activity page, and reverting any recorded change (which records a new event). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { userActor } from '../auth/actor.ts';
import { formBody } from '../http/form-body.ts';
import { safeRedirectTarget } from '../http/redirect-target.ts';
import { requirePermission } from '../middleware/permission.ts';
import { revertChange } from '../sources/source-commands.ts';
import { CommentSchema } from '../sources/source-input.ts';
import { issueErrors, shapeErrors } from '../views/form-errors.ts';
import type { FieldErrors } from '../views/form-fields.tsx';
import { withNotice } from '../views/notices.ts';
import { viewOf } from '../views/view.ts';
import { activityPageResponse, sourcePageResponse } from './page-responses.tsx';

const RevertForm = z.object({ comment: CommentSchema, return: z.string().max(2000).default('/activity') });

export function activityRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();

  app.get('/activity', requirePermission('read'), (c) => activityPageResponse(c, deps.db, new URL(c.req.url)));

  app.post('/events/:id/revert', requirePermission('edit'), async (c) => {
    const view = viewOf(c);
    const form = RevertForm.safeParse(await formBody(c));
    const back = safeRedirectTarget(form.success ? form.data.return : undefined, '/activity');
    // A refusal is shown on the page the revert was asked from: the source's page or the activity.
    const refused = (errors: FieldErrors, status: 409 | 422) => {
      const location = new URL(back, c.req.url);
      const source = /^\/sources\/([^/]+)$/.exec(location.pathname);
      return source === null ? activityPageResponse(c, deps.db, location, errors, status) : sourcePageResponse(c, deps.db, decodeURIComponent(source[1]), { errors, status });
    };
    if (!form.success) return refused(shapeErrors(form.error, view.t), 422);
    const user = c.get('user');
    const eventId = Number(c.req.param('id'));
    if (user === null || !Number.isSafeInteger(eventId)) return refused(issueErrors([{ code: 'not-found' }], view.lang, []), 422);
    const reverted = await revertChange(deps.db, userActor(user), eventId, form.data.comment);
    if (reverted.ok) return c.redirect(withNotice(back, 'reverted'), 303);
    return refused(issueErrors(reverted.issues, view.lang, []), 409);
  });

  return app;
}
