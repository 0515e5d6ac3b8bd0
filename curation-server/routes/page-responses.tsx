/** @jsxImportSource hono/jsx */
/**
 * Pages that more than one route renders: a source's page and the activity page are shown after
 * their own GET, and again — with the errors — when a form posted from them is refused.
 */
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { ConsoleEnv } from '../app-env.ts';
import type { Database } from '../db/schema.ts';
import { eventFilters, readActivityQuery } from '../history/activity-query.ts';
import { NotFound } from '../http/console-errors.ts';
import { batchesByIds } from '../history/batches.ts';
import { eventActors, recentEvents, sourceHistory } from '../history/event-log.ts';
import type { EditableFields } from '../sources/source-commands.ts';
import { sourceById } from '../sources/source-store.ts';
import { ActivityPage } from '../views/activity-page.tsx';
import type { FieldErrors } from '../views/form-fields.tsx';
import { noticeFrom } from '../views/notices.ts';
import { renderPage } from '../views/render.tsx';
import { sourceTarget } from '../views/source-labels.tsx';
import { type FieldNotes, SourcePage } from '../views/source-page.tsx';
import { displayHost } from '../views/display-host.ts';
import { viewOf } from '../views/view.ts';

type RefusalStatus = 200 | 404 | 409 | 422;

export async function sourcePageResponse(
  c: Context<ConsoleEnv>,
  db: Kysely<Database>,
  id: string,
  extra: { values?: EditableFields; errors?: FieldErrors; notes?: FieldNotes; comment?: string; status?: RefusalStatus } = {},
) {
  const source = await sourceById(db, id);
  if (source === undefined) throw new NotFound();
  const view = viewOf(c);
  const errors = extra.errors ?? {};
  return renderPage(c, {
    title: `${displayHost(source.host)}${source.path}`,
    status: extra.status,
    hasErrors: Object.keys(errors).length > 0,
    body: <SourcePage view={view} source={source} history={await sourceHistory(db, id)} values={extra.values} errors={errors} notes={extra.notes} comment={extra.comment} notice={noticeFrom(view.url, view.t)} />,
  });
}

const PAGE_SIZE = 50;

/**
 * The activity page for a query string (filters, `batch`, `before`), as shown at `location`; a
 * filter whose value is not understood is said so beside it (400), and not applied.
 */
export async function activityPageResponse(c: Context<ConsoleEnv>, db: Kysely<Database>, location: URL, errors: FieldErrors = {}, status: RefusalStatus = 200) {
  const view = viewOf(c);
  const { query, refused } = readActivityQuery(Object.fromEntries(location.searchParams));
  const filterErrors: FieldErrors = {};
  for (const { name, reason } of refused) filterErrors[name] = [reason === 'before-from' ? view.t.activityFilters.toBeforeFrom : view.t.activityFilters.refused];
  const page = await recentEvents(db, { ...eventFilters(query), before: query.before, limit: PAGE_SIZE, grouped: query.batch === undefined });
  const batchIds = page.events.flatMap((event) => (event.batch === null ? [] : [event.batch]));
  const batches = await batchesByIds(db, query.batch === undefined ? batchIds : [...batchIds, query.batch]);
  const allErrors = { ...filterErrors, ...errors };
  const hasErrors = Object.keys(allErrors).length > 0;
  return renderPage(c, {
    title: query.batch === undefined ? view.t.activity.title : view.t.activity.batchTitle(query.batch),
    status: status === 200 && refused.length > 0 ? 400 : status,
    hasErrors,
    body: (
      <ActivityPage
        view={view}
        page={page}
        query={query}
        batches={batches}
        actors={await eventActors(db)}
        returnTo={location.pathname + location.search}
        notice={noticeFrom(location, view.t)}
        errors={allErrors}
      />
    ),
  });
}
