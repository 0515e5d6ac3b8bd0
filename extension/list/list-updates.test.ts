/**
 * The background's list updates against a real channel: a published directory (corpus/node, the
 * same code as the server) served over HTTP on loopback, the extension's storage and alarms from
 * WXT's in-memory browser. The bundled list is the one the test build compiled in (version 1, the
 * seed, signed by a key made for the run: vitest.config.ts).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCorpusText } from '../../corpus/corpus-text.ts';
import { compactMatcher } from '../../corpus/matcher.ts';
import { keysFromDirectory, publishList } from '../../corpus/node/publish-list.ts';
import { createKeyFiles } from '../../corpus/node/signing-key-files.ts';
import type { Source } from '../../corpus/source.ts';
import { makeSource } from '../../corpus/testing/make-source.ts';
import channel from 'virtual:sdc-bundled-list/channel';
import { BUNDLED_ENGINE_DEFINITIONS, contentScriptMatches } from '../engines/engines.ts';
import { ENGINE_DEFINITIONS_KEY } from '../engines/stored-definitions.ts';
import { BUNDLED_COMPACT } from './bundled-compact.ts';
import { BUNDLED_META, LIST_IN_USE_KEY } from './current-list.ts';
import { ListUpdates, UPDATE_ALARM } from './list-updates.ts';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const built = process.env.SDC_TEST_LIST_DIRECTORY ?? '';
let directory: string;
let seed: Source[];
let server: Server;
let base: string;
/** What the channel answers instead of the file, by path (tampering, truncation, an endless body…). */
const overrides = new Map<string, (response: import('node:http').ServerResponse) => void>();
let requests: string[] = [];

async function publish(sources: readonly Source[], options: { keysDirectory?: string; now?: Date; expiryDays?: number; minCheckMinutes?: number; engineDefinitions?: string; lastVersion?: number } = {}) {
  const publication = await publishList({
    directory,
    sources,
    ...(await keysFromDirectory(options.keysDirectory ?? join(built, 'keys'))),
    now: options.now,
    expiryDays: options.expiryDays,
    minCheckMinutes: options.minCheckMinutes,
    engineDefinitions: options.engineDefinitions,
    lastVersion: options.lastVersion,
  });
  if (publication.status !== 'published') throw new Error('nothing published');
  return publication.manifest.signed.version;
}

function updates(options: { mirrors?: string[]; now?: () => Date } = {}) {
  return new ListUpdates({
    channel: async () => ({ ...channel, mirrors: options.mirrors ?? [`${base}/v1/`] }),
    bundled: { meta: BUNDLED_META, compact: BUNDLED_COMPACT, snapshot: () => readFile(join(built, 'lists', 'snapshots', '1.tsv'), 'utf8') },
    clientVersion: '0.1.0',
    beforeListChange: async () => {},
    builtMatches: contentScriptMatches(),
    fetch: (input, init) => fetch(input, init),
    now: options.now,
    random: () => 0.5,
  });
}

function inUse(list: ListUpdates, url: string) {
  return compactMatcher(list.matchingList().bundled, list.matchingList().patch).match(url)?.host ?? null;
}

beforeAll(async () => {
  seed = parseCorpusText(await readFile(join(built, 'lists', 'snapshots', '1.tsv'), 'utf8')).sources;
  server = createServer((request, response) => {
    const path = (request.url ?? '').replace(/^\/v1\//, '');
    requests.push(path);
    const override = overrides.get(path);
    if (override !== undefined) return override(response);
    readFile(join(directory, path)).then(
      (body) => response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  fakeBrowser.reset();
  overrides.clear();
  requests = [];
  directory = await mkdtemp(join(tmpdir(), 'sdc-channel-'));
  await cp(join(built, 'lists'), directory, { recursive: true });
});

afterEach(() => rm(directory, { recursive: true, force: true }));

const ADDED = makeSource('nouvelle-commune.fr', { name: 'Mairie de Nouvelle-Commune' });
const THIRD_SOURCE = makeSource('troisieme-source.fr');
const WITHDRAWN = 'ain.gouv.fr';

describe('list updates from the signed channel', { timeout: 30_000 }, () => {
  it('applies a new version by its delta from the bundled list: the added source is trusted, the withdrawn one is not, and both are stored', async () => {
    expect(BUNDLED_META.version).toBe(1);
    await publish([...seed.filter((source) => source.host !== WITHDRAWN), ADDED]);
    const list = updates();
    await list.whenReady();
    expect(inUse(list, `https://www.${WITHDRAWN}/`)).toBe(WITHDRAWN);
    const status = await list.check();
    expect(status).toMatchObject({ health: 'current', meta: { version: 2, sourceCount: seed.length } });
    expect(requests).toEqual(['manifest.json', 'deltas/1-2.tsv']);
    expect(inUse(list, 'https://nouvelle-commune.fr/')).toBe('nouvelle-commune.fr');
    expect(inUse(list, `https://www.${WITHDRAWN}/`)).toBeNull();

    // A background started again (worker restart) takes the stored list, checked by its hash.
    const restarted = updates();
    await restarted.whenReady();
    expect((await restarted.status()).meta.version).toBe(2);
    expect(inUse(restarted, `https://www.${WITHDRAWN}/`)).toBeNull();
    // And the next check is current, by manifest alone.
    requests = [];
    expect((await restarted.check()).health).toBe('current');
    expect(requests).toEqual(['manifest.json']);
  });

  it('keeps a newer list as its small difference from the bundled one, from which the next delta applies', async () => {
    await publish([...seed.filter((source) => source.host !== WITHDRAWN), ADDED]);
    await updates().check();
    const stored = (await fakeBrowser.storage.local.get(LIST_IN_USE_KEY))[LIST_IN_USE_KEY] as { patch: string; fromBundled: string };
    // Two hostnames changed: a few hundred bytes, where the whole list is megabytes.
    expect(JSON.stringify(stored).length).toBeLessThan(4_000);
    expect(stored.patch).toContain(`#-${WITHDRAWN}\x1fnouvelle-commune.fr\n`);

    const THIRD = makeSource('troisieme.fr', { name: 'Mairie de Troisième' });
    await publish([...seed.filter((source) => source.host !== WITHDRAWN), ADDED, THIRD]);
    requests = [];
    const restarted = updates();
    expect(await restarted.check()).toMatchObject({ health: 'current', meta: { version: 3 } });
    // The delta from version 2, applied to the snapshot rebuilt from the bundled one: no whole snapshot downloaded.
    expect(requests).toEqual(['manifest.json', 'deltas/2-3.tsv']);
    for (const host of ['troisieme.fr', 'nouvelle-commune.fr']) expect(inUse(restarted, `https://${host}/`)).toBe(host);
    expect(inUse(restarted, `https://www.${WITHDRAWN}/`)).toBeNull();

    // The same background again: the next delta applies to the snapshot it has just verified.
    await publish([...seed.filter((source) => source.host !== WITHDRAWN && source.host !== 'troisieme.fr'), ADDED]);
    requests = [];
    expect(await restarted.check()).toMatchObject({ health: 'current', meta: { version: 4 } });
    expect(requests).toEqual(['manifest.json', 'deltas/3-4.tsv']);
    expect(inUse(restarted, 'https://troisieme.fr/')).toBeNull();
    expect(inUse(restarted, 'https://nouvelle-commune.fr/')).toBe('nouvelle-commune.fr');
    expect(inUse(updates(), 'https://troisieme.fr/')).toBeNull();
  });

  it('says the bundled list is current before its first check, while its own manifest vouches for it', async () => {
    const list = updates();
    expect(await list.status()).toMatchObject({ health: 'current', lastChecked: null, validUntil: BUNDLED_META.expires });
    const later = updates({ now: () => new Date(Date.parse(BUNDLED_META.expires ?? '') + 1000) });
    expect((await later.status()).health).toBe('stale');
  });

  it('schedules the next check as an alarm, sooner after a failure', async () => {
    const list = updates({ mirrors: ['http://127.0.0.1:9/v1/'] });
    await list.start();
    const first = await fakeBrowser.alarms.get(UPDATE_ALARM);
    expect(first).toBeDefined();
    await list.check();
    const retry = await fakeBrowser.alarms.get(UPDATE_ALARM);
    expect(retry!.scheduledTime - Date.now()).toBeLessThan(6 * 60_000);
    expect(first!.scheduledTime - Date.now()).toBeGreaterThan(3 * 60 * 60_000);
  });

  it('waits at least the minimum the server writes in its manifest before the next check', async () => {
    await publish([...seed, ADDED], { minCheckMinutes: 12 * 60 });
    const list = updates();
    await list.check();
    const next = await fakeBrowser.alarms.get(UPDATE_ALARM);
    expect(next!.scheduledTime - Date.now()).toBeGreaterThan(0.9 * 12 * 60 * 60_000 - 60_000);
  });

  it('tries the mirrors in turn while the network fails', async () => {
    await publish([...seed, ADDED]);
    const status = await updates({ mirrors: ['http://127.0.0.1:9/v1/', `${base}/v1/`] }).check();
    expect(status.meta.version).toBe(2);
  });

  const attacks: [string, () => Promise<void>, string][] = [
    [
      'a tampered manifest',
      async () => {
        const text = await readFile(join(directory, 'manifest.json'), 'utf8');
        overrides.set('manifest.json', (response) => response.end(text.replace('"sources":', '"sources":1')));
      },
      'bad-signature',
    ],
    [
      'a tampered delta',
      async () => {
        const text = await readFile(join(directory, 'deltas', '1-2.tsv'), 'utf8');
        const snapshot = await readFile(join(directory, 'snapshots', '2.tsv'), 'utf8');
        overrides.set('deltas/1-2.tsv', (response) => response.end(text.replace('nouvelle-commune.fr', 'nouvelle-communf.fr')));
        overrides.set('snapshots/2.tsv', (response) => response.end(snapshot.replace('nouvelle-commune.fr', 'nouvelle-communf.fr')));
      },
      'hash',
    ],
    [
      'a truncated snapshot (and no delta)',
      async () => {
        const snapshot = await readFile(join(directory, 'snapshots', '2.tsv'));
        overrides.set('deltas/1-2.tsv', (response) => response.writeHead(404).end());
        overrides.set('snapshots/2.tsv', (response) => response.end(snapshot.subarray(0, snapshot.length - 100)));
      },
      'length',
    ],
    [
      'an endless body',
      async () => {
        overrides.set('deltas/1-2.tsv', (response) => response.writeHead(404).end());
        overrides.set('snapshots/2.tsv', (response) => {
          response.writeHead(200);
          const chunk = Buffer.alloc(64 * 1024, 'x');
          const pump = () => {
            while (!response.destroyed && response.write(chunk));
            if (!response.destroyed) response.once('drain', pump);
          };
          pump();
        });
      },
      'length',
    ],
    [
      'a manifest signed by another key',
      async () => {
        const other = await mkdtemp(join(tmpdir(), 'sdc-other-key-'));
        await createKeyFiles(other);
        directory = await mkdtemp(join(tmpdir(), 'sdc-channel-other-'));
        await cp(join(built, 'lists'), directory, { recursive: true });
        await publish([...seed, ADDED, makeSource('encore-une.fr')], { keysDirectory: other });
      },
      'bad-signature',
    ],
  ];

  for (const [attack, prepare, reason] of attacks) {
    it(`refuses ${attack}, and keeps the list in use`, async () => {
      await publish([...seed.filter((source) => source.host !== WITHDRAWN), ADDED]);
      await prepare();
      const list = updates();
      const status = await list.check();
      expect(status).toMatchObject({ health: 'failing', meta: { version: 1 }, lastFailure: { reason } });
      expect(inUse(list, `https://www.${WITHDRAWN}/`)).toBe(WITHDRAWN);
      expect(await fakeBrowser.storage.local.get(LIST_IN_USE_KEY)).toEqual({});
    });
  }

  it('refuses a replayed older version once a newer one was seen', async () => {
    await publish([...seed, ADDED]);
    const older = await readFile(join(directory, 'manifest.json'), 'utf8');
    await publish([...seed, ADDED, makeSource('encore-une.fr')]);
    const list = updates();
    expect((await list.check()).meta.version).toBe(3);
    overrides.set('manifest.json', (response) => response.end(older));
    expect(await list.check()).toMatchObject({ health: 'failing', meta: { version: 3 }, lastFailure: { reason: 'rollback' } });
  });

  it('refuses an expired manifest and says the list may be old, still marking with it', async () => {
    await publish([...seed, ADDED], { now: new Date(Date.now() - 10 * 86_400_000), expiryDays: 7 });
    const list = updates();
    expect(await list.check()).toMatchObject({ health: 'failing', meta: { version: 1 }, lastFailure: { reason: 'expired' } });
    expect(inUse(list, 'https://www.service-public.fr/')).toBe('service-public.fr');
  });

  it('drops, without calling it a failure, a stored list that an extension update made older than the bundled one', async () => {
    await fakeBrowser.storage.local.set({
      [LIST_IN_USE_KEY]: { meta: { ...BUNDLED_META, version: 0 }, patch: '', fromBundled: '', sha256: 'x' },
      listInUseVersion: 0,
    });
    const list = updates();
    await list.whenReady();
    expect(await list.status()).toMatchObject({ health: 'current', lastFailure: null, meta: { version: 1 } });
    expect(await fakeBrowser.storage.local.get(LIST_IN_USE_KEY)).toEqual({});
  });

  it('drops, without calling it a failure, a stored list in the form of an earlier release (its entries would read otherwise)', async () => {
    await publish([...seed.filter((source) => source.host !== WITHDRAWN), ADDED]);
    await updates().check();
    const stored = (await fakeBrowser.storage.local.get(LIST_IN_USE_KEY))[LIST_IN_USE_KEY] as { meta: Record<string, unknown> };
    await fakeBrowser.storage.local.set({ [LIST_IN_USE_KEY]: { ...stored, meta: { ...stored.meta, format: 'sdc-compact/1' } } });
    const restarted = updates();
    await restarted.whenReady();
    expect(await restarted.status()).toMatchObject({ meta: { version: 1 }, lastFailure: null });
    expect(restarted.matchingList()).toEqual({ bundled: BUNDLED_COMPACT, patch: null });
    expect(await fakeBrowser.storage.local.get(LIST_IN_USE_KEY)).toEqual({});
  });

  it('falls back to the bundled list when the stored one is corrupted, keeping the highest version seen', async () => {
    await publish([...seed.filter((source) => source.host !== WITHDRAWN), ADDED]);
    await updates().check();
    const stored = (await fakeBrowser.storage.local.get(LIST_IN_USE_KEY))[LIST_IN_USE_KEY] as { patch: string };
    const middle = Math.floor(stored.patch.length / 2);
    const flipped = stored.patch.slice(0, middle) + (stored.patch[middle] === 'x' ? 'y' : 'x') + stored.patch.slice(middle + 1);
    await fakeBrowser.storage.local.set({ [LIST_IN_USE_KEY]: { ...stored, patch: flipped } });

    const restarted = updates();
    await restarted.whenReady();
    const status = await restarted.status();
    expect(status).toMatchObject({ meta: { version: 1 }, health: 'failing', lastFailure: { reason: 'malformed-list' } });
    expect(restarted.matchingList()).toEqual({ bundled: BUNDLED_COMPACT, patch: null });
    expect(await fakeBrowser.storage.local.get(LIST_IN_USE_KEY)).toEqual({});
    // The replayed manifest of version 1 would now be refused: version 2 was seen.
    expect((await restarted.check()).meta.version).toBe(2);
  });

describe('engine definitions published with the list', { timeout: 30_000 }, () => {
  /** The bundled definitions with Bing's result selector changed (what a layout fix looks like). */
  const fixedBing = (result: string, extraHost?: string) => {
    const definitions = structuredClone(BUNDLED_ENGINE_DEFINITIONS) as unknown as { engines: { id: string; result: string; hosts: string[] }[] };
    const bing = definitions.engines.find((record) => record.id === 'bing')!;
    bing.result = result;
    if (extraHost !== undefined) bing.hosts.push(extraHost);
    return JSON.stringify(definitions);
  };
  const storedDefinitions = async () => (await fakeBrowser.storage.local.get(ENGINE_DEFINITIONS_KEY))[ENGINE_DEFINITIONS_KEY] as { engines: { id: string; result: string }[] } | undefined;

  it('applies verified definitions, keeps them while the manifest names them, and goes back to the bundled ones when it stops', async () => {
    await publish(seed, { engineDefinitions: fixedBing('#b_results li.b_algo, #b_results li.b_new') });
    expect((await updates().check()).health).toBe('current');
    expect((await storedDefinitions())?.engines.find((record) => record.id === 'bing')?.result).toBe('#b_results li.b_algo, #b_results li.b_new');
    requests = [];
    await updates().check();
    expect(requests).toEqual(['manifest.json']);

    // A channel that no longer names definitions (published again from scratch, after the versions clients have seen): the bundled ones again.
    await rm(join(directory, 'manifest.json'));
    await rm(join(directory, 'snapshots'), { recursive: true });
    await publish(seed, { lastVersion: 5 });
    const manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as { signed: { engines?: unknown } };
    expect(manifest.signed.engines).toBeUndefined();
    await updates().check();
    expect(await storedDefinitions()).toBeUndefined();
  });

  it('refuses tampered definitions and definitions naming a page the built extension does not run on, keeping those in use', async () => {
    await publish(seed, { engineDefinitions: fixedBing('#b_results li.b_algo, #b_results li.b_new') });
    await updates().check();
    const good = await storedDefinitions();

    const version = await publish([...seed, ADDED], { engineDefinitions: fixedBing('#b_results li.b_algo, li.b_other') });
    const published = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as { signed: { engines: { path: string } } };
    const file = join(directory, published.signed.engines.path);
    await writeFile(file, (await readFile(file, 'utf8')).replace('li.b_other', 'li.b_evil_'));
    const tampered = await updates().check();
    expect(tampered).toMatchObject({ health: 'failing', meta: { version }, lastFailure: { reason: 'hash' } });
    expect(await storedDefinitions()).toEqual(good);

    await publish([...seed, ADDED, THIRD_SOURCE], { engineDefinitions: fixedBing('#b_results li.b_algo', 'www.bing.example') });
    const outside = await updates().check();
    expect(outside.lastFailure).toMatchObject({ reason: 'malformed-engines', detail: expect.stringContaining('www.bing.example/search is not a result page this version of the extension runs on') });
    expect(await storedDefinitions()).toEqual(good);
  });
});

});

