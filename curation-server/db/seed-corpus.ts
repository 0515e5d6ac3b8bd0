/**
 * First start: fills an empty database with the seed corpus, in one transaction, and records it
 * as one `seed` event. Idempotent: once that event exists, seeding does nothing.
 */
import type { Kysely } from 'kysely';
import type { Source } from '../../corpus/source.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { appendEvent } from '../history/event-log.ts';
import { sourceRow } from '../sources/stored-source.ts';
import type { Database } from './schema.ts';

// 13 columns a row: well under SQLite's 32,766 bound variables a statement.
const ROWS_PER_INSERT = 1000;

/** `corpus` is only read when the database has not been seeded yet. */
export async function seedFromCorpus(db: Kysely<Database>, corpus: () => readonly Source[]): Promise<{ seeded: number } | { alreadySeeded: true }> {
  return db.transaction().execute(async (trx) => {
    const seed = await trx.selectFrom('events').select('id').where('action', '=', 'seed').executeTakeFirst();
    if (seed !== undefined) return { alreadySeeded: true as const };
    const sources = corpus();
    const at = new Date().toISOString();
    for (let start = 0; start < sources.length; start += ROWS_PER_INSERT) {
      const rows = sources.slice(start, start + ROWS_PER_INSERT).map((source) => sourceRow(source, 1, at));
      await trx.insertInto('sources').values(rows).execute();
    }
    await appendEvent(trx, {
      at,
      actor: SYSTEM_ACTOR,
      action: 'seed',
      sourceId: null,
      before: null,
      after: null,
      comment: `${sources.length} sources du corpus initial`,
    });
    return { seeded: sources.length };
  });
}
