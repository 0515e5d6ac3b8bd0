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

/** Recent changes across the list, newest first, a page at a time (keyset on the event number). */
export async function recentEvents(db: Kysely<Database>, options: { before?: number; limit: number; batch?: string }): Promise<EventPage> {
  let query = db.selectFrom('events').selectAll().orderBy('id', 'desc').limit(options.limit + 1);
  if (options.before !== undefined) query = query.where('id', '<', options.before);
  if (options.batch !== undefined) query = query.where('batch', '=', options.batch);
  const rows = await query.execute();
  const page = rows.slice(0, options.limit);
  return { events: await withReverts(db, page), olderThan: rows.length > options.limit ? page[page.length - 1].id : null };
}
