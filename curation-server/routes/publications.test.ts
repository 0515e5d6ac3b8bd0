import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rowKey } from '../../corpus/list/snapshot.ts';
import { readManifest } from '../../corpus/list/manifest.ts';
import { readSigningKeyDirectory } from '../../corpus/node/signing-key-files.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { createSource, setStatus, updateSource } from '../sources/source-commands.ts';
import { type ConsoleClient, type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';

let fixture: ConsoleFixture;
afterEach(async () => {
  await fixture.close();
});

/** The publication page's digest of the previewed list, as its form sends it. */
async function previewDigest(admin: ConsoleClient): Promise<{ html: string; digest: string }> {
  const { html } = await admin.page('/admin/publications');
  const digest = /name="digest" value="([0-9a-f]{64})"/.exec(html)?.[1];
  if (digest === undefined) throw new Error('no digest in the publication form');
  return { html, digest };
}

/** The text of the elements of a page that carry `attribute="value"`, tags removed. */
function textsOf(html: string, attribute: string, value: string): string[] {
  return [...html.matchAll(new RegExp(`<li ${attribute}="${value}"[^>]*>(.*?)</li>`, 'gs'))].map((match) => match[1].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
}

/** Keys (`host\tpath`) of the items of one list of the preview. */
function previewKeys(html: string, list: 'added' | 'changed' | 'leaving'): string[] {
  const block = new RegExp(`<ul class="preview-list" data-preview="${list}">(.*?)</ul>\\s*</section>`, 's').exec(html)?.[1] ?? '';
  return [...block.matchAll(/<code class="preview-host">([^<]*)<\/code>/g)].map((match) => {
    const target = match[1];
    const slash = target.indexOf('/');
    return slash < 0 ? `${target}\t` : `${target.slice(0, slash)}\t${target.slice(slash)}`;
  });
}

describe('publication page', () => {
  it('lets an administrator publish, shows the version online and the record, and serves it under /v1/', async () => {
    fixture = await consoleFixture({ signingKey: true });
    const admin = await fixture.as('admin');
    const before = await admin.page('/admin/publications');
    expect(before.html).toContain('Aucune version publiée pour l’instant.');
    expect((await admin.page('/admin')).html).toContain('href="/admin/publications"');

    const published = await admin.post('/admin/publications', { comment: '"><img src=x onerror=alert(1)>', digest: (await previewDigest(admin)).digest });
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe('/admin/publications?done=published&version=1');
    const { html } = await admin.page('/admin/publications?done=published&version=1');
    expect(html).toContain('La version 1 a été publiée et signée.');
    expect(html).toContain('admin@example.org');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');

    // Publishing nothing new is refused, with the reason and the way to force it.
    const { digest } = await previewDigest(admin);
    const unchanged = await admin.post('/admin/publications', { digest });
    expect(unchanged.status).toBe(409);
    expect(await unchanged.text()).toContain('Rien n’a été publié : aucun changement depuis la version 1.');
    expect((await fixture.publisher.history()).map((record) => record.version)).toEqual([1]);
    expect(await (await admin.post('/admin/publications', { force: 'true', digest })).headers.get('location')).toBe('/admin/publications?done=published&version=2');

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
    const { digest } = await previewDigest(admin);
    expect((await admin.post('/admin/publications', { force: 'true', digest }, { csrf: false })).status).toBe(403);
    // Without the preview's digest, nothing is published blind.
    const blind = await admin.post('/admin/publications', { force: 'true' });
    expect(blind.status).toBe(409);
    expect(await blind.text()).toContain('Les sources ont changé depuis l’affichage de l’aperçu');
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

describe('publication preview', () => {
  it('shows what the next version changes, each source leaving under the word of its status, and publishes exactly that', async () => {
    fixture = await consoleFixture({ signingKey: true });
    const admin = await fixture.as('admin');
    const first = await previewDigest(admin);
    expect(first.html).toContain('Aucune version n’est encore publiée : toutes les sources actives entreront dans la liste.');
    expect(textsOf(first.html, 'data-count', 'added')).toEqual(['5 ajoutées']);
    expect((await admin.post('/admin/publications', { digest: first.digest })).status).toBe(303);

    const db = fixture.db;
    const created = await createSource(db, SYSTEM_ACTOR, { host: 'mairie-nouvelle.fr', scope: 'host', path: '', category: 'commune', status: 'active', name: 'Mairie nouvelle', code: '' }, '');
    expect(created.ok).toBe(true);
    // Reactivated: it enters the list again.
    expect((await setStatus(db, SYSTEM_ACTOR, ['sy6dyqktpki6'], 'active', '')).ok).toBe(true);
    expect((await updateSource(db, SYSTEM_ACTOR, 'syj66jel4pyz', { name: 'Mairie de Besançon', code: '25056' }, { comment: '' })).ok).toBe(true);
    expect((await setStatus(db, SYSTEM_ACTOR, ['sxcmuyhvlacd'], 'suspended', '')).ok).toBe(true);
    expect((await setStatus(db, SYSTEM_ACTOR, ['stfree000001'], 'removed', '')).ok).toBe(true);
    // A corrected hostname: the old address leaves, the new one enters.
    expect((await updateSource(db, SYSTEM_ACTOR, 'stlyon0000001', { host: 'lyon.fr' }, { comment: '' })).ok).toBe(true);

    const { html, digest } = await previewDigest(admin);
    expect(html).toContain('Par rapport à la version 1, en ligne, la prochaine version :');
    expect(textsOf(html, 'data-count', 'added')).toEqual(['3 ajoutées']);
    expect(textsOf(html, 'data-count', 'changed')).toEqual(['1 modifiée']);
    expect(textsOf(html, 'data-count', 'suspended')).toEqual(['1 suspendue']);
    expect(textsOf(html, 'data-count', 'removed')).toEqual(['1 retirée']);
    expect(textsOf(html, 'data-count', 'moved')).toEqual(['1 changée d’adresse']);
    expect(textsOf(html, 'data-reason', 'suspended')).toEqual(['ac-besancon.fr — Académie de Besançon (académie ou établissement scolaire) suspendue']);
    expect(textsOf(html, 'data-reason', 'removed')).toEqual(['mairie-trifouilly.free.fr — Trifouilly-les-Oies (commune) retirée']);
    expect(textsOf(html, 'data-reason', 'moved')[0]).toMatch(/^mairie-lyon\.fr — Mairie de Lyon \(commune\) adresse modifiée/);
    expect(textsOf(html, 'data-field', 'name')).toEqual(['Organisation : « Ville de Besançon » → « Mairie de Besançon »']);
    expect(textsOf(html, 'data-field', 'code')).toEqual([]);
    // In English, from another session (the language choice is kept in a cookie).
    const english = (await (await fixture.as('admin')).page('/admin/publications?lang=en')).html;
    expect(textsOf(english, 'data-count', 'suspended')).toEqual(['1 suspended']);
    expect(textsOf(english, 'data-reason', 'removed')).toEqual(['mairie-trifouilly.free.fr — Trifouilly-les-Oies (municipality) removed']);

    const published = await admin.post('/admin/publications', { digest, comment: 'aperçu' });
    expect(published.headers.get('location')).toBe('/admin/publications?done=published&version=2');
    // The delta clients receive holds exactly the sources the preview listed.
    const delta = await readFile(join(fixture.publisher.directory, 'deltas', '1-2.tsv'), 'utf8');
    const lines = delta.split('\n');
    const upserted = lines.filter((line) => line.startsWith('+')).map((line) => rowKey(line.slice(1)));
    const removed = lines.filter((line) => line.startsWith('-')).map((line) => line.slice(1));
    expect([...previewKeys(html, 'added'), ...previewKeys(html, 'changed')].sort()).toEqual([...upserted].sort());
    expect(previewKeys(html, 'leaving').sort()).toEqual([...removed].sort());
    const [record] = await fixture.publisher.history();
    expect(record).toMatchObject({ version: 2, added: 3, changed: 1, removed: 3 });
    const after = await admin.page('/admin/publications?done=published&version=2');
    expect(after.html).toContain('3 ajoutées, 1 modifiée, 3 sorties de la liste');
    expect(after.html).toContain('Rien à publier : les sources actives sont exactement celles de la version 2.');
  });

  it('publishes nothing when the sources changed after the preview was shown, and shows the new preview', async () => {
    fixture = await consoleFixture({ signingKey: true });
    const admin = await fixture.as('admin');
    await fixture.publisher.publish(SYSTEM_ACTOR);
    const { digest } = await previewDigest(admin);
    expect((await setStatus(fixture.db, SYSTEM_ACTOR, ['sxcmuyhvlacd'], 'suspended', '')).ok).toBe(true);
    const stale = await admin.post('/admin/publications', { digest });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Les sources ont changé depuis l’affichage de l’aperçu : rien n’a été publié.');
    expect(textsOf(html, 'data-count', 'suspended')).toEqual(['1 suspendue']);
    expect((await fixture.publisher.history()).map((record) => record.version)).toEqual([1]);
  });

  it('lists the first entries of a long change and says how many there are', async () => {
    fixture = await consoleFixture({ signingKey: true });
    const preview = await fixture.publisher.preview(2);
    expect(preview.preview.counts.added).toBe(5);
    expect(preview.preview.added.map((entry) => entry.host)).toEqual(['ac-besancon.fr', 'ain.gouv.fr']);
  });
});
