/** @jsxImportSource hono/jsx */
/**
 * Recent changes across the list, newest first, a page at a time, with filters (person, days, kind,
 * batch). A batch — a bulk action, an import, a review batch, an undo — is one line with its count,
 * a link to its changes and « Défaire »; one batch on its own shows its changes one by one.
 */
import { can } from '../auth/roles.ts';
import { type BulkAction, EVENT_ACTIONS } from '../db/schema.ts';
import type { Batch } from '../history/batches.ts';
import type { EventPage, HistoryEvent } from '../history/event-log.ts';
import { type ActivityQuery, activityHref, isFiltered } from '../history/activity-query.ts';
import { formatInstant } from '../i18n/format.ts';
import type { Messages } from '../i18n/messages.ts';
import type { ReviewDecision } from '../review/review-types.ts';
import { CommentField, CsrfField, ErrorSummary, type FieldErrors, Notice, SelectField, TextField } from './form-fields.tsx';
import { EventChanges, EventHeading, RevertForm } from './history.tsx';
import type { View } from './view.ts';

/** What a batch did, as a title. */
export function batchTitle(t: Messages, batch: Pick<Batch, 'kind' | 'label'>): string {
  switch (batch.kind) {
    case 'bulk':
      return t.batches.bulkTitle(t.list.bulkActions[batch.label as BulkAction] ?? batch.label);
    case 'import':
      return t.batches.importTitle(batch.label);
    case 'review':
      return t.batches.reviewTitle(t.review.decisions[batch.label as ReviewDecision] ?? batch.label);
    case 'undo':
      return t.batches.undoTitle(batch.label);
  }
}

const batchHref = (id: string) => activityHref({}, { batch: id });

function BatchUndoForm(props: { view: View; batch: Batch; returnTo: string }) {
  const { view, batch } = props;
  const { t, user } = view;
  if (user === null || !can(user.role, 'edit') || batch.undoneBy.length > 0) return null;
  return (
    <form method="post" action={`/batches/${encodeURIComponent(batch.id)}/undo`} class="revert-form">
      <CsrfField view={view} />
      <input type="hidden" name="return" value={props.returnTo} />
      <CommentField view={view} id={`undo-comment-${batch.id}`} label={t.batches.undoComment} />
      <button type="submit" class="secondary" aria-label={t.batches.undoNamed(batchTitle(t, batch))}>
        {t.batches.undo}
      </button>
    </form>
  );
}

/** Who, when, how many; the batches it undid or that undid it. */
function BatchFacts(props: { view: View; batch: Batch }) {
  const { view, batch } = props;
  const { t, lang } = view;
  return (
    <p class="event-heading">
      <strong>{batchTitle(t, batch)}</strong> — {t.batches.count(batch.count)} — <time datetime={batch.at}>{formatInstant(batch.at, lang)}</time> {t.history.by} {batch.actor}{' '}
      <span class="event-number">({t.batches.id(batch.id)})</span>
      {batch.undoes !== null && (
        <span class="event-link">
          {' '}
          — <a href={batchHref(batch.undoes)}>{t.batches.undoes(batch.undoes)}</a>
        </span>
      )}
      {batch.undoneBy.map((by) => (
        <span class="event-link">
          {' '}
          — <a href={batchHref(by)}>{t.batches.undoneBy(by)}</a>
        </span>
      ))}
    </p>
  );
}

function BatchLine(props: { view: View; batch: Batch; returnTo: string }) {
  const { view, batch } = props;
  return (
    <li id={`batch-${batch.id}`} class="batch-line">
      <BatchFacts view={view} batch={batch} />
      {batch.comment !== '' && <p class="comment">« {batch.comment} »</p>}
      <p>
        <a href={batchHref(batch.id)}>{view.t.batches.members(batch.count)}</a>
      </p>
      <BatchUndoForm view={view} batch={batch} returnTo={props.returnTo} />
    </li>
  );
}

function EventLine(props: { view: View; event: HistoryEvent; returnTo: string }) {
  const { view, event } = props;
  return (
    <li id={`event-${event.id}`}>
      <EventHeading view={view} event={event} withSource />
      {event.comment !== '' && <p class="comment">« {event.comment} »</p>}
      <EventChanges view={view} event={event} />
      <RevertForm view={view} event={event} returnTo={props.returnTo} />
    </li>
  );
}

function ActivityFilters(props: { view: View; query: ActivityQuery; actors: string[]; errors: FieldErrors }) {
  const { view, query, errors } = props;
  const t = view.t;
  const f = t.activityFilters;
  const actors = query.actor !== undefined && !props.actors.includes(query.actor) ? [...props.actors, query.actor] : props.actors;
  return (
    <form method="get" action="/activity" role="search" class="search-form">
      <fieldset>
        <legend>{f.legend}</legend>
        <div class="filters">
          <SelectField view={view} name="actor" label={f.actor} value={query.actor ?? ''} options={[{ value: '', label: f.anyActor }, ...actors.map((actor) => ({ value: actor, label: actor }))]} errors={errors.actor} />
          <TextField view={view} name="from" type="date" label={f.from} hint={f.dayHint} value={query.from ?? ''} errors={errors.from} />
          <TextField view={view} name="to" type="date" label={f.to} hint={f.dayHint} value={query.to ?? ''} errors={errors.to} />
          <SelectField
            view={view}
            name="action"
            label={f.action}
            value={query.action ?? ''}
            options={[{ value: '', label: f.anyAction }, ...EVENT_ACTIONS.map((action) => ({ value: action, label: t.eventActions[action] }))]}
            errors={errors.action}
          />
          <TextField view={view} name="batch" label={f.batch} hint={f.batchHint} value={query.batch ?? ''} maxlength={64} spellcheck={false} errors={errors.batch} />
        </div>
        <div class="form-actions">
          <button type="submit">{f.submit}</button>
          <a href="/activity">{f.reset}</a>
        </div>
      </fieldset>
    </form>
  );
}

export function ActivityPage(props: {
  view: View;
  page: EventPage;
  query: ActivityQuery;
  /** The records of the batches the page shows (grouped lines, or the one batch asked for). */
  batches: Map<string, Batch>;
  actors: string[];
  returnTo: string;
  notice?: string;
  errors: FieldErrors;
}) {
  const { view, page, query, batches } = props;
  const { t } = view;
  const grouped = query.batch === undefined;
  const shown = query.batch === undefined ? undefined : batches.get(query.batch);
  const filtered = isFiltered(query) || query.batch !== undefined;
  return (
    <>
      <Notice message={props.notice} />
      <ErrorSummary view={view} errors={props.errors} />
      {shown === undefined ? (
        <p>{t.activity.intro}</p>
      ) : (
        <section class="batch-summary" aria-labelledby="batch-summary-title">
          <h2 id="batch-summary-title">{batchTitle(t, shown)}</h2>
          <BatchFacts view={view} batch={shown} />
          {shown.comment !== '' && <p class="comment">« {shown.comment} »</p>}
          {shown.undoneBy.length === 0 && view.user !== null && can(view.user.role, 'edit') && <p class="hint">{t.batches.undoHint}</p>}
          <BatchUndoForm view={view} batch={shown} returnTo={props.returnTo} />
        </section>
      )}
      {query.batch !== undefined && (
        <p>
          <a href="/activity">{t.activity.allActivity}</a>
        </p>
      )}
      <ActivityFilters view={view} query={query} actors={props.actors} errors={props.errors} />
      {page.events.length === 0 ? (
        <p>{filtered ? t.activityFilters.none : t.activity.none}</p>
      ) : (
        <ol class="events">
          {page.events.map((event) => {
            const batch = grouped && event.batch !== null ? batches.get(event.batch) : undefined;
            return batch === undefined ? <EventLine view={view} event={event} returnTo={props.returnTo} /> : <BatchLine view={view} batch={batch} returnTo={props.returnTo} />;
          })}
        </ol>
      )}
      <nav aria-label={t.list.pagination} class="pagination">
        <ul>
          {query.before !== undefined && (
            <li>
              <a href={activityHref(query, { before: undefined })}>{t.activity.newest}</a>
            </li>
          )}
          {page.olderThan !== null && (
            <li>
              <a href={activityHref(query, { before: page.olderThan })}>{t.activity.older}</a>
            </li>
          )}
        </ul>
      </nav>
    </>
  );
}
