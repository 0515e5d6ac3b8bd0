import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importActionFile } from '../atlaas/action-import.ts';
import { importActors } from '../atlaas/actor-import.ts';
import { currentActorIds } from '../atlaas/atlaas-setup.ts';
import { linkContext, refreshLinks } from '../atlaas/source-links.ts';
import { openDatabase } from '../db/open-database.ts';
import { divisionsOf } from '../testing/atlaas-fixture.ts';
import { type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';

const EXAMPLE = readFileSync(new URL('../atlaas/example/atlaas-export.ndjson', import.meta.url), 'utf8');
const DEPARTEMENTS = ['25', '42', '69', '91'];

let fixture: ConsoleFixture;
beforeAll(async () => {
  fixture = await consoleFixture();
  await importActors(fixture.db, divisionsOf(DEPARTEMENTS));
  await refreshLinks(fixture.db, linkContext(divisionsOf(DEPARTEMENTS), await currentActorIds(fixture.db), new Map()));
  const imported = await importActionFile(fixture.db, EXAMPLE);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
});
afterAll(async () => {
  await fixture.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fixture.app.request(path, { headers });
const body = async (path: string) => {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as Record<string, unknown> & { total: number; actors: { id: string; name: string }[] };
};

describe('the public Atlaas API', () => {
  it('answers without a token, with CORS open and a public cache', async () => {
    const response = await get('/api/atlaas/actors?q=st+etienne', { origin: 'chrome-extension://gchlaeidhlpjhcidhkkimiadkidlgkgh' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const found = (await response.json()) as { actors: { id: string; name: string; epci: string }[] };
    expect(found.actors[0]).toMatchObject({ id: 'commune:42218', name: 'Saint-Étienne', epci: 'epci:244200770' });
    const preflight = await fixture.app.request('/api/atlaas/actors', { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 304 to a request that sends back the ETag, with the CORS header', async () => {
    const first = await get('/api/atlaas/actors?q=lyon');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    const again = await get('/api/atlaas/actors?q=lyon', { 'if-none-match': tag!, origin: 'https://example.org' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    expect(again.headers.get('etag')).toBe(tag);
    const other = await get('/api/atlaas/actors?q=lyon&page=2', { 'if-none-match': tag! });
    expect(other.status).toBe(200);
  });

  it('pages results: the same total, no overlap, an empty page past the end', async () => {
    const one = await body('/api/atlaas/actors?q=saint&perPage=5');
    const two = await body('/api/atlaas/actors?q=saint&perPage=5&page=2');
    const past = await body('/api/atlaas/actors?q=saint&perPage=5&page=999');
    expect(one).toMatchObject({ page: 1, perPage: 5 });
    expect(two.total).toBe(one.total);
    expect(one.actors).toHaveLength(5);
    expect(two.actors.filter((actor) => one.actors.some((other) => other.id === actor.id))).toEqual([]);
    expect(past).toMatchObject({ total: one.total, actors: [] });
  });

  it('disambiguates homonyms by département and finds a merged commune by its former code', async () => {
    expect((await body('/api/atlaas/actors?q=evry&departement=91')).actors[0].name).toBe('Évry-Courcouronnes');
    const former = await body('/api/atlaas/actors?code=91182');
    expect(former.actors).toEqual([expect.objectContaining({ id: 'commune:91228', matchedBy: 'former' })]);
  });

  it('gives an actor’s card: label history, actions by axis, intercommunalité, trusted sites', async () => {
    const card = (await (await get('/api/atlaas/actors/commune:42218')).json()) as Record<string, unknown>;
    expect(card).toMatchObject({
      actor: { name: 'Saint-Étienne', kind: 'commune' },
      epci: { id: 'epci:244200770' },
      labels: [
        { year: 2024, arobases: 5, title: "Territoire d'Excellence Numérique", mentions: ['Médiation numérique'] },
        { year: 2023, arobases: 4 },
      ],
      actions: [{ axis: 'democratie-services-publics', total: 1, latest: [{ id: 'atlaas-2024-0001' }] }],
    });
    const besancon = (await (await get('/api/atlaas/actors/commune:25056')).json()) as { sites: unknown[] };
    expect(besancon.sites).toEqual([expect.objectContaining({ host: 'besancon.fr', method: 'code', linkStatus: 'linked' })]);
    const epci = (await (await get('/api/atlaas/actors/epci:244200770')).json()) as { members: { total: number; first: { name: string }[] } };
    expect(epci.members.total).toBeGreaterThan(40);
    expect(epci.members.first[0].name).toBe('Saint-Étienne');
    expect((await get('/api/atlaas/actors/commune:00000')).status).toBe(404);
  });

  it('searches actions by text, axis, year and area', async () => {
    const search = async (query: string) => ((await (await get(`/api/atlaas/actions?${query}`)).json()) as { actions: { id: string }[] }).actions.map((action) => action.id);
    expect(await search('q=numeriques')).toEqual(['atlaas-2024-0001']);
    expect(await search('q=Fablab')).toEqual(['atlaas-2024-0003']);
    expect(await search('axis=democratie-services-publics')).toEqual(['atlaas-2024-0001', 'atlaas-2024-0002']);
    expect(await search('year=2023')).toEqual(['atlaas-2024-0002']);
    expect(await search('departement=42')).toEqual(['atlaas-2024-0001', 'atlaas-2024-0003']);
    expect(await search('region=11')).toEqual(['atlaas-2024-0002']);
    expect(await search('actor=commune:91228')).toEqual(['atlaas-2024-0002']);
    expect(((await (await get('/api/atlaas/actions/atlaas-2024-0002')).json()) as { tools: string[] }).tools).toEqual(['Decidim']);
  });

  it('looks a hostname up: its trusted source, the actor and its latest label', async () => {
    const found = (await (await get('/api/atlaas/by-host/www.besancon.fr')).json()) as Record<string, unknown>;
    expect(found).toMatchObject({ host: 'www.besancon.fr', source: { host: 'besancon.fr', name: 'Ville de Besançon' }, actors: [{ actor: { id: 'commune:25056' }, label: null, actions: 0 }] });
    const sub = (await (await get('/api/atlaas/by-host/culture.besancon.fr')).json()) as { source: { host: string } };
    expect(sub.source.host).toBe('besancon.fr');
    expect(((await (await get('/api/atlaas/by-host/mairie-lyon.fr')).json()) as { actors: { actor: { id: string } }[] }).actors[0].actor.id).toBe('commune:69123');
    expect((await (await get('/api/atlaas/by-host/evil-besancon.fr')).json()) as unknown).toEqual({ error: 'not-trusted' });
    // A suspended source is not trusted; a trusted source with no actor says so.
    expect((await get('/api/atlaas/by-host/chu-besancon.fr')).status).toBe(404);
    expect(((await (await get('/api/atlaas/by-host/ain.gouv.fr')).json()) as { error: string }).error).toBe('no-actor');
  });

  it('refuses bad parameters with 400 and the reason, never a 500', async () => {
    const refused = [
      'actors?perPage=1000000',
      'actors?perPage=0',
      'actors?page=-1',
      'actors?page=abc',
      'actors?kind=ministere',
      'actors?departement=999',
      'actors?code=1234',
      `actors?q=${'a'.repeat(201)}`,
      'actors?q=lyon%00',
      'actors?limit=10',
      'actors/commune:42218?extra=1',
      'actors/%27%20OR%201=1',
      'actions?axis=autre',
      'actions?year=deux-mille',
      'actions?perPage=101',
      'by-host/a%20b.fr',
      'by-host/127.0.0.1',
    ];
    for (const path of refused) {
      const response = await get(`/api/atlaas/${path}`);
      expect(response.status, path).toBe(400);
      const answer = (await response.json()) as { error: string; issues: { message: string }[] };
      expect(answer.error, path).toBe('invalid-request');
      expect(answer.issues[0].message.length, path).toBeGreaterThan(0);
    }
  });

  it('reads FTS5 syntax in a query as words', async () => {
    for (const q of ['"', '*', 'NEAR(', 'NEAR(lyon saint, 2)', 'lyon" OR "x', 'a AND NOT b', '^', '(((', 'search_words:lyon', '-lyon', '\\']) {
      for (const resource of ['actors', 'actions']) {
        const response = await get(`/api/atlaas/${resource}?q=${encodeURIComponent(q)}`);
        expect(response.status, `${resource} ${q}`).toBe(200);
      }
    }
  });

  it('never answers from memory what the database no longer says, whichever connection changed it', async () => {
    const path = '/api/atlaas/actors/commune:25056';
    const sites = async () => ((await (await get(path)).json()) as { sites: { host: string }[] }).sites.map((site) => site.host);
    const first = await get(path);
    expect(await sites()).toEqual(['besancon.fr']);
    expect((await get(path, { 'if-none-match': first.headers.get('etag')! })).status).toBe(304);
    await fixture.db.updateTable('sources').set({ status: 'removed' }).where('host', '=', 'besancon.fr').execute();
    expect(await sites()).toEqual([]);
    expect((await get(path, { 'if-none-match': first.headers.get('etag')! })).status).toBe(200);
    await fixture.db.updateTable('sources').set({ status: 'active' }).where('host', '=', 'besancon.fr').execute();
    expect(await sites()).toEqual(['besancon.fr']);
    const actions = async () => ((await (await get('/api/atlaas/actions?q=xylophone')).json()) as { actions: { id: string }[] }).actions.map((action) => action.id);
    expect(await actions()).toEqual([]);
    // Another process (npm run atlaas:import) writes through its own connection.
    const other = await openDatabase(fixture.path);
    try {
      const lines = [
        { type: 'label', actor: '25056', year: 2025, arobases: 2 },
        { type: 'action', id: 'xylo-1', actor: '25056', title: 'Atelier xylophone numérique', date: '2025-03', axis: 'vivre-ensemble' },
      ];
      const imported = await importActionFile(other, lines.map((line) => JSON.stringify(line)).join('\n'));
      expect(imported.ok).toBe(true);
    } finally {
      await other.destroy();
    }
    const card = (await (await get(path)).json()) as { labels: { year: number }[]; sites: unknown[] };
    expect(card.labels.map((label) => label.year)).toEqual([2025]);
    expect(card.sites).toHaveLength(1);
    expect(await actions()).toEqual(['xylo-1']);
  });

  it('is read-only: other methods change nothing', async () => {
    const before = await fixture.db.selectFrom('atlaas_actions').selectAll().execute();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await fixture.app.request('/api/atlaas/actions/atlaas-2024-0001', { method, body: '{}', headers: { 'content-type': 'application/json' } });
      expect(response.status, method).toBe(404);
    }
    expect(await fixture.db.selectFrom('atlaas_actions').selectAll().execute()).toEqual(before);
  });
});
