import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { lenientQuery, listSources, type SourceListQuery, SourceListQuerySchema, searchTerms } from './source-list.ts';

let temp: TempDatabase;
beforeAll(async () => {
  temp = await tempDatabase();
});
afterAll(async () => {
  await temp.close();
});

const hostsFor = async (query: Partial<SourceListQuery>) =>
  (await listSources(temp.db, { q: '', sort: 'host', order: 'asc', page: 1, perPage: 50, ...query })).sources.map((source) => source.host);

describe('searching the list', () => {
  it('finds any part of a hostname', async () => {
    expect(await hostsFor({ q: 'besan' })).toEqual(['ac-besancon.fr', 'besancon.fr', 'chu-besancon.fr']);
  });

  it('finds organisation names without their accents, every word required', async () => {
    expect(await hostsFor({ q: 'academie besancon' })).toEqual(['ac-besancon.fr']);
    expect(await hostsFor({ q: 'ECOLE lilas' })).toEqual(['sites.google.com']);
  });

  it('finds codes, short ones by prefix', async () => {
    expect(await hostsFor({ q: '25056' })).toEqual(['besancon.fr']);
    expect(await hostsFor({ q: '01' })).toEqual(['ain.gouv.fr']);
  });

  it('reads a pasted address as its hostname', async () => {
    expect(await hostsFor({ q: 'https://www.ain.gouv.fr/Actions-de-l-Etat' })).toEqual(['ain.gouv.fr']);
    expect(searchTerms('https://www.ain.gouv.fr/x WWW.Besancon.fr Mairie')).toEqual({ fullText: '"ain.gouv.fr" "besancon.fr" "mairie"', short: [] });
  });

  it('never hands the full-text index a control character (FTS5 cannot parse a NUL), and the schema refuses them', async () => {
    expect(searchTerms('abc\u0000def\u0001ghi\u007f')).toEqual({ fullText: '"abc" "def" "ghi"', short: [] });
    expect(await hostsFor({ q: 'besan\u0000con' })).toEqual(['ac-besancon.fr', 'besancon.fr', 'chu-besancon.fr']);
    expect(SourceListQuerySchema.safeParse({ q: 'abc\u0000def' }).success).toBe(false);
    expect(SourceListQuerySchema.safeParse({ q: 'abc\u0085def' }).success).toBe(false);
    // Whitespace is no control character here: a tab pasted from a spreadsheet separates words.
    expect(SourceListQuerySchema.parse({ q: 'ain\tbesancon' }).q).toBe('ain\tbesancon');
  });

  it('treats quotes and FTS syntax in the search box as text', async () => {
    expect(await hostsFor({ q: '"lyon OR NEAR(x' })).toEqual([]);
    expect(await hostsFor({ q: 'lyon*' })).toEqual([]);
    expect(await hostsFor({ q: '%' })).toEqual([]);
  });
});

describe('filters, sort and pages', () => {
  it('filters by category, status and validation state', async () => {
    expect(await hostsFor({ category: 'commune' })).toEqual(['besancon.fr', 'mairie-lyon.fr', 'mairie-trifouilly.free.fr']);
    expect(await hostsFor({ status: 'suspended' })).toEqual(['chu-besancon.fr']);
    expect(await hostsFor({ validation: 'category-guessed' })).toEqual(['mairie-lyon.fr']);
    expect(await hostsFor({ q: 'besancon', status: 'active' })).toEqual(['ac-besancon.fr', 'besancon.fr']);
  });

  it('sorts and pages, with the total of the whole selection', async () => {
    // Names sort as French readers expect: accents and case do not move "École" after "Ville".
    expect(await hostsFor({ sort: 'name', order: 'asc', perPage: 25 })).toEqual([
      'chu-besancon.fr',
      'ac-besancon.fr',
      'sites.google.com',
      'mairie-lyon.fr',
      'ain.gouv.fr',
      'mairie-trifouilly.free.fr',
      'besancon.fr',
    ]);
    const page = await listSources(temp.db, { q: '', sort: 'host', order: 'desc', page: 2, perPage: 25 });
    expect(page).toEqual({ sources: [], total: 7 });
  });

  it('reads the query string leniently: unknown values mean no filter, defaults elsewhere', () => {
    expect(lenientQuery(SourceListQuerySchema, { q: '  lyon ', category: 'bakery', status: 'active', validation: '', sort: 'nope', page: '-3', perPage: '7' })).toEqual({
      q: 'lyon',
      category: undefined,
      status: 'active',
      validation: undefined,
      sort: 'host',
      order: 'asc',
      page: 1,
      perPage: 50,
    });
  });
});
