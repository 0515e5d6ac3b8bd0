import { mkdtemp, readFile, rm, unlink } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchListUpdate } from '../../corpus/list/list-update.ts';
import { buildPublication, resignManifest } from '../../corpus/list/publication.ts';
import { generateSigningKey, importSigningKey, type SigningKey } from '../../corpus/list/signing-keys.ts';
import { completeCompressedForms, readPublishedState, writeManifest, writePublication } from '../../corpus/node/list-directory.ts';
import type { Source } from '../../corpus/source.ts';
import { makeSource as source } from '../../corpus/testing/make-source.ts';
import { listChannelRoutes } from './list-channel-routes.ts';


let directory: string;
let key: SigningKey;
let app: Hono;

async function publish(sources: Source[]) {
  const publication = await buildPublication({ sources, previous: (await readPublishedState(directory, 10)).previous, signingKeys: [key] });
  if (publication.status !== 'published') throw new Error('expected a publication');
  await writePublication(directory, publication);
  return publication;
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'sdc-channel-'));
  key = await importSigningKey((await generateSigningKey()).privateKeyPem);
  await publish(Array.from({ length: 300 }, (_, i) => source(`commune-${i}.fr`)));
  await publish(Array.from({ length: 301 }, (_, i) => source(`commune-${i}.fr`)));
  app = new Hono().route('/v1', listChannelRoutes(directory));
});

afterAll(() => rm(directory, { recursive: true, force: true }));

describe('the list channel under /v1', () => {
  it('serves the manifest with a short cache and an ETag, and answers 304 when it has not changed', async () => {
    const first = await app.request('/v1/manifest.json');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(JSON.parse(await first.text()).signed.version).toBe(2);

    const again = await app.request('/v1/manifest.json', { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    // Signed again: new bytes, new ETag, the old one no longer matches.
    const state = await readPublishedState(directory, 1);
    await writeManifest(directory, await resignManifest(state.manifest!, [key], { now: new Date(Date.now() + 60_000) }));
    const changed = await app.request('/v1/manifest.json', { headers: { 'If-None-Match': etag ?? '' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('serves snapshots and deltas as immutable, with strong ETags per encoding', async () => {
    const plain = await app.request('/v1/snapshots/2.tsv');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(text).toContain('commune-300.fr');

    const gzip = await app.request('/v1/snapshots/2.tsv', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(text);
    const brotli = await app.request('/v1/snapshots/2.tsv', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString()).toBe(text);
    const refused = await app.request('/v1/snapshots/2.tsv', { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } });
    expect(refused.headers.get('content-encoding')).toBeNull();

    const etags = new Set([plain, gzip, brotli].map((response) => response.headers.get('etag')));
    expect(etags.size).toBe(3);
    expect((await app.request('/v1/deltas/1-2.tsv', { headers: { 'If-None-Match': plain.headers.get('etag') ?? '' } })).status).toBe(200);
    const delta = await app.request('/v1/deltas/1-2.tsv');
    expect((await app.request('/v1/deltas/1-2.tsv', { headers: { 'If-None-Match': delta.headers.get('etag') ?? '' } })).status).toBe(304);
  });

  it('writes the compressed forms of every published file beside it, and sends them as they are on disk', async () => {
    for (const relativePath of ['manifest.json', 'snapshots/1.tsv', 'snapshots/2.tsv', 'deltas/1-2.tsv']) {
      const plain = await readFile(join(directory, relativePath), 'utf8');
      const br = await readFile(join(directory, `${relativePath}.br`));
      const gz = await readFile(join(directory, `${relativePath}.gz`));
      expect(brotliDecompressSync(br).toString(), relativePath).toBe(plain);
      expect(gunzipSync(gz).toString(), relativePath).toBe(plain);
      const sent = await app.request(`/v1/${relativePath}`, { headers: { 'Accept-Encoding': 'br' } });
      expect(Buffer.from(await sent.arrayBuffer()).equals(br), relativePath).toBe(true);
    }
  });

  it('never compresses a file itself: one published without its compressed forms is sent plain, until they are completed', async () => {
    const other = await mkdtemp(join(tmpdir(), 'sdc-channel-old-'));
    try {
      const publication = await buildPublication({ sources: [source('commune-1.fr')], previous: [], signingKeys: [key] });
      if (publication.status !== 'published') throw new Error('expected a publication');
      await writePublication(other, publication);
      await unlink(join(other, 'snapshots/1.tsv.br'));
      await unlink(join(other, 'snapshots/1.tsv.gz'));
      const channel = new Hono().route('/v1', listChannelRoutes(other));
      const before = await channel.request('/v1/snapshots/1.tsv', { headers: { 'Accept-Encoding': 'gzip, br' } });
      expect(before.headers.get('content-encoding')).toBeNull();
      expect(await before.text()).toContain('commune-1.fr');

      expect(await completeCompressedForms(other)).toEqual(['snapshots/1.tsv']);
      expect(await completeCompressedForms(other)).toEqual([]);
      const after = await channel.request('/v1/snapshots/1.tsv', { headers: { 'Accept-Encoding': 'gzip, br' } });
      expect(after.headers.get('content-encoding')).toBe('br');
      expect(after.headers.get('etag')).toBe(`${before.headers.get('etag')?.slice(0, -1)}-br"`);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('serves the engine definitions a manifest names, as immutable JSON', async () => {
    const definitions = await mkdtemp(join(tmpdir(), 'sdc-channel-engines-'));
    try {
      const publication = await buildPublication({ sources: [source('ain.fr')], previous: [], signingKeys: [key], engines: { text: '{"format":"sdc-engines/1"}' } });
      if (publication.status !== 'published') throw new Error('expected a publication');
      await writePublication(definitions, publication);
      const path = publication.manifest.signed.engines?.path ?? '';
      expect(path).toMatch(/^engines\/[0-9a-f]{64}\.json$/);
      const served = await new Hono().route('/v1', listChannelRoutes(definitions)).request(`/v1/${path}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await served.text()).toBe('{"format":"sdc-engines/1"}');
    } finally {
      await rm(definitions, { recursive: true, force: true });
    }
  });

  it('serves nothing outside the published files', async () => {
    for (const path of ['/v1/snapshots/9.tsv', '/v1/snapshots/..%2Fmanifest.json', '/v1/snapshots/2.tsv.tmp', '/v1/keys/x.pem', '/v1/../package.json', '/v1/deltas/a-b.tsv', '/v1/engines/x.json', '/v1/engines/%2E%2E%2Fmanifest.json']) {
      expect((await app.request(path)).status, path).toBe(404);
    }
  });

  it('carries a client update end to end over HTTP, compressed', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const state = await readPublishedState(directory, 2);
      const [latest, older] = state.previous;
      const update = await fetchListUpdate({
        channel: { baseUrl: `http://127.0.0.1:${port}/v1/`, fetch: (url, init) => fetch(url, init) },
        local: { version: older.version, text: older.snapshotText },
        highestSeenVersion: older.version,
        trustedKeys: [key.publicKey],
        clientVersion: '0.1.0',
      });
      expect(update).toMatchObject({ outcome: 'updated', via: 'delta', list: { version: latest.version, text: latest.snapshotText } });
    } finally {
      server.close();
    }
  });
});
