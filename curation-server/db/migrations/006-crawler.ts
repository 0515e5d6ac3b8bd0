/**
 * The validation crawler: its runs, the sources each run planned to check, and every check with its
 * recorded evidence. Checks are history (append-only, like the audit trail), with one exception:
 * the moment a finding was handed to the review queue is written once, after the check.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crawl_runs')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('running', 'finished', 'cancelled')`))
    .addColumn('trigger', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('total', 'integer', (col) => col.notNull())
    // Written every few seconds by the process that runs it: a running run with an old heartbeat was interrupted.
    .addColumn('heartbeat_at', 'text', (col) => col.notNull())
    .addColumn('options', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('crawl_runs_by_state').on('crawl_runs').columns(['state', 'id']).execute();

  await db.schema
    .createTable('crawl_run_sources')
    .addColumn('run_id', 'integer', (col) => col.notNull().references('crawl_runs.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('source_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('crawl_run_sources_key', ['run_id', 'position'])
    .execute();

  await db.schema
    .createTable('crawl_checks')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('run_id', 'integer', (col) => col.notNull().references('crawl_runs.id'))
    .addColumn('source_id', 'text', (col) => col.notNull())
    .addColumn('host', 'text', (col) => col.notNull())
    .addColumn('checked_at', 'text', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('reasons', 'text', (col) => col.notNull())
    .addColumn('failed', 'integer', (col) => col.notNull())
    .addColumn('fingerprint', 'text')
    .addColumn('public_signals', 'integer', (col) => col.notNull())
    .addColumn('evidence', 'text', (col) => col.notNull())
    .addColumn('suggestion', 'text')
    .addColumn('finding', 'integer', (col) => col.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema.createIndex('crawl_checks_by_source').on('crawl_checks').columns(['source_id', 'checked_at']).execute();
  await db.schema.createIndex('crawl_checks_by_run').on('crawl_checks').columns(['run_id', 'source_id']).execute();
  await db.schema.createIndex('crawl_checks_by_run_outcome').on('crawl_checks').columns(['run_id', 'outcome']).execute();

  await sql`CREATE TRIGGER crawl_checks_only_delivered BEFORE UPDATE ON crawl_checks
    WHEN old.delivered_at IS NOT NULL OR new.id IS NOT old.id OR new.run_id IS NOT old.run_id OR new.source_id IS NOT old.source_id
      OR new.host IS NOT old.host OR new.checked_at IS NOT old.checked_at OR new.outcome IS NOT old.outcome OR new.reasons IS NOT old.reasons
      OR new.failed IS NOT old.failed OR new.fingerprint IS NOT old.fingerprint OR new.public_signals IS NOT old.public_signals
      OR new.evidence IS NOT old.evidence OR new.suggestion IS NOT old.suggestion OR new.finding IS NOT old.finding
    BEGIN SELECT RAISE(ABORT, 'crawl checks are append-only'); END`.execute(db);
  await sql`CREATE TRIGGER crawl_checks_never_deleted BEFORE DELETE ON crawl_checks
    BEGIN SELECT RAISE(ABORT, 'crawl checks are append-only'); END`.execute(db);
}
