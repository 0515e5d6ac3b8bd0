/**
 * Batches as records of their own: a bulk action, an import, a review-queue batch or the undoing
 * of one — who, when, what kind, how many changes, and a label (the action, the file, the batch
 * undone). Their changes are the events that carry the batch's id. Append-only, like the events;
 * batches recorded before this migration (events sharing a batch id) are recorded here from them.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('batches')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('bulk', 'import', 'review', 'undo')`))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('token_id', 'integer', (col) => col.references('api_tokens.id'))
    .addColumn('count', 'integer', (col) => col.notNull())
    .addColumn('comment', 'text', (col) => col.notNull())
    .addColumn('undoes', 'text', (col) => col.references('batches.id'))
    .execute();
  await db.schema.createIndex('batches_by_undone').on('batches').columns(['undoes']).execute();
  await db.schema.createIndex('events_by_actor').on('events').columns(['actor', 'id']).execute();
  await db.schema.createIndex('events_by_action').on('events').columns(['action', 'id']).execute();

  // Earlier batches, from their events: an import's id is its batch's; a review batch's id is in its decisions.
  await sql`INSERT INTO batches (id, kind, label, at, actor, user_id, token_id, count, comment, undoes)
    SELECT e.batch,
      CASE WHEN i.id IS NOT NULL THEN 'import'
           WHEN EXISTS (SELECT 1 FROM review_decisions d WHERE d.batch = e.batch) THEN 'review'
           ELSE 'bulk' END,
      COALESCE(i.file_name, (SELECT d.decision FROM review_decisions d WHERE d.batch = e.batch LIMIT 1), MIN(e.action)),
      MIN(e.at), MIN(e.actor), MIN(e.user_id), MIN(e.token_id), COUNT(*), MIN(e.comment), NULL
    FROM events e LEFT JOIN imports i ON i.id = e.batch
    WHERE e.batch IS NOT NULL
    GROUP BY e.batch`.execute(db);

  await sql`CREATE TRIGGER batches_never_updated BEFORE UPDATE ON batches
    BEGIN SELECT RAISE(ABORT, 'batches are append-only'); END`.execute(db);
  await sql`CREATE TRIGGER batches_never_deleted BEFORE DELETE ON batches
    BEGIN SELECT RAISE(ABORT, 'batches are append-only'); END`.execute(db);
}
