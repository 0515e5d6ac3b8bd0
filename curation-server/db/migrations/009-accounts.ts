/**
 * Accounts managed in the console: one-time links (an invitation, a password reset) kept as
 * digests, a flag that makes a temporary password be replaced at the next sign-in, and the
 * accounts' audit trail (who did what to which account, when; append-only, never a secret).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (col) => col.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('account_links')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('purpose', 'text', (col) => col.notNull().check(sql`purpose in ('invitation', 'reset')`))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_by', 'integer', (col) => col.references('users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('account_links_by_user').on('account_links').columns(['user_id', 'id']).execute();

  await db.schema
    .createTable('account_events')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('actor_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) =>
      col.notNull().check(sql`action in ('create', 'invite', 'role', 'disable', 'enable', 'reset', 'password-chosen', 'password-changed')`),
    )
    .addColumn('detail', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('account_events_by_user').on('account_events').columns(['user_id', 'id']).execute();
  await sql`CREATE TRIGGER account_events_never_updated BEFORE UPDATE ON account_events
    BEGIN SELECT RAISE(ABORT, 'the accounts audit trail is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER account_events_never_deleted BEFORE DELETE ON account_events
    BEGIN SELECT RAISE(ABORT, 'the accounts audit trail is append-only'); END`.execute(db);
}
