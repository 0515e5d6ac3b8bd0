/** CSV imports kept between their preview and their application. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('token_id', 'integer', (col) => col.references('api_tokens.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('csv', 'text', (col) => col.notNull())
    .addColumn('plan_digest', 'text', (col) => col.notNull())
    .addColumn('applied_at', 'text')
    .execute();
}
