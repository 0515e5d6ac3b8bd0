/** @jsxImportSource hono/jsx */
/** The sources in the console, under /sources: list, exports, add, view, edit, change status, mark reviewed, bulk actions. */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { formBody } from '../http/form-body.ts';
import { safeRedirectTarget } from '../http/redirect-target.ts';
import { actorOf, requirePermission } from '../middleware/permission.ts';
import { BulkConfirmPage } from '../views/bulk-confirm-page.tsx';
import { changedFields } from '../sources/source-changes.ts';
import { sourcesByIds } from '../sources/source-store.ts';
import { BULK_ACTIONS } from '../db/schema.ts';
import { applyBulkAction, bulkChange, type BulkResult, createSource, type EditableFields, markReviewed, setStatus, updateSource } from '../sources/source-commands.ts';
import { CommentSchema, SourceFieldsSchema } from '../sources/source-input.ts';
import { lenientQuery, listSources, SearchTextSchema, SourceListQuerySchema } from '../sources/source-list.ts';
import type { FieldErrors } from '../views/form-fields.tsx';
import { issueErrors, shapeErrors } from '../views/form-errors.ts';
import { noticeFrom, withNotice } from '../views/notices.ts';
import { renderPage } from '../views/render.tsx';
import { NewSourcePage } from '../views/source-page.tsx';
import { SourcesPage } from '../views/sources-page.tsx';
import { viewOf } from '../views/view.ts';
import { sourcePageResponse } from './page-responses.tsx';
import { sourceExportRoutes } from './source-exports.ts';
import type { Messages } from '../i18n/messages.ts';
import { type PastedAddress, readPastedAddress, withUnderstoodAddress } from '../sources/pasted-address.ts';
import { displayHost } from '../views/display-host.ts';
import type { FieldNotes } from '../views/source-page.tsx';

const FORM_FIELDS = ['host', 'scope', 'path', 'category', 'status', 'name', 'code'] as const;

// The console asks for the status (no `active` default, unlike the API).
const NewSourceForm = SourceFieldsSchema.extend({ status: SourceFieldsSchema.shape.status.unwrap(), comment: CommentSchema });
const EditForm = NewSourceForm.extend({ revision: z.coerce.number().int().min(1).optional() });
const StatusForm = z.object({ status: SourceFieldsSchema.shape.status, comment: CommentSchema });
const CommentForm = z.object({ comment: CommentSchema });
const BulkForm = z.object({
  ids: z.union([z.string(), z.array(z.string())]).transform((ids) => (Array.isArray(ids) ? ids : [ids])).pipe(z.array(z.string().max(40)).max(500)).default([]),
  action: z.enum(BULK_ACTIONS).optional().catch(undefined),
  comment: CommentSchema,
  return: z.string().max(2000).default('/sources'),
  /** Set by the confirmation step's « Confirmer »: without it, nothing is written yet. */
  confirm: z.literal('1').optional(),
});

/** What the form sent, as typed, to show it again beside the errors. */
function typedFields(body: Record<string, unknown>): EditableFields {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  return { host: text('host'), scope: text('scope'), path: text('path'), category: text('category'), status: text('status'), name: text('name'), code: text('code') };
}

/** The choices a form left on « — choisir — », each with its own message. */
function unchosenErrors(fields: EditableFields, t: Messages): FieldErrors {
  const errors: FieldErrors = {};
  if (fields.category === '') errors.category = [t.source.chooseCategory];
  if (fields.status === '') errors.status = [t.source.chooseStatus];
  return errors;
}

/** A refusal of the form's shape, with the unchosen selects said as such. */
function formErrors(error: Parameters<typeof shapeErrors>[0], fields: EditableFields, t: Messages): FieldErrors {
  return { ...shapeErrors(error, t), ...unchosenErrors(fields, t) };
}

/** The note under the hostname (and path) when a whole address was pasted, or none. */
function addressNotes(address: PastedAddress, t: Messages): FieldNotes | undefined {
  if (address.kind === 'hostname') return undefined;
  const note = t.source.understood(address.pasted, displayHost(address.host), address.path, address.droppedPath);
  return { host: note };
}

export function sourceRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  const { db } = deps;

  // Hono runs every route a path matches, in the order declared: the fixed paths (exports, /new,
  // /bulk) come before /:id, which would take "export.csv" or "new" for an id.
  app.route('/', sourceExportRoutes(deps));

  const showSource = (c: Context<ConsoleEnv>, id: string, extra: Parameters<typeof sourcePageResponse>[3] = {}) => sourcePageResponse(c, db, id, extra);

  app.get('/', requirePermission('read'), async (c) => {
    const raw = c.req.query();
    const query = lenientQuery(SourceListQuerySchema, raw);
    const view = viewOf(c);
    // A refused search is said so under the search box (and 400), not silently dropped.
    const errors: FieldErrors = SearchTextSchema.safeParse(raw.q).success ? {} : { q: [view.t.errors.badRequestReasons['invalid-search']] };
    const refused = Object.keys(errors).length > 0;
    return renderPage(c, {
      title: view.t.list.title,
      status: refused ? 400 : 200,
      hasErrors: refused,
      body: <SourcesPage view={view} query={query} page={await listSources(db, query)} errors={errors} notice={noticeFrom(view.url, view.t)} />,
    });
  });

  app.get('/new', requirePermission('edit'), (c) => {
    const view = viewOf(c);
    const blank: EditableFields = { host: '', scope: 'subdomains', path: '', category: '', status: '', name: '', code: '' };
    return renderPage(c, { title: view.t.source.newTitle, body: <NewSourcePage view={view} values={blank} errors={{}} /> });
  });

  app.post('/', requirePermission('edit'), async (c) => {
    const view = viewOf(c);
    const body = await formBody(c);
    const address = readPastedAddress(typedFields(body));
    const typed = withUnderstoodAddress(typedFields(body), address);
    const comment = String(body.comment ?? '');
    // A pasted address is shown as understood, and saved only once the curator has seen it.
    if (address.kind === 'address') {
      return renderPage(c, { title: view.t.source.newTitle, body: <NewSourcePage view={view} values={typed} errors={{}} notes={addressNotes(address, view.t)} comment={comment} /> });
    }
    const form = NewSourceForm.safeParse(body);
    const refused = (errors: FieldErrors) =>
      renderPage(c, { title: view.t.source.newTitle, status: 422, hasErrors: true, body: <NewSourcePage view={view} values={typed} errors={errors} comment={comment} /> });
    if (!form.success) return refused(formErrors(form.error, typed, view.t));
    const { comment: note, ...fields } = form.data;
    const created = await createSource(db, actorOf(c), fields, note);
    if (!created.ok) return refused(issueErrors(created.issues, view.lang, FORM_FIELDS));
    return c.redirect(withNotice(`/sources/${created.value.id}`, 'created'), 303);
  });

  app.post('/bulk', requirePermission('edit'), async (c) => {
    const view = viewOf(c);
    const form = BulkForm.safeParse(await formBody(c, { all: true }));
    const back = form.success ? safeRedirectTarget(form.data.return, '/sources') : '/sources';
    const errors: FieldErrors = {};
    if (!form.success) Object.assign(errors, shapeErrors(form.error, view.t));
    else {
      if (form.data.ids.length === 0) errors[''] = [view.t.list.bulkNone];
      if (form.data.action === undefined) errors.action = [view.t.list.bulkNoAction];
    }
    let result: BulkResult | undefined;
    if (form.success && form.data.action !== undefined && Object.keys(errors).length === 0) {
      const { ids, action, comment } = form.data;
      if (form.data.confirm !== '1') {
        const found = await sourcesByIds(db, ids);
        const order = new Map(ids.map((id, index) => [id, index]));
        const sources = found.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)).map((source) => ({ source, unchanged: changedFields(source, bulkChange(action)(source)).length === 0 }));
        return renderPage(c, {
          title: view.t.bulkConfirm.title,
          body: <BulkConfirmPage view={view} action={action} sources={sources} missing={new Set(ids).size - found.length} comment={comment} back={back} />,
        });
      }
      result = await applyBulkAction(db, actorOf(c), ids, action, comment);
      if (result.ok) {
        const done = withNotice(back, 'bulk', { changed: result.changed, unchanged: result.unchanged });
        // The list then links to the batch, where it can be undone at once.
        return c.redirect(result.batch === null ? done : `${done}&batch=${encodeURIComponent(result.batch)}`, 303);
      }
      errors[''] = [view.t.list.bulkFailed, ...result.failures.flatMap((failure) => Object.values(issueErrors(failure.issues, view.lang, [])).flat().map((message) => `${failure.id} — ${message}`))];
    }
    // Show the list the selection came from, with what went wrong.
    const query = lenientQuery(SourceListQuerySchema, Object.fromEntries(new URL(back, 'http://console.invalid').searchParams));
    return renderPage(c, { title: view.t.list.title, status: 422, hasErrors: true, body: <SourcesPage view={view} query={query} page={await listSources(db, query)} errors={errors} /> });
  });

  app.get('/:id', requirePermission('read'), (c) => showSource(c, c.req.param('id')));

  app.post('/:id', requirePermission('edit'), async (c) => {
    const id = c.req.param('id');
    const view = viewOf(c);
    const body = await formBody(c);
    const address = readPastedAddress(typedFields(body));
    const typed = withUnderstoodAddress(typedFields(body), address);
    const comment = String(body.comment ?? '');
    if (address.kind === 'address') return showSource(c, id, { values: typed, notes: addressNotes(address, view.t), comment });
    const form = EditForm.safeParse(body);
    if (!form.success) return showSource(c, id, { values: typed, errors: formErrors(form.error, typed, view.t), comment, status: 422 });
    const { comment: note, revision, ...fields } = form.data;
    const updated = await updateSource(db, actorOf(c), id, fields, { comment: note, revision });
    if (updated.ok) return c.redirect(withNotice(`/sources/${encodeURIComponent(id)}`, updated.value.changed ? 'updated' : 'unchanged'), 303);
    const stale = updated.issues.some((issue) => issue.code === 'stale-revision');
    // A stale edit shows the current values (the form is rebuilt from the source), with the message.
    return showSource(c, id, { values: stale ? undefined : typedFields(body), errors: issueErrors(updated.issues, view.lang, FORM_FIELDS), comment, status: stale ? 409 : 422 });
  });

  app.post('/:id/status', requirePermission('edit'), async (c) => {
    const id = c.req.param('id');
    const view = viewOf(c);
    const form = StatusForm.safeParse(await formBody(c));
    if (!form.success) return showSource(c, id, { errors: shapeErrors(form.error, view.t), status: 422 });
    const result = await setStatus(db, actorOf(c), [id], form.data.status, form.data.comment);
    if (result.ok) return c.redirect(withNotice(`/sources/${encodeURIComponent(id)}`, 'status'), 303);
    return showSource(c, id, { errors: issueErrors(result.failures.flatMap((failure) => failure.issues), view.lang, []), status: 422 });
  });

  app.post('/:id/review', requirePermission('edit'), async (c) => {
    const id = c.req.param('id');
    const view = viewOf(c);
    const form = CommentForm.safeParse(await formBody(c));
    if (!form.success) return showSource(c, id, { errors: shapeErrors(form.error, view.t), status: 422 });
    const result = await markReviewed(db, actorOf(c), [id], form.data.comment);
    if (result.ok) return c.redirect(withNotice(`/sources/${encodeURIComponent(id)}`, 'reviewed'), 303);
    return showSource(c, id, { errors: issueErrors(result.failures.flatMap((failure) => failure.issues), view.lang, []), status: 422 });
  });

  return app;
}

