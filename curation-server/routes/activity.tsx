/** @jsxImportSource hono/jsx */
/**
 * The activity page (/activity), and undoing (« Défaire ») any recorded change (/events/:id/revert)
 * or whole batch (/batches/:id/undo) — which records new events. One router per prefix.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { formBody } from '../http/form-body.ts';
import { safeRedirectTarget } from '../http/redirect-target.ts';
import { actorOf, requirePermission } from '../middleware/permission.ts';
import { formatInstant } from '../i18n/format.ts';
import type { Lang, Messages } from '../i18n/messages.ts';
import type { UndoRefusal } from '../sources/batch-undo-plan.ts';
import { undoBatch } from '../sources/batch-undo.ts';
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
  app.get('/', requirePermission('read'), (c) => activityPageResponse(c, deps.db, new URL(c.req.url)));
  return app;
}

/** Undoing one recorded change, asked from a source's page or the activity page. */
export function eventRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.post('/:id/revert', requirePermission('edit'), async (c) => {
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
    const eventId = Number(c.req.param('id'));
    if (!Number.isSafeInteger(eventId)) return refused(issueErrors([{ code: 'not-found' }], view.lang, []), 422);
    const reverted = await revertChange(deps.db, actorOf(c), eventId, form.data.comment);
    if (reverted.ok) return c.redirect(withNotice(back, 'reverted'), 303);
    return refused(issueErrors(reverted.issues, view.lang, []), 409);
  });
  return app;
}

/** Undoing a whole batch (a bulk action, an import, a review batch) at once. */
export function batchRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.post('/:id/undo', requirePermission('edit'), async (c) => {
    const view = viewOf(c);
    const { t } = view;
    const form = RevertForm.safeParse(await formBody(c));
    const back = safeRedirectTarget(form.success ? form.data.return : undefined, '/activity');
    const refused = (messages: FieldErrors, status: 404 | 409 | 422) => activityPageResponse(c, deps.db, new URL(back, c.req.url), messages, status);
    if (!form.success) return refused(shapeErrors(form.error, t), 422);
    const batchId = c.req.param('id');
    const undone = await undoBatch(deps.db, actorOf(c), batchId, form.data.comment);
    if (undone.ok) return c.redirect(withNotice(`/activity?batch=${encodeURIComponent(undone.batch)}`, 'undone', { count: undone.undone }), 303);
    switch (undone.reason) {
      case 'not-found':
        return refused({ '': [t.batches.notFound] }, 404);
      case 'already-undone':
        return refused({ '': [t.batches.alreadyUndone(undone.by)] }, 409);
      case 'nothing-to-undo':
        return refused({ '': [t.batches.nothingToUndo] }, 409);
      case 'refused':
        return refused({ '': [t.batches.refused, ...undone.refusals.map((refusal) => undoRefusalMessage(t, view.lang, refusal))] }, 409);
      case 'invalid':
        return refused(
          { '': [t.batches.invalid, ...undone.failures.flatMap((failure) => Object.values(issueErrors(failure.issues, view.lang, [])).flat().map((message) => `${failure.host} — ${message}`))] },
          409,
        );
    }
  });

  return app;
}

function undoRefusalMessage(t: Messages, lang: Lang, refusal: UndoRefusal): string {
  switch (refusal.code) {
    case 'changed-since':
      return refusal.by === null ? t.batches.changedOutside(refusal.host) : t.batches.changedSince(refusal.host, refusal.by.id, refusal.by.actor, formatInstant(refusal.by.at, lang));
    case 'missing':
      return t.batches.missing(refusal.sourceId);
    case 'not-undoable':
      return t.batches.notUndoable(refusal.eventId);
  }
}
