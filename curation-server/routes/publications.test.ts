import { afterEach, describe, expect, it } from 'vitest';
import { readManifest } from '../../corpus/list/manifest.ts';
import { readSigningKeyDirectory } from '../../corpus/node/signing-key-files.ts';
import { type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';

let fixture: ConsoleFixture;
afterEach(async () => {
  await fixture.close();
});

describe('publication page', () => {
  it('lets an administrator publish, shows the version online and the record, and serves it under /v1/', async () => {
    fixture = await consoleFixture({ signingKey: true });
    const admin = await fixture.as('admin');
    const before = await admin.page('/admin/publications');
    expect(before.html).toContain('Aucune version publiée pour l’instant.');
    expect((await admin.page('/admin')).html).toContain('href="/admin/publications"');

    const published = await admin.post('/admin/publications', { comment: '"><img src=x onerror=alert(1)>' });
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe('/admin/publications?done=published&version=1');
    const { html } = await admin.page('/admin/publications?done=published&version=1');
    expect(html).toContain('La version 1 a été publiée et signée.');
    expect(html).toContain('admin@example.org');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');

    const unchanged = await admin.post('/admin/publications', {});
    expect(unchanged.headers.get('location')).toBe('/admin/publications?done=publicationUnchanged&version=1');
    expect(await (await admin.post('/admin/publications', { force: 'true' })).headers.get('location')).toBe('/admin/publications?done=published&version=2');

    const manifest = await fixture.app.request('/v1/manifest.json');
    expect(manifest.status).toBe(200);
    const [key] = await readSigningKeyDirectory(fixture.keysDirectory);
    const reading = await readManifest(await manifest.text(), [key.publicKey]);
    expect(reading.ok && reading.manifest.version).toBe(2);
    const snapshot = await fixture.app.request('/v1/snapshots/2.tsv');
    expect(snapshot.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('is for administrators only, and refuses a form without its CSRF token', async () => {
    fixture = await consoleFixture({ signingKey: true });
    const curator = await fixture.as('curator');
    expect((await curator.request('/admin/publications')).status).toBe(403);
    expect((await curator.post('/admin/publications', { force: 'true' })).status).toBe(403);
    const admin = await fixture.as('admin');
    await admin.page('/admin/publications');
    expect((await admin.post('/admin/publications', { force: 'true' }, { csrf: false })).status).toBe(403);
    expect(await fixture.publisher.history()).toEqual([]);
  });

  it('explains in French that a key is missing, and offers no button', async () => {
    fixture = await consoleFixture();
    const admin = await fixture.as('admin');
    const { html } = await admin.page('/admin/publications');
    expect(html).toContain('Aucune clé de signature sur le serveur');
    expect(html).not.toContain('Publier maintenant</button>');
    const refused = await admin.post('/admin/publications', {});
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('npm run keys -- generate');
  });
});
