/** @jsxImportSource hono/jsx */
/** CSV import in the console: upload, preview (nothing changes), then apply what the preview showed. */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { NotFound } from '../http/console-errors.ts';
import { formBody } from '../http/form-body.ts';
import { actorOf, requirePermission } from '../middleware/permission.ts';
import { csvFileText } from '../sources/csv-file.ts';
import { csvFileIssueMessage } from '../sources/source-csv.ts';
import { applyImport, currentImport, previewImport } from '../sources/source-imports.ts';
import { CommentSchema } from '../sources/source-input.ts';
import { shapeErrors } from '../views/form-errors.ts';
import type { FieldErrors } from '../views/form-fields.tsx';
import { ImportFormPage, ImportPreviewPage } from '../views/import-pages.tsx';
import { withNotice } from '../views/notices.ts';
import { renderPage } from '../views/render.tsx';
import { viewOf } from '../views/view.ts';

const UploadForm = z.object({
  file: z.instanceof(File).optional().catch(undefined),
  text: z.string().default(''),
});
const ApplyForm = z.object({ digest: z.string().max(100), comment: CommentSchema });

export function importRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.use(requirePermission('edit'));

  const showForm = (c: Context<ConsoleEnv>, errors: FieldErrors = {}, text?: string) => {
    const view = viewOf(c);
    const hasErrors = Object.keys(errors).length > 0;
    return renderPage(c, { title: view.t.import.title, status: hasErrors ? 422 : 200, hasErrors, body: <ImportFormPage view={view} errors={errors} text={text} /> });
  };

  const showPreview = async (c: Context<ConsoleEnv>, id: string, extra: { errors?: FieldErrors; status?: 200 | 409 | 422 } = {}) => {
    const current = await currentImport(deps.db, id);
    if (current === undefined || !current.ok) throw new NotFound();
    const view = viewOf(c);
    const errors = extra.errors ?? {};
    return renderPage(c, {
      title: view.t.import.previewTitle,
      status: extra.status,
      hasErrors: Object.keys(errors).length > 0,
      body: <ImportPreviewPage view={view} record={current.record} plan={current.plan} digest={current.digest} errors={errors} />,
    });
  };

  app.get('/', (c) => showForm(c));

  app.post('/', async (c) => {
    const view = viewOf(c);
    const form = UploadForm.safeParse(await formBody(c));
    if (!form.success) return showForm(c, shapeErrors(form.error, view.t));
    const { file, text } = form.data;
    const hasFile = file !== undefined && file.size > 0;
    if (!hasFile && text.trim() === '') return showForm(c, { file: [view.t.import.empty] });
    const csv = hasFile ? csvFileText(new Uint8Array(await file.arrayBuffer())) : text;
    const preview = await previewImport(deps.db, actorOf(c), { name: hasFile ? file.name.slice(0, 200) : '(texte collé)', csv });
    if (!preview.ok) return showForm(c, { file: [view.t.import.fileError(csvFileIssueMessage(preview.issue, view.lang))] }, hasFile ? undefined : text);
    return c.redirect(`/import/${preview.record.id}`, 303);
  });

  app.get('/:id', (c) => showPreview(c, c.req.param('id')));

  app.post('/:id/apply', async (c) => {
    const id = c.req.param('id');
    const view = viewOf(c);
    const form = ApplyForm.safeParse(await formBody(c));
    if (!form.success) return showPreview(c, id, { errors: shapeErrors(form.error, view.t), status: 422 });
    const applied = await applyImport(deps.db, actorOf(c), id, form.data);
    if (applied.ok) return c.redirect(withNotice(`/activity?batch=${encodeURIComponent(applied.batch)}`, 'imported'), 303);
    switch (applied.reason) {
      case 'not-found':
        throw new NotFound();
      case 'moved':
        return showPreview(c, id, { errors: { '': [view.t.import.moved] }, status: 409 });
      case 'already-applied':
        return showPreview(c, id, { errors: { '': [view.t.import.applied] }, status: 409 });
      case 'has-errors':
        return showPreview(c, id, { errors: { '': [view.t.import.errorsBlock] }, status: 422 });
    }
  });

  return app;
}
