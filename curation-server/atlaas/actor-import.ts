/**
 * Writes the actors of the official divisions into the database, in one transaction: new ones
 * added, changed ones updated in place (same id, so links and actions keep pointing at them), and
 * those no longer in the divisions kept but marked not current. The codes that lead to actors are
 * derived data, written afresh.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type ActorRecord, actorsFromDivisions, type Divisions, readDivisions } from './divisions.ts';

// 17 columns a row: well under SQLite's 32,766 bound variables a statement.
const ROWS_PER_INSERT = 1000;

export interface ActorImportCounts {
  added: number;
  changed: number;
  unchanged: number;
  /** Actors no longer in the divisions: kept, marked not current. */
  retired: number;
  codes: number;
}

const COMPARED: (keyof ActorRecord)[] = ['kind', 'code', 'name', 'name_key', 'search_words', 'search_joined', 'population', 'postal_codes', 'departement', 'region', 'siren', 'epci', 'parent', 'detail', 'rank_key'];

export async function importActors(db: Kysely<Database>, divisions: Divisions): Promise<ActorImportCounts> {
  const { actors, codes } = actorsFromDivisions(divisions);
  return db.transaction().execute(async (trx) => {
    const existing = new Map((await trx.selectFrom('atlaas_actors').selectAll().execute()).map((row) => [row.id, row]));
    const counts: ActorImportCounts = { added: 0, changed: 0, unchanged: 0, retired: 0, codes: codes.length };
    const added: ActorRecord[] = [];
    for (const actor of actors) {
      const before = existing.get(actor.id);
      existing.delete(actor.id);
      if (before === undefined) {
        added.push(actor);
      } else if (before.current === 1 && COMPARED.every((field) => before[field] === actor[field])) {
        counts.unchanged++;
      } else {
        await trx.updateTable('atlaas_actors').set({ ...actor, current: 1 }).where('id', '=', actor.id).execute();
        counts.changed++;
      }
    }
    for (let start = 0; start < added.length; start += ROWS_PER_INSERT) {
      await trx
        .insertInto('atlaas_actors')
        .values(added.slice(start, start + ROWS_PER_INSERT).map((actor) => ({ ...actor, current: 1 })))
        .execute();
    }
    counts.added = added.length;
    const gone = [...existing.values()].filter((row) => row.current === 1).map((row) => row.id);
    for (let start = 0; start < gone.length; start += ROWS_PER_INSERT) {
      await trx.updateTable('atlaas_actors').set({ current: 0 }).where('id', 'in', gone.slice(start, start + ROWS_PER_INSERT)).execute();
    }
    counts.retired = gone.length;
    const codeKey = (code: { code: string; kind: string; actor_id: string }) => `${code.code} ${code.kind} ${code.actor_id}`;
    const storedCodes = new Set((await trx.selectFrom('atlaas_actor_codes').selectAll().execute()).map(codeKey));
    const sameCodes = storedCodes.size === codes.length && codes.every((code) => storedCodes.has(codeKey(code)));
    if (!sameCodes) {
      await trx.deleteFrom('atlaas_actor_codes').execute();
      for (let start = 0; start < codes.length; start += ROWS_PER_INSERT * 5) {
        await trx.insertInto('atlaas_actor_codes').values(codes.slice(start, start + ROWS_PER_INSERT * 5)).execute();
      }
    }
    return counts;
  });
}

export async function actorCount(db: Kysely<Database>): Promise<number> {
  const { count } = await db.selectFrom('atlaas_actors').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * For the server's start: imports the actors when there are none yet (the divisions ship with the
 * server as an npm dependency), and returns what it did; does nothing on a database that has them.
 */
export async function importActorsIfEmpty(db: Kysely<Database>, divisions: () => Divisions = readDivisions): Promise<ActorImportCounts | null> {
  if ((await actorCount(db)) > 0) return null;
  return importActors(db, divisions());
}
