/** The audit trail. Append-only: triggers refuse any UPDATE or DELETE, so history cannot be rewritten. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    // AUTOINCREMENT: an event number is never reused, so a reference to it stays unambiguous.
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('token_id', 'integer', (col) => col.references('api_tokens.id'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('source_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('comment', 'text', (col) => col.notNull())
    .addColumn('batch', 'text')
    .addColumn('reverts', 'integer', (col) => col.references('events.id'))
    .execute();
  await db.schema.createIndex('events_by_source').on('events').columns(['source_id', 'id']).execute();
  await db.schema.createIndex('events_by_batch').on('events').columns(['batch']).execute();
  await db.schema.createIndex('events_by_reverted').on('events').columns(['reverts']).execute();

  await sql`CREATE TRIGGER events_never_updated BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END`.execute(db);
  await sql`CREATE TRIGGER events_never_deleted BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END`.execute(db);
}
