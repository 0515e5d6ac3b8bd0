/**
 * A version number for each Atlaas dataset that the server keeps searchable in memory (the actors'
 * names: atlaas/actor-name-index.ts; the actions' ranked matches: atlaas/action-search.ts), raised
 * by triggers on every write — by this process or another (`npm run atlaas:import`) — so that a
 * search notices a change with one indexed read. The actors' full-text index goes: their names are
 * searched in memory now.
 */
import { type Kysely, sql } from 'kysely';

const WRITES: Record<string, string[]> = {
  actors: ['atlaas_actors'],
  actions: ['atlaas_actions', 'atlaas_labels'],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('atlaas_data_versions')
    .addColumn('dataset', 'text', (col) => col.primaryKey().check(sql`dataset in ('actors', 'actions')`))
    .addColumn('version', 'integer', (col) => col.notNull())
    .execute();
  for (const [dataset, tables] of Object.entries(WRITES)) {
    await sql`INSERT INTO atlaas_data_versions (dataset, version) VALUES (${dataset}, 1)`.execute(db);
    for (const table of tables) {
      for (const write of ['INSERT', 'UPDATE', 'DELETE']) {
        await sql
          .raw(
            `CREATE TRIGGER ${table}_${write.toLowerCase()}_version AFTER ${write} ON ${table}
             BEGIN UPDATE atlaas_data_versions SET version = version + 1 WHERE dataset = '${dataset}'; END`,
          )
          .execute(db);
      }
    }
  }
  await sql`DROP TRIGGER atlaas_actor_search_insert`.execute(db);
  await sql`DROP TRIGGER atlaas_actor_search_update`.execute(db);
  await sql`DROP TABLE atlaas_actor_search`.execute(db);
}

