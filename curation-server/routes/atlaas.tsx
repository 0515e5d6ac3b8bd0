/** @jsxImportSource hono/jsx */
/**
 * The Atlaas in the console: collectivités (search and card) and actions for every role; the
 * links waiting for a curator, confirmed or rejected (an audited decision) and recomputed, for
 * those who edit.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { AXES } from '../atlaas/action-file.ts';
import { searchActions } from '../atlaas/action-search.ts';
import { actorCard } from '../atlaas/actor-card.ts';
import { actorsByIds, searchActors } from '../atlaas/actor-search.ts';
import { refreshAllLinks } from '../atlaas/atlaas-setup.ts';
import { decideLink, pendingSuggestions, recentLinkDecisions } from '../atlaas/source-links.ts';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { ATLAAS_ACTOR_KINDS } from '../db/schema.ts';
import { formBody } from '../http/form-body.ts';
import { NotFound } from '../http/console-errors.ts';
import { actorOf, requirePermission } from '../middleware/permission.ts';
import { CommentSchema } from '../sources/source-input.ts';
import { ActionsPage, type ActionsQuery, ActorCardPage, ActorsPage, type ActorsQuery, CONSOLE_PAGE_SIZE, LinksPage, type LinksNotice } from '../views/atlaas-pages.tsx';
import type { FieldErrors } from '../views/form-fields.tsx';
import { renderError, renderPage } from '../views/render.tsx';
import { viewOf } from '../views/view.ts';

const text = z
  .string()
  .max(200)
  .refine((value) => !/\p{Cc}/u.test(value))
  .default('');
const departement = z.union([z.literal(''), z.string().regex(/^(?:\d{2}|2[AB]|97\d)$/)]).default('');
const page = z.coerce.number().int().min(1).max(10_000).catch(1);

const ActorsForm = z.object({ q: text, departement, kind: z.union([z.literal(''), z.enum(ATLAAS_ACTOR_KINDS)]).catch(''), page });
const ActionsForm = z.object({
  q: text,
  axis: z.union([z.literal(''), z.enum(AXES)]).catch(''),
  year: z.union([z.literal(''), z.string().regex(/^(?:19|20)\d\d$/)]).default(''),
  departement,
  actor: z.union([z.literal(''), z.string().regex(/^[a-z-]+:[0-9AB]{2,9}$/)]).catch(''),
  page,
});
const DecisionForm = z.object({ source: z.string().min(1).max(64), actor: z.string().min(1).max(40), decision: z.enum(['confirm', 'reject']), comment: CommentSchema, page });

/** Field errors for the fields a query got wrong: the page is shown again with them, nothing searched. */
function queryErrors(error: z.ZodError, message: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? '')] = [message];
  return errors;
}

const NOTICES: readonly LinksNotice[] = ['confirm', 'reject', 'refreshed', 'already-decided'];

export function atlaasRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = new Hono<ConsoleEnv>();

  app.get('/', requirePermission('read'), async (c) => {
    const view = viewOf(c);
    const form = ActorsForm.safeParse(c.req.query());
    if (!form.success) {
      const raw = c.req.query();
      const query: ActorsQuery = { q: raw.q ?? '', departement: raw.departement ?? '', kind: '', page: 1 };
      return renderPage(c, { title: view.t.atlaas.title, status: 400, hasErrors: true, body: <ActorsPage view={view} query={query} found={null} errors={queryErrors(form.error, view.t.atlaas.invalidQuery)} /> });
    }
    const query = form.data;
    const searched = query.q.trim() !== '' || query.departement !== '' || query.kind !== '';
    const found = searched
      ? await searchActors(db, {
          q: query.q,
          departement: query.departement === '' ? undefined : query.departement,
          kind: query.kind === '' ? undefined : query.kind,
          page: query.page,
          perPage: CONSOLE_PAGE_SIZE,
        })
      : null;
    return renderPage(c, { title: view.t.atlaas.title, body: <ActorsPage view={view} query={query} found={found} errors={{}} /> });
  });

  app.get('/actors/:id', requirePermission('read'), async (c) => {
    const id = c.req.param('id');
    const card = /^[a-z-]+:[0-9AB]{2,9}$/.test(id) ? await actorCard(db, id) : undefined;
    if (card === undefined) throw new NotFound();
    const view = viewOf(c);
    return renderPage(c, { title: `${card.actor.name} (${view.t.atlaas.kinds[card.actor.kind]})`, body: <ActorCardPage view={view} card={card} /> });
  });

  app.get('/actions', requirePermission('read'), async (c) => {
    const view = viewOf(c);
    const form = ActionsForm.safeParse(c.req.query());
    if (!form.success) {
      const raw = c.req.query();
      const query: ActionsQuery = { q: raw.q ?? '', axis: '', year: raw.year ?? '', departement: raw.departement ?? '', actor: '', page: 1 };
      return renderPage(c, {
        title: view.t.atlaas.actions.title,
        status: 400,
        hasErrors: true,
        body: <ActionsPage view={view} query={query} found={null} actors={new Map()} errors={queryErrors(form.error, view.t.atlaas.invalidQuery)} />,
      });
    }
    const query = form.data;
    const found = await searchActions(db, {
      q: query.q === '' ? undefined : query.q,
      axis: query.axis === '' ? undefined : query.axis,
      year: query.year === '' ? undefined : Number(query.year),
      departement: query.departement === '' ? undefined : query.departement,
      actor: query.actor === '' ? undefined : query.actor,
      page: query.page,
      perPage: CONSOLE_PAGE_SIZE,
    });
    const actors = await actorsByIds(db, found.actions.map((action) => action.actor_id));
    return renderPage(c, { title: view.t.atlaas.actions.title, body: <ActionsPage view={view} query={query} found={found} actors={actors} errors={{}} /> });
  });

  app.get('/links', requirePermission('edit'), async (c) => {
    const view = viewOf(c);
    const current = page.parse(c.req.query('page'));
    const done = c.req.query('done');
    const pending = await pendingSuggestions(db, { page: current, perPage: CONSOLE_PAGE_SIZE });
    const decisions = await recentLinkDecisions(db, 20);
    const notice = NOTICES.find((known) => known === done);
    return renderPage(c, { title: view.t.atlaas.links.title, body: <LinksPage view={view} page={current} total={pending.total} suggestions={pending.suggestions} decisions={decisions} notice={notice} /> });
  });

  app.post('/links/decide', requirePermission('edit'), async (c) => {
    const form = DecisionForm.safeParse(await formBody(c));
    if (!form.success) return renderError(c, 'badRequest');
    const decided = await decideLink(db, actorOf(c), form.data.source, form.data.actor, form.data.decision, form.data.comment, deps.now());
    const back = (done: LinksNotice) => `/atlaas/links?${new URLSearchParams({ ...(form.data.page > 1 ? { page: String(form.data.page) } : {}), done })}`;
    return c.redirect(back(decided.ok ? form.data.decision : 'already-decided'), 303);
  });

  app.post('/links/refresh', requirePermission('edit'), async (c) => {
    await refreshAllLinks(db);
    return c.redirect('/atlaas/links?done=refreshed', 303);
  });

  return app;
}
