/**
 * List delivery end to end, in real Chromium and Firefox ESR, with the channel served by the
 * project's server and by a plain static web server (nginx): a fresh browser takes the newer
 * signed version at install; the source it adds gets its badge, the source it withdraws never
 * shows one, not even briefly; a tampered manifest and a replayed older version are refused with
 * the list in use still marking; nothing is asked of the channel but its files.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSource } from '../../corpus/testing/make-source.ts';
import { type ChannelServer, copyOfBuiltChannel, startProjectChannel, startStaticChannel } from './channel-servers.ts';
import { expectOnlyAListChannelRequest } from './channel-checks.ts';
import { type ChromiumSession, settledBadgeSources, startChromium } from './chromium-session.ts';
import { E2E_CHANNEL } from './extension-build.ts';
import { type FirefoxSession, startFirefox } from './firefox-session.ts';
import { sentHeaders } from './recording-proxy.ts';
import { drawnBadges, recordDrawnBadges } from './page-checks.ts';
import { page } from './served-pages.ts';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyFiles } from '../../corpus/node/signing-key-files.ts';
import { BUNDLED_ENGINE_DEFINITIONS } from '../../extension/engines/engines.ts';

const RESULTS = page('bing-trusted');
/** On bing-trusted: organic result 3, not in the built list; the update adds it. */
const ADDED = makeSource('scienceinsights.org', { category: 'autre', name: 'Science Insights (test)' });
/** On bing-trusted: organic result 5, in the built list; the update withdraws it. */
const WITHDRAWN = 'chu-lyon.fr';
const AFTER_UPDATE = ['ameli.fr', 'scienceinsights.org', 'sorbonne-universite.fr'];
/** Added by a later version whose files the tests alter. */
const ANOTHER = makeSource('encore-une-commune.fr', { category: 'commune' });

/** Alters a published file as a compromised server or mirror would (its compressed forms removed, so that this one is sent). */
async function replaceServed(directory: string, path: string, change: (text: string) => string): Promise<void> {
  await rm(join(directory, `${path}.gz`), { force: true });
  await rm(join(directory, `${path}.br`), { force: true });
  await writeFile(join(directory, path), change(await readFile(join(directory, path), 'utf8')));
}

/** What a test does in either browser. */
interface Browser {
  storedListVersion(): Promise<number | undefined>;
  /** The ids of the scripts the background registered on result pages (settings-signal.ts), and how many files each runs. */
  resultPageSignal(): Promise<Record<string, number>>;
  /** Loads bing-trusted in a tab that records every badge drawn; gives the settled badges and every badge ever drawn. */
  markedResults(): Promise<{ badges: string[]; drawn: string[] }>;
  /** Serves `html` at `url` and loads it: the sources of its badges once `count` are drawn. */
  badgesOn(url: string, html: string, count: number): Promise<string[]>;
  /** The popup's account of the list, without asking for a check. */
  listStatus(): Promise<{ health: string; info: string; reason: string | null }>;
  /** Clicks « update now » in the popup; gives the list's health and version as the popup then says, and the failure's reason. */
  updateNow(): Promise<{ health: string; info: string; reason: string | null }>;
  channelRequests(): { url: string; method: string; headers: Record<string, string> }[];
  /** Flips a character of the stored list, as a failing disk would, then restarts the extension (as the next browser start would). */
  corruptStoredListAndRestart(): Promise<void>;
  close(): Promise<void>;
}

/** Serializable, run in the popup: the list's health, version line and failure reason, as it shows them. */
function popupListStatus(): { health: string; info: string; reason: string | null } {
  const status = document.querySelector('#list-status');
  return { health: status?.getAttribute('data-health') ?? '', info: document.querySelector('#list-info')?.textContent ?? '', reason: status?.getAttribute('data-reason') ?? null };
}

/** Serializable, run in an extension page or the worker: what registeredSignal says. */
async function registeredSignal(): Promise<Record<string, number>> {
  const scripting = ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).scripting;
  return Object.fromEntries((await scripting.getRegisteredContentScripts()).map((script) => [script.id, script.js?.length ?? 0]));
}

/** Run in an extension page or the worker: the stored list's patch with one character changed in its middle. */
async function corruptStoredList(): Promise<void> {
  const storage = ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.local;
  const stored = (await storage.get('listInUse')).listInUse as { patch: string };
  const middle = Math.floor(stored.patch.length / 2);
  const flipped = stored.patch.slice(0, middle) + (stored.patch[middle] === 'x' ? 'y' : 'x') + stored.patch.slice(middle + 1);
  await storage.set({ listInUse: { ...stored, patch: flipped } });
}

async function chromiumBrowser(channel: ChannelServer): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'sdc-e2e-profile-'));
  const start = async () => {
    const started = await startChromium({ language: 'fr', channelServer: channel.hostAndPort, profile });
    started.serve(RESULTS.url, RESULTS.html);
    return started;
  };
  let session: ChromiumSession = await start();
  const earlierRequests: ChromiumSession['requests'] = [];
  /** The popup's account of the list, after « update now » when `update`. */
  const popupStatus = async (update: boolean) => {
    const popup = await session.newPage();
    await popup.goto(session.extensionUrl('popup.html'));
    await popup.locator('#update-now').waitFor();
    if (update) {
      await popup.locator('#update-now').click();
      await popup.locator('#update-now:not([disabled])').waitFor();
    }
    const result = await popup.evaluate(popupListStatus);
    await popup.close();
    return result;
  };
  return {
    storedListVersion: () => session.worker.evaluate(async () => (await chrome.storage.local.get('listInUseVersion')).listInUseVersion as number | undefined),
    resultPageSignal: () => session.worker.evaluate(registeredSignal),
    async markedResults() {
      const tab: PlaywrightPage = await session.newPage();
      await tab.addInitScript(recordDrawnBadges);
      await tab.goto(RESULTS.url);
      const badges = await settledBadgeSources(tab, 3);
      const drawn = await tab.evaluate(drawnBadges);
      await tab.close();
      return { badges, drawn };
    },
    async badgesOn(url, html, count) {
      session.serve(url, html);
      const tab: PlaywrightPage = await session.newPage();
      await tab.goto(url);
      const badges = await settledBadgeSources(tab, count);
      await tab.close();
      return badges;
    },
    listStatus: () => popupStatus(false),
    updateNow: () => popupStatus(true),
    channelRequests: () => [...earlierRequests, ...session.requests].filter((request) => request.url.startsWith(E2E_CHANNEL)),
    async corruptStoredListAndRestart() {
      const page = await session.newPage();
      await page.goto(session.extensionUrl('options.html'));
      await page.evaluate(corruptStoredList);
      // The browser closed and started again on the same profile (an unpacked extension does not come back from runtime.reload here).
      earlierRequests.push(...session.requests);
      await session.close();
      session = await start();
    },
    async close() {
      await session.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function firefoxBrowser(channel: ChannelServer): Promise<Browser> {
  const session: FirefoxSession = await startFirefox({ language: 'fr', channelServer: channel.hostAndPort });
  session.serve(RESULTS.url, RESULTS.html);
  let extensionPage: PuppeteerPage | undefined;
  const extension = async () => (extensionPage ??= await session.openExtensionPage('options.html'));
  const popupStatus = async (update: boolean) => {
    const popup = await session.openExtensionPage('popup.html');
    await popup.waitForSelector('#update-now');
    if (update) {
      await popup.click('#update-now');
      await popup.waitForSelector('#update-now:not([disabled])');
    }
    const result = await popup.evaluate(popupListStatus);
    await popup.close();
    return result;
  };
  return {
    storedListVersion: async () =>
      (await extension()).evaluate(async () => {
        const { storage } = (globalThis as unknown as { browser: typeof chrome }).browser;
        return (await storage.local.get('listInUseVersion')).listInUseVersion as number | undefined;
      }),
    resultPageSignal: async () => (await extension()).evaluate(registeredSignal),
    async markedResults() {
      const tab = await session.newPage();
      await tab.evaluateOnNewDocument(recordDrawnBadges);
      await tab.goto(RESULTS.url);
      await tab.waitForFunction(() => document.querySelectorAll('[data-sdc-source]').length >= 3, { timeout: 20_000 });
      const badges = await tab.evaluate(() => [...document.querySelectorAll('[data-sdc-source]')].map((badge) => badge.getAttribute('data-sdc-source') ?? ''));
      const drawn = await tab.evaluate(drawnBadges);
      await tab.close();
      return { badges, drawn };
    },
    async badgesOn(url, html, count) {
      session.serve(url, html);
      const tab = await session.newPage();
      await tab.goto(url);
      await tab.waitForFunction((expected) => document.querySelectorAll('[data-sdc-source]').length >= expected, { timeout: 20_000 }, count);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const badges = await tab.evaluate(() => [...document.querySelectorAll('[data-sdc-source]')].map((badge) => badge.getAttribute('data-sdc-source') ?? ''));
      await tab.close();
      return badges;
    },
    listStatus: () => popupStatus(false),
    updateNow: () => popupStatus(true),
    channelRequests: () =>
      session.proxied
        .filter((request) => request.target.startsWith(E2E_CHANNEL))
        .map((request) => ({ url: request.target, method: request.method, headers: sentHeaders(request) })),
    async corruptStoredListAndRestart() {
      const page = await extension();
      await page.evaluate(corruptStoredList);
      extensionPage = undefined;
      await page.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.reload()).catch(() => {});
    },
    close: () => session.close(),
  };
}

const SERVERS = { 'the project server': startProjectChannel, 'a static web server (nginx)': startStaticChannel } as const;
const BROWSERS = { Chromium: chromiumBrowser, 'Firefox ESR': firefoxBrowser } as const;

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  cleanups = [];
});

for (const [browserName, startBrowser] of Object.entries(BROWSERS)) {
  for (const [serverName, startServer] of Object.entries(SERVERS)) {
    describe(`${browserName}, the channel served by ${serverName}`, () => {
      it('takes the newer signed version at install: the added source is marked, the withdrawn one never is; a tampered manifest, a replayed version, altered or truncated files, an expired manifest and a wrong key are refused, the list still marking; a corrupted stored list falls back to the bundled one', async () => {
        const channel = await copyOfBuiltChannel();
        cleanups.push(() => rm(join(channel.listsDirectory, '..'), { recursive: true, force: true }));
        const built = await channel.builtSources();
        expect(built.some((source) => source.host === WITHDRAWN)).toBe(true);
        const versionOne = await readFile(join(channel.listsDirectory, 'manifest.json'), 'utf8');
        expect(await channel.publish([...built.filter((source) => source.host !== WITHDRAWN), ADDED])).toBe(2);

        const server = await startServer(channel.listsDirectory);
        cleanups.push(() => server.stop());
        const browser = await startBrowser(server);
        cleanups.push(() => browser.close());

        // A fresh profile (as on a public computer wiped at every session) checks the channel at install.
        await expect.poll(() => browser.storedListVersion(), { timeout: 30_000 }).toBe(2);
        const updated = await browser.markedResults();
        expect(updated.badges).toEqual(AFTER_UPDATE);
        // Every badge drawn since the page began: three, none of them for the withdrawn source.
        expect(updated.drawn).toEqual(AFTER_UPDATE.map(() => 'badge standard'));
        // Result pages were told which hostnames version 2 changes (two buckets each for the withdrawn and the added
        // hostname, at most), not to wait for storage: the other trusted results are marked at once.
        await expect.poll(() => browser.resultPageSignal()).toEqual({ 'sdc-changed-host-buckets': expect.any(Number) });
        expect((await browser.resultPageSignal())['sdc-changed-host-buckets']).toBeGreaterThanOrEqual(2);
        expect((await browser.resultPageSignal())['sdc-changed-host-buckets']).toBeLessThanOrEqual(4);

        // A tampered manifest (its compressed forms gone, so that every server sends this one): refused.
        const current = await readFile(join(channel.listsDirectory, 'manifest.json'), 'utf8');
        await rm(join(channel.listsDirectory, 'manifest.json.gz'));
        await rm(join(channel.listsDirectory, 'manifest.json.br'));
        await writeFile(join(channel.listsDirectory, 'manifest.json'), current.replace('"sources":', '"sources":1'));
        expect(await browser.updateNow()).toMatchObject({ health: 'failing', reason: 'bad-signature', info: expect.stringMatching(/^Liste version 2 /) });
        expect((await browser.markedResults()).badges).toEqual(AFTER_UPDATE);

        // Version 1's manifest again (still signed, still valid): a rollback, refused.
        await writeFile(join(channel.listsDirectory, 'manifest.json'), versionOne);
        expect(await browser.updateNow()).toMatchObject({ health: 'failing', reason: 'rollback', info: expect.stringMatching(/^Liste version 2 /) });
        expect((await browser.markedResults()).badges).toEqual(AFTER_UPDATE);

        // The real manifest back: current again.
        await writeFile(join(channel.listsDirectory, 'manifest.json'), current);
        expect(await browser.updateNow()).toMatchObject({ health: 'current' });

        // Version 3, its deltas and snapshot altered on the server (a byte changed, or cut short): refused.
        expect(await channel.publish([...built.filter((source) => source.host !== WITHDRAWN), ADDED, ANOTHER])).toBe(3);
        await replaceServed(channel.listsDirectory, 'deltas/2-3.tsv', (text) => text.replace(ANOTHER.host, ANOTHER.host.replace('e', 'f')));
        await replaceServed(channel.listsDirectory, 'deltas/1-3.tsv', (text) => text.replace(ANOTHER.host, ANOTHER.host.replace('e', 'f')));
        await replaceServed(channel.listsDirectory, 'snapshots/3.tsv', (text) => text.slice(0, -200));
        expect(await browser.updateNow()).toMatchObject({ health: 'failing', reason: 'length', info: expect.stringMatching(/^Liste version 2 /) });
        expect((await browser.markedResults()).badges).toEqual(AFTER_UPDATE);

        // Version 3's manifest signed again, but long expired: refused (a frozen channel is told apart).
        await rm(join(channel.listsDirectory, 'manifest.json.gz'), { force: true });
        await rm(join(channel.listsDirectory, 'manifest.json.br'), { force: true });
        await channel.resign(new Date(Date.now() - 30 * 86_400_000), 7);
        expect(await browser.updateNow()).toMatchObject({ health: 'failing', reason: 'expired', info: expect.stringMatching(/^Liste version 2 /) });

        // Version 4 signed by a key the extension does not pin: refused.
        const otherKeys = await mkdtemp(join(tmpdir(), 'sdc-e2e-other-key-'));
        cleanups.push(() => rm(otherKeys, { recursive: true, force: true }));
        await createKeyFiles(otherKeys);
        expect(await channel.publish([...built, ADDED, ANOTHER], otherKeys)).toBe(4);
        expect(await browser.updateNow()).toMatchObject({ health: 'failing', reason: 'bad-signature', info: expect.stringMatching(/^Liste version 2 /) });
        expect((await browser.markedResults()).badges).toEqual(AFTER_UPDATE);

        // A stored list corrupted on disk: at its next start the extension falls back to the bundled
        // list (version 1, where the withdrawn source still is), never to no list, and says so.
        await browser.corruptStoredListAndRestart();
        await expect.poll(async () => (await browser.listStatus()).info, { timeout: 30_000 }).toMatch(/^Liste version 1 /);
        expect(await browser.listStatus()).toMatchObject({ health: 'failing' });
        expect((await browser.markedResults()).badges).toEqual(RESULTS.expectedSources);
        await expect.poll(() => browser.resultPageSignal()).toEqual({});

        // Every request to the channel that the browser was seen to make (the install-time check may
        // come before the recording starts): at least the three manifests asked from the popup.
        const requests = browser.channelRequests();
        expect(requests.filter((request) => request.url === `${E2E_CHANNEL}manifest.json`).length).toBeGreaterThanOrEqual(3);
        for (const request of requests) expectOnlyAListChannelRequest(request);
      });
    });
  }
}

/**
 * Bing's markup as it might change tomorrow: its result blocks renamed (`b_algo` → `b_future`).
 * The bundled definitions see no result there; definitions published with the list do.
 */
const CHANGED_MARKUP = { url: 'https://www.bing.com/search?q=nouvelle+mise+en+page', html: RESULTS.html.replace(/\bb_algo\b/g, 'b_future') };

/** The bundled definitions with Bing's result selector (and, to be refused, a host) changed. */
function definitionsWithBing(result: string, extraHost?: string): string {
  const definitions = JSON.parse(JSON.stringify(BUNDLED_ENGINE_DEFINITIONS)) as { engines: { id: string; result: string; hosts: string[] }[] };
  const bing = definitions.engines.find((record) => record.id === 'bing');
  if (bing === undefined) throw new Error('no Bing definition');
  bing.result = result;
  if (extraHost !== undefined) bing.hosts.push(extraHost);
  return JSON.stringify(definitions);
}

for (const [browserName, startBrowser] of Object.entries(BROWSERS)) {
  describe(`${browserName}: engine definitions published with the list`, () => {
    it('marks a changed layout once signed definitions arrive, without a new build; tampered definitions and definitions for a page the build does not declare are refused, the last good ones still marking', async () => {
      expect(CHANGED_MARKUP.html).not.toContain('b_algo');
      const channel = await copyOfBuiltChannel();
      cleanups.push(() => rm(join(channel.listsDirectory, '..'), { recursive: true, force: true }));
      const built = await channel.builtSources();
      expect(await channel.publish(built, undefined, { engineDefinitions: definitionsWithBing('#b_results li.b_algo, #b_results li.b_future') })).toBe(2);
      const server = await startProjectChannel(channel.listsDirectory);
      cleanups.push(() => server.stop());
      const browser = await startBrowser(server);
      cleanups.push(() => browser.close());

      await expect.poll(() => browser.storedListVersion(), { timeout: 30_000 }).toBe(2);
      expect(await browser.badgesOn(CHANGED_MARKUP.url, CHANGED_MARKUP.html, RESULTS.expectedSources.length)).toEqual(RESULTS.expectedSources);

      // Version 3 names other definitions, altered on the server: refused by their hash.
      expect(await channel.publish([...built, ANOTHER], undefined, { engineDefinitions: definitionsWithBing('#b_results li.b_other') })).toBe(3);
      const manifest = JSON.parse(await readFile(join(channel.listsDirectory, 'manifest.json'), 'utf8')) as { signed: { engines: { path: string } } };
      await replaceServed(channel.listsDirectory, manifest.signed.engines.path, (text) => text.replace('li.b_other', 'li.b_evil_'));
      expect(await browser.updateNow()).toMatchObject({ health: 'failing', reason: 'hash' });
      expect(await browser.badgesOn(`${CHANGED_MARKUP.url}&v=3`, CHANGED_MARKUP.html, RESULTS.expectedSources.length)).toEqual(RESULTS.expectedSources);

      // Version 4's definitions describe a host this build does not run on: refused.
      expect(await channel.publish([...built, ANOTHER, makeSource('une-de-plus.fr', { category: 'commune' })], undefined, { engineDefinitions: definitionsWithBing('#b_results li.b_other', 'www.bing.example') })).toBe(4);
      expect(await browser.updateNow()).toMatchObject({ health: 'failing', reason: 'malformed-engines' });
      expect(await browser.badgesOn(`${CHANGED_MARKUP.url}&v=4`, CHANGED_MARKUP.html, RESULTS.expectedSources.length)).toEqual(RESULTS.expectedSources);
    });
  });
}
