/**
 * The Atlaas lookup: actors (collectivités from the official divisions), the codes that lead to
 * them (INSEE, former, postal, SIREN), their digital actions and label results (imported from an
 * export file), links between trusted sources and actors, and the curators' decisions on those
 * links (append-only). Written only by imports and link decisions; read by the public API.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('atlaas_actors')
    // An integer primary key keeps rowids stable for the external-content search index.
    .addColumn('seq', 'integer', (col) => col.primaryKey())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('commune', 'commune-deleguee', 'commune-associee', 'arrondissement', 'epci', 'departement', 'region')`),
    )
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_key', 'text', (col) => col.notNull())
    .addColumn('search_words', 'text', (col) => col.notNull())
    .addColumn('search_joined', 'text', (col) => col.notNull())
    .addColumn('population', 'integer')
    .addColumn('postal_codes', 'text', (col) => col.notNull())
    .addColumn('departement', 'text', (col) => col.notNull())
    .addColumn('region', 'text', (col) => col.notNull())
    .addColumn('siren', 'text', (col) => col.notNull())
    .addColumn('epci', 'text', (col) => col.notNull())
    .addColumn('parent', 'text', (col) => col.notNull())
    .addColumn('detail', 'text', (col) => col.notNull())
    .addColumn('current', 'integer', (col) => col.notNull())
    .addColumn('rank_key', 'integer', (col) => col.notNull())
    .execute();
  // Search results come in this order (kind, then the most populous): read from the index, not sorted per query.
  await db.schema.createIndex('atlaas_actors_by_rank').on('atlaas_actors').columns(['rank_key', 'name_key', 'id']).execute();
  await db.schema.createIndex('atlaas_actors_by_name').on('atlaas_actors').columns(['name_key']).execute();
  await db.schema.createIndex('atlaas_actors_by_kind').on('atlaas_actors').columns(['kind', 'name_key']).execute();
  await db.schema.createIndex('atlaas_actors_by_departement').on('atlaas_actors').columns(['departement', 'name_key']).execute();
  await db.schema.createIndex('atlaas_actors_by_epci').on('atlaas_actors').columns(['epci']).execute();
  await db.schema.createIndex('atlaas_actors_by_parent').on('atlaas_actors').columns(['parent']).execute();

  await db.schema
    .createTable('atlaas_actor_codes')
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('insee', 'former', 'postal', 'siren')`))
    .addColumn('actor_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('atlaas_actor_codes_key', ['code', 'kind', 'actor_id'])
    .execute();

  // Names folded (no case, accents, hyphens; « st » read as « saint »), searched by word prefix.
  await sql`CREATE VIRTUAL TABLE atlaas_actor_search USING fts5(
    search_words, search_joined, content='atlaas_actors', content_rowid='seq', tokenize='unicode61', prefix='2 3')`.execute(db);
  await sql`CREATE TRIGGER atlaas_actor_search_insert AFTER INSERT ON atlaas_actors BEGIN
    INSERT INTO atlaas_actor_search (rowid, search_words, search_joined) VALUES (new.seq, new.search_words, new.search_joined);
  END`.execute(db);
  await sql`CREATE TRIGGER atlaas_actor_search_update AFTER UPDATE OF search_words, search_joined ON atlaas_actors BEGIN
    INSERT INTO atlaas_actor_search (atlaas_actor_search, rowid, search_words, search_joined) VALUES ('delete', old.seq, old.search_words, old.search_joined);
    INSERT INTO atlaas_actor_search (rowid, search_words, search_joined) VALUES (new.seq, new.search_words, new.search_joined);
  END`.execute(db);
  await sql`CREATE TRIGGER atlaas_actors_never_deleted BEFORE DELETE ON atlaas_actors
    BEGIN SELECT RAISE(ABORT, 'actors are never deleted: a re-import marks them not current'); END`.execute(db);

  await db.schema
    .createTable('atlaas_actions')
    .addColumn('seq', 'integer', (col) => col.primaryKey())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('actor_id', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('subtitle', 'text', (col) => col.notNull())
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('axis', 'text', (col) => col.notNull())
    .addColumn('issues', 'text', (col) => col.notNull())
    .addColumn('services', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('done', 'text', (col) => col.notNull())
    .addColumn('results', 'text', (col) => col.notNull())
    .addColumn('recommendations', 'text', (col) => col.notNull())
    .addColumn('links', 'text', (col) => col.notNull())
    .addColumn('tools', 'text', (col) => col.notNull())
    .addColumn('providers', 'text', (col) => col.notNull())
    .addColumn('departement', 'text', (col) => col.notNull())
    .addColumn('region', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('atlaas_actions_by_actor').on('atlaas_actions').columns(['actor_id', 'axis', 'date']).execute();
  await db.schema.createIndex('atlaas_actions_by_year').on('atlaas_actions').columns(['year', 'axis']).execute();
  await db.schema.createIndex('atlaas_actions_by_departement').on('atlaas_actions').columns(['departement', 'year']).execute();
  await db.schema.createIndex('atlaas_actions_by_region').on('atlaas_actions').columns(['region', 'year']).execute();

  // French text without stemming: words folded (accents, case), searched by prefix.
  await sql`CREATE VIRTUAL TABLE atlaas_action_search USING fts5(
    title, subtitle, summary, done, results, recommendations, content='atlaas_actions', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='3')`.execute(db);
  await sql`CREATE TRIGGER atlaas_action_search_insert AFTER INSERT ON atlaas_actions BEGIN
    INSERT INTO atlaas_action_search (rowid, title, subtitle, summary, done, results, recommendations)
      VALUES (new.seq, new.title, new.subtitle, new.summary, new.done, new.results, new.recommendations);
  END`.execute(db);
  await sql`CREATE TRIGGER atlaas_action_search_update AFTER UPDATE ON atlaas_actions BEGIN
    INSERT INTO atlaas_action_search (atlaas_action_search, rowid, title, subtitle, summary, done, results, recommendations)
      VALUES ('delete', old.seq, old.title, old.subtitle, old.summary, old.done, old.results, old.recommendations);
    INSERT INTO atlaas_action_search (rowid, title, subtitle, summary, done, results, recommendations)
      VALUES (new.seq, new.title, new.subtitle, new.summary, new.done, new.results, new.recommendations);
  END`.execute(db);

  await db.schema
    .createTable('atlaas_labels')
    .addColumn('actor_id', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('arobases', 'integer', (col) => col.notNull().check(sql`arobases between 1 and 5`))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('mentions', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('atlaas_labels_key', ['actor_id', 'year'])
    .execute();

  await db.schema
    .createTable('atlaas_links')
    .addColumn('source_id', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull().check(sql`method in ('code', 'directory', 'hostname', 'name')`))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('linked', 'suggested', 'confirmed', 'rejected')`))
    .addColumn('evidence', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('atlaas_links_key', ['source_id', 'actor_id'])
    .execute();
  await db.schema.createIndex('atlaas_links_by_actor').on('atlaas_links').columns(['actor_id', 'status']).execute();
  await db.schema.createIndex('atlaas_links_by_status').on('atlaas_links').columns(['status', 'source_id']).execute();

  await db.schema
    .createTable('atlaas_link_events')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('source_id', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text', (col) => col.notNull())
    .addColumn('decision', 'text', (col) => col.notNull().check(sql`decision in ('confirm', 'reject')`))
    .addColumn('comment', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('atlaas_link_events_by_source').on('atlaas_link_events').columns(['source_id', 'id']).execute();
  await sql`CREATE TRIGGER atlaas_link_events_never_updated BEFORE UPDATE ON atlaas_link_events
    BEGIN SELECT RAISE(ABORT, 'link decisions are append-only'); END`.execute(db);
  await sql`CREATE TRIGGER atlaas_link_events_never_deleted BEFORE DELETE ON atlaas_link_events
    BEGIN SELECT RAISE(ABORT, 'link decisions are append-only'); END`.execute(db);
}
