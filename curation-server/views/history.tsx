/** @jsxImportSource hono/jsx */
/** A recorded change as people read it: who, when, what changed (before → after), why; and its revert button. */
import type { Source } from '../../corpus/source.ts';
import { can } from '../auth/roles.ts';
import type { HistoryEvent } from '../history/event-log.ts';
import { fieldLabel } from '../i18n/messages.ts';
import { formatInstant } from '../i18n/format.ts';
import { changedFields } from '../sources/source-changes.ts';
import { SOURCE_FIELDS } from '../sources/stored-source.ts';
import { CommentField, CsrfField } from './form-fields.tsx';
import { fieldValue, sourceTarget } from './source-labels.tsx';
import type { View } from './view.ts';

/** The fields a change touched (every field, for a creation). */
function touchedFields(event: HistoryEvent): (keyof Source)[] {
  if (event.after === null) return [];
  return event.before === null ? SOURCE_FIELDS.filter((field) => event.after?.[field] !== '') : changedFields(event.before, event.after);
}

export function EventChanges(props: { view: View; event: HistoryEvent }) {
  const { view, event } = props;
  const { t } = view;
  const fields = touchedFields(event);
  if (fields.length === 0) return null;
  const value = (source: Source | null, field: keyof Source) => {
    const raw = source?.[field] ?? '';
    return raw === '' ? <span class="empty">{t.history.empty}</span> : fieldValue(t, field, raw);
  };
  return (
    <table class="changes">
      <caption class="visually-hidden">{t.history.event(event.id)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.history.field}</th>
          {event.before !== null && <th scope="col">{t.history.before}</th>}
          <th scope="col">{t.history.after}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr>
            <th scope="row">{fieldLabel(view.lang, field)}</th>
            {event.before !== null && <td>{value(event.before, field)}</td>}
            <td>{value(event.after, field)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The revert form of an event, for curators, where a revert makes sense. */
export function RevertForm(props: { view: View; event: HistoryEvent; returnTo: string }) {
  const { view, event } = props;
  const { t, user } = view;
  if (user === null || !can(user.role, 'edit') || event.sourceId === null || event.action === 'seed') return null;
  return (
    <form method="post" action={`/events/${event.id}/revert`} class="revert-form">
      <CsrfField view={view} />
      <input type="hidden" name="return" value={props.returnTo} />
      <CommentField view={view} id={`revert-comment-${event.id}`} label={t.history.revertComment(event.id)} />
      <button type="submit" class="secondary">
        {t.history.revert(event.id)}
      </button>
    </form>
  );
}

/** Who, when, what, and links between reverts and what they revert. */
export function EventHeading(props: { view: View; event: HistoryEvent; withSource: boolean }) {
  const { view, event } = props;
  const { t, lang } = view;
  const target = event.after ?? event.before;
  return (
    <p class="event-heading">
      <strong>{t.eventActions[event.action]}</strong>
      {props.withSource && target !== null && (
        <>
          {' '}
          — <a href={`/sources/${target.id}`}>{sourceTarget(target)}</a>
        </>
      )}{' '}
      — <time datetime={event.at}>{formatInstant(event.at, lang)}</time> {t.history.by} {event.actor} <span class="event-number">({t.history.event(event.id)})</span>
      {event.batch !== null && (
        <span class="event-link">
          {' '}
          — <a href={`/activity?batch=${encodeURIComponent(event.batch)}`}>{t.batches.id(event.batch)}</a>
        </span>
      )}
      {event.reverts !== null && <span class="event-link"> — {t.history.revertsEvent(event.reverts)}</span>}
      {event.revertedBy.length > 0 && <span class="event-link"> — {t.history.revertedBy(event.revertedBy)}</span>}
    </p>
  );
}

export function EventList(props: { view: View; events: HistoryEvent[]; withSource: boolean; returnTo: string }) {
  return (
    <ol class="events">
      {props.events.map((event) => (
        <li id={`event-${event.id}`}>
          <EventHeading view={props.view} event={event} withSource={props.withSource} />
          {event.comment !== '' && <p class="comment">« {event.comment} »</p>}
          <EventChanges view={props.view} event={event} />
          <RevertForm view={props.view} event={event} returnTo={props.returnTo} />
        </li>
      ))}
    </ol>
  );
}
