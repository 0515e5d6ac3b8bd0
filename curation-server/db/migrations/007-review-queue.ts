/**
 * The review queue: what the crawler found and what the public reported, waiting for a curator.
 * An item's evidence may be refreshed while it is open (a newer check of the same finding); its
 * decision is written once, in `review_decisions`, which is append-only like the audit trail.
 * Reports keep only what the person typed and when: no address, no browser details.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('review_items')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('source_id', 'text', (col) => col.references('sources.id'))
    .addColumn('host', 'text', (col) => col.notNull())
    .addColumn('evidence', 'text')
    .addColumn('suggestion', 'text')
    .addColumn('site', 'text')
    .addColumn('message', 'text')
    .addColumn('contact', 'text')
    .addColumn('run_id', 'integer')
    .addColumn('opened_at', 'text', (col) => col.notNull())
    .addColumn('seen_at', 'text', (col) => col.notNull())
    .addColumn('findings', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('decided', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  // One open item per source and outcome: a newer finding refreshes it (review-queue.ts).
  await sql`CREATE UNIQUE INDEX review_items_open_finding ON review_items (source_id, reason) WHERE kind = 'crawl' AND decided = 0`.execute(db);
  await db.schema.createIndex('review_items_by_state').on('review_items').columns(['decided', 'kind', 'reason', 'id']).execute();
  // A decided item is history: it never changes again, and no item is ever deleted.
  await sql`CREATE TRIGGER review_items_decided_frozen BEFORE UPDATE ON review_items WHEN OLD.decided = 1
    BEGIN SELECT RAISE(ABORT, 'decided review items are history'); END`.execute(db);
  await sql`CREATE TRIGGER review_items_never_deleted BEFORE DELETE ON review_items
    BEGIN SELECT RAISE(ABORT, 'review items are never deleted'); END`.execute(db);

  await db.schema
    .createTable('review_decisions')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('item_id', 'integer', (col) => col.notNull().unique().references('review_items.id'))
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('decision', 'text', (col) => col.notNull())
    .addColumn('comment', 'text', (col) => col.notNull())
    .addColumn('batch', 'text')
    .addColumn('event_id', 'integer', (col) => col.references('events.id'))
    .execute();
  await db.schema.createIndex('review_decisions_by_batch').on('review_decisions').columns(['batch']).execute();
  await sql`CREATE TRIGGER review_decisions_never_updated BEFORE UPDATE ON review_decisions
    BEGIN SELECT RAISE(ABORT, 'review decisions are append-only'); END`.execute(db);
  await sql`CREATE TRIGGER review_decisions_never_deleted BEFORE DELETE ON review_decisions
    BEGIN SELECT RAISE(ABORT, 'review decisions are append-only'); END`.execute(db);
}
