import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { divisionsOf, realDivisions } from '../testing/atlaas-fixture.ts';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { importActors } from './actor-import.ts';
import { type ActorSearch, searchActors } from './actor-search.ts';

// Every actor of the real divisions, once for the file: the search is tested on the real homonyms.
let temp: TempDatabase;
beforeAll(async () => {
  temp = await tempDatabase();
  await importActors(temp.db, realDivisions());
}, 60_000);
afterAll(async () => {
  await temp.close();
});

const search = async (fields: Partial<ActorSearch>) => (await searchActors(temp.db, { page: 1, perPage: 5, ...fields })).hits;
const first = async (fields: Partial<ActorSearch>) => (await search(fields))[0]?.actor;

describe('finding actors', () => {
  it('has every actor of the official divisions', async () => {
    const kinds = await temp.db.selectFrom('atlaas_actors').select(['kind', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('kind').orderBy('kind').execute();
    expect(Object.fromEntries(kinds.map((row) => [row.kind, Number(row.count)]))).toEqual({
      arrondissement: 45,
      commune: 34_875,
      'commune-associee': 471,
      'commune-deleguee': 2_105,
      departement: 101,
      epci: 1_255,
      region: 18,
    });
  });

  it('reads « st » as « saint », ignoring accents, case and hyphens', async () => {
    for (const q of ['st etienne', 'Saint-Étienne', 'SAINT ETIENNE', 'saintetienne', 'st-étie']) {
      expect((await first({ q }))?.id, q).toBe('commune:42218');
    }
    expect((await first({ q: 'ste foy les lyon' }))?.name).toBe('Sainte-Foy-lès-Lyon');
  });

  it('makes a leading article optional', async () => {
    expect((await first({ q: 'mans' }))?.name).toBe('Le Mans');
    expect((await first({ q: 'le mans' }))?.name).toBe('Le Mans');
    expect((await first({ q: "l'hay les roses" }))?.name).toBe("L'Haÿ-les-Roses");
    expect((await first({ q: 'lhay' }))?.name).toBe("L'Haÿ-les-Roses");
    expect((await first({ q: 'sables d olonne' }))?.name).toBe("Les Sables-d'Olonne");
  });

  it('finds a merged commune by its former code, and the commune nouvelle by the old name', async () => {
    const hits = await search({ q: '91182' });
    expect(hits.map((hit) => [hit.actor.name, hit.matchedBy])).toEqual([['Évry-Courcouronnes', 'former']]);
    expect((await first({ q: 'Évry', departement: '91' }))?.name).toBe('Évry-Courcouronnes');
  });

  it('disambiguates homonyms by département, and puts exact names first', async () => {
    const saintDenis = await search({ q: 'saint denis', kind: 'commune' });
    expect(saintDenis.slice(0, 2).map((hit) => hit.actor.id)).toEqual(['commune:97411', 'commune:93066']);
    expect((await search({ q: 'saint denis', departement: '93', kind: 'commune' })).map((hit) => hit.actor.name)).toEqual(['Saint-Denis', "L'Île-Saint-Denis"]);
    expect((await first({ q: 'beaumont', departement: '63' }))?.id).toBe('commune:63032');
  });

  it('finds actors by INSEE code, postcode and SIREN', async () => {
    expect((await search({ q: '42218' })).map((hit) => [hit.actor.id, hit.matchedBy])).toEqual([['commune:42218', 'insee']]);
    // 42100 is La Gimond's INSEE code and one of Saint-Étienne's postcodes: the INSEE code first.
    expect((await search({ code: '42100' })).map((hit) => [hit.actor.name, hit.matchedBy])).toEqual([
      ['La Gimond', 'insee'],
      ['Saint-Étienne', 'postal'],
    ]);
    expect((await first({ q: '244200770' }))?.name).toBe('Saint-Étienne Métropole');
    expect((await first({ q: 'communauté de communes faucigny' }))?.id).toBe('epci:200000172');
  });

  it('pages through results without overlap, with the same total', async () => {
    const one = await searchActors(temp.db, { q: 'saint', page: 1, perPage: 10 });
    const two = await searchActors(temp.db, { q: 'saint', page: 2, perPage: 10 });
    const far = await searchActors(temp.db, { q: 'saint', page: 9999, perPage: 10 });
    expect(one.total).toBeGreaterThan(1000);
    expect(two.total).toBe(one.total);
    expect(far).toEqual({ total: one.total, hits: [] });
    const ids = new Set(one.hits.map((hit) => hit.actor.id));
    expect(two.hits.some((hit) => ids.has(hit.actor.id))).toBe(false);
  });

  it('matches every word of the query, as prefixes, in any order', async () => {
    const found = await searchActors(temp.db, { q: 'saint etienne', page: 1, perPage: 100 });
    const hits = found.hits.map((hit) => hit.actor.name_key);
    expect(hits.length).toBeGreaterThan(10);
    expect((await searchActors(temp.db, { q: 'etienne saint', page: 1, perPage: 1 })).total).toBe(found.total);
    for (const key of hits) expect(key.split(' ').some((word) => word.startsWith('saint')) && key.split(' ').some((word) => word.startsWith('etienne')), key).toBe(true);
    expect((await searchActors(temp.db, { q: 'zzzz saint', page: 1, perPage: 5 })).total).toBe(0);
  });

  it('treats query syntax as plain words', async () => {
    for (const q of ['"', '*', 'NEAR(', 'saint" OR "', 'a AND b', '^lyon', 'lyon:*', '{search_words}: x', "'; DROP TABLE atlaas_actors; --"]) {
      await expect(searchActors(temp.db, { q, page: 1, perPage: 5 })).resolves.toBeDefined();
    }
  });
});

describe('after an import', () => {
  it('searches the actors as they are now, not as they were when first searched', async () => {
    const temp = await tempDatabase();
    try {
      const divisions = divisionsOf(['42']);
      await importActors(temp.db, divisions);
      expect((await searchActors(temp.db, { q: 'saint etienne', page: 1, perPage: 1 })).hits[0]?.actor.id).toBe('commune:42218');
      const renamed = { ...divisions, communes: divisions.communes.map((commune) => (commune.code === '42218' && commune.type === 'commune-actuelle' ? { ...commune, nom: 'Stéphanoise-la-Grande' } : commune)) };
      await importActors(temp.db, renamed);
      expect((await searchActors(temp.db, { q: 'stephanoise', page: 1, perPage: 1 })).hits[0]?.actor.id).toBe('commune:42218');
      expect((await searchActors(temp.db, { q: 'saint etienne', kind: 'commune', page: 1, perPage: 1 })).hits[0]?.actor.id).not.toBe('commune:42218');
    } finally {
      await temp.close();
    }
    expect((await first({ q: '"lyon"*' }))?.id).toBe('commune:69123');
  });
});
