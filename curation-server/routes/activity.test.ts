import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceHistory } from '../history/event-log.ts';
import { sourceById } from '../sources/source-store.ts';
import { type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';

let fixture: ConsoleFixture;
beforeEach(async () => {
  fixture = await consoleFixture();
});
afterEach(async () => {
  await fixture.close();
});

const fields = { host: 'ain.gouv.fr', scope: 'subdomains', path: '', category: 'prefecture', status: 'active', code: '01' };

describe('activity and revert', () => {
  it('lists recent changes across the list, newest first, with links to the sources', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/sk3kwbhz3cg2');
    await curator.post('/sources/sk3kwbhz3cg2', { ...fields, name: 'Préfecture', comment: 'abrégé' });
    await curator.post('/sources/syj66jel4pyz/status', { status: 'suspended', comment: '' });
    const { html } = await (await fixture.as('reader')).page('/activity');
    expect(html.indexOf('<strong>suspension</strong>')).toBeLessThan(html.indexOf('<strong>modification</strong>'));
    expect(html.indexOf('<strong>modification</strong>')).toBeGreaterThan(0);
    expect(html).toContain('<a href="/sources/sk3kwbhz3cg2">ain.gouv.fr</a>');
    expect(html).toContain('chargement du corpus initial');
    expect(html).not.toContain('Défaire l’événement');
  });

  it('reverts an edit from the source page, as a new event, and links the two', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/sk3kwbhz3cg2');
    await curator.post('/sources/sk3kwbhz3cg2', { ...fields, name: 'Préfecture', comment: '' });
    const [edit] = await sourceHistory(fixture.db, 'sk3kwbhz3cg2');
    const reverted = await curator.post(`/events/${edit.id}/revert`, { comment: 'retour', return: '/sources/sk3kwbhz3cg2' });
    expect(reverted.headers.get('location')).toBe('/sources/sk3kwbhz3cg2?done=reverted');
    expect((await sourceById(fixture.db, 'sk3kwbhz3cg2'))?.name).toBe("Préfecture de l'Ain");
    const { html } = await curator.page('/sources/sk3kwbhz3cg2?done=reverted');
    expect(html).toContain('La modification a été défaite');
    expect(html).toContain(`défait l’événement n° ${edit.id}`);
    expect(html).toContain(`défait par l’événement n° ${edit.id + 1}`);
    expect(html).toContain(`Défaire l’événement n° ${edit.id}`);
    expect(html).not.toContain('Annuler l’événement');
  });

  it('returns to a path of the console only, however the return path is written', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/sk3kwbhz3cg2');
    await curator.post('/sources/sk3kwbhz3cg2', { ...fields, name: 'Préfecture', comment: '' });
    const [edit] = await sourceHistory(fixture.db, 'sk3kwbhz3cg2');
    const reverted = await curator.post(`/events/${edit.id}/revert`, { comment: '', return: '/.//evil.example' });
    expect(reverted.status).toBe(303);
    expect(reverted.headers.get('location')).toBe('/activity?done=reverted');
  });

  it('explains on the page it came from why a revert is refused', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/sk3kwbhz3cg2');
    await curator.post('/sources/sk3kwbhz3cg2', { ...fields, name: 'Un', comment: '' });
    await curator.post('/sources/sk3kwbhz3cg2', { ...fields, name: 'Deux', comment: '' });
    const [, first] = await sourceHistory(fixture.db, 'sk3kwbhz3cg2');
    const refused = await curator.post(`/events/${first.id}/revert`, { comment: '', return: '/sources/sk3kwbhz3cg2' });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain('<h1>ain.gouv.fr</h1>');
    expect(html).toContain('Impossible de défaire : organisation ont changé depuis.');
    expect((await sourceById(fixture.db, 'sk3kwbhz3cg2'))?.name).toBe('Deux');
  });
});
