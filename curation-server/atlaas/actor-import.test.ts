import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { divisionsOf } from '../testing/atlaas-fixture.ts';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { importActors, importActorsIfEmpty } from './actor-import.ts';
import type { Divisions } from './divisions.ts';

let temp: TempDatabase;
beforeEach(async () => {
  temp = await tempDatabase();
});
afterEach(async () => {
  await temp.close();
});

const actor = (id: string) => temp.db.selectFrom('atlaas_actors').selectAll().where('id', '=', id).executeTakeFirst();

describe('importing actors from the official divisions', () => {
  it('imports communes, their EPCI, département and région, with their codes', async () => {
    const counts = await importActors(temp.db, divisionsOf(['42']));
    expect(counts.added).toBeGreaterThan(300);
    const saintEtienne = await actor('commune:42218');
    expect(saintEtienne).toMatchObject({ name: 'Saint-Étienne', departement: '42', region: '84', epci: '244200770', siren: '214202186', postal_codes: '42000 42100 42230', current: 1 });
    expect(saintEtienne?.population).toBeGreaterThan(100_000);
    expect(await actor('epci:244200770')).toMatchObject({ kind: 'epci', name: 'Saint-Étienne Métropole', detail: 'METRO' });
    expect(await actor('departement:42')).toMatchObject({ name: 'Loire', region: '84' });
    expect(await actor('region:84')).toMatchObject({ name: 'Auvergne-Rhône-Alpes' });
    const former = await temp.db.selectFrom('atlaas_actor_codes').select('actor_id').where('code', '=', '42190').where('kind', '=', 'former').execute();
    expect(former).toEqual([{ actor_id: 'commune:42218' }]);
  });

  it('changes nothing when the same divisions are imported again', async () => {
    await importActors(temp.db, divisionsOf(['42']));
    const before = await temp.db.selectFrom('atlaas_actors').selectAll().orderBy('seq').execute();
    const again = await importActors(temp.db, divisionsOf(['42']));
    expect(again).toMatchObject({ added: 0, changed: 0, retired: 0 });
    expect(again.unchanged).toBe(before.length);
    expect(await temp.db.selectFrom('atlaas_actors').selectAll().orderBy('seq').execute()).toEqual(before);
  });

  it('refreshes in place: a renamed commune keeps its row, links and actions; one gone from the divisions is kept, not current', async () => {
    await importActors(temp.db, divisionsOf(['42']));
    const { seq } = (await actor('commune:42218'))!;
    await temp.db.insertInto('atlaas_links').values({ source_id: 'syj66jel4pyz', actor_id: 'commune:42005', method: 'hostname', status: 'confirmed', evidence: '', updated_at: '2026-01-01T00:00:00.000Z' }).execute();
    const next = divisionsOf(['42']);
    const changed: Divisions = {
      ...next,
      communes: next.communes.filter((commune) => commune.code !== '42005').map((commune) => (commune.code === '42218' ? { ...commune, nom: 'Saint-Étienne-la-Neuve' } : commune)),
    };
    const counts = await importActors(temp.db, changed);
    // The commune renamed, and the populations of its département and région (without 42005's).
    expect(counts).toMatchObject({ added: 0, changed: 3, retired: 1 });
    expect(await actor('commune:42218')).toMatchObject({ seq, name: 'Saint-Étienne-la-Neuve', name_key: 'saint etienne la neuve' });
    expect(await actor('commune:42005')).toMatchObject({ current: 0 });
    expect(await temp.db.selectFrom('atlaas_links').select('actor_id').execute()).toEqual([{ actor_id: 'commune:42005' }]);
    // And back: the commune returns as current, in the same row.
    expect(await importActors(temp.db, next)).toMatchObject({ added: 0, changed: 4, retired: 0 });
    expect(await actor('commune:42005')).toMatchObject({ current: 1 });
  });

  it('imports at first start only', async () => {
    expect(await importActorsIfEmpty(temp.db, () => divisionsOf(['42']))).not.toBeNull();
    expect(await importActorsIfEmpty(temp.db, () => divisionsOf(['42', '43']))).toBeNull();
    expect(await actor('departement:43')).toBeUndefined();
  });

  it('never deletes an actor', async () => {
    await importActors(temp.db, divisionsOf(['42']));
    await expect(temp.db.deleteFrom('atlaas_actors').where('id', '=', 'commune:42218').execute()).rejects.toThrow(/never deleted/);
  });
});
