/** @jsxImportSource hono/jsx */
/** Publishing the list from the console, at /admin/publications: inside the administration router, whose requirePermission('administer') guards the page and its form. */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { formBody } from '../http/form-body.ts';
import { actorOf } from '../middleware/permission.ts';
import { shapeErrors } from '../views/form-errors.ts';
import type { FieldErrors } from '../views/form-fields.tsx';
import { noticeFrom, withNotice } from '../views/notices.ts';
import { PublicationsPage } from '../views/publications-page.tsx';
import { renderPage } from '../views/render.tsx';
import { viewOf } from '../views/view.ts';

const PublishForm = z.object({
  comment: z.string().trim().max(1000).default(''),
  force: z.literal('true').optional(),
  /** The digest of the list the preview showed: only that list is published. */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});

export function publicationRoutes(deps: AppDeps) {
  const { publisher } = deps;
  const app = new Hono<ConsoleEnv>();

  const show = async (c: Context<ConsoleEnv>, errors: FieldErrors = {}) => {
    const view = viewOf(c);
    const hasErrors = Object.keys(errors).length > 0;
    return renderPage(c, {
      title: view.t.publications.title,
      status: hasErrors ? 409 : 200,
      hasErrors,
      body: (
        <PublicationsPage
          view={view}
          status={await publisher.status()}
          history={await publisher.history()}
          preview={await publisher.preview()}
          errors={errors}
          notice={noticeFrom(view.url, view.t)}
        />
      ),
    });
  };

  app.get('/', (c) => show(c));

  app.post('/', async (c) => {
    const view = viewOf(c);
    const form = PublishForm.safeParse(await formBody(c));
    if (!form.success) {
      // No digest: the form did not come from a preview (or from an older page), so nothing is published blind.
      const { digest, ...errors } = shapeErrors(form.error, view.t);
      return show(c, digest === undefined ? errors : { ...errors, '': [view.t.publicationPreview.stale] });
    }
    const outcome = await publisher.publishPreviewed(actorOf(c), form.data.digest, { force: form.data.force === 'true', comment: form.data.comment });
    if (outcome.status === 'no-key') return show(c, { '': [view.t.publications.noKey] });
    if (outcome.status === 'stale') return show(c, { '': [view.t.publicationPreview.stale] });
    // Publishing nothing new is refused, not done silently: the page says why and how to force it.
    if (outcome.status === 'unchanged') return show(c, { '': [view.t.publicationPreview.refused(outcome.version)] });
    return c.redirect(withNotice('/admin/publications', 'published', { version: outcome.record.version }), 303);
  });

  return app;
}
