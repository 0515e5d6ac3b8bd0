/**
 * The deployment guide followed as written (docs/deploiement.md): its policy files, put where the
 * guide says — Chromium's managed policy directory, Firefox's distribution/policies.json (as root,
 * as IT staff would; removed after) — alone point a fresh browser at the channel they name, served
 * by nginx with the guide's configuration over HTTPS; the extension takes the newer version from
 * there, the values they fix override the user's and show locked in the options, and the popup
 * says how long a pause lasts.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSource } from '../../corpus/testing/make-source.ts';
import { copyOfBuiltChannel, startStaticChannel } from './channel-servers.ts';
import { settledBadgeSources, startChromium } from './chromium-session.ts';
import { startFirefox } from './firefox-session.ts';
import { page } from './served-pages.ts';

const GUIDE = fileURLToPath(new URL('../../docs/deploiement/', import.meta.url));
const CHROMIUM_POLICY = join(GUIDE, 'politique-chromium.json');
const FIREFOX_POLICY = join(GUIDE, 'firefox-policies.json');
const CHROMIUM_POLICY_DIRECTORY = '/etc/chromium/policies/managed';
const FIREFOX_DISTRIBUTION = '/usr/lib/firefox-esr/distribution';
/** Firefox on Linux prefers this one when it exists: it must not, for the distribution file to be read. */
const FIREFOX_SYSTEM_POLICY = '/etc/firefox/policies/policies.json';

const RESULTS = page('bing-trusted');
const ADDED = makeSource('scienceinsights.org', { category: 'autre', name: 'Science Insights (test)' });
const WITHDRAWN = 'chu-lyon.fr';
const AFTER_UPDATE = ['ameli.fr', 'scienceinsights.org', 'sorbonne-universite.fr'];

/** The channel the guide's files name, served by nginx as the guide says, at version 2. */
async function guideChannel() {
  const policy = JSON.parse(await readFile(CHROMIUM_POLICY, 'utf8')) as { '3rdparty': { extensions: Record<string, { listChannels: string[] }> } };
  const [channelUrl] = Object.values(policy['3rdparty'].extensions)[0].listChannels;
  const hostname = new URL(channelUrl).hostname;
  const channel = await copyOfBuiltChannel();
  const built = await channel.builtSources();
  expect(await channel.publish([...built.filter((source) => source.host !== WITHDRAWN), ADDED])).toBe(2);
  const server = await startStaticChannel(channel.listsDirectory, { tlsHostname: hostname });
  return { hostname, server, cleanup: async () => { await server.stop(); await rm(join(channel.listsDirectory, '..'), { recursive: true, force: true }); } };
}

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  cleanups = [];
});

function asRoot(): void {
  // The guide's files go where only root may write, as on the public computers themselves.
  if (process.getuid?.() !== 0) throw new Error('these tests write the browsers\' policy files as the deployment guide says: run them as root (CI does)');
}

describe('Chromium, deployed with the guide\'s policy file', () => {
  it('takes the channel and the settings from the policy alone: the newer version is applied, the engines are locked, the pause lasts 30 minutes', async () => {
    asRoot();
    const { hostname, server, cleanup } = await guideChannel();
    cleanups.push(cleanup);
    await mkdir(CHROMIUM_POLICY_DIRECTORY, { recursive: true });
    const installed = join(CHROMIUM_POLICY_DIRECTORY, 'sources-de-confiance-e2e.json');
    await copyFile(CHROMIUM_POLICY, installed);
    cleanups.push(() => rm(installed, { force: true }));

    const session = await startChromium({ language: 'fr', hosts: { [hostname]: server.hostAndPort } });
    cleanups.push(() => session.close());
    session.serve(RESULTS.url, RESULTS.html);
    // The user had switched Bing off: the policy switches it on, and locks it.
    await session.worker.evaluate(() => chrome.storage.local.set({ settings: { engines: { google: true, bing: false, qwant: true } } }));

    // The policy reaches the extension (Chrome may take a few seconds), then « update now » takes the guide's channel.
    await expect.poll(() => session.worker.evaluate(async () => (await chrome.storage.local.get('managedPolicy')).managedPolicy !== undefined), { timeout: 30_000 }).toBe(true);
    const popup = await session.newPage();
    await popup.goto(session.extensionUrl('popup.html'));
    expect(await popup.locator('#pause-note').innerText()).toBe('La pause prend fin à la fermeture du navigateur, ou dans 30 minutes.');
    await popup.locator('#update-now').click();
    await popup.locator('#update-now:not([disabled])').waitFor();
    expect(await popup.locator('#list-status').getAttribute('data-health')).toBe('current');
    expect(await popup.locator('#list-info').innerText()).toMatch(/^Liste version 2 /);
    expect(await popup.getByRole('link', { name: 'Signaler une source manquante ou erronée' }).getAttribute('href')).toMatch(/^mailto:signalement@sources-de-confiance\.fr\?/);
    await popup.close();

    const tab = await session.newPage();
    await tab.goto(RESULTS.url);
    expect(await settledBadgeSources(tab, 3)).toEqual(AFTER_UPDATE);
    await tab.close();

    const options = await session.newPage();
    await options.goto(session.extensionUrl('options.html'));
    for (const id of ['engine-google', 'engine-bing', 'engine-qwant', 'engine-duckduckgo', 'engine-ecosia']) {
      expect(await options.locator(`#${id}`).isDisabled()).toBe(true);
      expect(await options.locator(`#${id}`).isChecked()).toBe(true);
    }
    expect(await options.locator('label[for="engine-bing"]').innerText()).toContain('fixé par votre administrateur');
    // What the policy leaves free stays the user's.
    expect(await options.locator('#promote').isDisabled()).toBe(false);
    await options.close();
  });
});

describe('Firefox ESR, deployed with the guide\'s policies.json', () => {
  it('takes the channel and the settings from the policy alone: the newer version is applied, the engines are locked, the pause lasts 30 minutes', async () => {
    asRoot();
    if (existsSync(FIREFOX_SYSTEM_POLICY)) throw new Error(`${FIREFOX_SYSTEM_POLICY} exists: Firefox would read it instead of the guide's file`);
    const { hostname, server, cleanup } = await guideChannel();
    cleanups.push(cleanup);
    await mkdir(FIREFOX_DISTRIBUTION, { recursive: true });
    const installed = join(FIREFOX_DISTRIBUTION, 'policies.json');
    if (existsSync(installed)) throw new Error(`${installed} exists already: not overwriting a policy of this machine`);
    await copyFile(FIREFOX_POLICY, installed);
    cleanups.push(() => rm(installed, { force: true }));

    const session = await startFirefox({ language: 'fr', tunnels: { [hostname]: server.hostAndPort } });
    cleanups.push(() => session.close());
    session.serve(RESULTS.url, RESULTS.html);

    // Firefox reads the policy at start; the background keeps it at its first reading.
    const probe = await session.openExtensionPage('options.html');
    await probe.waitForFunction(async () => {
      const { storage } = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await storage.local.get('managedPolicy')).managedPolicy !== undefined;
    }, { timeout: 30_000 });
    await probe.close();
    const popup = await session.openExtensionPage('popup.html');
    await popup.waitForSelector('#update-now');
    expect(await popup.$eval('#pause-note', (note) => note.textContent)).toBe('La pause prend fin à la fermeture du navigateur, ou dans 30 minutes.');
    await popup.click('#update-now');
    await popup.waitForSelector('#update-now:not([disabled])');
    expect(await popup.$eval('#list-status', (status) => status.getAttribute('data-health'))).toBe('current');
    expect(await popup.$eval('#list-info', (info) => info.textContent)).toMatch(/^Liste version 2 /);
    await popup.close();

    const tab = await session.newPage();
    await tab.goto(RESULTS.url);
    await tab.waitForFunction(() => document.querySelectorAll('[data-sdc-source]').length >= 3, { timeout: 20_000 });
    expect(await tab.evaluate(() => [...document.querySelectorAll('[data-sdc-source]')].map((badge) => badge.getAttribute('data-sdc-source')))).toEqual(AFTER_UPDATE);
    await tab.close();

    const options = await session.openExtensionPage('options.html');
    await options.waitForSelector('#engine-bing');
    expect(await options.$eval('#engine-bing', (input) => (input as HTMLInputElement).disabled)).toBe(true);
    expect(await options.$eval('label[for="engine-bing"]', (label) => label.textContent)).toContain('fixé par votre administrateur');
    expect(await options.$eval('#promote', (input) => (input as HTMLInputElement).disabled)).toBe(false);
    await options.close();
  });
});
