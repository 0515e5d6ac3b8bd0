import { afterEach, describe, expect, it } from 'vitest';
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { listSources } from '../sources/source-list.ts';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { MIGRATIONS } from './migrations.ts';
import { openDatabase } from './open-database.ts';
import { seedFromCorpus } from './seed-corpus.ts';

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

describe('seeding from the corpus', () => {
  it('loads every seed source once, and a second start changes nothing', async () => {
    const { sources } = readSeedCorpus();
    temp = await tempDatabase(sources);
    const count = async () => (await temp!.db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(await count()).toBe(sources.length);
    expect(await seedFromCorpus(temp.db, () => { throw new Error('the corpus is not read again'); })).toEqual({ alreadySeeded: true });
    expect(await count()).toBe(sources.length);
    const events = await temp.db.selectFrom('events').select(['action', 'comment']).execute();
    expect(events).toEqual([{ action: 'seed', comment: `${sources.length} sources du corpus initial` }]);
    // The search index was filled with the rows.
    const ain = await listSources(temp.db, { q: 'ain.gouv.fr', sort: 'host', order: 'asc', page: 1, perPage: 50 });
    expect(ain.sources[0].host).toBe('ain.gouv.fr');
    // The whole corpus (56,000 rows) is written: seconds on a busy machine.
  }, 60_000);

  it('migrates an existing file without touching it again when reopened', async () => {
    temp = await tempDatabase();
    await temp.db.destroy();
    const reopened = await openDatabase(temp.path);
    const migrations = await reopened.selectFrom('kysely_migration' as never).selectAll().execute();
    expect(migrations.map((row) => (row as { name: string }).name)).toEqual(Object.keys(MIGRATIONS));
    temp.db = reopened;
  });

  it('never deletes a source nor rewrites the history', async () => {
    temp = await tempDatabase();
    await expect(temp.db.deleteFrom('sources').where('id', '=', 'sk3kwbhz3cg2').execute()).rejects.toThrow(/never deleted/);
    await expect(temp.db.updateTable('events').set({ comment: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
    await expect(temp.db.deleteFrom('events').execute()).rejects.toThrow(/append-only/);
  });
});
