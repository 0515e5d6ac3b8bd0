import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.ts';
import { batchById } from '../history/batches.ts';
import { appendEvent, recentEvents } from '../history/event-log.ts';
import { reviewQueueSink } from '../review/review-queue.ts';
import { sourceById } from '../sources/source-store.ts';
import { type ConsoleClient, type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';
import { SAMPLE_SOURCES } from '../testing/temp-database.ts';

let fixture: ConsoleFixture;
beforeEach(async () => {
  fixture = await consoleFixture();
});
afterEach(async () => {
  await fixture.close();
});

const THREE = ['syj66jel4pyz', 'stlyon0000001', 'sxcmuyhvlacd'];

/** A confirmed bulk action from the list; returns its batch id. */
async function bulk(client: ConsoleClient, action: string, ids: string[], comment = ''): Promise<string> {
  await client.page('/sources');
  const done = await client.post('/sources/bulk', { ids, action, comment, return: '/sources', confirm: '1' });
  expect(done.status).toBe(303);
  const [newest] = (await recentEvents(fixture.db, { limit: 1 })).events;
  if (newest.batch === null) throw new Error('no batch');
  return newest.batch;
}

const lines = (html: string) => ({ events: html.match(/<li id="event-\d+"/g)?.length ?? 0, batches: html.match(/<li id="batch-[\w-]+" class="batch-line"/g)?.length ?? 0 });

describe('batches in the activity', () => {
  it('shows a bulk action as one line, with its count, a link to its changes and « Défaire »', async () => {
    const curator = await fixture.as('curator');
    const batch = await bulk(curator, 'suspend', THREE, 'audit de printemps');
    const { html } = await curator.page('/activity');
    expect(lines(html)).toEqual({ events: 1, batches: 1 }); // the batch, and the seed
    expect(html).toContain('<strong>Action groupée « Suspendre »</strong> — 3 sources modifiées');
    expect(html).toContain(`<a href="/activity?batch=${batch}">Voir les 3 modifications de ce lot</a>`);
    expect(html).toContain('« audit de printemps »');
    expect(html).toContain(`action="/batches/${batch}/undo"`);
    expect(html).toContain('aria-label="Défaire ce lot : Action groupée « Suspendre »">Défaire ce lot</button>');
    expect(await batchById(fixture.db, batch)).toMatchObject({ kind: 'bulk', label: 'suspend', count: 3, actor: 'curator@example.org', comment: 'audit de printemps', undoneBy: [] });

    const members = await curator.page(`/activity?batch=${batch}`);
    expect(lines(members.html)).toEqual({ events: 3, batches: 0 });
    expect(members.html).toContain('<h2 id="batch-summary-title">Action groupée « Suspendre »</h2>');
    expect(members.html).toContain('<strong>suspension</strong> — <a href="/sources/syj66jel4pyz">besancon.fr</a>');
    // A source's history links each of its changes to its batch.
    expect((await curator.page('/sources/syj66jel4pyz')).html).toContain(`<a href="/activity?batch=${batch}">lot ${batch}</a>`);
    // In English too.
    const english = await curator.page('/activity?lang=en');
    expect(english.html).toContain('<strong>Bulk action “Suspend”</strong> — 3 sources changed');
    expect(english.html).toContain('>Undo this batch</button>');
    // Readers see batches, and cannot undo them.
    const reader = await fixture.as('reader');
    expect((await reader.page('/activity')).html).not.toContain('Défaire ce lot');
  });

  it('shows an import and a review batch as one line each', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/import');
    const uploaded = await curator.post('/import', { text: 'hôte;statut;catégorie;nom\nmairie-une.fr;active;commune;Une\nmairie-deux.fr;active;commune;Deux\n' });
    const preview = await curator.page(uploaded.headers.get('location') ?? '');
    const digest = /name="digest" value="([^"]+)"/.exec(preview.html)?.[1] ?? '';
    const applied = await curator.post(`${uploaded.headers.get('location')}/apply`, { digest, comment: '' });
    expect(applied.status).toBe(303);
    const sink = reviewQueueSink(fixture.db);
    for (const [sourceId, host] of [['syj66jel4pyz', 'besancon.fr'], ['stlyon0000001', 'mairie-lyon.fr']]) {
      await sink.record({ sourceId, host, outcome: 'suspicious', evidence: {}, checkedAt: '2026-12-01T10:00:00.000Z', runId: 1 });
    }
    const queue = await curator.page('/review');
    const ids = [...queue.html.matchAll(/name="ids" value="(\d+)"/g)].map((match) => match[1]);
    expect((await curator.post('/review/decide', { ids, action: 'suspend', confirm: '1', comment: 'parking' })).status).toBe(303);
    const { html } = await curator.page('/activity');
    expect(lines(html)).toEqual({ events: 1, batches: 2 });
    expect(html).toContain('<strong>Import du fichier « (texte collé) »</strong> — 2 sources modifiées');
    expect(html).toContain('<strong>File de revue : décision « Suspendre »</strong> — 2 sources modifiées');
  });
});

describe('undoing a batch from the console', () => {
  it('puts every source back, as a new batch that says what it undid, and that can be undone in turn', async () => {
    const curator = await fixture.as('curator');
    const batch = await bulk(curator, 'remove', THREE);
    await curator.page('/activity');
    const undone = await curator.post(`/batches/${batch}/undo`, { comment: 'erreur de sélection', return: '/activity' });
    expect(undone.status).toBe(303);
    const location = undone.headers.get('location') ?? '';
    expect(location).toMatch(/^\/activity\?batch=[\w-]+&done=undone&count=3$/);
    for (const id of THREE) expect((await sourceById(fixture.db, id))?.status).toBe(SAMPLE_SOURCES.find((source) => source.id === id)?.status);
    const { html } = await curator.page(location);
    expect(html).toContain('Le lot a été défait : 3 sources ont retrouvé leur état d’avant.');
    expect(html).toContain(`<h2 id="batch-summary-title">Retour en arrière du lot ${batch}</h2>`);
    expect(html).toContain(`<a href="/activity?batch=${batch}">défait le lot ${batch}</a>`);
    expect(html).toContain('« erreur de sélection »');
    const undoId = new URL(location, 'http://x').searchParams.get('batch') ?? '';
    const original = await curator.page(`/activity?batch=${batch}`);
    expect(original.html).toContain(`défait par le lot ${undoId}`);
    expect(original.html).not.toContain(`action="/batches/${batch}/undo"`);
    // Undo the undo: removed again.
    expect((await curator.post(`/batches/${undoId}/undo`, { comment: '', return: '/activity' })).status).toBe(303);
    for (const id of THREE) expect((await sourceById(fixture.db, id))?.status).toBe('removed');
  });

  it('refuses, changing nothing, when a source of the batch was changed since, and says which and by whom', async () => {
    const curator = await fixture.as('curator');
    const batch = await bulk(curator, 'suspend', THREE);
    await curator.page('/sources/stlyon0000001');
    await curator.post('/sources/stlyon0000001/status', { status: 'active', comment: '' });
    const [later] = (await recentEvents(fixture.db, { limit: 1 })).events;
    await curator.page('/activity');
    const refused = await curator.post(`/batches/${batch}/undo`, { comment: '', return: '/activity' });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain('Rien n’a été défait : des sources de ce lot ont été modifiées depuis.');
    expect(html).toContain(`mairie-lyon.fr — modifiée depuis par l’événement n° ${later.id} (curator@example.org, `);
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('suspended');
    expect((await recentEvents(fixture.db, { limit: 1 })).events[0].id).toBe(later.id);
  });

  it('refuses readers, and a batch that does not exist', async () => {
    const curator = await fixture.as('curator');
    const batch = await bulk(curator, 'suspend', THREE);
    const reader = await fixture.as('reader');
    await reader.page('/activity');
    expect((await reader.post(`/batches/${batch}/undo`, { comment: '' })).status).toBe(403);
    await curator.page('/activity');
    expect((await curator.post(`/batches/${batch}/undo`, { comment: '' }, { csrf: false })).status).toBe(403);
    const missing = await curator.post('/batches/nosuchbatch/undo', { comment: '' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Ce lot n’existe pas.');
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('suspended');
  });
});

describe('activity filters', () => {
  const robot: Actor = { label: 'robot@example.org', role: 'curator', userId: null, tokenId: null };
  const besancon = SAMPLE_SOURCES.find((source) => source.id === 'syj66jel4pyz');

  async function recorded(at: string, action: 'update' | 'suspend', actor = robot) {
    return appendEvent(fixture.db, { at, actor, action, sourceId: 'syj66jel4pyz', before: besancon ?? null, after: besancon ?? null, comment: `le ${at}` });
  }

  it('narrows by person, kind, batch and days (Paris days, the last one included), and says when a value is not understood', async () => {
    const curator = await fixture.as('curator');
    const evening = await recorded('2026-03-10T22:30:00.000Z', 'update'); // 10 March, 23:30 in Paris
    const night = await recorded('2026-03-10T23:30:00.000Z', 'suspend'); // 11 March, 00:30 in Paris
    const batch = await bulk(curator, 'suspend', THREE);
    const admin = await fixture.as('admin');
    await admin.page('/sources/sk3kwbhz3cg2');
    await admin.post('/sources/sk3kwbhz3cg2/status', { status: 'suspended', comment: 'admin' });
    const shown = async (query: string) => {
      const { html } = await curator.page(`/activity?${query}`);
      return [...html.matchAll(/<li id="(event-\d+|batch-[\w-]+)"/g)].map((match) => match[1]);
    };
    const adminEvent = (await recentEvents(fixture.db, { limit: 1 })).events[0].id;
    expect(await shown('')).toEqual([`event-${adminEvent}`, `batch-${batch}`, `event-${night}`, `event-${evening}`, 'event-1']);
    expect(await shown('actor=admin%40example.org')).toEqual([`event-${adminEvent}`]);
    expect(await shown('actor=robot%40example.org')).toEqual([`event-${night}`, `event-${evening}`]);
    expect(await shown('action=update')).toEqual([`event-${evening}`]);
    expect(await shown('action=suspend')).toEqual([`event-${adminEvent}`, `batch-${batch}`, `event-${night}`]);
    expect(await shown(`batch=${batch}`)).toHaveLength(3);
    expect(await shown(`batch=${batch}&actor=admin%40example.org`)).toEqual([]);
    expect(await shown('from=2026-03-11&to=2026-03-11')).toEqual([`event-${night}`]);
    expect(await shown('from=2026-03-10&to=2026-03-10')).toEqual([`event-${evening}`]);
    expect(await shown('to=2026-03-11')).toEqual([`event-${night}`, `event-${evening}`]);
    expect(await shown('from=2026-03-12&actor=robot%40example.org')).toEqual([]);

    const refused = await curator.page('/activity?from=2026-02-30&action=delete&actor=robot%40example.org');
    expect(refused.response.status).toBe(400);
    expect(refused.html).toContain('<a href="#field-from">Valeur non reconnue : ce filtre n’est pas appliqué.</a>');
    expect(refused.html).toContain('<a href="#field-action">Valeur non reconnue');
    expect(refused.html.match(/<li id="event-/g)).toHaveLength(2);
    // The form shows the filters in force.
    const form = await curator.page('/activity?actor=robot%40example.org&from=2026-03-11&action=suspend');
    expect(form.html).toContain('<option value="robot@example.org" selected="">robot@example.org</option>');
    expect(form.html).toContain('name="from" type="date" value="2026-03-11"');
    expect(form.html).toContain('<option value="suspend" selected="">suspension</option>');
  });

  it('keeps the filters from page to page', async () => {
    const curator = await fixture.as('curator');
    for (let day = 0; day < 55; day++) await recorded(`2026-04-01T10:${String(day).padStart(2, '0')}:00.000Z`, 'update');
    await bulk(curator, 'suspend', THREE);
    const first = await curator.page('/activity?actor=robot%40example.org');
    expect(first.html.match(/<li id="event-/g)).toHaveLength(50);
    const older = /<a href="(\/activity\?actor=robot%40example.org&amp;before=\d+)">Modifications plus anciennes<\/a>/.exec(first.html)?.[1];
    expect(older).toBeDefined();
    const second = await curator.page((older ?? '').replaceAll('&amp;', '&'));
    expect(second.html.match(/<li id="event-/g)).toHaveLength(5);
    expect(second.html).toContain('<a href="/activity?actor=robot%40example.org">Les plus récentes</a>');
    expect(second.html).not.toContain('Modifications plus anciennes');
    expect(second.html).not.toContain('batch-line');
  });
});
