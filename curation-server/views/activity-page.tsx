/** @jsxImportSource hono/jsx */
/** Recent changes across the list, newest first, a page at a time; one batch (an import, a bulk action) on its own. */
import type { EventPage } from '../history/event-log.ts';
import { ErrorSummary, type FieldErrors, Notice } from './form-fields.tsx';
import { EventList } from './history.tsx';
import type { View } from './view.ts';

export function ActivityPage(props: { view: View; page: EventPage; batch?: string; hasNewer: boolean; returnTo: string; notice?: string; errors: FieldErrors }) {
  const { view, page, batch } = props;
  const { t } = view;
  const olderHref = (before: number) => `/activity?${new URLSearchParams({ ...(batch === undefined ? {} : { batch }), before: String(before) })}`;
  return (
    <>
      <Notice message={props.notice} />
      <ErrorSummary view={view} errors={props.errors} />
      {batch === undefined ? (
        <p>{t.activity.intro}</p>
      ) : (
        <p>
          <a href="/activity">{t.activity.allActivity}</a>
        </p>
      )}
      {page.events.length === 0 ? <p>{t.activity.none}</p> : <EventList view={view} events={page.events} withSource returnTo={props.returnTo} />}
      <nav aria-label={t.list.pagination} class="pagination">
        <ul>
          {props.hasNewer && (
            <li>
              <a href={batch === undefined ? '/activity' : `/activity?batch=${encodeURIComponent(batch)}`}>{t.activity.newest}</a>
            </li>
          )}
          {page.olderThan !== null && (
            <li>
              <a href={olderHref(page.olderThan)}>{t.activity.older}</a>
            </li>
          )}
        </ul>
      </nav>
    </>
  );
}
