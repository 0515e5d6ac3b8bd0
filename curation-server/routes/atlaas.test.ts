import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importActionFile } from '../atlaas/action-import.ts';
import { importActors } from '../atlaas/actor-import.ts';
import { currentActorIds } from '../atlaas/atlaas-setup.ts';
import { linkContext, refreshLinks } from '../atlaas/source-links.ts';
import { divisionsOf } from '../testing/atlaas-fixture.ts';
import { type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';
import { SAMPLE_SOURCES } from '../testing/temp-database.ts';
import { makeValidSource } from '../../corpus/testing/make-source.ts';

const EXAMPLE = readFileSync(new URL('../atlaas/example/atlaas-export.ndjson', import.meta.url), 'utf8');
const DEPARTEMENTS = ['25', '42', '56', '69', '91'];

const source = (id: string, host: string) => makeValidSource(host, { id, provenance: 'etalab/verified' });

let fixture: ConsoleFixture;
beforeAll(async () => {
  fixture = await consoleFixture({ sources: [...SAMPLE_SOURCES, source('svannes00001', 'mairie-vannes.fr'), source('slorient0001', 'ville-lorient.fr')] });
  await importActors(fixture.db, divisionsOf(DEPARTEMENTS));
  await refreshLinks(fixture.db, linkContext(divisionsOf(DEPARTEMENTS), await currentActorIds(fixture.db), new Map()));
  const imported = await importActionFile(fixture.db, EXAMPLE);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
});
afterAll(async () => {
  await fixture.close();
});

describe('the Atlaas pages of the console', () => {
  it('finds collectivités by name, with homonyms told apart by département', async () => {
    const reader = await fixture.as('reader');
    const { response, html } = await reader.page('/atlaas?q=st+etienne');
    expect(response.status).toBe(200);
    expect(html).toContain('<a href="/atlaas/actors/commune%3A42218">Saint-Étienne</a>');
    expect(html).toContain('<a href="/atlaas" aria-current="page">Atlaas</a>');
    const evry = await reader.page('/atlaas?q=91182');
    expect(evry.html).toContain('Évry-Courcouronnes');
    expect(evry.html).toContain('ancien code INSEE');
    const refused = await reader.page(`/atlaas?q=${'x'.repeat(201)}`);
    expect(refused.response.status).toBe(400);
    expect(refused.html).toContain('Recherche invalide');
  });

  it('shows a card: label history, actions by axis, intercommunalité, trusted sites; in English too', async () => {
    const reader = await fixture.as('reader');
    const { html } = await reader.page('/atlaas/actors/commune:42218');
    expect(html).toContain('<h1>Saint-Étienne (commune)</h1>');
    expect(html).toContain('Territoire d&#39;Excellence Numérique');
    expect(html).toContain('5 @');
    expect(html).toContain('Démocratie et services publics — 1 action');
    expect(html).toContain('Saint-Étienne Métropole');
    const besancon = await reader.page('/atlaas/actors/commune:25056');
    expect(besancon.html).toContain('besancon.fr</a> — Ville de Besançon');
    expect(besancon.html).toContain('par le code de la source');
    const english = await reader.page('/atlaas/actors/commune:42218?lang=en');
    expect(english.html).toContain('Democracy and public services — 1 action');
    expect((await reader.page('/atlaas/actors/commune:00000')).response.status).toBe(404);
  });

  it('searches actions', async () => {
    const reader = await fixture.as('reader');
    const { html } = await reader.page('/atlaas/actions?q=budget');
    expect(html).toContain('Budget participatif en ligne');
    expect(html).toContain('Évry-Courcouronnes</a>');
    expect(html).not.toContain('Fablab intercommunal');
  });

  it('lets a curator confirm or reject a suggested link, as an audited decision', async () => {
    const reader = await fixture.as('reader');
    expect((await reader.page('/atlaas/links')).response.status).toBe(403);
    const curator = await fixture.as('curator');
    const { html } = await curator.page('/atlaas/links');
    expect(html).toContain('mairie-vannes.fr');
    expect(html).toContain('nom d’hôte : mairie-vannes');
    // Without the page's CSRF token, nothing is decided.
    expect((await curator.post('/atlaas/links/decide', { source: 'svannes00001', actor: 'commune:56260', decision: 'confirm', comment: '' }, { csrf: false })).status).toBe(403);
    const confirmed = await curator.post('/atlaas/links/decide', { source: 'svannes00001', actor: 'commune:56260', decision: 'confirm', comment: 'vu sur le site' });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('/atlaas/links?done=confirm');
    const after = await curator.page('/atlaas/links?done=confirm');
    expect(after.html).toContain('Le lien est confirmé.');
    expect(after.html).toContain('curator@example.org : svannes00001');
    expect(after.html).toContain('vu sur le site');
    const again = await curator.post('/atlaas/links/decide', { source: 'svannes00001', actor: 'commune:56260', decision: 'reject', comment: '' });
    expect(again.headers.get('location')).toBe('/atlaas/links?done=already-decided');
    const card = await reader.page('/atlaas/actors/commune:56260');
    expect(card.html).toContain('mairie-vannes.fr</a>');
    expect(card.html).toContain('par le nom d’hôte, confirmé');
    const events = await fixture.db.selectFrom('atlaas_link_events').select(['actor', 'decision']).execute();
    expect(events).toEqual([{ actor: 'curator@example.org', decision: 'confirm' }]);
  });

  it('recomputes the links on request, keeping the decisions', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/atlaas/links');
    const response = await curator.post('/atlaas/links/refresh', {});
    expect(response.headers.get('location')).toBe('/atlaas/links?done=refreshed');
    const links = await fixture.db.selectFrom('atlaas_links').select(['source_id', 'status']).where('source_id', 'in', ['svannes00001', 'slorient0001']).orderBy('source_id').execute();
    expect(links).toEqual([
      { source_id: 'slorient0001', status: 'suggested' },
      { source_id: 'svannes00001', status: 'confirmed' },
    ]);
  }, 30_000);
});
