/**
 * The version of an Atlaas dataset (migration 011: raised by triggers on every write to its
 * tables, from any process): what the in-memory search structures check before they answer.
 */
import type { Kysely } from 'kysely';
import type { AtlaasDataVersionsTable, Database } from '../db/schema.ts';

export async function atlaasDataVersion(db: Kysely<Database>, dataset: AtlaasDataVersionsTable['dataset']): Promise<number> {
  const row = await db.selectFrom('atlaas_data_versions').select('version').where('dataset', '=', dataset).executeTakeFirstOrThrow();
  return row.version;
}
