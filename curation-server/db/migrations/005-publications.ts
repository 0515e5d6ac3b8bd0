/**
 * The record of published list versions: who published, when, what changed. Append-only like the
 * audit trail (the files themselves live in the list directory, never in the database).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publications')
    .addColumn('version', 'integer', (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('token_id', 'integer', (col) => col.references('api_tokens.id'))
    .addColumn('sources', 'integer', (col) => col.notNull())
    .addColumn('added', 'integer', (col) => col.notNull())
    .addColumn('changed', 'integer', (col) => col.notNull())
    .addColumn('removed', 'integer', (col) => col.notNull())
    .addColumn('forced', 'integer', (col) => col.notNull())
    .addColumn('comment', 'text', (col) => col.notNull())
    .addColumn('changes', 'text', (col) => col.notNull())
    .addColumn('key_ids', 'text', (col) => col.notNull())
    .execute();
  await sql`CREATE TRIGGER publications_never_updated BEFORE UPDATE ON publications
    BEGIN SELECT RAISE(ABORT, 'publications are append-only'); END`.execute(db);
  await sql`CREATE TRIGGER publications_never_deleted BEFORE DELETE ON publications
    BEGIN SELECT RAISE(ABORT, 'publications are append-only'); END`.execute(db);
}
