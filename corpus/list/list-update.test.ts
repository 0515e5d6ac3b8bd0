import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPublishedState, writeManifest, writePublication } from '../node/list-directory.ts';
import type { Source } from '../source.ts';
import { makeSource as source } from '../testing/make-source.ts';
import { initialListState, nextListState } from './list-state.ts';
import { fetchListUpdate, type ListChannel, type UpdateRequest } from './list-update.ts';
import type { ManifestEnvelope } from './manifest.ts';
import { buildPublication, resignManifest } from './publication.ts';
import { generateSigningKey, importSigningKey, type SigningKey } from './signing-keys.ts';
import { snapshotText } from './snapshot.ts';


/** What the test server does to a response, to play the network or an attacker. */
type Tamper = (path: string, body: Buffer) => { status?: number; body?: Buffer; length?: number | null } | undefined;

let directory: string;
let server: Server;
let tamper: Tamper = () => undefined;
let channel: ListChannel;
let key: SigningKey;
const versions: string[] = [];
const manifests: ManifestEnvelope[] = [];
const now = new Date('2026-11-23T12:00:00Z');

async function publish(sources: Source[], signingKeys: SigningKey[], options: { deltaDepth?: number; announce?: SigningKey[] } = {}) {
  const state = await readPublishedState(directory, 10);
  const publication = await buildPublication({
    sources,
    previous: state.previous,
    signingKeys,
    announcedKeys: options.announce?.map((k) => k.publicKey),
    deltaDepth: options.deltaDepth,
    now,
  });
  if (publication.status !== 'published') throw new Error('expected a publication');
  await writePublication(directory, publication);
  versions[publication.version] = publication.snapshotText;
  manifests[publication.version] = publication.manifest;
  return publication;
}

const newKey = async () => importSigningKey((await generateSigningKey()).privateKeyPem);
const request = (extra: Partial<UpdateRequest> = {}): UpdateRequest => ({
  channel,
  local: { version: 1, text: versions[1] },
  highestSeenVersion: 1,
  trustedKeys: [key.publicKey],
  clientVersion: '0.1.0',
  now,
  ...extra,
});

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'sdc-lists-'));
  key = await newKey();
  const base = [source('ain.fr'), source('aisne.fr'), source('allier.fr'), source('mairie-x.free.fr', { scope: 'host' })];
  await publish(base, [key]);
  await publish([...base, source('ardeche.fr')], [key]);
  await publish([source('ain.fr', { name: "Département de l'Ain" }), ...base.slice(1), source('ardeche.fr'), source('aube.fr')], [key]);
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/v1\//, '');
    let body: Buffer;
    try {
      body = await readFile(join(directory, path));
    } catch {
      res.writeHead(404).end();
      return;
    }
    const change = tamper(path, body) ?? {};
    const sent = change.body ?? body;
    const headers: Record<string, string> = {};
    if (change.length !== null) headers['content-length'] = String(change.length ?? sent.length);
    res.writeHead(change.status ?? 200, headers);
    res.end(sent);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  channel = { baseUrl: `http://127.0.0.1:${address.port}/v1/`, fetch: (url, init) => fetch(url, init) };
});

afterAll(async () => {
  server.close();
  await rm(directory, { recursive: true, force: true });
});

function flipByte(body: Buffer, at = Math.floor(body.length / 2)): Buffer {
  const copy = Buffer.from(body);
  copy[at] ^= 0x01;
  return copy;
}

describe('fetchListUpdate', () => {
  it('applies the delta that starts at the local version', async () => {
    tamper = () => undefined;
    const update = await fetchListUpdate(request());
    expect(update).toMatchObject({ outcome: 'updated', via: 'delta', list: { version: 3, text: versions[3] } });
  });

  it('downloads the snapshot when no delta starts at the local version (a gap in the chain)', async () => {
    const update = await fetchListUpdate(request({ local: { version: 0, text: snapshotText([source('ain.fr')]) }, highestSeenVersion: 0 }));
    expect(update).toMatchObject({ outcome: 'updated', via: 'snapshot', list: { version: 3, text: versions[3] } });
    expect(update.outcome === 'updated' && update.deltaFailure).toBeFalsy();
  });

  it('reports the list as current when the client already has it', async () => {
    const update = await fetchListUpdate(request({ local: { version: 3, text: versions[3] }, highestSeenVersion: 3 }));
    expect(update).toMatchObject({ outcome: 'current', manifest: { version: 3 } });
  });

  it('replaces a local list that does not match its version by the snapshot', async () => {
    const update = await fetchListUpdate(request({ local: { version: 3, text: versions[2] }, highestSeenVersion: 3 }));
    expect(update).toMatchObject({ outcome: 'updated', via: 'snapshot', list: { text: versions[3] } });
  });

  it('refuses a manifest with a flipped byte, and keeps the last good list', async () => {
    tamper = (path, body) => (path === 'manifest.json' ? { body: flipByte(body, body.indexOf('"version":3') + 10) } : undefined);
    const update = await fetchListUpdate(request());
    expect(update).toMatchObject({ outcome: 'failed', reason: 'bad-signature' });
    const state = nextListState(initialListState({ version: 1, text: versions[1] }), update, now);
    expect(state.list).toEqual({ version: 1, text: versions[1] });
    expect(state.lastFailure?.reason).toBe('bad-signature');
  });

  it('refuses a snapshot with a flipped byte', async () => {
    tamper = (path, body) => (path.startsWith('snapshots/') ? { body: flipByte(body) } : undefined);
    const update = await fetchListUpdate(request({ local: { version: 0, text: '' }, highestSeenVersion: 0 }));
    expect(update).toMatchObject({ outcome: 'failed', reason: 'hash' });
  });

  it('falls back to the snapshot when the delta has a flipped byte', async () => {
    tamper = (path, body) => (path.startsWith('deltas/') ? { body: flipByte(body) } : undefined);
    const update = await fetchListUpdate(request());
    expect(update).toMatchObject({ outcome: 'updated', via: 'snapshot', list: { version: 3, text: versions[3] } });
    expect(update.outcome === 'updated' && update.deltaFailure).toContain('SHA-256');
  });

  it('fails, keeping the last good list, when both the delta and the snapshot are corrupt', async () => {
    tamper = (path, body) => (path.startsWith('deltas/') || path.startsWith('snapshots/') ? { body: flipByte(body) } : undefined);
    const update = await fetchListUpdate(request());
    expect(update).toMatchObject({ outcome: 'failed', reason: 'hash' });
    expect(nextListState(initialListState({ version: 1, text: versions[1] }), update, now).list.text).toBe(versions[1]);
  });

  it('refuses a manifest signed by another key', async () => {
    tamper = () => undefined;
    const other = await newKey();
    expect(await fetchListUpdate(request({ trustedKeys: [other.publicKey] }))).toMatchObject({ outcome: 'failed', reason: 'bad-signature' });
  });

  it('refuses a replayed older manifest (rollback)', async () => {
    const older = Buffer.from(`${JSON.stringify(manifests[2])}\n`);
    tamper = (path) => (path === 'manifest.json' ? { body: older } : undefined);
    const update = await fetchListUpdate(request({ local: { version: 3, text: versions[3] }, highestSeenVersion: 3 }));
    expect(update).toMatchObject({ outcome: 'failed', reason: 'rollback' });
    // Even a client whose stored list is older refuses to go below the highest version it has seen.
    expect(await fetchListUpdate(request({ highestSeenVersion: 3 }))).toMatchObject({ outcome: 'failed', reason: 'rollback' });
  });

  it('flags an expired manifest (freeze) and downloads nothing', async () => {
    const requested: string[] = [];
    tamper = (path) => void requested.push(path);
    const later = new Date(Date.parse(manifests[3].signed.expires) + 1000);
    expect(await fetchListUpdate(request({ now: later }))).toMatchObject({ outcome: 'failed', reason: 'expired' });
    expect(requested).toEqual(['manifest.json']);
  });

  it('refuses a truncated download', async () => {
    tamper = (path, body) => (path.startsWith('snapshots/') ? { body: body.subarray(0, body.length - 100) } : undefined);
    const update = await fetchListUpdate(request({ local: { version: 0, text: '' }, highestSeenVersion: 0 }));
    expect(update).toMatchObject({ outcome: 'failed', reason: 'length' });
  });

  it('refuses an oversized download, announced or not', async () => {
    const padding = Buffer.alloc(5_000_000, 0x61);
    for (const length of [undefined, null]) {
      tamper = (path, body) => (path.startsWith('snapshots/') ? { body: Buffer.concat([body, padding]), length } : undefined);
      const update = await fetchListUpdate(request({ local: { version: 0, text: '' }, highestSeenVersion: 0 }));
      expect(update).toMatchObject({ outcome: 'failed', reason: 'length' });
    }
  });

  it('refuses an oversized manifest before parsing it', async () => {
    tamper = (path) => (path === 'manifest.json' ? { body: Buffer.alloc(200_000, 0x20), length: null } : undefined);
    expect(await fetchListUpdate(request())).toMatchObject({ outcome: 'failed', reason: 'malformed-manifest' });
  });

  it('asks for a newer client when the manifest requires one', async () => {
    tamper = () => undefined;
    expect(await fetchListUpdate(request({ clientVersion: '0.0.9' }))).toMatchObject({ outcome: 'failed', reason: 'client-too-old' });
  });

  it('refuses a list that is not the one the manifest announces', async () => {
    tamper = () => undefined;
    const signed = manifests[3].signed;
    await writeManifest(directory, await resignManifest({ ...signed, sources: signed.sources + 1 }, [key], { now }));
    try {
      expect(await fetchListUpdate(request())).toMatchObject({ outcome: 'failed', reason: 'malformed-list' });
    } finally {
      await writeManifest(directory, manifests[3]);
    }
  });

  it('reports a channel that cannot be reached', async () => {
    const down: ListChannel = { baseUrl: 'http://127.0.0.1:9/v1/', fetch: (url, init) => fetch(url, init) };
    expect(await fetchListUpdate(request({ channel: down }))).toMatchObject({ outcome: 'failed', reason: 'network' });
    tamper = (path) => (path === 'manifest.json' ? { status: 503 } : undefined);
    expect(await fetchListUpdate(request())).toMatchObject({ outcome: 'failed', reason: 'network' });
  });
});

describe('key rotation', () => {
  it('lets a client learn the next key from a manifest signed by the current one, then accept the new key alone', async () => {
    tamper = () => undefined;
    const next = await newKey();
    // Rotation starts: the current key signs a manifest announcing the next one (both sign it).
    await writeManifest(directory, await resignManifest(manifests[3].signed, [key, next], { now, announcedKeys: [next.publicKey] }));
    let state = initialListState({ version: 3, text: versions[3] });
    const announced = await fetchListUpdate(request({ local: state.list, highestSeenVersion: 3 }));
    state = nextListState(state, announced, now);
    expect(state.learnedKeys.map((k) => k.keyId)).toEqual([next.keyId]);

    // Rotation ends: the next version is signed by the new key only.
    await publish([source('ain.fr'), source('aube.fr')], [next]);
    const pinnedOnly = await fetchListUpdate(request({ local: state.list, highestSeenVersion: 3 }));
    expect(pinnedOnly).toMatchObject({ outcome: 'failed', reason: 'bad-signature' });
    const withLearned = await fetchListUpdate(
      request({ local: state.list, highestSeenVersion: state.highestSeenVersion, trustedKeys: [key.publicKey, ...state.learnedKeys] }),
    );
    expect(withLearned).toMatchObject({ outcome: 'updated', via: 'delta', list: { version: 4, text: versions[4] } });
  });
});
