/** Reading and appending the audit trail (the `events` table, append-only). */
import type { Kysely, Selectable } from 'kysely';
import type { Source } from '../../corpus/source.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database, EventAction, EventsTable } from '../db/schema.ts';

export interface HistoryEvent {
  id: number;
  at: string;
  actor: string;
  action: EventAction;
  sourceId: string | null;
  before: Source | null;
  after: Source | null;
  comment: string;
  batch: string | null;
  reverts: number | null;
  /** Later events that reverted this one. */
  revertedBy: number[];
}

export interface NewEvent {
  at: string;
  actor: Actor;
  action: EventAction;
  sourceId: string | null;
  before: Source | null;
  after: Source | null;
  comment: string;
  batch?: string | null;
  reverts?: number | null;
}

export async function appendEvent(db: Kysely<Database>, event: NewEvent): Promise<number> {
  const { id } = await db
    .insertInto('events')
    .values({
      at: event.at,
      actor: event.actor.label,
      user_id: event.actor.userId,
      token_id: event.actor.tokenId,
      action: event.action,
      source_id: event.sourceId,
      before: event.before === null ? null : JSON.stringify(event.before),
      after: event.after === null ? null : JSON.stringify(event.after),
      comment: event.comment,
      batch: event.batch ?? null,
      reverts: event.reverts ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

function eventFromRow(row: Selectable<EventsTable>, revertedBy: number[]): HistoryEvent {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    sourceId: row.source_id,
    before: row.before === null ? null : (JSON.parse(row.before) as Source),
    after: row.after === null ? null : (JSON.parse(row.after) as Source),
    comment: row.comment,
    batch: row.batch,
    reverts: row.reverts,
    revertedBy,
  };
}

async function withReverts(db: Kysely<Database>, rows: Selectable<EventsTable>[]): Promise<HistoryEvent[]> {
  if (rows.length === 0) return [];
  const reverting = await db
    .selectFrom('events')
    .select(['id', 'reverts'])
    .where(
      'reverts',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  return rows.map((row) =>
    eventFromRow(
      row,
      reverting.filter((revert) => revert.reverts === row.id).map((revert) => revert.id),
    ),
  );
}

export async function eventById(db: Kysely<Database>, id: number): Promise<HistoryEvent | undefined> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : (await withReverts(db, [row]))[0];
}

/** A source's history, newest first. */
export async function sourceHistory(db: Kysely<Database>, sourceId: string): Promise<HistoryEvent[]> {
  const rows = await db.selectFrom('events').selectAll().where('source_id', '=', sourceId).orderBy('id', 'desc').execute();
  return withReverts(db, rows);
}

export interface EventPage {
  events: HistoryEvent[];
  /** Pass as `before` to read the next (older) page; null on the last one. */
  olderThan: number | null;
}

/** What the activity page narrows to; every filter is optional. */
export interface EventFilters {
  /** Who, as the history writes it (an email, a token's label, `système`). */
  actor?: string;
  /** Instants: `from` included, `to` excluded. */
  from?: string;
  to?: string;
  action?: EventAction;
  batch?: string;
}

/**
 * Recent changes across the list, newest first, a page at a time (keyset on the event number),
 * narrowed by `filters`. `grouped`: a batch's events count as one — its newest event that matches
 * stands for it — so that a batch of 50 changes is one line of the activity.
 */
export async function recentEvents(db: Kysely<Database>, options: EventFilters & { before?: number; limit: number; grouped?: boolean }): Promise<EventPage> {
  let query = db.selectFrom('events').selectAll('events').orderBy('events.id', 'desc').limit(options.limit + 1);
  if (options.before !== undefined) query = query.where('events.id', '<', options.before);
  if (options.batch !== undefined) query = query.where('events.batch', '=', options.batch);
  if (options.actor !== undefined) query = query.where('events.actor', '=', options.actor);
  if (options.from !== undefined) query = query.where('events.at', '>=', options.from);
  if (options.to !== undefined) query = query.where('events.at', '<', options.to);
  const action = options.action;
  if (action !== undefined) query = query.where('events.action', '=', action);
  if (options.grouped === true) {
    // A batch's events share their author and time: only the action filter needs repeating among them.
    query = query.where((eb) =>
      eb.or([
        eb('events.batch', 'is', null),
        eb(
          'events.id',
          '=',
          eb
            .selectFrom('events as member')
            .select((member) => member.fn.max('member.id').as('newest'))
            .whereRef('member.batch', '=', 'events.batch')
            .$if(action !== undefined, (member) => member.where('member.action', '=', action as EventAction)),
        ),
      ]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, options.limit);
  return { events: await withReverts(db, page), olderThan: rows.length > options.limit ? page[page.length - 1].id : null };
}

/** The events of one batch, oldest first. */
export async function batchEvents(db: Kysely<Database>, batch: string): Promise<HistoryEvent[]> {
  return withReverts(db, await db.selectFrom('events').selectAll().where('batch', '=', batch).orderBy('id', 'asc').execute());
}

/** Events on these sources after event `afterId`, oldest first. */
export async function eventsOnSourcesAfter(db: Kysely<Database>, sourceIds: readonly string[], afterId: number): Promise<HistoryEvent[]> {
  if (sourceIds.length === 0) return [];
  const rows = await db.selectFrom('events').selectAll().where('source_id', 'in', [...new Set(sourceIds)]).where('id', '>', afterId).orderBy('id', 'asc').execute();
  return withReverts(db, rows);
}

/** Everyone who appears in the history, for the activity's filter by person. */
export async function eventActors(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('events').select('actor').distinct().orderBy('actor').execute()).map((row) => row.actor);
}
