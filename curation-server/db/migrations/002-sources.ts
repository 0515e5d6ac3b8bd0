/**
 * The trusted sources, with the indexes the list's filters and sorts use, and a full-text index
 * for search. Sources are never deleted: "removed" is a status, and a trigger refuses DELETE.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sources')
    // An integer primary key keeps rowids stable (VACUUM), which the external-content index needs.
    .addColumn('seq', 'integer', (col) => col.primaryKey())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('host', 'text', (col) => col.notNull())
    .addColumn('scope', 'text', (col) => col.notNull().check(sql`scope in ('host', 'subdomains', 'path')`))
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('active', 'suspended', 'removed')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_key', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('provenance', 'text', (col) => col.notNull())
    .addColumn('validation', 'text', (col) => col.notNull())
    .addColumn('revision', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  // Two sources may not claim the same part of the web (corpus sourceKey), whatever their status.
  await db.schema.createIndex('sources_by_key').unique().on('sources').columns(['host', 'path']).execute();
  await db.schema.createIndex('sources_by_name').on('sources').columns(['name_key', 'host', 'path']).execute();
  await db.schema.createIndex('sources_by_code').on('sources').columns(['code']).execute();
  await db.schema.createIndex('sources_by_updated').on('sources').columns(['updated_at']).execute();
  for (const filter of ['category', 'status', 'validation']) {
    await db.schema.createIndex(`sources_by_${filter}`).on('sources').columns([filter, 'host', 'path']).execute();
  }

  await sql`CREATE TRIGGER sources_never_deleted BEFORE DELETE ON sources
    BEGIN SELECT RAISE(ABORT, 'sources are never deleted: set their status to removed'); END`.execute(db);

  // Trigrams find any part of a hostname ("lyon" in "mairie-lyon.fr") and of a name, accents ignored.
  await sql`CREATE VIRTUAL TABLE source_search USING fts5(
    host, name, code, content='sources', content_rowid='seq', tokenize='trigram remove_diacritics 1')`.execute(db);
  await sql`CREATE TRIGGER source_search_insert AFTER INSERT ON sources BEGIN
    INSERT INTO source_search (rowid, host, name, code) VALUES (new.seq, new.host, new.name, new.code);
  END`.execute(db);
  await sql`CREATE TRIGGER source_search_update AFTER UPDATE OF host, name, code ON sources BEGIN
    INSERT INTO source_search (source_search, rowid, host, name, code) VALUES ('delete', old.seq, old.host, old.name, old.code);
    INSERT INTO source_search (rowid, host, name, code) VALUES (new.seq, new.host, new.name, new.code);
  END`.execute(db);
}
